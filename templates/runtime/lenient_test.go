package whop

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The types below stand in for generated response types: an object with
// scalars, a nullable pointer, Opts of a scalar and of an object, a nested
// object, a list, a union, a map and a time, which keeps its raw JSON.
type rtLenOrder struct {
	ID       string            `json:"id"`
	Total    float64           `json:"total"`
	Discount Opt[float64]      `json:"discount,omitzero"`
	Note     *string           `json:"note"`
	Customer rtLenCustomer     `json:"customer"`
	Shipping Opt[rtLenAddress] `json:"shipping,omitzero"`
	Lines    []rtLenLine       `json:"lines"`
	Payment  rtLenPayment      `json:"payment"`
	Meta     map[string]int    `json:"meta"`
	Created  time.Time         `json:"created_at"`

	raw json.RawMessage
}

func (o *rtLenOrder) setRawJSON(raw json.RawMessage) { o.raw = raw }

type rtLenCustomer struct {
	Name string `json:"name"`
	Age  int64  `json:"age"`
}

type rtLenAddress struct {
	City string `json:"city"`
	Zip  string `json:"zip"`
}

type rtLenLine struct {
	SKU string `json:"sku"`
	Qty int64  `json:"qty"`
}

// rtLenPayment is a union with a "type" discriminator, decoded the way the
// generated unions decode.
type rtLenPayment struct {
	Card *rtLenCard
	Bank *rtLenBank
	raw  json.RawMessage
}

type rtLenCard struct {
	Last4   string `json:"last4"`
	ExpYear int64  `json:"exp_year"`
}

type rtLenBank struct {
	IBAN string `json:"iban"`
}

func (p rtLenPayment) Variant() any {
	switch {
	case p.Card != nil:
		return p.Card
	case p.Bank != nil:
		return p.Bank
	}
	return nil
}

func (p *rtLenPayment) UnmarshalJSON(data []byte) error {
	*p = rtLenPayment{}
	tag, err := unionTag(data, "type")
	if err != nil {
		return err
	}
	switch tag {
	case "card":
		p.Card = new(rtLenCard)
		return json.Unmarshal(data, p.Card)
	case "bank":
		p.Bank = new(rtLenBank)
		return json.Unmarshal(data, p.Bank)
	default:
		p.raw = bytes.Clone(data)
		return nil
	}
}

const rtLenBody = `{"id":"o_1","total":19.99,"discount":1.5,"note":"hi",` +
	`"customer":{"name":"Ann","age":30},"shipping":{"city":"Oslo","zip":"0150"},` +
	`"lines":[{"sku":"a","qty":1},{"sku":"b","qty":2}],` +
	`"payment":{"type":"card","last4":"4242","exp_year":2030},` +
	`"meta":{"a":1},"created_at":"2024-01-02T03:04:05Z"}`

// rtLenWant checks the fields a case did not break.
func rtLenWant(t *testing.T, o *rtLenOrder, skip ...string) {
	t.Helper()
	checks := map[string]bool{
		"id":         o.ID == "o_1",
		"total":      o.Total == 19.99,
		"discount":   o.Discount.Or(0) == 1.5,
		"note":       o.Note != nil && *o.Note == "hi",
		"customer":   o.Customer == rtLenCustomer{"Ann", 30},
		"shipping":   o.Shipping.Or(rtLenAddress{}) == rtLenAddress{"Oslo", "0150"},
		"lines":      len(o.Lines) == 2 && o.Lines[0] == rtLenLine{"a", 1} && o.Lines[1] == rtLenLine{"b", 2},
		"payment":    o.Payment.Card != nil && *o.Payment.Card == rtLenCard{"4242", 2030},
		"meta":       len(o.Meta) == 1 && o.Meta["a"] == 1,
		"created_at": o.Created.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)),
	}
	for name, ok := range checks {
		if !ok && !strings.Contains(" "+strings.Join(skip, " ")+" ", " "+name+" ") {
			t.Errorf("%s not decoded: %+v", name, *o)
		}
	}
}

