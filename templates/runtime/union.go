package whop

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
)

// unionCandidates lists the variants of an untagged union that data could
// be, best first: for an object, the variants whose fixed properties
// match and whose required properties are present, those that require
// more first (so "plan" with its extra fields beats "plan_id"), then
// those that declare more of data's properties; for
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
		return cmp.Compare(compareShapes(probe, shapes[b], shapes[a]), 0)
	})
	return out
}

// marshalUnion encodes the one variant of the union name that is set, or
// the JSON of a variant this client does not know that was decoded. None
// set, or several, is an error: sending one of them silently would not be
// what the caller meant.
func marshalUnion(name string, raw json.RawMessage, variants ...any) ([]byte, error) {
	var set any
	n := 0
	for _, v := range variants {
		if !reflect.ValueOf(v).IsNil() {
			set = v
			n++
		}
	}
	switch {
	case n == 1:
		return json.Marshal(set)
	case n > 1:
		return nil, fmt.Errorf("%s: %d variants are set; set exactly one", name, n)
	case raw != nil:
		return raw, nil
	}
	return nil, fmt.Errorf("%s: no variant is set; set exactly one", name)
}

// unionField decodes the property prop of a union's unknown variant into
// dst, and leaves dst alone when raw is not an object or lacks prop.
func unionField(raw json.RawMessage, prop string, dst any) {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return
	}
	if v, ok := obj[prop]; ok {
		_ = json.Unmarshal(v, dst)
	}
}

// rtCountSet counts the true values: how many variants of a union are set.
func rtCountSet(set ...bool) int {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	return n
}
