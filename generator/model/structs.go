package model

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
)

// fillStruct makes t a struct of s's properties (merged with its allOf
// parts). Properties with a const value become encoder-written constants.
func (b *builder) fillStruct(t *Type, s *openapi3.Schema) {
	t.Kind = TypeStruct
	props, required := mergedProperties(s)
	req := b.typeNames[t]
	for _, name := range slices.Sorted(maps.Keys(props)) {
		ref := props[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		p := ref.Value
		if isConstProperty(p) {
			c, _ := p.Const.(string)
			t.Consts = append(t.Consts, &Field{Name: GoName(name), JSONName: name, Const: c, Doc: docOf(p), Required: required[name]})
			continue
		}
		f := &Field{
			JSONName:   name,
			Doc:        docOf(p),
			Required:   required[name],
			Deprecated: p.Deprecated,
			ReadOnly:   p.ReadOnly,
			WriteOnly:  p.WriteOnly,
			Default:    renderDefault(p.Default),
		}
		b.memberField(t, f, "field "+propKey(t.Key, name), 1)
		f.Type, f.Nullable = b.typeOf(ref, childNamed(req, &f.Name), propKey(t.Key, name), t.Request)
		t.Fields = append(t.Fields, f)
	}
	if s.AdditionalProperties.Schema != nil && len(props) > 0 {
		b.warn(b.pos(s.Origin), "%s mixes properties with additionalProperties; extra properties are not kept", describe(t.Key))
	}
}

// memberField adds f to t and claims its Go name in t's members. Parameters
// (class 0) win a name over body properties (class 1).
func (b *builder) memberField(t *Type, f *Field, key string, class int) {
	b.members[t] = append(b.members[t], &claim{
		key: key, wants: fixed(GoName(f.JSONName)), class: class, order: spellingOrder(f.JSONName),
		what: describe(key[len("field "):]), pos: t.Pos,
		set: func(name string) { f.Name = name },
	})
}

// isConstProperty reports whether a property's value is fixed by the spec:
// the encoder writes it, it is no Go field.
func isConstProperty(p *openapi3.Schema) bool {
	_, ok := p.Const.(string)
	return ok && len(types(p)) <= 1
}

// mergedProperties collects the properties and required names of s and of
// every allOf part, recursively; a later part's property wins.
func mergedProperties(s *openapi3.Schema) (map[string]*openapi3.SchemaRef, map[string]bool) {
	props := map[string]*openapi3.SchemaRef{}
	required := map[string]bool{}
	var walk func(*openapi3.Schema, int)
	walk = func(s *openapi3.Schema, depth int) {
		if s == nil || depth > 32 {
			return
		}
		for _, part := range s.AllOf {
			if part != nil {
				walk(part.Value, depth+1)
			}
		}
		for name, p := range s.Properties {
			props[name] = p
		}
		for _, r := range s.Required {
			required[r] = true
		}
	}
	walk(s, 0)
	return props, required
}

func renderDefault(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}
