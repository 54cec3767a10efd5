package model

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// componentSchemas declares a type for every component schema before
// anything is filled, so that references between components (and
// recursion) find their target, then fills each.
func (b *builder) componentSchemas() {
	if b.doc.Components == nil {
		return
	}
	keys := slices.Sorted(maps.Keys(b.doc.Components.Schemas))
	// A component that only refers to another (Alias: {$ref: Shapes})
	// shares its schema: the one that defines it is declared first, so
	// that it keeps its name and the other stands for the same type.
	refers := func(key string) string {
		ref := b.doc.Components.Schemas[key]
		return boolOrder(ref != nil && ref.Ref != "")
	}
	slices.SortStableFunc(keys, func(x, y string) int { return strings.Compare(refers(x), refers(y)) })
	var todo []*Type
	for _, key := range keys {
		ref := b.doc.Components.Schemas[key]
		if ref == nil || ref.Value == nil {
			continue
		}
		s := ref.Value
		if t, done := b.components[s]; done {
			b.byRef["#/components/schemas/"+key] = t
			continue // two component names for one schema
		}
		t := &Type{Key: "schemas/" + keyPart(key), Pos: b.pos(s.Origin), Doc: docOf(s), Deprecated: s.Deprecated}
		// Names already in Go form are preferred (of "fooBar" and "FooBar",
		// "FooBar" keeps its name), then snake_case (of "fooBar" and
		// "foo_bar", "foo_bar" does).
		req := b.newTypeName(t, root(GoName(key)), classComponent, "schema "+key)
		req.order = boolOrder(GoName(key) != key) + spellingOrder(key)
		b.components[s] = t
		b.byRef["#/components/schemas/"+key] = t
		b.schemaOf[t] = s
		b.api.Types = append(b.api.Types, t)
		todo = append(todo, t)
	}
	for _, t := range todo {
		b.fillComponent(t)
	}
}

func boolOrder(v bool) string {
	if v {
		return "1"
	}
	return "0"
}

// fillComponent fills a component's type from its schema, once. A
// reference into the middle of a component fills that component first, so
// the types inside it are named from where they are defined.
func (b *builder) fillComponent(t *Type) {
	s, ok := b.schemaOf[t]
	if !ok || b.filling[t] {
		return
	}
	b.filling[t] = true
	b.unsupported(s, t.Key)
	b.defineNamed(t, s)
}

// defineNamed fills a named component type from its schema.
func (b *builder) defineNamed(t *Type, s *openapi3.Schema) {
	req := b.typeNames[t]
	switch {
	case len(s.Enum) > 0 || s.Const != nil && len(types(s)) <= 1 && isScalarConst(s.Const):
		b.fillEnum(t, s)
	case len(alternatives(s)) > 1 && len(s.Properties) == 0:
		b.fillUnion(t, s)
	case isObject(s) && (len(s.Properties) > 0 || hasObjectParts(s)) && !b.mergesUnion(s):
		b.fillStruct(t, s)
	default:
		target, _ := b.shape(s, child(req, ""), t.Key, false)
		if target.Kind == KindNamed {
			t.Kind = TypeAlias
		} else {
			t.Kind = TypeDefined
		}
		t.Target = target
	}
}

// hasObjectParts reports whether an allOf part brings properties to merge.
func hasObjectParts(s *openapi3.Schema) bool {
	for _, part := range s.AllOf {
		if part.Value != nil && (len(part.Value.Properties) > 0 || len(part.Value.AllOf) > 0) {
			return true
		}
	}
	return false
}

// isObject reports whether s describes a JSON object with known shape.
func isObject(s *openapi3.Schema) bool {
	if s.Type != nil && !s.Type.IsEmpty() {
		return slices.Contains(s.Type.Slice(), "object")
	}
	return len(s.Properties) > 0 || len(s.AllOf) > 0
}

// typeOf returns the Go type for a schema reference, creating named types
// for inline objects, enums and unions (named by h, keyed by key), and
// whether null is allowed.
func (b *builder) typeOf(ref *openapi3.SchemaRef, h hint, key string, request bool) (*GoType, bool) {
	if ref == nil || ref.Value == nil {
		return &GoType{Kind: KindAny}, false
	}
	s := ref.Value
	nullable := isNullable(s)
	if _, isComponent := b.components[s]; !isComponent {
		b.unsupported(s, key) // a component's are reported where it is defined
	}
	// A $ref with sibling keywords (3.1) resolves to a copy of the
	// component, so the reference itself is looked up first.
	if t, ok := b.byRef[ref.Ref]; ok {
		b.fillComponent(t)
		return named(t), nullable || isNullable(b.schemaOf[t])
	}
	if t, ok := b.components[s]; ok {
		b.fillComponent(t)
		return named(t), nullable
	}
	if ref.Ref != "" {
		b.fillOwner(ref.Ref)
	}
	if t, ok := b.inline[s]; ok {
		return named(t), nullable
	}
	return b.shape(s, h, key, request)
}

