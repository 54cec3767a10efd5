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
	consts   map[string]string // properties with fixed values
	required []string          // properties that must be present
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
// its extra fields beats "plan_id"). It returns -1 when nothing fits.
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
	best, bestScore := -1, -1
	for i, s := range shapes {
		if s.kind != "object" || !shapeFits(probe, s) {
			continue
		}
		score := len(s.required) + len(s.consts)
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

func shapeFits(probe map[string]json.RawMessage, s unionShape) bool {
	for prop, want := range s.consts {
		raw, ok := probe[prop]
		if !ok {
			return false
		}
		var got string
		if json.Unmarshal(raw, &got) != nil || got != want {
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
