package roundtrip

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/synth"
)

// TestForwardCompatibility sends, for every response schema and webhook
// payload, One's instance changed the ways a newer API changes responses:
// an enum value the spec does not list, a union variant with an unknown
// discriminator, a property the schema does not declare. Each must decode
// without error; enum values and unknown variants must re-encode
// unchanged (the variant byte for byte), and extra properties are dropped
// without disturbing the rest.
func TestForwardCompatibility(t *testing.T) {
	t.Parallel()
	f := setup(t)
	srv := newSpecServer(t, f)
	methods := discover(t, f, srv)
	webhooks := whop.NewClient(whop.WithWebhookSecret(webhookSecret))
	ctx := context.Background()

	for _, kind := range []synth.ChangeKind{synth.UnknownEnum, synth.UnknownVariant, synth.ExtraProperty} {
		total, passed := 0, 0
		check := func(name string, c synth.Change, decode func([]byte) (any, error)) {
			total++
			sent := mustJSON(t, c.Value)
			out, err := decode(sent)
			d := roundTripDiff(mustJSON(t, c.Want), out, err)
			if d == "" && kind == synth.UnknownVariant {
				d = sameBytesAt(sent, mustJSON(t, out), c.Pointer)
			}
			if d != "" {
				t.Errorf("%s: %s at %q: %s\nsent: %s", name, kind, c.Pointer, d, sent)
				return
			}
			passed++
		}
		for _, tg := range synth.Responses(f.doc) {
			m, ok := methods[tg.Method+" "+tg.Path]
			if !ok {
				continue
			}
			for _, c := range f.synth.Changes(tg.Ref, kind) {
				check(tg.Name, c, func(body []byte) (any, error) {
					srv.answer(body)
					defer srv.take()
					return m.call(ctx, reflect.Value{})
				})
			}
		}
		for _, tg := range synth.Webhooks(f.doc) {
			for _, c := range f.synth.Changes(tg.Ref, kind) {
				check(tg.Name, c, func(body []byte) (any, error) {
					return webhooks.Webhooks.Unwrap(body, signedHeaders(body))
				})
			}
		}
		t.Logf("%s: %d/%d decode and re-encode as expected", kind, passed, total)
		if total == 0 {
			t.Errorf("no %s positions found in the spec", kind)
		}
	}
}

// sameBytesAt checks that the value at pointer is the same bytes in both
// documents: an unknown variant keeps its raw JSON exactly.
func sameBytesAt(want, got []byte, pointer string) string {
	w, err := rawAt(want, pointer)
	if err != nil {
		return err.Error()
	}
	g, err := rawAt(got, pointer)
	if err != nil {
		return err.Error()
	}
	if !bytes.Equal(w, g) {
		return fmt.Sprintf("raw JSON at %q changed:\nwant %s\ngot  %s", pointer, w, g)
	}
	return ""
}

// rawAt returns the bytes of the value at a JSON pointer.
func rawAt(doc []byte, pointer string) (json.RawMessage, error) {
	raw := json.RawMessage(doc)
	if pointer == "" {
		return raw, nil
	}
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err == nil {
			raw = obj[tok]
			continue
		}
		var arr []json.RawMessage
		if err := json.Unmarshal(raw, &arr); err != nil {
			return nil, fmt.Errorf("pointer %q: %v", pointer, err)
		}
		i, err := strconv.Atoi(tok)
		if err != nil || i >= len(arr) {
			return nil, fmt.Errorf("pointer %q: no item %s", pointer, tok)
		}
		raw = arr[i]
	}
	return raw, nil
}

// The next tests show the same guarantees on named types, the way a
// user meets them.

func TestUnknownPaymentMethodVariant(t *testing.T) {
	f := setup(t)
	srv := newSpecServer(t, f)
	body := []byte(`{"typename":"CryptoWalletPaymentMethod","id":"payt_xxxxxxxxxxxxx","created_at":"2023-12-01T05:00:00.401Z","wallet":{"chain":"base","address":"0xabc"}}`)
	srv.answer(body)

	pm, err := srv.client().PaymentMethods.Retrieve(context.Background(), "payt_xxxxxxxxxxxxx", whop.PaymentMethodRetrieveParams{})
	if err != nil {
		t.Fatal(err)
	}
	if v := pm.Variant(); v != nil {
		t.Errorf("Variant() = %T, want nil for an unknown typename", v)
	}
	if !bytes.Equal(pm.RawJSON(), body) {
		t.Errorf("RawJSON() = %s, want the body as sent", pm.RawJSON())
	}
	if got := mustJSON(t, pm); !bytes.Equal(got, body) {
		t.Errorf("re-encoded as %s, want the body byte for byte", got)
	}

	// A known variant still decodes to its type, and the typename is
	// written back by the encoder.
	known := []byte(`{"typename":"CardPaymentMethod","id":"payt_1","created_at":"2023-12-01T05:00:00.401Z","payment_method_type":"card","card":{"brand":"visa","exp_month":12,"exp_year":27,"last4":"4242"}}`)
	if err := json.Unmarshal(known, pm); err != nil {
		t.Fatal(err)
	}
	if pm.Card == nil || pm.Card.Card.Brand == nil || *pm.Card.Card.Brand != whop.CardBrandsVisa || pm.RawJSON() != nil {
		t.Errorf("known variant decoded as %+v", pm)
	}
	if d := jsonDiff(known, mustJSON(t, pm)); d != "" {
		t.Error(d)
	}
}