func named(t *Type) *GoType { return &GoType{Kind: KindNamed, Named: t} }

// fillOwner fills the component a reference points into
// (#/components/schemas/X/properties/y fills X), so that the type of y is
// named from X, where it is defined, and not from whoever refers to it.
func (b *builder) fillOwner(ref string) {
	rest, ok := strings.CutPrefix(ref, "#/components/schemas/")
	if !ok {
		return
	}
	name, _, _ := strings.Cut(rest, "/")
	if t, ok := b.byRef["#/components/schemas/"+name]; ok {
		b.fillComponent(t)
	}
}

// shape builds the Go type of a schema that is not a component: a named
// type for objects, enums and unions; a type expression for the rest.
func (b *builder) shape(s *openapi3.Schema, h hint, key string, request bool) (*GoType, bool) {
	nullable := isNullable(s)
	if alts := alternatives(s); len(alts) > 0 && len(s.Properties) == 0 {
		if len(alts) == 1 {
			t, n := b.typeOf(alts[0], h, key, request)
			return t, n || nullable
		}
		return b.newNamed(s, h, key, request, b.fillUnion), nullable
	}
	if part, trivialNull, ok := singlePart(s); ok {
		// allOf: [{$ref: X}, {nullable: true}] is X, maybe null.
		t, n := b.typeOf(part, h, key, request)
		return t, n || nullable || trivialNull
	}
	if len(s.Enum) > 0 {
		return b.newNamed(s, h, key, request, b.fillEnum), nullable
	}
	typs := nonNullTypes(s)
	if len(typs) > 1 {
		b.warn(b.pos(s.Origin), "%s allows several types (%s); it is represented as free-form JSON (any)", describe(key), strings.Join(typs, ", "))
		return &GoType{Kind: KindAny}, nullable
	}
	switch typ := impliedType(s, typs); typ {
	case "object":
		if len(s.Properties) > 0 || len(s.AllOf) > 0 {
			if b.mergesUnion(s) {
				b.warn(b.pos(s.Origin), "%s combines a union with other schemas in allOf, which a Go struct cannot express; it is represented as free-form JSON (any)", describe(key))
				return &GoType{Kind: KindAny}, nullable
			}
			return b.newNamed(s, h, key, request, b.fillStruct), nullable
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			elem := nullableElem(b.typeOf(ap, h.value(), valuesKey(key), request))
			return &GoType{Kind: KindMap, Elem: elem}, nullable
		}
		return &GoType{Kind: KindMap, Elem: &GoType{Kind: KindAny}}, nullable
	case "array":
		elem := nullableElem(b.typeOf(s.Items, h.item(), itemsKey(key), request))
		return &GoType{Kind: KindSlice, Elem: elem}, nullable
	case "null":
		return &GoType{Kind: KindAny}, true
	default:
		return &GoType{Kind: scalarKind(s, typ)}, nullable
	}
}

// impliedType is the JSON type of s: its one non-null type, else the one
// its keywords imply (properties or allOf an object, items an array).
func impliedType(s *openapi3.Schema, typs []string) string {
	switch {
	case len(typs) == 1:
		return typs[0]
	case len(s.Properties) > 0 || len(s.AllOf) > 0:
		return "object"
	case s.Items != nil:
		return "array"
	}
	return ""
}

// scalarKind is the Go kind of a scalar JSON type, its format included.
// A schema with no type but a string const is a string; anything else
// unknown is free-form JSON.
func scalarKind(s *openapi3.Schema, typ string) Kind {
	switch typ {
	case "string":
		switch s.Format {
		case "date-time":
			return KindTime
		case "byte":
			return KindBytes
		}
		return KindString
	case "integer":
		if s.Format == "int32" {
			return KindInt32
		}
		return KindInt64
	case "number":
		if s.Format == "float" {
			return KindFloat32
		}
		return KindFloat64
	case "boolean":
		return KindBool
	}
	if c, ok := s.Const.(string); ok && c != "" {
		return KindString
	}
	return KindAny
}

// singlePart recognises an allOf whose parts are one real schema and any
// number of parts that only annotate it ({nullable: true}, {description:
// ...}). It returns the real part and whether an annotation allows null.
func singlePart(s *openapi3.Schema) (*openapi3.SchemaRef, bool, bool) {
	if len(s.AllOf) == 0 || len(s.Properties) > 0 {
		return nil, false, false
	}
	var real *openapi3.SchemaRef
	null := false
	for _, part := range s.AllOf {
		switch {
		case part == nil || part.Value == nil:
		case part.Ref == "" && annotationOnly(part.Value):
			null = null || isNullable(part.Value)
		case real != nil:
			return nil, false, false
		default:
			real = part
		}
	}
	return real, null, real != nil
}

