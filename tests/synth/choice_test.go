package synth

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestRequiredChoice: an object whose oneOf only says which of its
// properties are required gets instances of the object, each with the
// properties of exactly one variant, and both variants are covered; with
// anyOf, the others may stay.
func TestRequiredChoice(t *testing.T) {
	str := openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}})
	for _, oneOf := range []bool{true, false} {
		alts := openapi3.SchemaRefs{
			openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{"ids"}}),
			openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{"stores"}}),
		}
		schema := &openapi3.Schema{
			Type:       &openapi3.Types{openapi3.TypeObject},
			Properties: openapi3.Schemas{"ids": str, "stores": str, "name": str},
		}
		if oneOf {
			schema.OneOf = alts
		} else {
			schema.AnyOf = alts
		}
		ref := openapi3.NewSchemaRef("", schema)
		s := New(&openapi3.T{})
		values := s.Instances(ref)
		for _, m := range []Mode{First, Nulls, Last} {
			values = append(values, s.Make(ref, m, Request))
		}
		seen := map[string]bool{}
		for _, v := range values {
			obj := v.(map[string]any)
			_, ids := obj["ids"]
			_, stores := obj["stores"]
			if oneOf && ids == stores {
				t.Errorf("oneOf: %v has both or neither of ids and stores", obj)
			}
			if _, ok := obj["name"]; !ok && len(obj) > 1 {
				t.Errorf("%v lacks the property name", obj)
			}
			seen["ids"] = seen["ids"] || ids
			seen["stores"] = seen["stores"] || stores
		}
		if !seen["ids"] || !seen["stores"] {
			t.Errorf("oneOf %v: not every variant is covered: %v", oneOf, values)
		}
		if err := s.ValidateAll(ref, values); err != nil {
			t.Errorf("oneOf %v: %v", oneOf, err)
		}
		if left := s.Uncovered(ref); len(left) > 0 {
			t.Errorf("oneOf %v: uncovered: %v", oneOf, left)
		}
	}
}

// TestTagOfNullableEnum: a variant of a discriminated union whose tag
// property is a single-value enum or null keeps its enum value rather
// than taking the schema's name, which its own schema would refuse.
func TestTagOfNullableEnum(t *testing.T) {
	tag := openapi3.NewSchemaRef("", &openapi3.Schema{AnyOf: openapi3.SchemaRefs{
		openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Enum: []any{"item_reference"}}),
		openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeNull}}),
	}})
	ref := openapi3.NewSchemaRef("", &openapi3.Schema{
		Type:       &openapi3.Types{openapi3.TypeObject},
		Properties: openapi3.Schemas{"type": tag},
	})
	ref.Ref = "#/components/schemas/ItemReference"
	union := openapi3.NewSchemaRef("", &openapi3.Schema{
		OneOf:         openapi3.SchemaRefs{ref},
		Discriminator: &openapi3.Discriminator{PropertyName: "type"},
	})
	// A one-variant union is its variant; two copies make it a union.
	union.Value.OneOf = append(union.Value.OneOf, ref)
	s := New(&openapi3.T{})
	got := s.Make(union, First, Request).(map[string]any)
	if got["type"] != "item_reference" {
		t.Errorf("type = %v, want item_reference", got["type"])
	}
}
