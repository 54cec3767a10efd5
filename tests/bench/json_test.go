// Package bench measures the generated client's JSON and request path
// against plain Go structs with encoding/json and net/http, in the same
// run. The payloads in testdata were synthesized from the spec's schemas
// by tests/synth; the request bodies are built below with a mix of set,
// null and unset fields. The tests check that both sides read and write
// the same JSON, so the benchmarks compare equal work. Figures and the
// commands that reproduce them are in BENCHMARKS.md.
package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
)

func readPayload(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func ptr[T any](v T) *T { return &v }

// paymentBody is a POST /payments body (the plan variant): required
// fields, optional fields set, sent as null and left out, nested two deep.
func paymentBody() whop.PaymentCreateParams {
	return whop.PaymentCreateParams{Plan: &whop.PaymentCreateParamsPlan{
		CompanyID:       "biz_xxxxxxxxxxxxxx",
		MemberID:        "mber_xxxxxxxxxxxxx",
		Metadata:        whop.Some(map[string]any{"order": "A-1001", "source": "web"}),
		PaymentMethodID: "payt_xxxxxxxxxxxxx",
		Plan: whop.PaymentCreateParamsPlanDetails{
			ApplicationFeeAmount: whop.Some(1.5),
			BillingPeriod:        whop.Some[int64](30),
			Currency:             whop.Currencies("usd"),
			Description:          whop.Null[string](),
			ForceCreateNewPlan:   whop.Some(true),
			InitialPrice:         whop.Some(19.99),
			InternalNotes:        whop.Null[string](),
			PlanType:             whop.Some(whop.PlanTypes("renewal")),
			Product: whop.Some(whop.PlanDetailsProduct{
				CollectShippingAddress: whop.Some(false),
				Description:            whop.Null[string](),
				ExternalIdentifier:     "ext-42",
				Headline:               whop.Some("Everything in Pro"),
				Title:                  "Pro",
				Visibility:             whop.Some(whop.Visibility("visible")),
			}),
			RenewalPrice:    whop.Some(19.99),
			Title:           whop.Some("Pro monthly"),
			TrialPeriodDays: whop.Null[int64](),
			Visibility:      whop.Some(whop.Visibility("visible")),
		},
	}}
}

func plainPaymentBody() plainPaymentCreateParamsPlan {
	return plainPaymentCreateParamsPlan{
		CompanyID:       "biz_xxxxxxxxxxxxxx",
		MemberID:        "mber_xxxxxxxxxxxxx",
		Metadata:        map[string]any{"order": "A-1001", "source": "web"},
		PaymentMethodID: "payt_xxxxxxxxxxxxx",
		Plan: plainPaymentCreateParamsPlanPlan{
			ApplicationFeeAmount: ptr(1.5),
			BillingPeriod:        ptr[int64](30),
			Currency:             "usd",
			ForceCreateNewPlan:   ptr(true),
			InitialPrice:         ptr(19.99),
			PlanType:             ptr("renewal"),
			Product: &plainPaymentCreateParamsPlanPlanProduct{
				CollectShippingAddress: ptr(false),
				ExternalIdentifier:     "ext-42",
				Headline:               ptr("Everything in Pro"),
				Title:                  "Pro",
				Visibility:             ptr("visible"),
			},
			RenewalPrice: ptr(19.99),
			Title:        ptr("Pro monthly"),
			Visibility:   ptr("visible"),
		},
	}
}

// userBody is a PATCH /users/{id} body: a name set, the bio cleared with
// null, a nested object set, the rest left out.
func userBody() whop.UserUpdateParams {
	return whop.UserUpdateParams{
		Bio:            whop.Null[string](),
		Name:           whop.Some("Jane Doe"),
		ProfilePicture: whop.Some(whop.UserUpdateParamsProfilePicture{ID: "file_xxxxxxxxxxxxx"}),
	}
}

func plainUserBody() plainUserUpdateParams {
	return plainUserUpdateParams{
		Name:           ptr("Jane Doe"),
		ProfilePicture: &plainUserUpdateParamsProfilePicture{ID: "file_xxxxxxxxxxxxx"},
	}
}

// TestSameJSON checks that each benchmark pair does the same work: the
// request bodies encode to the same bytes, and the payloads decode to
// values that encode back to the same JSON.
func TestSameJSON(t *testing.T) {
	encodes := []struct {
		name         string
		whop, plainV any
	}{
		{"POST /payments", paymentBody(), plainPaymentBody()},
		{"PATCH /users/{id}", userBody(), plainUserBody()},
	}
	viaClient := map[string]func() ([]byte, error){
		"POST /payments":    paymentBody().MarshalJSON,
		"PATCH /users/{id}": whop.Some(userBody()).MarshalJSON,
	}
	for _, c := range encodes {
		fast, err := viaClient[c.name]()
		if err != nil {
			t.Fatal(err)
		}
		a, err := json.Marshal(c.whop)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(c.plainV)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) || !bytes.Equal(fast, b) {
			t.Errorf("%s: the generated type sends\n%s\n(through json.Marshal)\n%s\nand the plain one\n%s", c.name, fast, a, b)
		}
	}
	decodes := []struct {
		file         string
		whop, plainV any
	}{
		{"payments_page.json", new(whop.PaymentListPage), new(plainPaymentListPage)},
		{"user.json", new(whop.User), new(plainUser)},
	}
	for _, c := range decodes {
		data := readPayload(t, c.file)
		for _, v := range []any{c.whop, c.plainV} {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(v); err != nil {
				t.Fatalf("%s into %T: %v", c.file, v, err)
			}
		}
		if !sameJSON(t, c.whop, c.plainV) {
			t.Errorf("%s: the generated and the plain types decode it differently", c.file)
		}
	}
	var page whop.PaymentListPage
	json.Unmarshal(readPayload(t, "payments_page.json"), &page)
	if len(page.Data) != 100 {
		t.Errorf("the page has %d items, want 100", len(page.Data))
	}
}

