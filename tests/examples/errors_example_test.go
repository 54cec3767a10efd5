package examples_test

import (
	"context"
	"errors"
	"fmt"

	whop "github.com/whopgen/whopgen/generated"
)

// Every non-2xx response is a *whop.Error carrying the API's error object;
// errors.Is matches the common statuses. A 2xx response that does not
// decode is a *whop.DecodeError.
func Example_errors() {
	api := fakeAPI(map[string][]response{
		"GET /api/v1/members/mber_gone": {{
			status: 404,
			header: map[string]string{"X-Request-Id": "req_42"},
			body:   `{"error":{"type":"not_found","code":null,"message":"Member not found","param":null}}`,
		}},
		"GET /api/v1/members/mber_odd": {{status: 200, body: `<html>maintenance</html>`}},
	})
	defer api.Close()
	client := whop.NewClient(whop.WithAPIKey("sk_example"), whop.WithBaseURL(api.URL+"/api/v1"))
	ctx := context.Background()

	_, err := client.Members.Retrieve(ctx, "mber_gone")
	var apiErr *whop.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Type, apiErr.Message, apiErr.RequestID)
	}
	switch {
	case errors.Is(err, whop.ErrNotFound):
		fmt.Println("no such member")
	case errors.Is(err, whop.ErrUnauthorized), errors.Is(err, whop.ErrForbidden):
		fmt.Println("check the API key and its permissions")
	case errors.Is(err, whop.ErrRateLimited), errors.Is(err, whop.ErrServer):
		fmt.Println("try again later")
	}
	fmt.Println(err)

	_, err = client.Members.Retrieve(ctx, "mber_odd")
	var decErr *whop.DecodeError
	if errors.As(err, &decErr) {
		fmt.Printf("%s: %d with %q\n", decErr.Operation, decErr.StatusCode, decErr.Snippet)
	}
	// Output:
	// server: GET /api/v1/members/mber_gone -> 404
	// 404 not_found Member not found req_42
	// no such member
	// whop: GET /api/v1/members/mber_gone: 404 not_found: Member not found [request req_42]
	// server: GET /api/v1/members/mber_odd -> 200
	// members.retrieve: 200 with "<html>maintenance</html>"
}
