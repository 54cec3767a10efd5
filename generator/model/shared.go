package model

import (
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// sharedComponents names the inline schemas of shared parameters,
// responses and request bodies after the component that holds them, before
// any operation is read: a schema every user shares must not be named
// after whichever user the spec happens to list first.
func (b *builder) sharedComponents() {
	c := b.doc.Components
	if c == nil {
		return
	}
	for _, name := range slices.Sorted(maps.Keys(c.Parameters)) {
		if p := c.Parameters[name]; p != nil && p.Value != nil {
			b.sharedSchema(p.Value.Schema, "parameters/"+keyPart(name), name, true, false)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(c.RequestBodies)) {
		if rb := c.RequestBodies[name]; rb != nil && rb.Value != nil {
			for _, media := range slices.Sorted(maps.Keys(rb.Value.Content)) {
				if mt := rb.Value.Content[media]; mt != nil {
					b.sharedSchema(mt.Schema, "requestBodies/"+keyPart(name), name, true, true)
				}
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(c.Responses)) {
		if r := c.Responses[name]; r != nil && r.Value != nil {
			for _, media := range slices.Sorted(maps.Keys(r.Value.Content)) {
				if mt := r.Value.Content[media]; mt != nil {
					b.sharedSchema(mt.Schema, "responses/"+keyPart(name), name, false, false)
				}
			}
		}
	}
}

// sharedSchema builds the types of one shared component's schema. The
// properties of an object request body are typed one by one: operations
// take them as their own (a flat body), and find their types named.
func (b *builder) sharedSchema(ref *openapi3.SchemaRef, key, name string, request, flat bool) {
	if ref == nil || ref.Value == nil || ref.Ref != "" {
		return // a component schema is named already
	}
	s := ref.Value
	if _, done := b.inline[s]; done {
		return
	}
	owner := &nameReq{prefix: GoName(name), depth: -1}
	if flat && isObject(s) && len(alternatives(s)) == 0 && len(s.Properties) > 0 && !b.mergesUnion(s) {
		props, _ := mergedProperties(s)
		for _, prop := range slices.Sorted(maps.Keys(props)) {
			b.typeOf(props[prop], child(owner, GoName(prop)), propKey(key, prop), request)
		}
		return
	}
	b.typeOf(ref, hint{base: GoName(name)}, key, request)
}
