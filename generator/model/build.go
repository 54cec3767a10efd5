package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/diag"
)

// Options configures Build.
type Options struct {
	Package    string   // Go package name
	File       string   // spec file name, for diagnostics
	SpecSHA256 string   // recorded in the output
	Reserved   []string // exported names the runtime already declares
}

// builder walks one document. It holds all state of one Build call, so
// Build can run any number of times in one process.
type builder struct {
	doc   *openapi3.T
	opts  Options
	diags diag.List
	api   *API

	names      map[string]string               // Go type name -> the spec place that owns it
	components map[*openapi3.Schema]*Type      // component schema -> its named type
	byRef      map[string]*Type                // "#/components/schemas/X" -> its named type
	inline     map[*openapi3.Schema]*Type      // inline schema already given a type
	warned     map[*openapi3.Schema]bool       // schemas already warned about
	resources  map[string]*Resource            // joined resource path -> resource
	methodOf   map[*Resource]map[string]string // method name -> owning operation
	files      map[string]bool                 // resource file names taken
}

// Build turns a loaded document into the model. Every name is decided
// here, in a fixed order (components, then operations by path and method,
// then webhooks), so the same spec always yields the same names.
func Build(doc *openapi3.T, opts Options) (*API, diag.List) {
	b := &builder{
		doc:        doc,
		opts:       opts,
		names:      map[string]string{},
		components: map[*openapi3.Schema]*Type{},
		byRef:      map[string]*Type{},
		inline:     map[*openapi3.Schema]*Type{},
		warned:     map[*openapi3.Schema]bool{},
		resources:  map[string]*Resource{},
		methodOf:   map[*Resource]map[string]string{},
		files:      map[string]bool{},
	}
	b.api = &API{
		Package:    opts.Package,
		SpecSHA256: opts.SpecSHA256,
		EnvPrefix:  strings.ToUpper(GoName(opts.Package)),
	}
	if doc.Info != nil {
		b.api.Title = doc.Info.Title
		b.api.Version = doc.Info.Version
		b.api.Description = doc.Info.Description
	}
	for _, name := range opts.Reserved {
		b.names[name] = "the client runtime"
	}
	if len(doc.Webhooks) > 0 {
		// Taken before any schema's name, so that a schema named Event
		// added to the spec cannot rename the union every handler uses.
		b.names[eventUnion] = "the webhook event union"
	}
	b.servers()
	b.security()
	b.componentSchemas()
	b.operations()
	b.webhooks()
	b.finish()
	return b.api, b.diags.Sort()
}

func (b *builder) pos(o *openapi3.Origin) Pos {
	if o == nil || o.Key == nil {
		return Pos{}
	}
	return Pos{Line: o.Key.Line, Col: o.Key.Column}
}

func (b *builder) warn(p Pos, format string, args ...any) {
	b.diags.Warnf(b.opts.File, p.Line, p.Col, format, args...)
}

// claim reserves a Go type name for the spec place owner. A name already
// taken gets a numeric suffix and a warning that names both places.
func (b *builder) claim(name, owner string, p Pos) string {
	if prev, taken := b.names[name]; taken {
		for i := 2; ; i++ {
			alt := name + strconv.Itoa(i)
			if _, taken := b.names[alt]; !taken {
				b.warn(p, "%s and %s both want the Go name %s; %s is named %s", prev, owner, name, owner, alt)
				name = alt
				break
			}
		}
	}
	b.names[name] = owner
	return name
}

func (b *builder) servers() {
	for _, s := range b.doc.Servers {
		if s == nil {
			continue
		}
		u := s.URL
		for name, v := range s.Variables {
			if v != nil {
				u = strings.ReplaceAll(u, "{"+name+"}", v.Default)
			}
		}
		b.api.Servers = append(b.api.Servers, Server{URL: u, Description: s.Description})
	}
}