func TestLenientDecodeKeepsWhatFits(t *testing.T) {
	tests := []struct {
		name      string
		from, to  string // a replacement in rtLenBody
		wantPaths []string
		wantRaw   []string
		broken    []string // top-level fields rtLenWant must not check
		check     func(t *testing.T, o *rtLenOrder)
	}{
		{name: "scalar", from: `"total":19.99`, to: `"total":"19.99"`,
			wantPaths: []string{"total"}, wantRaw: []string{`"19.99"`}, broken: []string{"total"},
			check: func(t *testing.T, o *rtLenOrder) {
				if o.Total != 0 {
					t.Errorf("Total = %v, want 0", o.Total)
				}
			}},
		{name: "nested field", from: `"age":30`, to: `"age":"thirty"`,
			wantPaths: []string{"customer.age"}, wantRaw: []string{`"thirty"`}, broken: []string{"customer"},
			check: func(t *testing.T, o *rtLenOrder) {
				if o.Customer != (rtLenCustomer{Name: "Ann"}) {
					t.Errorf("Customer = %+v", o.Customer)
				}
			}},
		{name: "Opt of a scalar", from: `"discount":1.5`, to: `"discount":"1.5"`,
			wantPaths: []string{"discount"}, wantRaw: []string{`"1.5"`}, broken: []string{"discount"},
			check: func(t *testing.T, o *rtLenOrder) {
				if o.Discount.IsSet() {
					t.Errorf("Discount = %v, want unset: it held nothing that fit", o.Discount)
				}
			}},
		{name: "inside an Opt", from: `"zip":"0150"`, to: `"zip":150`,
			wantPaths: []string{"shipping.zip"}, wantRaw: []string{`150`}, broken: []string{"shipping"},
			check: func(t *testing.T, o *rtLenOrder) {
				if v, ok := o.Shipping.Get(); !ok || v != (rtLenAddress{City: "Oslo"}) {
					t.Errorf("Shipping = %v, want set with the city", o.Shipping)
				}
			}},
		{name: "inside a union", from: `"exp_year":2030`, to: `"exp_year":"2030"`,
			wantPaths: []string{"payment.exp_year"}, wantRaw: []string{`"2030"`}, broken: []string{"payment"},
			check: func(t *testing.T, o *rtLenOrder) {
				if o.Payment.Card == nil || *o.Payment.Card != (rtLenCard{Last4: "4242"}) {
					t.Errorf("Payment.Card = %+v", o.Payment.Card)
				}
			}},
		{name: "in a list element", from: `"qty":2`, to: `"qty":2.5`,
			wantPaths: []string{"lines[1].qty"}, wantRaw: []string{`2.5`}, broken: []string{"lines"},
			check: func(t *testing.T, o *rtLenOrder) {
				if len(o.Lines) != 2 || o.Lines[0] != (rtLenLine{"a", 1}) || o.Lines[1] != (rtLenLine{SKU: "b"}) {
					t.Errorf("Lines = %+v", o.Lines)
				}
			}},
		{name: "nullable pointer", from: `"note":"hi"`, to: `"note":{"text":"hi"}`,
			wantPaths: []string{"note"}, wantRaw: []string{`{"text":"hi"}`}, broken: []string{"note"},
			check: func(t *testing.T, o *rtLenOrder) {
				if o.Note != nil {
					t.Errorf("Note = %q, want nil", *o.Note)
				}
			}},
		{name: "map value", from: `"meta":{"a":1}`, to: `"meta":{"a":1,"b c":"x"}`,
			wantPaths: []string{`meta["b c"]`}, wantRaw: []string{`"x"`}, broken: []string{"meta"},
			check: func(t *testing.T, o *rtLenOrder) {
				if o.Meta["a"] != 1 || len(o.Meta) != 2 {
					t.Errorf("Meta = %v", o.Meta)
				}
			}},
		{name: "type with its own decoding", from: `"created_at":"2024-01-02T03:04:05Z"`, to: `"created_at":"yesterday"`,
			wantPaths: []string{"created_at"}, wantRaw: []string{`"yesterday"`}, broken: []string{"created_at"}},
		{name: "a whole object", from: `"customer":{"name":"Ann","age":30}`, to: `"customer":["Ann",30]`,
			wantPaths: []string{"customer"}, wantRaw: []string{`["Ann",30]`}, broken: []string{"customer"}},
		{name: "several, in body order", from: `"total":19.99`, to: `"total":true,"lines":[{"sku":1,"qty":"1"}]`,
			wantPaths: []string{"total", "lines[0].sku", "lines[0].qty"}, wantRaw: []string{`true`, `1`, `"1"`},
			broken: []string{"total", "lines"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := strings.Replace(rtLenBody, tc.from, tc.to, 1)
			if body == rtLenBody {
				t.Fatalf("%q not in the body", tc.from)
			}
			var o rtLenOrder
			err := json.Unmarshal([]byte(body), &o)
			if err == nil {
				t.Fatal("the strict decode accepted the body")
			}
			fields, partial := rtDecodeLenient([]byte(body), &o, err)
			if !partial {
				t.Fatalf("not partial; fields %v", fields)
			}
			var paths, raws []string
			for _, f := range fields {
				paths = append(paths, f.Path)
				raws = append(raws, string(f.Raw))
				if f.Err == nil {
					t.Errorf("%s: no error", f.Path)
				}
			}
			if strings.Join(paths, " ") != strings.Join(tc.wantPaths, " ") || strings.Join(raws, " ") != strings.Join(tc.wantRaw, " ") {
				t.Errorf("fields %q with raw %q, want %q with %q", paths, raws, tc.wantPaths, tc.wantRaw)
			}
			rtLenWant(t, &o, tc.broken...)
			if tc.check != nil {
				tc.check(t, &o)
			}
		})
	}
}

