package examples_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	whop "github.com/whopgen/whopgen/generated"
)

// NewClient() with no options reads the API key from WHOP_API_KEY and the
// base URL from WHOP_BASE_URL (else whop.DefaultBaseURL). Options override
// the environment; the same options passed to one call override the
// client's for that call only.
func Example_configuration() {
	api := fakeAPI(map[string][]response{
		"GET /api/v1/members/mber_1": {{status: 200, body: member("mber_1")}},
	})
	defer api.Close()

	// A middleware sees every attempt, retries included.
	tag := func(req *http.Request, next whop.MiddlewareNext) (*http.Response, error) {
		req.Header.Set("X-Request-Source", "billing-worker")
		return next(req)
	}
	client := whop.NewClient(
		whop.WithAPIKey("sk_example"),       // default: $WHOP_API_KEY
		whop.WithBaseURL(api.URL+"/api/v1"), // default: $WHOP_BASE_URL, else whop.DefaultBaseURL; see also whop.SandboxBaseURL
		whop.WithMaxRetries(3),              // default: 2
		whop.WithRequestTimeout(10*time.Second),
		whop.WithHeader("X-Team", "billing"),
		whop.WithMiddleware(tag),
	)
	ctx := context.Background()

	m, err := client.Members.Retrieve(ctx, "mber_1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.ID, m.Status, m.Company.Title)

	// A per-call option: this call runs without a key, and fails before
	// sending anything.
	_, err = client.Members.Retrieve(ctx, "mber_1", whop.WithAPIKey(""))
	fmt.Println(err)
	// Output:
	// server: GET /api/v1/members/mber_1 -> 200
	// mber_1 joined Acme
	// whop: missing API key: pass WithAPIKey or set the WHOP_API_KEY environment variable
}