// componentSchemas names every component schema before anything else, so
// that an inline type can never take a component's name. Names already in
// Go form are pinned first: of "fooBar" and "FooBar", "FooBar" keeps its name.
func (b *builder) componentSchemas() {
	if b.doc.Components == nil {
		return
	}
	keys := sortedKeys(b.doc.Components.Schemas)
	slices.SortStableFunc(keys, func(x, y string) int {
		return cmp.Compare(boolRank(GoName(x) != x), boolRank(GoName(y) != y))
	})
	var todo []*Type
	var schemas []*openapi3.Schema
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
		t := &Type{
			schema: s,
			Name:   b.claim(GoName(key), "#/components/schemas/"+key, b.pos(s.Origin)),
			Origin: "#/components/schemas/" + key,
			Pos:    b.pos(s.Origin),
		}
		b.components[s] = t
		b.byRef["#/components/schemas/"+key] = t
		todo = append(todo, t)
		schemas = append(schemas, s)
	}
	for i, t := range todo {
		b.defineNamed(t, schemas[i])
	}
}

func boolRank(v bool) int {
	if v {
		return 1
	}
	return 0
}

// defineNamed fills a named type from its schema.
func (b *builder) defineNamed(t *Type, s *openapi3.Schema) {
	t.Doc = docOf(s)
	t.Deprecated = s.Deprecated
	b.api.Types = append(b.api.Types, t)
	switch {
	case len(s.Enum) > 0 || s.Const != nil:
		b.fillEnum(t, s)
	case len(nonNull(s.OneOf)) > 1 || len(nonNull(s.AnyOf)) > 1:
		b.fillUnion(t, s)
	case isObject(s) && (len(s.Properties) > 0 || len(s.AllOf) > 1 || hasObjectParts(s)):
		b.fillStruct(t, s)
	default:
		t.Kind = Alias
		target, _ := b.typeOf(&openapi3.SchemaRef{Value: s}, t.Name+"Value", t.Origin, false)
		if target.Kind == Named && target.Named == t {
			target = &GoType{Kind: Any}
		}
		t.Target = target
	}
}

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

// typeOf returns the Go type for a schema, creating named types for inline
// objects, enums and unions (named by hint), and whether null is allowed.
func (b *builder) typeOf(ref *openapi3.SchemaRef, hint, origin string, request bool) (*GoType, bool) {
	if ref == nil || ref.Value == nil {
		return &GoType{Kind: Any}, false
	}
	s := ref.Value
	nullable := isNullable(s)
	b.unsupported(s, origin)
	// A $ref with sibling keywords (3.1) resolves to a copy of the
	// component, so the reference itself is looked up first.
	if t, ok := b.byRef[ref.Ref]; ok {
		return &GoType{Kind: Named, Named: t}, nullable || isNullable(t.schema)
	}
	if t, ok := b.components[s]; ok {
		return &GoType{Kind: Named, Named: t}, nullable
	}
	if t, ok := b.inline[s]; ok {
		return &GoType{Kind: Named, Named: t}, nullable
	}
	if alts := append(nonNull(s.OneOf), nonNull(s.AnyOf)...); len(alts) > 0 && len(s.Properties) == 0 {
		if len(alts) == 1 {
			t, n := b.typeOf(alts[0], hint, origin, request)
			return t, n || nullable
		}
		return b.newNamed(s, hint, origin, request, b.fillUnion), nullable
	}
	if len(s.AllOf) == 1 && len(s.Properties) == 0 {
		t, n := b.typeOf(s.AllOf[0], hint, origin, request)
		return t, n || nullable
	}
	if len(s.Enum) > 0 {
		return b.newNamed(s, hint, origin, request, b.fillEnum), nullable
	}
	types := nonNullTypes(s)
	if len(types) > 1 {
		b.warn(b.pos(s.Origin), "%s allows several types (%s); it is represented as free-form JSON (any)", origin, strings.Join(types, ", "))
		return &GoType{Kind: Any}, nullable
	}
	typ := ""
	if len(types) == 1 {
		typ = types[0]
	} else if len(s.Properties) > 0 || len(s.AllOf) > 0 {
		typ = "object"
	} else if s.Items != nil {
		typ = "array"
	}
	switch typ {
	case "object":
		if len(s.Properties) > 0 || len(s.AllOf) > 0 {
			return b.newNamed(s, hint, origin, request, b.fillStruct), nullable
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			elem := nullableElem(b.typeOf(ap, hint+"Value", origin+"/additionalProperties", request))
			return &GoType{Kind: Map, Elem: elem}, nullable
		}
		return &GoType{Kind: Map, Elem: &GoType{Kind: Any}}, nullable
	case "array":
		elem := nullableElem(b.typeOf(s.Items, b.itemHint(hint), origin+"/items", request))
		return &GoType{Kind: Slice, Elem: elem}, nullable
	case "string":
		switch s.Format {
		case "date-time":
			return &GoType{Kind: Time}, nullable
		case "byte":
			return &GoType{Kind: Bytes}, nullable
		}
		return &GoType{Kind: String}, nullable
	case "integer":
		if s.Format == "int32" {
			return &GoType{Kind: Int32}, nullable
		}
		return &GoType{Kind: Int64}, nullable
	case "number":
		if s.Format == "float" {
			return &GoType{Kind: Float32}, nullable
		}
		return &GoType{Kind: Float64}, nullable
	case "boolean":
		return &GoType{Kind: Bool}, nullable
	case "null":
		return &GoType{Kind: Any}, true
	}
	if s.Const != nil {
		if _, ok := s.Const.(string); ok {
			return &GoType{Kind: String}, nullable
		}
	}
	return &GoType{Kind: Any}, nullable
}

