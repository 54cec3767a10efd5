package examples_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	whop "github.com/whopgen/whopgen/generated"
)

// A server newer than the spec may send a field in a form the client does
// not expect: here a string where the spec promises a number. The rest of
// the response still decodes; the error is a partial *whop.DecodeError
// that lists each field that did not fit, with its raw JSON.
func Example_partialDecode() {
	newer := strings.Replace(member("mber_1"), `"usd_total_spent":0`, `"usd_total_spent":"19.99"`, 1)
	api := fakeAPI(map[string][]response{
		"GET /api/v1/members/mber_1": {{status: 200, body: newer}},
	})
	defer api.Close()
	client := whop.NewClient(whop.WithAPIKey("sk_example"), whop.WithBaseURL(api.URL+"/api/v1"))

	m, err := client.Members.Retrieve(context.Background(), "mber_1")
	var decErr *whop.DecodeError
	if errors.As(err, &decErr) && decErr.Partial() {
		for _, f := range decErr.Fields {
			fmt.Printf("%s = %s: %v\n", f.Path, f.Raw, f.Err)
		}
		fmt.Println(m.ID, m.Status, m.UsdTotalSpent) // the rest of the member
	}
	fmt.Println(err)
	// Output:
	// server: GET /api/v1/members/mber_1 -> 200
	// usd_total_spent = "19.99": json: cannot unmarshal string into Go value of type float64
	// mber_1 joined 0
	// whop: members.retrieve: decoding 200 response (application/json): 1 field did not fit, the rest decoded: usd_total_spent = "19.99": json: cannot unmarshal string into Go value of type float64
}