func TestUnknownCurrency(t *testing.T) {
	f := setup(t)
	srv := newSpecServer(t, f)
	plan := f.synth.One(f.doc.Components.Schemas["Plan"]).(map[string]any)
	plan["currency"] = "zwl"
	body := mustJSON(t, plan)
	srv.answer(body)

	got, err := srv.client().Plans.Retrieve(context.Background(), "plan_xxxxxxxxxxxxx")
	if err != nil {
		t.Fatal(err)
	}
	if got.Currency != "zwl" || got.Currency.IsKnown() {
		t.Errorf("Currency = %q (known %v), want the unknown value kept", got.Currency, got.Currency.IsKnown())
	}
	if !whop.CurrenciesUsd.IsKnown() {
		t.Error("usd is not known")
	}
	if d := jsonDiff(body, mustJSON(t, got)); d != "" {
		t.Error(d)
	}

	var c whop.Currencies
	if err := json.Unmarshal([]byte(`"zwl"`), &c); err != nil || c != "zwl" {
		t.Errorf("Unmarshal(\"zwl\") = %q, %v", c, err)
	}
	if b := mustJSON(t, c); string(b) != `"zwl"` {
		t.Errorf("Marshal = %s", b)
	}
}

func TestUserExtraField(t *testing.T) {
	f := setup(t)
	srv := newSpecServer(t, f)
	user := f.synth.One(f.doc.Components.Schemas["User"]).(map[string]any)
	want := mustJSON(t, user)
	user["verified_badge"] = map[string]any{"since": "2026-01-01T00:00:00Z", "tier": 2}
	srv.answer(mustJSON(t, user))

	got, err := srv.client().Users.Retrieve(context.Background(), "user_xxxxxxxxxxxxx", whop.UserRetrieveParams{})
	if err != nil {
		t.Fatalf("an unknown field is an error: %v", err)
	}
	if d := jsonDiff(want, mustJSON(t, got)); d != "" {
		t.Errorf("the known fields did not survive: %s", d)
	}
}

func TestUnknownWebhookEvent(t *testing.T) {
	client := whop.NewClient(whop.WithWebhookSecret(webhookSecret))
	body := []byte(`{"id":"msg_1","api_version":"v1","type":"subscription.paused","timestamp":"2026-01-01T00:00:00.000Z","data":{"id":"sub_1"}}`)
	ev, err := client.Webhooks.Unwrap(body, signedHeaders(body))
	if err != nil {
		t.Fatal(err)
	}
	if ev.Variant() != nil || !bytes.Equal(ev.RawJSON(), body) {
		t.Errorf("Variant() = %T, RawJSON() = %s; want nil and the body", ev.Variant(), ev.RawJSON())
	}
	if got := mustJSON(t, ev); !bytes.Equal(got, body) {
		t.Errorf("re-encoded as %s", got)
	}
}

// TestNullUnionsTheSpecCannotValidate covers five nullable unions that
// the spec writes as `type: [object, null]` around a oneOf whose variants
// are each nullable too: strict JSON Schema rejects null there (it
// matches more than one variant), so the synthesizer never sends it, but
// the descriptions say null is what the API sends ("null if using
// platform balance"). The client must take it.
func TestNullUnionsTheSpecCannotValidate(t *testing.T) {
	f := setup(t)
	srv := newSpecServer(t, f)
	methods := discover(t, f, srv)
	cases := []struct {
		op   string
		path []string // property names; "0" is the first item of an array
	}{
		{"GET /ad_campaigns/{id}", []string{"payment_method"}},
		{"GET /ads/{id}", []string{"platform_config"}},
		{"GET /ads", []string{"data", "0", "platform_config"}},
		{"GET /ad_groups/{id}", []string{"platform_config"}},
		{"GET /ad_groups", []string{"data", "0", "platform_config"}},
	}
	for _, c := range cases {
		t.Run(c.op, func(t *testing.T) {
			m, ok := methods[c.op]
			if !ok {
				t.Fatalf("no method for %s", c.op)
			}
			ref, _ := synth.SuccessResponse(m.op.Op)
			v := f.synth.One(ref)
			parent := v
			for _, step := range c.path[:len(c.path)-1] {
				if step == "0" {
					parent = parent.([]any)[0]
				} else {
					parent = parent.(map[string]any)[step]
				}
			}
			parent.(map[string]any)[c.path[len(c.path)-1]] = nil
			body := mustJSON(t, v)
			srv.answer(body)
			out, err := m.call(context.Background(), reflect.Value{})
			srv.take()
			if d := roundTripDiff(body, out, err); d != "" {
				t.Error(d)
			}
		})
	}
}
