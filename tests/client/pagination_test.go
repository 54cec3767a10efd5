package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
)

// memberPages serves GET /members as three pages: mber_1..2 (end cursor
// c1), mber_3..4 (c2), mber_5 (last). The page is chosen by the `after`
// query parameter alone.
func memberPages(t *testing.T) *server {
	return newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path != "/api/v1/members" {
			reply(w, 404, `{"error":{"type":"not_found","message":"no such path"}}`)
			return
		}
		page := func(ids []int, end string, more bool) string {
			items := make([]string, len(ids))
			for i, id := range ids {
				items[i] = strings.Replace(memberJSON, `"id":"mber_1"`, fmt.Sprintf(`"id":"mber_%d"`, id), 1)
			}
			cursor := `null`
			if end != "" {
				cursor = `"` + end + `"`
			}
			return fmt.Sprintf(`{"data":[%s],"page_info":{"end_cursor":%s,"has_next_page":%t,"has_previous_page":false,"start_cursor":null}}`,
				strings.Join(items, ","), cursor, more)
		}
		switch r.URL.Query().Get("after") {
		case "":
			reply(w, 200, page([]int{1, 2}, "c1", true))
		case "c1":
			reply(w, 200, page([]int{3, 4}, "c2", true))
		case "c2":
			reply(w, 200, page([]int{5}, "c3", false))
		default:
			reply(w, 400, `{"error":{"type":"invalid_request_error","message":"bad cursor","param":"after"}}`)
		}
	})
}

// afters lists the `after` query parameter of each request ("" when absent).
func afters(reqs []seen) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = r.Query.Get("after")
	}
	return out
}

func TestAutoPagingAllPages(t *testing.T) {
	srv := memberPages(t)
	params := whop.MemberListParams{CompanyID: whop.Some("biz_1"), First: whop.Some[int64](2)}

	var ids []string
	for m, err := range srv.client().Members.ListAutoPaging(context.Background(), params) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	if want := []string{"mber_1", "mber_2", "mber_3", "mber_4", "mber_5"}; !slices.Equal(ids, want) {
		t.Errorf("items = %v, want %v", ids, want)
	}
	reqs := srv.requests()
	if len(reqs) != 3 {
		t.Fatalf("server saw %d requests, want 3", len(reqs))
	}
	if got, want := afters(reqs), []string{"", "c1", "c2"}; !slices.Equal(got, want) {
		t.Errorf("after = %q, want %q (each page's end_cursor)", got, want)
	}
	for i, r := range reqs {
		if r.Query.Get("company_id") != "biz_1" || r.Query.Get("first") != "2" {
			t.Errorf("request %d lost the caller's parameters: %v", i+1, r.Query)
		}
	}
	if params.After.IsSet() {
		t.Error("auto-paging changed the caller's params")
	}
}

// Breaking out of the loop sends no further request.
func TestAutoPagingEarlyBreak(t *testing.T) {
	for _, tt := range []struct {
		stopAt   string
		requests int
	}{
		{"mber_1", 1},
		{"mber_2", 1}, // the last item of page 1: page 2 is not fetched
		{"mber_3", 2},
		{"mber_5", 3},
	} {
		t.Run(tt.stopAt, func(t *testing.T) {
			srv := memberPages(t)
			var last string
			for m, err := range srv.client().Members.ListAutoPaging(context.Background(), whop.MemberListParams{}) {
				if err != nil {
					t.Fatal(err)
				}
				last = m.ID
				if m.ID == tt.stopAt {
					break
				}
			}
			if last != tt.stopAt {
				t.Errorf("stopped at %s, want %s", last, tt.stopAt)
			}
			if n := srv.count(); n != tt.requests {
				t.Errorf("server saw %d requests, want %d", n, tt.requests)
			}
		})
	}
}

// The caller's own cursor is the starting point.
func TestAutoPagingFromCursor(t *testing.T) {
	srv := memberPages(t)
	var ids []string
	for m, err := range srv.client().Members.ListAutoPaging(context.Background(), whop.MemberListParams{After: whop.Some("c1")}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	if want := []string{"mber_3", "mber_4", "mber_5"}; !slices.Equal(ids, want) {
		t.Errorf("items = %v, want %v", ids, want)
	}
	if got := afters(srv.requests()); !slices.Equal(got, []string{"c1", "c2"}) {
		t.Errorf("after = %q", got)
	}
}

// The first error is yielded once and ends the walk.
func TestAutoPagingStopsAtError(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			reply(w, 200, `{"data":[`+memberJSON+`],"page_info":{"end_cursor":"c1","has_next_page":true}}`)
			return
		}
		reply(w, 403, `{"error":{"type":"forbidden","message":"no access"}}`)
	})
	var items, errs int
	for _, err := range srv.client().Members.ListAutoPaging(context.Background(), whop.MemberListParams{}) {
		if err != nil {
			errs++
			if !errors.Is(err, whop.ErrForbidden) {
				t.Errorf("err = %v, want the 403", err)
			}
			continue // keep ranging: the iterator must end by itself
		}
		items++
	}
	if items != 1 || errs != 1 || srv.count() != 2 {
		t.Errorf("items = %d, errors = %d, requests = %d; want 1, 1, 2", items, errs, srv.count())
	}
}

// Cancelling between pages stops the walk with the context's error.
func TestAutoPagingHonoursContext(t *testing.T) {
	srv := memberPages(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ids []string
	var lastErr error
	for m, err := range srv.client().Members.ListAutoPaging(ctx, whop.MemberListParams{}) {
		if err != nil {
			lastErr = err
			continue
		}
		ids = append(ids, m.ID)
		if m.ID == "mber_2" {
			cancel()
		}
	}
	if !errors.Is(lastErr, context.Canceled) || len(ids) != 2 || srv.count() != 1 {
		t.Errorf("items %v, err %v, requests %d; want 2 items, context.Canceled, 1 request", ids, lastErr, srv.count())
	}
}

// List returns one page; the next one is fetched by passing its end cursor
// as After.
func TestListPage(t *testing.T) {
	srv := memberPages(t)
	client := srv.client()
	ctx := context.Background()

	page, err := client.Members.List(ctx, whop.MemberListParams{CompanyID: whop.Some("biz_1")})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Data) != 2 || page.Data[0].ID != "mber_1" || page.Data[0].Status != whop.MemberStatusesJoined {
		t.Errorf("page 1 data = %+v", page.Data)
	}
	if page.PageInfo.EndCursor == nil || *page.PageInfo.EndCursor != "c1" || !page.PageInfo.HasNextPage || page.PageInfo.StartCursor != nil {
		t.Errorf("page 1 info = %+v", page.PageInfo)
	}

	var pages int
	params := whop.MemberListParams{CompanyID: whop.Some("biz_1")}
	for {
		page, err := client.Members.List(ctx, params)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if !page.PageInfo.HasNextPage {
			break
		}
		params.After = whop.Some(*page.PageInfo.EndCursor)
	}
	if pages != 3 || srv.count() != 4 {
		t.Errorf("walked %d pages with %d requests, want 3 pages (and 4 requests in all)", pages, srv.count())
	}
	if got := afters(srv.requests()); !slices.Equal(got, []string{"", "", "c1", "c2"}) {
		t.Errorf("after = %q", got)
	}
}
