package synth

import "github.com/getkin/kin-openapi/openapi3"

// Direction says which way an instance travels: a request leaves out the
// properties the spec marks readOnly, a response those it marks writeOnly.
type Direction int

const (
	// Both writes every property, as One and Instances do.
	Both Direction = iota
	// Request leaves out readOnly properties.
	Request
	// Response leaves out writeOnly properties.
	Response
)

// omits reports whether a property of this schema has no place in an
// instance travelling in direction d.
func (d Direction) omits(ref *openapi3.SchemaRef) bool {
	if ref == nil || ref.Value == nil {
		return false
	}
	s := merged(ref.Value)
	return d == Request && s.ReadOnly || d == Response && s.WriteOnly
}

// Mode says how an instance made by Make chooses.
type Mode int

const (
	// First sets every property to a value: first variant, first enum
	// value (One's instance, for a direction).
	First Mode = iota
	// Nulls writes null wherever the schema allows it, and makes First's
	// choices elsewhere.
	Nulls
	// Last sets every property to a value: last variant, last enum value.
	Last
)

func (m Mode) String() string {
	switch m {
	case First:
		return "first"
	case Nulls:
		return "nulls"
	case Last:
		return "last"
	}
	return "Mode(?)"
}

// Make returns one instance of ref made in mode m for direction dir.
// Deterministic.
func (s *Synth) Make(ref *openapi3.SchemaRef, m Mode, dir Direction) any {
	w := &walker{mode: modeOne, dir: dir}
	switch m {
	case Nulls:
		w.mode = modeNulls
	case Last:
		w.mode = modeLast
	}
	return w.value(ref, "", "", false)
}

// Cover returns instances for direction dir that together reach every
// oneOf/anyOf variant, every enum value and every null the schema allows,
// with every property present, as Instances does. Deterministic.
func (s *Synth) Cover(ref *openapi3.SchemaRef, dir Direction) []any {
	out, _ := cover(ref, dir)
	return out
}

// CoverUpTo returns the first n instances of Cover: as many as a caller
// that makes at most n calls uses, for a fraction of the cost when a
// large schema needs many more to cover everything.
func (s *Synth) CoverUpTo(ref *openapi3.SchemaRef, dir Direction, n int) []any {
	out, _ := coverUpTo(ref, dir, n)
	return out
}

// Finite reports whether ref has a finite instance. It is false when the
// schema requires itself (a required, non-nullable property holding the
// enclosing schema): instances then end in an empty object where the
// recursion was cut, and do not validate.
func (s *Synth) Finite(ref *openapi3.SchemaRef) bool {
	w := &walker{mode: modeOne}
	w.value(ref, "", "", false)
	return !w.truncated
}