// unsupported warns, once per schema, about JSON Schema keywords that
// constrain values without changing their Go type: the client sends and
// accepts such values as their plain type and leaves the checks to the
// server.
func (b *builder) unsupported(s *openapi3.Schema, origin string) {
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
		b.warn(b.pos(s.Origin), "%s: the %s not represented in Go; the server checks such values", origin, what)
	}
}

// itemHint names the element type of a list after the list, in the
// singular: the items of Questions are a Question. A name with no plural
// form, or whose singular is already a type's (Course.Chapters against the
// CourseChapter schema), gets "Item" appended instead.
func (b *builder) itemHint(hint string) string {
	if page, ok := strings.CutSuffix(hint, "PageData"); ok && b.names[page+"Item"] == "" {
		return page + "Item" // the items of UserListPage.Data are UserListItems
	}
	if one := Singular(hint); one != hint && one != "" && b.names[one] == "" {
		return one
	}
	return hint + "Item"
}

// nullableElem makes a nullable slice element or map value a pointer, so
// that a null in the list survives, unless its type has nil already.
func nullableElem(t *GoType, nullable bool) *GoType {
	if nullable && !t.Nilable() {
		return &GoType{Kind: NullableElem, Elem: t}
	}
	return t
}

// newNamed declares a named type for an inline schema.
func (b *builder) newNamed(s *openapi3.Schema, hint, origin string, request bool, fill func(*Type, *openapi3.Schema)) *GoType {
	if title := GoName(s.Title); s.Title != "" && hint == "" {
		hint = title
	}
	t := &Type{Name: b.claim(hint, origin, b.pos(s.Origin)), Origin: origin, Pos: b.pos(s.Origin), Request: request, Doc: docOf(s), Deprecated: s.Deprecated}
	b.inline[s] = t
	b.api.Types = append(b.api.Types, t)
	fill(t, s)
	return &GoType{Kind: Named, Named: t}
}

