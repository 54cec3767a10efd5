package whop

import (
	"slices"
	"testing"
)

func TestUnionCandidates(t *testing.T) {
	shapes := []unionShape{
		{kind: "array"},
		{kind: "array"},
		{kind: "number"},
		{kind: "object", required: []string{"plan_id"}},
		{kind: "object", required: []string{"plan_id", "plan"}},
		{kind: "object", consts: map[string]string{"type": "logs"}},
		{kind: "string"},
	}
	for _, tc := range []struct {
		data string
		want []int
	}{
		{`[12.5]`, []int{0, 1}},
		{`42`, []int{2}},
		{`4.5`, []int{2}},
		{`"x"`, []int{6}},
		{`{"plan_id":"p"}`, []int{3}},
		{`{"plan_id":"p","plan":{}}`, []int{4, 3}},
		{`{"type":"logs"}`, []int{5}},
		{`{"type":"metrics"}`, nil},
		{`true`, nil},
		{`{broken`, nil},
	} {
		if got := unionCandidates([]byte(tc.data), shapes); !slices.Equal(got, tc.want) {
			t.Errorf("unionCandidates(%s) = %v, want %v", tc.data, got, tc.want)
		}
	}
}

func TestMarshalUnion(t *testing.T) {
	a, b := &struct {
		X int `json:"x"`
	}{1}, &struct {
		Y int `json:"y"`
	}{2}
	var none *struct{ Z int }
	for _, tc := range []struct {
		raw      string
		variants []any
		want     string
		err      string
	}{
		{"", []any{a, none}, `{"x":1}`, ""},
		{"", []any{none, b}, `{"y":2}`, ""},
		{`{"kind":"new"}`, []any{none}, `{"kind":"new"}`, ""},
		{"", []any{a, b}, "", "Pet: 2 variants are set; set exactly one"},
		{"", []any{none}, "", "Pet: no variant is set; set exactly one"},
	} {
		var raw []byte
		if tc.raw != "" {
			raw = []byte(tc.raw)
		}
		got, err := marshalUnion("Pet", raw, tc.variants...)
		if string(got) != tc.want || (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) {
			t.Errorf("marshalUnion(%s) = %s, %v; want %s, %q", tc.raw, got, err, tc.want, tc.err)
		}
	}
}

func TestUnionField(t *testing.T) {
	var id string
	unionField([]byte(`{"id":"evt_1","type":"x"}`), "id", &id)
	var missing = "kept"
	unionField([]byte(`{"type":"x"}`), "id", &missing)
	unionField([]byte(`[1]`), "id", &missing)
	if id != "evt_1" || missing != "kept" {
		t.Errorf("id %q, missing %q", id, missing)
	}
}

func TestUnionCandidatesByDeclaredProperties(t *testing.T) {
	shapes := []unionShape{
		{kind: "object", props: []string{"field", "equals"}},
		{kind: "object", props: []string{"all"}},
	}
	if got, want := unionCandidates([]byte(`{"all":[]}`), shapes), []int{1, 0}; !slices.Equal(got, want) {
		t.Errorf("unionCandidates = %v, want %v", got, want)
	}
	if got, want := unionCandidates([]byte(`{"field":"f"}`), shapes), []int{0, 1}; !slices.Equal(got, want) {
		t.Errorf("unionCandidates = %v, want %v", got, want)
	}
}
