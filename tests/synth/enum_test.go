package synth

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestOwnEnumNarrowsAllOfUnion: a property with an enum of its own and an
// allOf member that is a union of constants (Discord writes enums as
// oneOf: [{const: gc}, {const: pc}, ...]) holds only its own values; the
// member's other constants would make the instance match another variant
// of the enclosing union.
func TestOwnEnumNarrowsAllOfUnion(t *testing.T) {
	constant := func(v string) *openapi3.SchemaRef {
		return openapi3.NewSchemaRef("", &openapi3.Schema{Const: v})
	}
	kind := openapi3.NewSchemaRef("#/components/schemas/Kind", &openapi3.Schema{
		Type:  &openapi3.Types{openapi3.TypeString},
		OneOf: openapi3.SchemaRefs{constant("gc"), constant("pc"), constant("party")},
	})
	ref := openapi3.NewSchemaRef("", &openapi3.Schema{
		Type: &openapi3.Types{openapi3.TypeObject},
		Properties: openapi3.Schemas{"kind": openapi3.NewSchemaRef("", &openapi3.Schema{
			Type:  &openapi3.Types{openapi3.TypeString},
			Enum:  []any{"gc"},
			AllOf: openapi3.SchemaRefs{kind},
		})},
		Required: []string{"kind"},
	})
	for _, dir := range []Direction{Request, Response} {
		for i, v := range New(&openapi3.T{}).Cover(ref, dir) {
			if got := v.(map[string]any)["kind"]; got != "gc" {
				t.Errorf("instance %d: kind = %v, want gc", i, got)
			}
		}
	}
}