// fillStruct makes t a struct of s's properties (merged with its allOf
// parts). Properties with a const value become encoder-written constants.
func (b *builder) fillStruct(t *Type, s *openapi3.Schema) {
	t.Kind = Struct
	props, required := mergedProperties(s)
	var fieldNames []string
	for name, ref := range props {
		if ref != nil && ref.Value != nil && !isConstProperty(ref.Value) {
			fieldNames = append(fieldNames, name)
		}
	}
	goNames := map[string]string{}
	for i, n := range b.uniqueNames(fieldNames, GoName, map[string]bool{}, "properties", t.Origin, t.Pos) {
		goNames[fieldNames[i]] = n
	}
	for _, name := range sortedKeys(props) {
		ref := props[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		p := ref.Value
		origin := t.Origin + "/properties/" + name
		if isConstProperty(p) {
			c, _ := constString(p.Const)
			t.Consts = append(t.Consts, &Field{Name: GoName(name), JSONName: name, Const: c, Doc: docOf(p), Required: required[name]})
			continue
		}
		goName := goNames[name]
		typ, nullable := b.typeOf(ref, t.Name+goName, origin, t.Request)
		t.Fields = append(t.Fields, &Field{
			Name:       goName,
			JSONName:   name,
			Doc:        docOf(p),
			Type:       typ,
			Required:   required[name],
			Nullable:   nullable,
			Deprecated: p.Deprecated,
			ReadOnly:   p.ReadOnly,
			WriteOnly:  p.WriteOnly,
			Default:    renderDefault(p.Default),
		})
	}
	if s.AdditionalProperties.Schema != nil && len(props) > 0 {
		b.warn(b.pos(s.Origin), "%s mixes properties with additionalProperties; extra properties are not kept", t.Origin)
	}
}

// isConstProperty reports whether a property's value is fixed by the spec:
// the encoder writes it, it is no Go field.
func isConstProperty(p *openapi3.Schema) bool {
	_, ok := constString(p.Const)
	return ok && len(types(p)) <= 1
}

// uniqueField returns name, or name with a numeric suffix when another
// field of the same struct already has it (foo_bar and fooBar).
func uniqueField(name string, used map[string]bool) string {
	base := name
	for i := 2; used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	used[name] = true
	return name
}

// mergedProperties collects the properties and required names of s and of
// every allOf part, recursively.
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

// fillEnum makes t a string (or integer) type with one constant per value.
func (b *builder) fillEnum(t *Type, s *openapi3.Schema) {
	t.Kind = Enum
	t.EnumBase = String
	values := s.Enum
	if len(values) == 0 && s.Const != nil {
		values = []any{s.Const}
	}
	allInts := true
	for _, v := range values {
		switch n := v.(type) {
		case nil, string:
			allInts = false
		case float64:
			allInts = allInts && n == float64(int64(n))
		case int, int64, uint64:
		default:
			allInts = false
		}
	}
	if allInts && len(values) > 0 {
		t.EnumBase = Int64
	}
	var lits []string
	suffixes := map[string]string{} // literal -> the Go name of the value
	for _, v := range values {
		if v == nil {
			continue // null in an enum only makes the type nullable
		}
		lit := fmt.Sprint(v)
		if _, dup := suffixes[lit]; dup {
			continue
		}
		switch x := v.(type) {
		case string:
			suffixes[lit] = enumSuffix(x)
			if x == "" {
				suffixes[lit] = "Empty"
			}
		default:
			suffixes[lit] = enumSuffix(strings.ReplaceAll(lit, "-", "Minus"))
			if t.EnumBase == String {
				b.warn(t.Pos, "%s: enum value %v is not a string; it is kept as the string %q", t.Origin, v, lit)
			}
		}
		lits = append(lits, lit)
	}
	constName := func(lit string) string { return t.Name + suffixes[lit] }
	used := map[string]bool{}
	names := b.uniqueNames(lits, constName, used, "values", t.Origin, t.Pos)
	for i, lit := range lits {
		name := names[i]
		if owner := b.names[name]; owner != "" {
			alt := uniqueField(name+"Value", used)
			b.warn(t.Pos, "%s and the value %q of %s both want the Go name %s; the constant is named %s", owner, lit, t.Origin, name, alt)
			name = alt
		}
		b.names[name] = t.Origin
		t.EnumValues = append(t.EnumValues, EnumValue{Name: name, Value: lit})
	}
}

// enumSuffix is the Go name of an enum value as it follows the type's
// name. The X that GoName puts before a name that cannot start an
// exported identifier is not needed there (Type2FA); an X that starts the
// value itself is kept (CurrenciesXcd).
func enumSuffix(value string) string {
	name := GoName(value)
	for _, r := range value {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if r != 'x' && r != 'X' {
				name = strings.TrimPrefix(name, "X")
			}
			break
		}
	}
	return name
}

