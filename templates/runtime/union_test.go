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
