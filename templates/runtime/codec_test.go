package whop

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestMarshalWithConsts(t *testing.T) {
	type plain struct {
		ID string `json:"id,omitempty"`
	}
	for _, tt := range []struct {
		v    plain
		want string
	}{
		{plain{ID: "x"}, `{"typename":"Card","id":"x"}`},
		{plain{}, `{"typename":"Card"}`},
	} {
		got, err := marshalWithConsts(tt.v, `"typename":"Card"`)
		if err != nil || string(got) != tt.want {
			t.Errorf("marshalWithConsts(%+v) = %s, %v; want %s", tt.v, got, err, tt.want)
		}
	}
	if _, err := marshalWithConsts([]int{1}, `"a":"b"`); err == nil {
		t.Error("a non-object: want an error")
	}
}

func TestUnionMatch(t *testing.T) {
	shapes := []unionShape{
		{kind: "object", required: []string{"company_id", "plan_id"}},
		{kind: "object", required: []string{"company_id", "plan"}},
		{kind: "object", consts: map[string]string{"mode": "setup"}, required: []string{"mode"}},
		{kind: "string"},
		{kind: "number"},
	}
	for data, want := range map[string]int{
		`{"company_id":"c","plan_id":"p"}`:           0,
		`{"company_id":"c","plan":{"price":1}}`:      1,
		`{"company_id":"c","plan":{},"plan_id":"p"}`: 0, // ties go to the first
		`{"mode":"setup"}`:                           2,
		`{"mode":"payment"}`:                         -1,
		`"text"`:                                     3,
		`12`:                                         4,
		`1.5`:                                        4,
		`[1]`:                                        -1,
		`{"unrelated":true}`:                         -1,
	} {
		if got := unionMatch([]byte(data), shapes); got != want {
			t.Errorf("unionMatch(%s) = %d, want %d", data, got, want)
		}
	}
}

func TestUnionTag(t *testing.T) {
	if tag, err := unionTag([]byte(`{"typename":"Card","x":1}`), "typename"); err != nil || tag != "Card" {
		t.Errorf("tag = %q, %v", tag, err)
	}
	if tag, err := unionTag([]byte(`{"x":1}`), "typename"); err != nil || tag != "" {
		t.Errorf("missing tag = %q, %v", tag, err)
	}
	if _, err := unionTag([]byte(`[`), "typename"); err == nil {
		t.Error("malformed JSON: want an error")
	}
}

type codecEnum string

func TestFormatParam(t *testing.T) {
	at := time.Date(2025, 6, 15, 12, 30, 45, 123456000, time.FixedZone("", 2*3600))
	for _, tt := range []struct {
		v    any
		want string
	}{
		{"a b", "a b"}, {true, "true"}, {int64(-3), "-3"}, {int32(7), "7"}, {1.5, "1.5"}, {float32(0.25), "0.25"},
		{at, "2025-06-15T12:30:45.123456+02:00"}, {codecEnum("active"), "active"}, {nil, ""},
		{map[string]int{"a": 1}, `{"a":1}`},
	} {
		if got := formatParam(tt.v); got != tt.want {
			t.Errorf("formatParam(%#v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestQueryLists(t *testing.T) {
	q := url.Values{}
	addList(q, "ids", []string{"a", "b&c"}, true)
	addList(q, "tags", []codecEnum{"x", "y"}, false)
	addObject(q, "filters", map[string]any{"b": 2, "a": "x y"}, "deepObject", true)
	addObject(q, "unused", map[string]string{"k": "v"}, "form", true)
	addObject(q, "flat", map[string]string{"k": "v", "j": "w"}, "form", false)
	want := "filters%5Ba%5D=x+y&filters%5Bb%5D=2&flat=j%2Cw%2Ck%2Cv&ids=a&ids=b%26c&k=v&tags=x%2Cy"
	if got := q.Encode(); got != want {
		t.Errorf("query = %s\nwant    %s", got, want)
	}
}

func TestPathParam(t *testing.T) {
	for in, want := range map[string]string{
		"user_1": "user_1", "a/b": "a%2Fb", "?#%": "%3F%23%25", "..": "%2E%2E", ".": "%2E", "a b": "a%20b", "ü": "%C3%BC",
	} {
		if got := pathParam(in); got != want {
			t.Errorf("pathParam(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAddCookie(t *testing.T) {
	h := http.Header{}
	addCookie(h, "session", "abc")
	addCookie(h, "theme", "dark")
	if got := h.Get("Cookie"); got != "session=abc; theme=dark" {
		t.Errorf("Cookie = %q", got)
	}
}
