package roundtrip

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"
)

// jsonDiff compares two JSON documents by meaning and describes the first
// difference, or returns "" when they are equal. Object key order and
// number spelling (1.0 and 1, 1e3 and 1000) do not matter; strings that
// are both RFC 3339 date-times compare as instants, so "…00.400Z" equals
// "…00.4Z" but not "…00.401Z". Everything else must match exactly: a key
// present on one side only is a difference.
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
		if !ok || (w != g && !sameInstant(w, g)) {
			return fmt.Sprintf("%s: want %q, got %s", where, w, short(got))
		}
		return ""
	default: // bool, nil
		if want != got {
			return fmt.Sprintf("%s: want %s, got %s", where, short(want), short(got))
		}
		return ""
	}
}

// sameNumber compares exactly, as rationals, so that no float rounding can
// hide a lost digit.
func sameNumber(a, b json.Number) bool {
	x, ok1 := new(big.Rat).SetString(string(a))
	y, ok2 := new(big.Rat).SetString(string(b))
	return ok1 && ok2 && x.Cmp(y) == 0
}

func sameInstant(a, b string) bool {
	x, err1 := time.Parse(time.RFC3339Nano, a)
	y, err2 := time.Parse(time.RFC3339Nano, b)
	return err1 == nil && err2 == nil && x.Equal(y)
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

func TestJSONDiff(t *testing.T) {
	cases := []struct {
		want, got string
		same      bool
	}{
		{`{"a":1,"b":[true,null]}`, `{"b":[true,null],"a":1.0}`, true},
		{`{"t":"2023-12-01T05:00:00.400Z"}`, `{"t":"2023-12-01T05:00:00.4Z"}`, true},
		{`{"t":"2023-12-01T05:00:00.401Z"}`, `{"t":"2023-12-01T05:00:00.4Z"}`, false},
		{`{"t":"2025-06-15T12:30:45.123456+02:00"}`, `{"t":"2025-06-15T10:30:45.123456Z"}`, true},
		{`{"n":9007199254740993}`, `{"n":9007199254740992}`, false},
		{`{"a":1}`, `{"a":1,"b":null}`, false},
		{`{"a":1,"b":null}`, `{"a":1}`, false},
		{`{"a":""}`, `{"a":null}`, false},
		{`{"a":0}`, `{"a":false}`, false},
		{`["x"]`, `["x","y"]`, false},
		{`"\u003cb\u003e"`, `"<b>"`, true},
	}
	for _, c := range cases {
		d := jsonDiff([]byte(c.want), []byte(c.got))
		if (d == "") != c.same {
			t.Errorf("jsonDiff(%s, %s) = %q, want same=%v", c.want, c.got, d, c.same)
		}
	}
}
