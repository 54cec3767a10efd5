package synth

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// ChangeKind names a change that a newer version of the API may make to
// what it sends, and that a client built from this spec must survive.
type ChangeKind int

const (
	// UnknownEnum replaces a string enum value with one the spec does not list.
	UnknownEnum ChangeKind = iota + 1
	// UnknownVariant replaces a discriminated union's value with a variant
	// whose discriminator value the spec does not list.
	UnknownVariant
	// ExtraProperty adds a property the object's schema does not declare.
	ExtraProperty
)

func (k ChangeKind) String() string {
	switch k {
	case UnknownEnum:
		return "unknown enum value"
	case UnknownVariant:
		return "unknown union variant"
	case ExtraProperty:
		return "extra property"
	}
	return "ChangeKind(" + strconv.Itoa(int(k)) + ")"
}

// The values the changes write. They are chosen so that no spec would use
// them by accident.
const (
	FutureEnumValue    = "future_enum_value"
	FutureVariantName  = "FutureVariant"
	FuturePropertyName = "future_property"
)

// futureObject is what an unknown variant or extra property holds: nested
// enough that dropping or reordering anything in it would show.
func futureObject() map[string]any {
	return map[string]any{
		"id":     "fut_8f2c1d",
		"nested": map[string]any{"list": []any{float64(1), "two", nil, true}, "n": 2.5},
	}
}

// Change is One's instance with one forward-compatible change applied.
type Change struct {
	Kind    ChangeKind
	Pointer string // JSON pointer (RFC 6901) of the changed value
	Value   any    // the instance as a newer server could send it
	// Want is what a lossless client re-encodes: Value itself for enum
	// values and union variants, which must survive unchanged, and Value
	// without the extra property, which a typed object ignores.
	Want any
}

// Changes returns One's instance changed once at every position where kind
// applies: every string enum, every discriminated union, or every object
// with declared properties. The changed instances do not validate against
// the schema, by design.
func (s *Synth) Changes(ref *openapi3.SchemaRef, kind ChangeKind) []Change {
	var sites []site
	base := (&walker{mode: modeOne, sites: &sites}).value(ref, "", "", false)
	var out []Change
	for _, st := range sites {
		if st.kind != kind {
			continue
		}
		c := Change{Kind: kind, Pointer: st.pointer}
		switch kind {
		case UnknownEnum:
			c.Value = replaceAt(base, st.pointer, func(any) any { return FutureEnumValue })
			c.Want = c.Value
		case UnknownVariant:
			c.Value = replaceAt(base, st.pointer, func(any) any {
				v := futureObject()
				v[st.disc] = FutureVariantName
				return v
			})
			c.Want = c.Value
		case ExtraProperty:
			if slices.Contains(st.props, FuturePropertyName) {
				continue
			}
			c.Value = replaceAt(base, st.pointer, func(old any) any {
				m := clone(old).(map[string]any)
				m[FuturePropertyName] = futureObject()
				return m
			})
			c.Want = base
		}
		out = append(out, c)
	}
	return out
}

// replaceAt returns a copy of doc with the value at pointer replaced by
// f(old value).
func replaceAt(doc any, pointer string, f func(any) any) any {
	if pointer == "" {
		return f(doc)
	}
	doc = clone(doc)
	tokens := strings.Split(pointer[1:], "/")
	parent := doc
	for i, tok := range tokens {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		last := i == len(tokens)-1
		switch p := parent.(type) {
		case map[string]any:
			if last {
				p[tok] = f(p[tok])
				return doc
			}
			parent = p[tok]
		case []any:
			n, err := strconv.Atoi(tok)
			if err != nil || n >= len(p) {
				panic(fmt.Sprintf("synth: bad pointer %q", pointer))
			}
			if last {
				p[n] = f(p[n])
				return doc
			}
			parent = p[n]
		default:
			panic(fmt.Sprintf("synth: pointer %q goes through a scalar", pointer))
		}
	}
	return doc
}

// clone deep-copies a decoded JSON value.
func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = clone(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = clone(e)
		}
		return s
	}
	return v
}