// fillUnion makes t a union of s's oneOf (or anyOf) variants.
func (b *builder) fillUnion(t *Type, s *openapi3.Schema) {
	t.Kind = Union
	alts := nonNull(s.OneOf)
	if len(alts) == 0 {
		alts = nonNull(s.AnyOf)
	}
	if s.Discriminator != nil {
		t.Discriminator = s.Discriminator.PropertyName
	}
	labels := variantLabels(alts)
	used := map[string]bool{"Variant": true, "RawJSON": true}
	for i, alt := range alts {
		label := uniqueField(labels[i], used)
		typ, _ := b.typeOf(alt, t.Name+label, fmt.Sprintf("%s/oneOf/%d", t.Origin, i), t.Request)
		v := &Variant{Name: label, Type: typ, Consts: map[string]string{}}
		if alt.Value != nil {
			props, required := mergedProperties(alt.Value)
			for name, p := range props {
				if p.Value != nil && p.Value.Const != nil {
					if c, ok := constString(p.Value.Const); ok {
						v.Consts[name] = c
					}
				}
			}
			v.Required = sortedKeys(required)
		}
		if t.Discriminator != "" {
			v.Tag = v.Consts[t.Discriminator]
			if s.Discriminator != nil {
				for tag, m := range s.Discriminator.Mapping {
					if strings.HasSuffix(m.Ref, "/"+refName(alt.Ref)) && alt.Ref != "" {
						v.Tag = tag
					}
				}
			}
			if v.Tag == "" && alt.Ref != "" {
				v.Tag = refName(alt.Ref)
			}
		}
		t.Variants = append(t.Variants, v)
	}
	if t.Discriminator != "" {
		tags := map[string]bool{}
		for _, v := range t.Variants {
			if v.Tag == "" || tags[v.Tag] {
				b.warn(t.Pos, "%s: cannot tell the variants apart by %q; they are matched by shape", t.Origin, t.Discriminator)
				t.Discriminator = ""
				break
			}
			tags[v.Tag] = true
		}
	}
}

func refName(ref string) string {
	return ref[strings.LastIndexByte(ref, '/')+1:]
}

// variantLabels names union variants: by component name, else by title
// with the words every title shares removed (CardPaymentMethod and
// BasePaymentMethod become Card and Base), else by type.
func variantLabels(alts []*openapi3.SchemaRef) []string {
	raw := make([][]string, len(alts))
	for i, alt := range alts {
		switch {
		case alt.Ref != "":
			raw[i] = []string{GoName(refName(alt.Ref))}
		case alt.Value != nil && alt.Value.Title != "":
			raw[i] = splitWords(GoName(alt.Value.Title))
		default:
			raw[i] = []string{kindLabel(alt.Value)}
		}
	}
	prefix, suffix := commonWords(raw)
	out := make([]string, len(alts))
	for i, words := range raw {
		if alts[i].Ref == "" && len(words) > prefix+suffix {
			words = words[prefix : len(words)-suffix]
		}
		out[i] = GoName(strings.Join(words, "_"))
	}
	return out
}

func kindLabel(s *openapi3.Schema) string {
	if s == nil {
		return "Value"
	}
	t := nonNullTypes(s)
	if len(t) == 1 {
		return GoName(t[0])
	}
	if len(s.Properties) > 0 {
		return "Object"
	}
	return "Value"
}

// commonWords counts the leading and trailing words every label shares.
func commonWords(labels [][]string) (prefix, suffix int) {
	if len(labels) < 2 {
		return 0, 0
	}
	shortest := len(labels[0])
	for _, l := range labels {
		shortest = min(shortest, len(l))
	}
	for prefix < shortest-1 && allEqual(labels, func(l []string) string { return l[prefix] }) {
		prefix++
	}
	for suffix < shortest-1-prefix && allEqual(labels, func(l []string) string { return l[len(l)-1-suffix] }) {
		suffix++
	}
	return prefix, suffix
}

func allEqual(labels [][]string, at func([]string) string) bool {
	for _, l := range labels[1:] {
		if at(l) != at(labels[0]) {
			return false
		}
	}
	return true
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

func constString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	}
	return "", false
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

// docOf is a schema's documentation: its description, else its title.
func docOf(s *openapi3.Schema) string {
	if s.Description != "" {
		return s.Description
	}
	return s.Title
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