// annotationOnly reports whether a schema says nothing about the shape of
// a value: no type, properties, items, combinators, enum or const.
func annotationOnly(s *openapi3.Schema) bool {
	return (s.Type == nil || s.Type.IsEmpty() || s.Type.Is("null")) && len(s.Properties) == 0 && s.Items == nil &&
		len(s.AllOf) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0 && len(s.Enum) == 0 && s.Const == nil &&
		s.AdditionalProperties.Schema == nil
}

// mergesUnion reports whether an allOf mixes a union with other parts:
// Go has no type for "a union and also these fields".
func (b *builder) mergesUnion(s *openapi3.Schema) bool {
	if len(s.AllOf) < 2 && !(len(s.AllOf) == 1 && len(s.Properties) > 0) {
		return false
	}
	for _, part := range s.AllOf {
		if part != nil && part.Value != nil && len(alternatives(part.Value)) > 1 && len(part.Value.Properties) == 0 {
			return true
		}
	}
	return false
}

// alternatives lists a schema's oneOf or anyOf variants, without null.
func alternatives(s *openapi3.Schema) []*openapi3.SchemaRef {
	return append(nonNull(s.OneOf), nonNull(s.AnyOf)...)
}

// unsupported warns, once per schema, about JSON Schema keywords that
// constrain values without changing their Go type: the client sends and
// accepts such values as their plain type and leaves the checks to the
// server.
func (b *builder) unsupported(s *openapi3.Schema, key string) {
	if b.warned[s] {
		return
	}
	var kws []string
	if s.Not != nil {
		kws = append(kws, "not")
	}
	if s.If != nil || s.Then != nil || s.Else != nil {
		kws = append(kws, "if/then/else")
	}
	if len(s.PrefixItems) > 0 {
		kws = append(kws, "prefixItems")
	}
	if len(s.PatternProperties) > 0 {
		kws = append(kws, "patternProperties")
	}
	if len(s.DependentSchemas) > 0 {
		kws = append(kws, "dependentSchemas")
	}
	if len(kws) > 0 {
		b.warned[s] = true
		what := "keyword " + kws[0] + " is"
		if len(kws) > 1 {
			what = "keywords " + strings.Join(kws, ", ") + " are"
		}
		b.warn(b.pos(s.Origin), "%s: the %s not represented in Go; the server checks such values", describe(key), what)
	}
}

// nullableElem makes a nullable slice element or map value a pointer, so
// that a null in the list survives, unless its type has nil already.
func nullableElem(t *GoType, nullable bool) *GoType {
	if nullable && !t.Nilable() {
		return &GoType{Kind: KindNullableElem, Elem: t}
	}
	return t
}

// newNamed declares a named type for an inline schema.
func (b *builder) newNamed(s *openapi3.Schema, h hint, key string, request bool, fill func(*Type, *openapi3.Schema)) *GoType {
	t := &Type{Key: key, Pos: b.pos(s.Origin), Request: request, Doc: docOf(s), Deprecated: s.Deprecated}
	if s.Title != "" && h.parent == nil && h.base == "" {
		h = root(GoName(s.Title))
	}
	b.newTypeName(t, h, classInline, describe(key))
	b.inline[s] = t
	b.api.Types = append(b.api.Types, t)
	fill(t, s)
	return named(t)
}

// isNullable reports whether null is a valid instance of s: 3.0 nullable,
// a 3.1 type array with null, or a null alternative in oneOf/anyOf.
func isNullable(s *openapi3.Schema) bool {
	if s.Nullable || (s.Type != nil && s.Type.Includes("null")) {
		return true
	}
	for _, alts := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		for _, a := range alts {
			if isNullSchema(a) {
				return true
			}
		}
	}
	return slices.Contains(s.Enum, nil)
}

func isNullSchema(ref *openapi3.SchemaRef) bool {
	return ref != nil && ref.Value != nil && ref.Value.Type != nil && ref.Value.Type.Is("null")
}

func nonNull(refs openapi3.SchemaRefs) []*openapi3.SchemaRef {
	var out []*openapi3.SchemaRef
	for _, r := range refs {
		if !isNullSchema(r) {
			out = append(out, r)
		}
	}
	return out
}

func types(s *openapi3.Schema) []string {
	if s.Type == nil {
		return nil
	}
	return s.Type.Slice()
}

func nonNullTypes(s *openapi3.Schema) []string {
	var out []string
	for _, t := range types(s) {
		if t != "null" {
			out = append(out, t)
		}
	}
	return out
}

// isScalarConst reports whether a const value is one an enum can hold.
func isScalarConst(v any) bool {
	switch v.(type) {
	case string, float64, int, int64:
		return true
	}
	return false
}
