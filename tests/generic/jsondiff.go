package generic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"
)

// jsonDiff compares two JSON documents by meaning and describes the first
// difference as "path: what", or returns "" when they are equal. Key order
// and number spelling do not matter; strings that are both RFC 3339
// date-times compare as instants. A key on one side only is a difference.
func jsonDiff(want, got []byte) string {
	w, err := decodeNumbers(want)
	if err != nil {
		return "want is not JSON: " + err.Error()
	}
	g, err := decodeNumbers(got)
	if err != nil {
		return "got is not JSON: " + err.Error()
	}
	return diffValue("", w, g)
}

func decodeNumbers(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func diffValue(at string, want, got any) string {
	where := at
	if where == "" {
		where = "(root)"
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: want an object, got %s", where, short(got))
		}
		for _, k := range slices.Sorted(maps.Keys(w)) {
			gv, ok := g[k]
			if !ok {
				return fmt.Sprintf("%s/%s: missing (want %s)", at, k, short(w[k]))
			}
			if d := diffValue(at+"/"+k, w[k], gv); d != "" {
				return d
			}
		}
		for _, k := range slices.Sorted(maps.Keys(g)) {
			if _, ok := w[k]; !ok {
				return fmt.Sprintf("%s/%s: unexpected (got %s)", at, k, short(g[k]))
			}
		}
		return ""
	case []any:
		g, ok := got.([]any)
		if !ok {
			return fmt.Sprintf("%s: want an array, got %s", where, short(got))
		}
		if len(w) != len(g) {
			return fmt.Sprintf("%s: want %d items, got %d", where, len(w), len(g))
		}
		for i := range w {
			if d := diffValue(fmt.Sprintf("%s/%d", at, i), w[i], g[i]); d != "" {
				return d
			}
		}
		return ""
	case json.Number:
		g, ok := got.(json.Number)
		if !ok || !sameNumber(w, g) {
			return fmt.Sprintf("%s: want %s, got %s", where, w, short(got))
		}
		return ""
	case string:
		g, ok := got.(string)
		if !ok || !sameScalar(w, g) {
			return fmt.Sprintf("%s: want %s, got %s", where, short(w), short(got))
		}
		return ""
	default: // bool, nil
		if want != got {
			return fmt.Sprintf("%s: want %s, got %s", where, short(want), short(got))
		}
		return ""
	}
}

// sameNumber compares exactly, as rationals, so no float rounding hides a
// lost digit.
func sameNumber(a, b json.Number) bool {
	x, ok1 := new(big.Rat).SetString(string(a))
	y, ok2 := new(big.Rat).SetString(string(b))
	return ok1 && ok2 && x.Cmp(y) == 0
}

func short(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return strings.ToValidUTF8(s, "?")
}
