package whop

import (
	"cmp"
	"encoding/json"
	"slices"
)

// unionCandidates lists the variants of an untagged union that data could
// be, best first: for an object, the variants whose fixed properties
// match and whose required properties are present, those that require
// more first (so "plan" with its extra fields beats "plan_id"); for
// anything else, the variants of its JSON kind, in order (an integer fits
// a number variant too). The caller decodes into each in turn and keeps
// the first that fits, so [12.5] is not forced into a list of integers.
func unionCandidates(data []byte, shapes []unionShape) []int {
	kind := jsonKind(data)
	var out []int
	if kind != "object" {
		for i, s := range shapes {
			if s.kind == kind || (s.kind == "number" && kind == "integer") {
				out = append(out, i)
			}
		}
		return out
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil
	}
	for i, s := range shapes {
		if s.kind == "object" && shapeFits(probe, s) {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int {
		return cmp.Compare(len(shapes[b].required)+len(shapes[b].consts), len(shapes[a].required)+len(shapes[a].consts))
	})
	return out
}