func TestLenientDecodeNotPartial(t *testing.T) {
	for name, body := range map[string]string{
		"malformed":         `{"id":"o_1","total":`,
		"trailing garbage":  `{"id":"o_1"} x`,
		"array for object":  `[{"id":"o_1"}]`,
		"string for object": `"o_1"`,
	} {
		var o rtLenOrder
		err := json.Unmarshal([]byte(body), &o)
		if err == nil {
			t.Fatalf("%s: strict decode accepted %s", name, body)
		}
		if fields, partial := rtDecodeLenient([]byte(body), &o, err); partial {
			t.Errorf("%s: partial with %v", name, fields)
		}
	}
}

// Members are matched to fields as encoding/json matches them: by tag, by
// Go name, case-insensitively, through embedded structs; others are
// ignored.
func TestLenientDecodeFieldNames(t *testing.T) {
	type base struct {
		Kind string `json:"kind"`
	}
	type item struct {
		base
		Name   string
		Count  int  `json:"count"`
		Hidden bool `json:"-"`
		secret string
	}
	body := `{"kind":"k","NAME":"n","count":"7","Hidden":true,"secret":"s","extra":1}`
	var it item
	err := json.Unmarshal([]byte(body), &it)
	fields, partial := rtDecodeLenient([]byte(body), &it, err)
	if !partial || len(fields) != 1 || fields[0].Path != "count" {
		t.Fatalf("fields = %v, partial %v", fields, partial)
	}
	if it.Kind != "k" || it.Name != "n" || it.Count != 0 || it.Hidden || it.secret != "" {
		t.Errorf("decoded %+v", it)
	}
}

func TestResultHelper(t *testing.T) {
	v := &rtLenOrder{ID: "o_1"}
	partial := &DecodeError{Err: errors.New("x"), Fields: []FieldError{{Path: "total"}}}
	whole := &DecodeError{Err: errors.New("x")}
	for _, tc := range []struct {
		err     error
		wantOut bool
	}{
		{nil, true},
		{partial, true},
		{errors.Join(errors.New("wrapped"), partial), true},
		{whole, false},
		{&Error{StatusCode: 404}, false},
	} {
		out, err := rtResult(v, tc.err)
		if (out != nil) != tc.wantOut || err != tc.err {
			t.Errorf("rtResult(%v) = %v, %v", tc.err, out, err)
		}
	}
}

