package synth

import (
	"github.com/getkin/kin-openapi/openapi3"
)

// kind is the JSON kind a schema produces once null and unions are peeled off.
type kind int

const (
	kindAny kind = iota // no type: any JSON value
	kindObject
	kindArray
	kindString
	kindInteger
	kindNumber
	kindBoolean
	kindNull
)

// shape is a schema reduced to the decisions the synthesizer makes:
// whether null is allowed, which variants a union offers, and otherwise one
// concrete schema of one kind.
type shape struct {
	nullable bool
	// union, when it has two or more entries, lists the non-null variants
	// of a oneOf/anyOf; disc is the discriminator property, if any, and
	// mapping its explicit values.
	union   []*openapi3.SchemaRef
	disc    string
	mapping map[string]openapi3.MappingRef
	// schema and kind describe the single value when there is no union.
	schema *openapi3.Schema
	kind   kind
	// example is the nearest example, which a nullable wrapper may carry
	// instead of the value schema.
	example any
	// ref is the $ref the schema came from, if any: enum values are
	// covered per enum, wherever it is used.
	ref string
	// choice is set for an object whose oneOf or anyOf only requires some
	// of its properties (oneOf: [{required: [a]}, {required: [b]}]).
	choice requiredChoice
}

// requiredChoice is a oneOf or anyOf whose variants add required
// properties to an object and nothing else.
type requiredChoice struct {
	sets      [][]string // the required properties of each variant
	exclusive bool       // oneOf: exactly one variant may match
}

// shapeOf classifies a schema. The spec writes a nullable $ref as
// oneOf: [{$ref}, {type: null}] and a nullable scalar as type: [X, null];
// both come out as nullable with the inner schema.
func shapeOf(ref *openapi3.SchemaRef) shape {
	s := merged(ref.Value)
	sh := shape{schema: s, example: s.Example, ref: ref.Ref}
	if s.Type != nil && s.Type.IncludesNull() || s.Nullable {
		sh.nullable = true
	}
	alts := s.OneOf
	if len(alts) == 0 {
		alts = s.AnyOf
	}
	if len(alts) == 0 {
		sh.kind = kindFor(s)
		if sh.kind == kindNull {
			sh.nullable = true
		}
		return sh
	}
	if hasOwnStructure(s) && onlyRequire(alts) {
		sh.kind = kindFor(s)
		for _, a := range alts {
			sh.choice.sets = append(sh.choice.sets, a.Value.Required)
		}
		sh.choice.exclusive = len(s.OneOf) > 0
		return sh
	}
	// Null is valid for a oneOf only when the schema itself allows it and
	// exactly one branch accepts it; with two, oneOf rejects null.
	var rest []*openapi3.SchemaRef
	acceptNull := 0
	for _, a := range alts {
		if a.Value == nil {
			continue
		}
		if isNullOnly(a.Value) {
			acceptNull++
			continue
		}
		if shapeOf(a).nullable {
			acceptNull++
		}
		rest = append(rest, a)
	}
	outerAllows := s.Type == nil || s.Type.IncludesNull() || s.Nullable
	sh.nullable = outerAllows && (acceptNull == 1 || len(s.AnyOf) > 0 && acceptNull > 0)
	if len(rest) == 1 && !hasOwnStructure(s) {
		inner := shapeOf(rest[0])
		inner.nullable = sh.nullable
		if inner.example == nil {
			inner.example = sh.example
		}
		return inner
	}
	sh.union = rest
	if s.Discriminator != nil {
		sh.disc, sh.mapping = s.Discriminator.PropertyName, s.Discriminator.Mapping
	}
	return sh
}

// onlyRequire reports whether every alternative only lists required
// properties, which the enclosing schema declares.
func onlyRequire(alts []*openapi3.SchemaRef) bool {
	for _, a := range alts {
		s := a.Value
		if s == nil || len(s.Required) == 0 || s.Type != nil || len(s.Properties) > 0 || s.Items != nil ||
			len(s.OneOf)+len(s.AnyOf)+len(s.AllOf) > 0 || s.Enum != nil || s.Const != nil ||
			s.AdditionalProperties.Has != nil || s.AdditionalProperties.Schema != nil {
			return false
		}
	}
	return len(alts) > 0
}

// isNullOnly reports whether s accepts only null.
func isNullOnly(s *openapi3.Schema) bool {
	return s.Type != nil && len(s.Type.Slice()) == 1 && s.Type.Is("null")
}

// hasOwnStructure reports whether a schema with a one-branch oneOf also
// declares properties of its own, so it cannot simply be replaced by the
// branch.
func hasOwnStructure(s *openapi3.Schema) bool {
	return len(s.Properties) > 0 || s.Items != nil
}

// kindFor picks the JSON kind of a schema without a union: the first
// non-null type, or one implied by the keywords present.
func kindFor(s *openapi3.Schema) kind {
	if s.Type != nil {
		for _, t := range s.Type.Slice() {
			switch t {
			case "object":
				return kindObject
			case "array":
				return kindArray
			case "string":
				return kindString
			case "integer":
				return kindInteger
			case "number":
				return kindNumber
			case "boolean":
				return kindBoolean
			}
		}
		if s.Type.Is("null") {
			return kindNull
		}
	}
	switch {
	case s.Const != nil:
		return kindOf(s.Const)
	case len(s.Enum) > 0:
		for _, e := range s.Enum {
			if e != nil {
				return kindOf(e)
			}
		}
	case len(s.Properties) > 0 || s.AdditionalProperties.Has != nil || s.AdditionalProperties.Schema != nil:
		return kindObject
	case s.Items != nil:
		return kindArray
	}
	return kindAny
}

// kindOf names the kind of a decoded JSON value.
func kindOf(v any) kind {
	switch x := v.(type) {
	case map[string]any:
		return kindObject
	case []any:
		return kindArray
	case string:
		return kindString
	case bool:
		return kindBoolean
	case float64:
		if x == float64(int64(x)) {
			return kindInteger
		}
		return kindNumber
	case int, int64:
		return kindInteger
	case nil:
		return kindNull
	}
	return kindAny
}

// isFreeForm reports whether an object schema declares no properties, so
// any keys go (additionalProperties: true or absent).
func isFreeForm(s *openapi3.Schema) bool {
	return len(s.Properties) == 0 && s.AdditionalProperties.Schema == nil &&
		(s.AdditionalProperties.Has == nil || *s.AdditionalProperties.Has)
}
