package synth

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestUniqueItems: no instance of an array with uniqueItems repeats an
// item, whether its items are free strings or a few enum values.
func TestUniqueItems(t *testing.T) {
	str := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}}
	enum := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Enum: []any{"a", "b", "c"}}
	for name, items := range map[string]*openapi3.Schema{"strings": str, "enum": enum} {
		ref := openapi3.NewSchemaRef("", &openapi3.Schema{
			Type:        &openapi3.Types{openapi3.TypeArray},
			Items:       openapi3.NewSchemaRef("", items),
			UniqueItems: true,
		})
		s := New(&openapi3.T{})
		values := s.Instances(ref)
		for _, m := range []Mode{First, Nulls, Last} {
			values = append(values, s.Make(ref, m, Request))
		}
		long := 0
		for _, v := range values {
			list := v.([]any)
			if len(list) > 1 {
				long++
			}
			for i := range list {
				for j := range i {
					if equal(list[i], list[j]) {
						t.Errorf("%s: %v repeats %v", name, list, list[i])
					}
				}
			}
		}
		if long == 0 {
			t.Errorf("%s: no instance has two items: %v", name, values)
		}
		if err := s.ValidateAll(ref, values); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
