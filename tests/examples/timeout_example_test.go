package examples_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	whop "github.com/whopgen/whopgen/generated"
)

// Each attempt has its own time limit, one minute unless WithRequestTimeout
// says otherwise; the context bounds the whole call, retries included.
// Both end with an error matching context.DeadlineExceeded, and only the
// per-attempt limit also matches whop.ErrRequestTimeout.
func Example_requestTimeout() {
	api := fakeAPI(map[string][]response{
		"GET /api/v1/members/mber_slow": {{status: 200, body: member("mber_slow"), delay: 10 * time.Second}},
	})
	defer api.Close()
	client := whop.NewClient(
		whop.WithAPIKey("sk_example"),
		whop.WithBaseURL(api.URL+"/api/v1"),
		whop.WithMaxRetries(0), // a GET that timed out would be retried
	)

	_, err := client.Members.Retrieve(context.Background(), "mber_slow", whop.WithRequestTimeout(50*time.Millisecond))
	fmt.Println(errors.Is(err, whop.ErrRequestTimeout), errors.Is(err, context.DeadlineExceeded))
	fmt.Println(err)

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = client.Members.Retrieve(ctx, "mber_slow")
	fmt.Println(errors.Is(err, whop.ErrRequestTimeout), errors.Is(err, context.DeadlineExceeded))
	// Output:
	// server: GET /api/v1/members/mber_slow -> 200
	// true true
	// whop: members.retrieve: GET /api/v1/members/mber_slow: Get "/api/v1/members/mber_slow": attempt timed out after 50ms (WithRequestTimeout)
	// server: GET /api/v1/members/mber_slow -> 200
	// false true
}
