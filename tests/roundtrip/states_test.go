package roundtrip

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
)

// sent decodes the JSON body of the last request into a map of raw
// values, so that a test can tell an absent key from a null one.
func sent(t *testing.T, srv *specServer) map[string]json.RawMessage {
	t.Helper()
	rec := srv.take()
	if rec == nil {
		t.Fatal("no request arrived")
	}
	if rec.NotFound != nil || rec.Invalid != nil {
		t.Fatalf("request does not match the spec: %v %v\nbody: %s", rec.NotFound, rec.Invalid, rec.Body)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body, &m); err != nil {
		t.Fatalf("body %q: %v", rec.Body, err)
	}
	return m
}

// TestUserUpdateStates shows the three states of an optional nullable
// request field on PATCH /users/{id}: not set leaves the key out, Null
// sends null (clearing the bio), Some sends the value even when it is the
// zero value.
func TestUserUpdateStates(t *testing.T) {
	f := setup(t)
	srv := newSpecServer(t, f)
	srv.validate = true
	client := srv.client()

	cases := []struct {
		name    string
		params  whop.UserUpdateParams
		present bool   // whether "bio" is in the body
		bio     string // its JSON when present
	}{
		{"unset", whop.UserUpdateParams{Name: whop.Some("Jane")}, false, ""},
		{"null", whop.UserUpdateParams{Bio: whop.Null[string]()}, true, `null`},
		{"empty string", whop.UserUpdateParams{Bio: whop.Some("")}, true, `""`},
		{"value", whop.UserUpdateParams{Bio: whop.Some("Builds things")}, true, `"Builds things"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := client.Users.Update(context.Background(), "user_xxxxxxxxxxxxx", c.params); err != nil {
				t.Fatal(err)
			}
			body := sent(t, srv)
			raw, ok := body["bio"]
			if ok != c.present {
				t.Fatalf("bio present = %v, want %v (body %v)", ok, c.present, body)
			}
			if ok && string(raw) != c.bio {
				t.Errorf("bio = %s, want %s", raw, c.bio)
			}
			// Every other optional field was left unset, so only the
			// fields the case set are sent.
			for k := range body {
				if k != "bio" && k != "name" {
					t.Errorf("unexpected key %q in %v", k, body)
				}
			}
		})
	}

	// The same three states survive decoding: a params value read from
	// JSON (as a proxy or a test fixture would) encodes back the same.
	for _, in := range []string{`{}`, `{"bio":null}`, `{"bio":""}`} {
		var p whop.UserUpdateParams
		if err := json.Unmarshal([]byte(in), &p); err != nil {
			t.Fatal(err)
		}
		if got := mustJSON(t, p); string(got) != in {
			t.Errorf("%s decoded and encoded as %s", in, got)
		}
	}
}

// TestPaymentCreateUnion shows the POST /payments body union: a user sets
// one variant, the client sends that variant's JSON, and decoding that
// JSON picks the same variant again.
func TestPaymentCreateUnion(t *testing.T) {
	f := setup(t)
	srv := newSpecServer(t, f)
	srv.validate = true
	client := srv.client()

	withPlan := whop.PaymentCreateParams{Plan: &whop.PaymentCreateParamsPlan{
		CompanyID:       "biz_xxxxxxxxxxxxxx",
		MemberID:        "mber_xxxxxxxxxxxxx",
		PaymentMethodID: "payt_xxxxxxxxxxxxx",
		Plan: whop.PaymentCreateParamsPlanDetails{
			Currency:     whop.CurrenciesUsd,
			InitialPrice: whop.Some(0.0), // zero is a value: sent
			PlanType:     whop.Some(whop.PlanTypesOneTime),
		},
	}}
	withPlanID := whop.PaymentCreateParams{PlanID: &whop.PaymentCreateParamsPlanID{
		CompanyID:       "biz_xxxxxxxxxxxxxx",
		MemberID:        "mber_xxxxxxxxxxxxx",
		PaymentMethodID: "payt_xxxxxxxxxxxxx",
		PlanID:          "plan_xxxxxxxxxxxxx",
		Metadata:        whop.Some(map[string]any{"order": "A-17", "nested": map[string]any{"n": 2.0}}),
	}}

	cases := []struct {
		name    string
		params  whop.PaymentCreateParams
		has     string // the key only this variant sends
		hasNot  string
		variant any
	}{
		{"plan", withPlan, "plan", "plan_id", &whop.PaymentCreateParamsPlan{}},
		{"plan_id", withPlanID, "plan_id", "plan", &whop.PaymentCreateParamsPlanID{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := client.Payments.Create(context.Background(), c.params); err != nil {
				t.Fatal(err)
			}
			body := sent(t, srv)
			if _, ok := body[c.has]; !ok {
				t.Errorf("%q missing from %v", c.has, body)
			}
			if _, ok := body[c.hasNot]; ok {
				t.Errorf("%q sent by the %s variant", c.hasNot, c.name)
			}

			raw := mustJSON(t, c.params)
			var back whop.PaymentCreateParams
			if err := json.Unmarshal(raw, &back); err != nil {
				t.Fatal(err)
			}
			if reflect.TypeOf(back.Variant()) != reflect.TypeOf(c.variant) {
				t.Errorf("%s decoded as %T, want %T", raw, back.Variant(), c.variant)
			}
			if d := jsonDiff(raw, mustJSON(t, back)); d != "" {
				t.Errorf("decode then encode changed the body: %s", d)
			}
		})
	}

	var plan map[string]any
	_ = json.Unmarshal(mustJSON(t, withPlan), &plan)
	if got := plan["plan"].(map[string]any)["initial_price"]; got != 0.0 {
		t.Errorf("initial_price = %v, want 0 sent", got)
	}

	// A union with no variant set cannot be sent, and says so before any
	// request goes out.
	if _, err := client.Payments.Create(context.Background(), whop.PaymentCreateParams{}); err == nil {
		t.Error("an empty union was sent")
	}
	if rec := srv.take(); rec != nil {
		t.Errorf("an empty union reached the server: %s", rec.Body)
	}
}
