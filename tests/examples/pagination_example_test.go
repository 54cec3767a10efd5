package examples_test

import (
	"context"
	"fmt"

	whop "github.com/whopgen/whopgen/generated"
)

// ListAutoPaging ranges over every item of every page, fetching the next
// page (after = the previous end_cursor) only when the loop asks for more.
// List returns one page.
func Example_pagination() {
	page := func(cursor string, more bool, ids ...string) string {
		data := ""
		for i, id := range ids {
			if i > 0 {
				data += ","
			}
			data += member(id)
		}
		return fmt.Sprintf(`{"data":[%s],"page_info":{"end_cursor":%q,"has_next_page":%t}}`, data, cursor, more)
	}
	api := fakeAPI(map[string][]response{
		"GET /api/v1/members?company_id=biz_1":          {{status: 200, body: page("c1", true, "mber_1", "mber_2")}},
		"GET /api/v1/members?after=c1&company_id=biz_1": {{status: 200, body: page("c2", true, "mber_3", "mber_4")}},
		"GET /api/v1/members?after=c2&company_id=biz_1": {{status: 200, body: page("c3", false, "mber_5")}},
	})
	defer api.Close()
	client := whop.NewClient(whop.WithAPIKey("sk_example"), whop.WithBaseURL(api.URL+"/api/v1"))
	ctx := context.Background()

	for m, err := range client.Members.ListAutoPaging(ctx, whop.MemberListParams{CompanyID: whop.Some("biz_1")}) {
		if err != nil {
			fmt.Println(err) // the first error ends the loop
			break
		}
		fmt.Println(m.ID)
		if m.ID == "mber_3" {
			break // no further request is sent
		}
	}

	// One page at a time: pass the end cursor as After.
	p, err := client.Members.List(ctx, whop.MemberListParams{CompanyID: whop.Some("biz_1"), After: whop.Some("c2")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(p.Data), p.Data[0].ID, p.PageInfo.HasNextPage)
	// Output:
	// server: GET /api/v1/members?company_id=biz_1 -> 200
	// mber_1
	// mber_2
	// server: GET /api/v1/members?after=c1&company_id=biz_1 -> 200
	// mber_3
	// server: GET /api/v1/members?after=c2&company_id=biz_1 -> 200
	// 1 mber_5 false
}