// Through the transport: the call returns the partial value with a
// *DecodeError that errors.As finds, and the value keeps the body.
func TestDoPartialDecode(t *testing.T) {
	body := strings.Replace(rtLenBody, `"total":19.99`, `"total":"19.99"`, 1)
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { rtJSON(w, 200, body) })
	tr, _ := newRTTestTransport(t, srv.URL)

	var out rtLenOrder
	o, err := rtResult(&out, tr.do(context.Background(), &apiRequest{Operation: "orders.retrieve", Method: "GET", Path: "/orders/o_1"}, &out))
	var de *DecodeError
	if !errors.As(err, &de) || !de.Partial() {
		t.Fatalf("err = %v, want a partial *DecodeError", err)
	}
	if o == nil {
		t.Fatal("no value returned with the partial error")
	}
	rtLenWant(t, o, "total")
	if string(o.raw) != body {
		t.Errorf("raw JSON = %s", o.raw)
	}
	if len(de.Fields) != 1 || de.Fields[0].Path != "total" || string(de.Fields[0].Raw) != `"19.99"` {
		t.Errorf("Fields = %+v", de.Fields)
	}
	var typeErr *json.UnmarshalTypeError
	if !errors.As(err, &typeErr) {
		t.Errorf("errors.As(*json.UnmarshalTypeError) failed on %v", err)
	}
	want := `whoptest: orders.retrieve: decoding 200 response (application/json): 1 field did not fit, the rest decoded: total = "19.99": json: cannot unmarshal string into Go`
	if msg := err.Error(); !strings.HasPrefix(msg, want) {
		t.Errorf("Error() = %q\nwant prefix %q", msg, want)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("a partial decode was retried: %d attempts", srv.hits.Load())
	}
}

func TestDoMalformedIsNotPartial(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { rtJSON(w, 200, `{"id":"o_1",`) })
	tr, _ := newRTTestTransport(t, srv.URL)
	var out rtLenOrder
	o, err := rtResult(&out, tr.do(context.Background(), &apiRequest{Operation: "orders.retrieve", Method: "GET", Path: "/x"}, &out))
	var de *DecodeError
	if o != nil || !errors.As(err, &de) || de.Partial() || len(de.Fields) != 0 {
		t.Fatalf("got %v, %v; want nil and a whole *DecodeError", o, err)
	}
	if out.raw != nil {
		t.Errorf("raw JSON set on a failed decode: %s", out.raw)
	}
}

func TestDoSetsRawJSON(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { rtJSON(w, 200, rtLenBody) })
	tr, _ := newRTTestTransport(t, srv.URL)
	var out rtLenOrder
	if err := tr.do(context.Background(), &apiRequest{Operation: "orders.retrieve", Method: "GET", Path: "/x"}, &out); err != nil {
		t.Fatal(err)
	}
	rtLenWant(t, &out)
	if string(out.raw) != rtLenBody {
		t.Errorf("raw JSON = %s", out.raw)
	}
}

func TestPartialDecodeErrorMessageIsBounded(t *testing.T) {
	de := &DecodeError{Operation: "a.b", StatusCode: 200, Err: errors.New("x")}
	for _, p := range []string{"a", "b", "c", "d", "e"} {
		de.Fields = append(de.Fields, FieldError{Path: p, Raw: json.RawMessage(`"` + strings.Repeat("v", 500) + `"`), Err: errors.New("bad")})
	}
	msg := de.Error()
	if !strings.Contains(msg, "5 fields did not fit") || !strings.Contains(msg, "; and 2 more") || strings.Contains(msg, "d = ") || len(msg) > 400 {
		t.Errorf("Error() = %q", msg)
	}
}