func sameJSON(t *testing.T, a, b any) bool {
	t.Helper()
	var x, y any
	for _, p := range []struct {
		v   any
		out *any
	}{{a, &x}, {b, &y}} {
		data, err := json.Marshal(p.v)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, p.out); err != nil {
			t.Fatal(err)
		}
	}
	return reflect.DeepEqual(x, y)
}

func BenchmarkDecodePaymentPage(b *testing.B) {
	data := readPayload(b, "payments_page.json")
	b.Run("impl=whop", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var page whop.PaymentListPage
			if err := json.Unmarshal(data, &page); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=plain", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var page plainPaymentListPage
			if err := json.Unmarshal(data, &page); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkDecodeUser(b *testing.B) {
	data := readPayload(b, "user.json")
	b.Run("impl=whop", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var u whop.User
			if err := json.Unmarshal(data, &u); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var u plainUser
			if err := json.Unmarshal(data, &u); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func benchEncode(b *testing.B, encode func() ([]byte, error)) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encode(); err != nil {
			b.Fatal(err)
		}
	}
}

// The "whop" encoders below take the path the client takes for a request
// body: the MarshalJSON the generator emits for each params type, which
// writes the JSON in one pass without reflection. "json.Marshal" is
// encoding/json on the generated type, for a user who marshals params
// without the client: it calls the same MarshalJSON, then validates and
// copies its output.

func BenchmarkEncodePaymentCreate(b *testing.B) {
	whopBody, plainBody := paymentBody(), plainPaymentBody()
	b.Run("impl=plain", func(b *testing.B) { benchEncode(b, func() ([]byte, error) { return json.Marshal(&plainBody) }) })
	b.Run("impl=whop", func(b *testing.B) { benchEncode(b, whopBody.MarshalJSON) })
	b.Run("impl=whop-json.Marshal", func(b *testing.B) { benchEncode(b, func() ([]byte, error) { return json.Marshal(&whopBody) }) })
}

func BenchmarkEncodeUserUpdate(b *testing.B) {
	whopBody, plainBody := userBody(), plainUserBody()
	b.Run("impl=plain", func(b *testing.B) { benchEncode(b, func() ([]byte, error) { return json.Marshal(&plainBody) }) })
	b.Run("impl=whop", func(b *testing.B) { benchEncode(b, whopBody.MarshalJSON) })
	b.Run("impl=whop-json.Marshal", func(b *testing.B) { benchEncode(b, func() ([]byte, error) { return json.Marshal(&whopBody) }) })
}

// BenchmarkClientUserUpdate sends PATCH /users/{id} and decodes the user
// that comes back: through the generated client, and through net/http
// with the plain structs (same body, the headers that matter, the same
// http.Client). transport=loopback is an httptest server; transport=memory
// answers in process, which leaves the client's own work.
func BenchmarkClientUserUpdate(b *testing.B) {
	user := readPayload(b, "user.json")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write(user)
	}))
	defer srv.Close()
	memory := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.Body != nil {
			io.Copy(io.Discard, r.Body)
			r.Body.Close()
		}
		return &http.Response{
			StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header:        http.Header{"Content-Type": {"application/json"}},
			Body:          io.NopCloser(bytes.NewReader(user)),
			ContentLength: int64(len(user)), Request: r,
		}, nil
	})}
	for _, tr := range []struct {
		name string
		hc   *http.Client
	}{{"loopback", srv.Client()}, {"memory", memory}} {
		b.Run("transport="+tr.name+"/impl=whop", func(b *testing.B) { clientWhop(b, tr.hc, srv.URL) })
		b.Run("transport="+tr.name+"/impl=plain", func(b *testing.B) { clientPlain(b, tr.hc, srv.URL) })
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func clientWhop(b *testing.B, hc *http.Client, baseURL string) {
	ctx := context.Background()
	client := whop.NewClient(whop.WithAPIKey("test-key"), whop.WithBaseURL(baseURL), whop.WithHTTPClient(hc))
	params := userBody()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.Users.Update(ctx, "user_xxxxxxxxxxxxx", params); err != nil {
			b.Fatal(err)
		}
	}
}

func clientPlain(b *testing.B, hc *http.Client, baseURL string) {
	ctx := context.Background()
	params := plainUserBody()
	b.ReportAllocs()
	for b.Loop() {
		body, err := json.Marshal(&params)
		if err != nil {
			b.Fatal(err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPatch, baseURL+"/users/user_xxxxxxxxxxxxx", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer test-key")
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var u plainUser
		err = json.NewDecoder(resp.Body).Decode(&u)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatal(resp.Status, err)
		}
	}
}
