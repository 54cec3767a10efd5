package whop

import (
	"testing"
)

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

func TestPathParam(t *testing.T) {
	for in, want := range map[string]string{
		"user_1": "user_1", "a/b": "a%2Fb", "?#%": "%3F%23%25", "..": "%2E%2E", ".": "%2E", "a b": "a%20b", "ü": "%C3%BC",
	} {
		if got := pathParam(in); got != want {
			t.Errorf("pathParam(%q) = %q, want %q", in, got, want)
		}
	}
}

// Variants that require nothing (or the same properties) are told apart by
// the properties they declare: the data's keys choose the variant that
// keeps them.
func TestUnionMatchByDeclaredProperties(t *testing.T) {
	shapes := []unionShape{
		{kind: "object", props: []string{"field", "equals"}},
		{kind: "object", props: []string{"all"}},
		{kind: "object", required: []string{"type"}, props: []string{"type", "name"}},
		{kind: "object", required: []string{"type"}, props: []string{"type", "name", "channel_types"}},
	}
	for data, want := range map[string]int{
		`{"field":"a","equals":"b"}`: 0,
		`{"all":[{"field":"a"}]}`:    1,
		`{}`:                         0, // ties go to the first
		`{"type":7,"name":"n"}`:      2,
		`{"type":7,"name":"n","channel_types":[]}`: 3,
	} {
		if got := unionMatch([]byte(data), shapes); got != want {
			t.Errorf("unionMatch(%s) = %d, want %d", data, got, want)
		}
	}
}

// A fixed number or boolean tells variants apart as a fixed string does.
func TestUnionMatchNumberConsts(t *testing.T) {
	shapes := []unionShape{
		{kind: "object", consts: map[string]string{"type": "1"}, required: []string{"type"}},
		{kind: "object", consts: map[string]string{"type": "3"}, required: []string{"type"}},
		{kind: "object", consts: map[string]string{"on": "true"}, required: []string{"on"}},
	}
	for data, want := range map[string]int{
		`{"type":1,"metadata":{}}`: 0,
		`{"type": 3 }`:             1,
		`{"type":2}`:               -1,
		`{"on":true}`:              2,
		`{"on":false}`:             -1,
	} {
		if got := unionMatch([]byte(data), shapes); got != want {
			t.Errorf("unionMatch(%s) = %d, want %d", data, got, want)
		}
	}
}
