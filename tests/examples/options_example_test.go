package examples_test

import (
	"context"
	"fmt"
	"io"
	"net/http"

	whop "github.com/whopgen/whopgen/generated"
)

// Per-call options reach what the generated params do not (yet) know:
// WithQuery adds a query parameter, WithJSONSet a top-level body field, and
// WithResponseInto hands over the raw HTTP response, whose body can still
// be read.
func Example_requestOptions() {
	api := fakeAPI(map[string][]response{
		"PATCH /api/v1/users/user_1?notify=false": {{
			status:   200,
			header:   map[string]string{"X-Request-Id": "req_7"},
			body:     `{"id":"user_1","username":"jane","name":"Jane","bio":null,"created_at":"2024-01-02T03:04:05Z","profile_picture":null}`,
			showBody: true,
		}},
	})
	defer api.Close()
	client := whop.NewClient(whop.WithAPIKey("sk_example"), whop.WithBaseURL(api.URL+"/api/v1"))
	ctx := context.Background()

	var resp *http.Response
	user, err := client.Users.Update(ctx, "user_1", whop.UserUpdateParams{Name: whop.String("Jane")},
		whop.WithQuery("notify", "false"),
		whop.WithJSONSet("pronouns", "she/her"),
		whop.WithResponseInto(&resp),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(user.ID, *user.Name)
	raw, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, resp.Header.Get("X-Request-Id"), len(raw), "bytes")
	// Output:
	// server: PATCH /api/v1/users/user_1?notify=false -> 200
	// server: body {"name":"Jane","pronouns":"she/her"}
	// user_1 Jane
	// 200 req_7 117 bytes
}
