package whop

import (
	"bytes"
	"encoding/json"
	"errors"
)

// This file holds the encoding helpers the generated types and methods
// call: constant properties, unions, query and path parameters.

// unionShape describes one union variant, so that untagged unions can be
// told apart by the JSON they receive.
type unionShape struct {
	kind     string            // the JSON kind: object, string, number, integer, boolean, array
	consts   map[string]string // properties with fixed values: a string's text, or a number's or boolean's JSON
	required []string          // properties that must be present
	// props are every property the variant declares: when fixed and
	// required properties cannot choose, the variant that declares more
	// of the data's properties wins, so {"all": [...]} is not decoded
	// into a variant that drops "all".
	props []string
}

// unionTag returns the string value of the discriminator property prop.
func unionTag(data []byte, prop string) (string, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return "", err
	}
	raw, ok := probe[prop]
	if !ok {
		return "", nil
	}
	var tag string
	if err := json.Unmarshal(raw, &tag); err != nil {
		return "", nil
	}
	return tag, nil
}

// unionMatch picks the variant whose shape fits data best: for an object,
// every fixed property must match and every required property be present,
// and the variant with the most required properties wins (so "plan" with
// its extra fields beats "plan_id"); among those, the one that declares
// the most of data's properties. It returns -1 when nothing fits.
func unionMatch(data []byte, shapes []unionShape) int {
	kind := jsonKind(data)
	if kind != "object" {
		for i, s := range shapes {
			if s.kind == kind || (s.kind == "number" && kind == "integer") {
				return i
			}
		}
		return -1
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return -1
	}
	best := -1
	for i, s := range shapes {
		if s.kind != "object" || !shapeFits(probe, s) {
			continue
		}
		if best < 0 || compareShapes(probe, s, shapes[best]) > 0 {
			best = i
		}
	}
	return best
}

// compareShapes orders two variants that both fit probe: positive when a
// fits it better than b. More fixed and required properties fit better;
// on a tie, declaring more of probe's properties does.
func compareShapes(probe map[string]json.RawMessage, a, b unionShape) int {
	if c := (len(a.required) + len(a.consts)) - (len(b.required) + len(b.consts)); c != 0 {
		return c
	}
	return declared(probe, a) - declared(probe, b)
}

// declared counts the properties of probe that s declares.
func declared(probe map[string]json.RawMessage, s unionShape) int {
	n := 0
	for _, p := range s.props {
		if _, ok := probe[p]; ok {
			n++
		}
	}
	return n
}

func shapeFits(probe map[string]json.RawMessage, s unionShape) bool {
	for prop, want := range s.consts {
		raw, ok := probe[prop]
		if !ok || !constMatches(raw, want) {
			return false
		}
	}
	for _, prop := range s.required {
		if _, ok := probe[prop]; !ok {
			return false
		}
	}
	return true
}

// constMatches reports whether the JSON value raw is the fixed value want:
// a string with that text, or a number or boolean written that way (an
// integer tag such as Discord's "type": 7).
func constMatches(raw json.RawMessage, want string) bool {
	var got string
	if json.Unmarshal(raw, &got) == nil {
		return got == want
	}
	return string(bytes.TrimSpace(raw)) == want
}

// jsonKind names the kind of the JSON value in data.
func jsonKind(data []byte) string {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return ""
	}
	switch c := data[0]; {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	case bytes.ContainsAny(data, ".eE"):
		return "number"
	default:
		return "integer"
	}
}

// errNoVariant is returned when encoding a union with no variant set.
var errNoVariant = errors.New("union has no variant set")

// pathParam escapes one simple-style path parameter; see rtPathParam.
func pathParam(s string) string { return rtPathParam("", s, rtSimple) }
