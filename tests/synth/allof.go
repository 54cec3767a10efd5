package synth

import (
	"maps"
	"slices"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// mergedSchemas caches merged: the same schema always merges to the same
// pointer, which coverage and recursion depth key on. Schemas of a loaded
// document do not change, so the cache never goes stale.
var mergedSchemas sync.Map // *openapi3.Schema -> *openapi3.Schema

// merged returns s with its allOf members folded in: their properties
// and required lists added, and any keyword s leaves unset (type, items,
// enum, oneOf, ...) taken from the first member that sets it. A member
// marked nullable makes the whole nullable, as
// allOf: [{$ref: X}, {nullable: true}] intends.
func merged(s *openapi3.Schema) *openapi3.Schema {
	if s == nil || len(s.AllOf) == 0 {
		return s
	}
	if m, ok := mergedSchemas.Load(s); ok {
		return m.(*openapi3.Schema)
	}
	out := *s
	out.AllOf = nil
	out.Properties = maps.Clone(s.Properties)
	if out.Properties == nil {
		out.Properties = openapi3.Schemas{}
	}
	out.Required = slices.Clone(s.Required)
	for _, member := range s.AllOf {
		if member == nil || member.Value == nil {
			continue
		}
		foldIn(&out, merged(member.Value))
	}
	slices.Sort(out.Required)
	out.Required = slices.Compact(out.Required)
	if len(out.Properties) == 0 {
		out.Properties = nil
	}
	m, _ := mergedSchemas.LoadOrStore(s, &out)
	return m.(*openapi3.Schema)
}

// foldIn adds member's constraints to out. A property or items schema
// both declare must satisfy both: it becomes their allOf.
func foldIn(out, member *openapi3.Schema) {
	for k, v := range member.Properties {
		out.Properties[k] = both(out.Properties[k], v)
	}
	out.Items = both(out.Items, member.Items)
	out.Required = append(out.Required, member.Required...)
	out.Nullable = out.Nullable || member.Nullable
	out.ReadOnly = out.ReadOnly || member.ReadOnly
	out.WriteOnly = out.WriteOnly || member.WriteOnly
	if out.Type == nil {
		out.Type = member.Type
	}
	if out.Format == "" {
		out.Format = member.Format
	}
	if out.Enum == nil {
		out.Enum = member.Enum
	}
	if out.Const == nil {
		out.Const = member.Const
	}
	if out.AdditionalProperties.Has == nil && out.AdditionalProperties.Schema == nil {
		out.AdditionalProperties = member.AdditionalProperties
	}
	// An enum or const of the schema's own already picks among the
	// member's variants: {enum: [gc], allOf: [{oneOf: [{const: gc},
	// {const: pc}]}]} is "gc", never "pc".
	if len(out.OneOf) == 0 && len(out.AnyOf) == 0 && out.Enum == nil && out.Const == nil {
		out.OneOf, out.AnyOf, out.Discriminator = member.OneOf, member.AnyOf, member.Discriminator
	}
	if out.Min == nil {
		out.Min, out.ExclusiveMin = member.Min, member.ExclusiveMin
	}
	if out.Max == nil {
		out.Max, out.ExclusiveMax = member.Max, member.ExclusiveMax
	}
	if out.Example == nil {
		out.Example = member.Example
	}
	out.MinLength = max(out.MinLength, member.MinLength)
	if out.MaxLength == nil {
		out.MaxLength = member.MaxLength
	}
	out.MinItems = max(out.MinItems, member.MinItems)
	if out.MaxItems == nil {
		out.MaxItems = member.MaxItems
	}
}

// both returns a schema that requires a and b, either of which may be nil.
func both(a, b *openapi3.SchemaRef) *openapi3.SchemaRef {
	switch {
	case a == nil:
		return b
	case b == nil || a == b:
		return a
	}
	return &openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: openapi3.SchemaRefs{a, b}}}
}
