package roundtrip

import (
	"context"
	"encoding/json"
	"net/url"
	"reflect"
	"testing"
	"time"

	whop "github.com/whopgen/whopgen/generated"
)

// lastQuery returns the query of the last request, after checking that
// kin-openapi accepts the request.
func lastQuery(t *testing.T, srv *specServer) url.Values {
	t.Helper()
	rec := srv.take()
	if rec == nil {
		t.Fatal("no request arrived")
	}
	if rec.NotFound != nil || rec.Invalid != nil {
		t.Fatalf("request does not match the spec: %v %v\nquery: %s", rec.NotFound, rec.Invalid, rec.Query.Encode())
	}
	return rec.Query
}

// withQuery sets query parameters on params by their spec names, from
// JSON values (a date-time is its RFC 3339 string). Going through the
// field's own JSON decoding keeps the test independent of whether a field
// is Opt[T] or plain T.
func withQuery[P any](t *testing.T, params P, values map[string]any) P {
	t.Helper()
	v := reflect.ValueOf(&params).Elem()
	for name, value := range values {
		field, ok := queryField(v.Type(), name)
		if !ok {
			t.Fatalf("%s has no field for the query parameter %q", v.Type().Name(), name)
		}
		if err := json.Unmarshal(mustJSON(t, value), v.Field(field).Addr().Interface()); err != nil {
			t.Fatalf("setting %q: %v", name, err)
		}
	}
	return params
}

func queryField(params reflect.Type, name string) (int, bool) {
	for i := range params.NumField() {
		f := params.Field(i)
		if f.IsExported() && f.Tag.Get("json") == "-" && fold(f.Name) == fold(name) {
			return i, true
		}
	}
	return 0, false
}

func TestQueryEncoding(t *testing.T) {
	f := setup(t)
	srv := newSpecServer(t, f)
	srv.validate = true
	client := srv.client()
	ctx := context.Background()

	t.Run("form explode arrays repeat the key", func(t *testing.T) {
		_, err := client.Payments.List(ctx, withQuery(t, whop.PaymentListParams{}, map[string]any{
			"company_id":  "biz_xxxxxxxxxxxxxx",
			"statuses":    []whop.ReceiptStatus{whop.ReceiptStatusPaid, whop.ReceiptStatusDraft},
			"product_ids": []string{"prod_1", "prod_2", "prod_3"},
		}))
		if err != nil {
			t.Fatal(err)
		}
		q := lastQuery(t, srv)
		if got := q["statuses"]; !reflect.DeepEqual(got, []string{"paid", "draft"}) {
			t.Errorf("statuses = %q, want [paid draft] in order", got)
		}
		if got := q["product_ids"]; !reflect.DeepEqual(got, []string{"prod_1", "prod_2", "prod_3"}) {
			t.Errorf("product_ids = %q", got)
		}
	})

	t.Run("deepObject filters", func(t *testing.T) {
		_, err := client.Stats.QueryMetric(ctx, withQuery(t, whop.StatQueryMetricParams{Resource: "receipts:gross_revenue"}, map[string]any{
			"filters": map[string]any{"product_id": "prod_1", "amount": 5, "refunded": false},
		}))
		if err != nil {
			t.Fatal(err)
		}
		want := url.Values{
			"resource":            {"receipts:gross_revenue"},
			"filters[product_id]": {"prod_1"},
			"filters[amount]":     {"5"},
			"filters[refunded]":   {"false"},
		}
		if got := lastQuery(t, srv); !reflect.DeepEqual(got, want) {
			t.Errorf("query = %v, want %v", got, want)
		}
	})

	t.Run("date-time is RFC 3339 with its fraction and offset", func(t *testing.T) {
		after := time.Date(2024, 2, 29, 23, 59, 59, 400_000_000, time.UTC)
		before := time.Date(2025, 6, 15, 12, 30, 45, 123_456_000, time.FixedZone("", 2*60*60))
		_, err := client.Payments.List(ctx, withQuery(t, whop.PaymentListParams{}, map[string]any{
			"created_after":  after,
			"created_before": before,
		}))
		if err != nil {
			t.Fatal(err)
		}
		q := lastQuery(t, srv)
		for key, want := range map[string]time.Time{"created_after": after, "created_before": before} {
			got, err := time.Parse(time.RFC3339Nano, q.Get(key))
			if err != nil || !got.Equal(want) {
				t.Errorf("%s = %q (%v), want the instant %v", key, q.Get(key), err, want)
			}
		}
		if got := q.Get("created_before"); got != "2025-06-15T12:30:45.123456+02:00" {
			t.Errorf("created_before = %q, want the offset kept", got)
		}
	})

	t.Run("unset parameters are absent, zero values are sent", func(t *testing.T) {
		if _, err := client.Payments.List(ctx, whop.PaymentListParams{}); err != nil {
			t.Fatal(err)
		}
		if q := lastQuery(t, srv); len(q) != 0 {
			t.Errorf("empty params sent %v", q)
		}
		if _, err := client.Payments.List(ctx, withQuery(t, whop.PaymentListParams{}, map[string]any{
			"first":        0,
			"include_free": false,
			"query":        "",
			"before":       nil, // null has no query form: not sent
		})); err != nil {
			t.Fatal(err)
		}
		want := url.Values{"first": {"0"}, "include_free": {"false"}, "query": {""}}
		if got := lastQuery(t, srv); !reflect.DeepEqual(got, want) {
			t.Errorf("query = %v, want %v", got, want)
		}
	})
}
