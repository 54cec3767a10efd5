package examples_test

import (
	"context"
	"fmt"

	whop "github.com/whopgen/whopgen/generated"
)

// POST and PATCH are retried only when the server cannot have acted on the
// request (503, 429, refused connection), so a payment is never created
// twice by the client. WithRetryNonIdempotent opts in to the full policy.
// (The test server sends Retry-After: 0, so the example waits only the
// minimum between attempts, 100 to 200 ms.)
func Example_retries() {
	retryNow := map[string]string{"Retry-After": "0"}
	api := fakeAPI(map[string][]response{
		"POST /api/v1/payments": {
			{status: 503, header: retryNow, body: `{"error":{"type":"service_unavailable","message":"try again"}}`},
			{status: 500, header: retryNow, body: `{"error":{"type":"server_error","message":"boom"}}`},
			{status: 500, header: retryNow, body: `{"error":{"type":"server_error","message":"boom"}}`},
			{status: 200, body: `{"id":"pay_1"}`},
		},
	})
	defer api.Close()
	client := whop.NewClient(
		whop.WithAPIKey("sk_example"),
		whop.WithBaseURL(api.URL+"/api/v1"),
		whop.WithMaxRetries(2), // the default: at most 3 attempts
	)
	ctx := context.Background()
	params := whop.PaymentCreateParams{PlanID: &whop.PaymentCreateParamsPlanID{
		CompanyID: "biz_1", MemberID: "mber_1", PaymentMethodID: "pm_1", PlanID: "plan_1",
	}}

	// The 503 is retried; the 500 is not: the payment may exist.
	_, err := client.Payments.Create(ctx, params)
	fmt.Println(err)

	// Opt in for one call when a duplicate is acceptable.
	payment, err := client.Payments.Create(ctx, params, whop.WithRetryNonIdempotent(true))
	fmt.Println(payment.ID, err)
	// Output:
	// server: POST /api/v1/payments -> 503
	// server: POST /api/v1/payments -> 500
	// whop: POST /api/v1/payments: 500 server_error: boom
	// server: POST /api/v1/payments -> 500
	// server: POST /api/v1/payments -> 200
	// pay_1 <nil>
}
