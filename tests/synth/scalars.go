package synth

import (
	"encoding/base64"
	"math"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Instances rotate through families of scalar values, so that a round-trip
// also meets zero values (which must not vanish: "", 0 and false are
// values) and awkward ones (escapes, non-ASCII, integers at the edge of
// float64 precision, date-times with trailing zeros and offsets).
const flavours = 3

const (
	flavourTypical = iota // examples from the spec, ordinary values
	flavourZero           // "", 0, false, empty free-form objects
	flavourEdge           // escapes, large integers, offsets
)

// dateTimes are RFC 3339 instants with fractional seconds, one per flavour.
// The second has a trailing zero, which time.Time drops on encoding: the
// instant is the same, and comparisons must treat it so.
var dateTimes = [flavours]string{
	"2023-12-01T05:00:00.401Z",
	"2024-02-29T23:59:59.400Z",
	"2025-06-15T12:30:45.123456+02:00",
}

// edgeString needs escaping in JSON and is not ASCII.
const edgeString = "Ünïcödé \"quoted\" <b>&amp;</b> \\ tab\t line\n€ 😀"

func (w *walker) scalar(sh shape, path string) any {
	s := sh.schema
	switch sh.kind {
	case kindBoolean:
		return w.flavour != flavourZero
	case kindInteger:
		lo, hi := bounds(sh)
		if s.Format == "int32" {
			lo, hi = max(lo, math.MinInt32), min(hi, math.MaxInt32)
		}
		want := 42.0
		switch w.flavour {
		case flavourTypical:
			if ex, ok := sh.example.(float64); ok && ex == math.Trunc(ex) {
				want = ex
			}
		case flavourZero:
			want = 0
		case flavourEdge:
			want = 1<<53 - 1 // the largest integer float64 holds exactly
		}
		return clamp(want, math.Ceil(lo), math.Floor(hi))
	case kindNumber:
		lo, hi := bounds(sh)
		want := 12.5
		switch w.flavour {
		case flavourTypical:
			if ex, ok := sh.example.(float64); ok {
				want = ex
			}
		case flavourZero:
			want = 0
		case flavourEdge:
			want = -1234.5678
			if s.Format == "float" {
				want = -1234.5 // exact in float32
			}
		}
		return clamp(want, lo, hi)
	}
	v := fitLength(w.text(sh, path), s.MinLength, s.MaxLength)
	if s.Pattern != "" {
		maxLen := -1
		if s.MaxLength != nil {
			maxLen = int(*s.MaxLength)
		}
		v = matchPattern(v, s.Pattern, int(s.MinLength), maxLen)
	}
	return v
}

func (w *walker) text(sh shape, path string) string {
	switch sh.schema.Format {
	case "date-time":
		return dateTimes[w.flavour]
	case "date":
		return dateTimes[w.flavour][:10]
	case "time":
		return dateTimes[w.flavour][11:]
	case "email":
		return "jane.doe@example.com"
	case "uri", "url":
		return "https://example.com/a/b?c=d"
	case "uuid":
		return "123e4567-e89b-12d3-a456-426614174000"
	case "byte":
		return base64.StdEncoding.EncodeToString([]byte([flavours]string{"sample", "", "\x00\xff\xfe bytes"}[w.flavour]))
	}
	switch w.flavour {
	case flavourZero:
		return ""
	case flavourEdge:
		return edgeString
	}
	if ex, ok := sh.example.(string); ok {
		return ex
	}
	return strings.TrimSpace("sample " + propertyName(path))
}

// propertyName is the name of the property a path ends in, skipping
// array items and union variants: "/tags/*" and "/owner|1" give "tags"
// and "owner".
func propertyName(path string) string {
	for {
		i := strings.LastIndexAny(path, "/|")
		last := path[i+1:]
		if i < 0 || (last != "*" && path[i] != '|') {
			return last
		}
		path = path[:i]
	}
}

// bounds returns the inclusive range a number may take. Exclusive bounds
// move in by a small step: the schemas here bound integers and money.
func bounds(sh shape) (lo, hi float64) {
	s := sh.schema
	lo, hi = math.Inf(-1), math.Inf(1)
	if s.Min != nil {
		lo = *s.Min
		if s.ExclusiveMin.IsTrue() {
			lo += 0.5
		}
	}
	if s.Max != nil {
		hi = *s.Max
		if s.ExclusiveMax.IsTrue() {
			hi -= 0.5
		}
	}
	if v := s.ExclusiveMin.Value; v != nil {
		lo = max(lo, *v+0.5)
	}
	if v := s.ExclusiveMax.Value; v != nil {
		hi = min(hi, *v-0.5)
	}
	return lo, hi
}

func clamp(v, lo, hi float64) float64 {
	return max(lo, min(hi, v))
}

// fitLength pads or cuts s to the allowed number of characters.
func fitLength(s string, minLen uint64, maxLen *uint64) string {
	for uint64(utf8.RuneCountInString(s)) < minLen {
		s += "x"
	}
	if maxLen != nil && uint64(utf8.RuneCountInString(s)) > *maxLen {
		s = string([]rune(s)[:*maxLen])
	}
	return s
}

// freeForm is a value for additionalProperties: true: several kinds, nested,
// so that a round-trip shows every key and nested value survives.
func (w *walker) freeForm() any {
	if w.mode == modeMinimal {
		return map[string]any{}
	}
	switch w.flavour {
	case flavourZero:
		return map[string]any{}
	case flavourEdge:
		return map[string]any{
			"":         "",
			"ünï~/key": map[string]any{"list": []any{}, "none": nil, "empty": map[string]any{}},
			"big":      float64(1<<53 - 1),
			"neg":      -0.000125,
			"text":     edgeString,
		}
	}
	return map[string]any{
		"plan":   "pro",
		"count":  float64(3),
		"ratio":  0.25,
		"active": true,
		"none":   nil,
		"tags":   []any{"a", float64(1), false},
		"nested": map[string]any{"k": "v", "deep": map[string]any{"x": []any{1.5, nil}}},
	}
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }
