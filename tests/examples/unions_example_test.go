package examples_test

import (
	"context"
	"fmt"
	"strings"

	whop "github.com/whopgen/whopgen/generated"
)

// A response union says which variant arrived, and reads what every
// variant has without a type switch. Every object a method returns keeps
// the JSON it came from, so a field the API added after this client was
// generated can still be read.
func Example_unions() {
	newer := strings.Replace(member("mber_1"), `"status":"joined",`, `"status":"joined","loyalty_tier":"gold",`, 1)
	api := fakeAPI(map[string][]response{
		"GET /api/v1/payment_methods/pm_1": {{status: 200, body: `{"typename":"CardPaymentMethod","id":"pm_1",` +
			`"created_at":"2024-01-02T03:04:05Z","payment_method_type":"card",` +
			`"card":{"brand":"visa","exp_month":4,"exp_year":29,"last4":"4242"}}`}},
		"GET /api/v1/members/mber_1": {{status: 200, body: newer}},
	})
	defer api.Close()
	client := whop.NewClient(whop.WithAPIKey("sk_example"), whop.WithBaseURL(api.URL+"/api/v1"))
	ctx := context.Background()

	pm, err := client.PaymentMethods.Retrieve(ctx, "pm_1", whop.PaymentMethodRetrieveParams{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pm.ID(), pm.Typename(), pm.PaymentMethodType()) // shared by every variant
	if card := pm.Card; card != nil {
		fmt.Println(*card.Card.Brand, *card.Card.Last4) // the variant that arrived
	}

	m, err := client.Members.Retrieve(ctx, "mber_1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.ID, strings.Contains(string(m.RawJSON()), `"loyalty_tier":"gold"`))

	// A request union sends exactly one variant: none, or two, fails
	// before anything is sent.
	_, err = client.Payments.Create(ctx, whop.PaymentCreateParams{
		Plan:   &whop.PaymentCreateParamsPlan{CompanyID: "biz_1"},
		PlanID: &whop.PaymentCreateParamsPlanID{CompanyID: "biz_1", PlanID: "plan_1"},
	})
	fmt.Println(err)
	// Output:
	// server: GET /api/v1/payment_methods/pm_1 -> 200
	// pm_1 CardPaymentMethod card
	// visa 4242
	// server: GET /api/v1/members/mber_1 -> 200
	// mber_1 true
	// whop: payments.create: encoding request body: PaymentCreateParams: 2 variants are set; set exactly one
}
