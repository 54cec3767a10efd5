package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// fillUnion makes t a union of s's oneOf (or anyOf) variants.
func (b *builder) fillUnion(t *Type, s *openapi3.Schema) {
	t.Kind = TypeUnion
	alts := nonNull(s.OneOf)
	if len(alts) == 0 {
		alts = nonNull(s.AnyOf)
	}
	if s.Discriminator != nil {
		t.Discriminator = s.Discriminator.PropertyName
	}
	req := b.typeNames[t]
	labels := variantLabels(alts)
	for i, alt := range alts {
		v := &Variant{Consts: map[string]string{}, label: labels[i]}
		key := variantKey(t.Key, labelKey(alt, labels[i], i))
		b.members[t] = append(b.members[t], &claim{
			key: "variant " + key, wants: fixed(labels[i]), class: 0, order: fmt.Sprintf("%04d", i),
			what: describe(key), pos: t.Pos,
			set: func(name string) { v.Name = name },
		})
		v.Type, _ = b.typeOf(alt, childNamed(req, &v.Name), key, t.Request)
		if alt.Value != nil {
			props, required := mergedProperties(alt.Value)
			for name, p := range props {
				if c, ok := fixedMatch(p); ok {
					v.Consts[name] = c
				}
			}
			v.Required = slices.Sorted(maps.Keys(required))
		}
		if t.Discriminator != "" {
			v.Tag = variantTag(v, alt, t.Discriminator, s.Discriminator)
		}
		t.Variants = append(t.Variants, v)
	}
	if t.Discriminator != "" && !distinctTags(t.Variants) {
		b.warn(t.Pos, "%s: cannot tell the variants apart by %q; they are matched by shape", describe(t.Key), t.Discriminator)
		t.Discriminator = ""
	}
	if t.Discriminator != "" {
		b.members[t] = append(b.members[t], &claim{
			key: "tag-method " + t.Key, wants: fixed(GoName(t.Discriminator)), class: 1,
			what: fmt.Sprintf("the method returning %q of %s", t.Discriminator, describe(t.Key)), pos: t.Pos,
			set: func(name string) { t.TagMethod = name },
		})
	}
}

// variantTag is the discriminator value that selects v: the one the
// mapping gives its $ref, else the const of the property, else the name of
// the schema it refers to.
func variantTag(v *Variant, alt *openapi3.SchemaRef, property string, d *openapi3.Discriminator) string {
	tag := v.Consts[property]
	if d != nil && alt.Ref != "" {
		for _, t := range slices.Sorted(maps.Keys(d.Mapping)) {
			if strings.HasSuffix(d.Mapping[t].Ref, "/"+refName(alt.Ref)) {
				tag = t
			}
		}
	}
	if tag == "" && alt.Ref != "" {
		tag = refName(alt.Ref)
	}
	return tag
}

// distinctTags reports whether every variant has a tag of its own.
func distinctTags(vs []*Variant) bool {
	seen := map[string]bool{}
	for _, v := range vs {
		if v.Tag == "" || seen[v.Tag] {
			return false
		}
		seen[v.Tag] = true
	}
	return true
}

// onlyValues lists what a property can only hold, as the spec says it:
// its const, and the one value of a single-value enum.
func onlyValues(ref *openapi3.SchemaRef) []any {
	if ref == nil || ref.Value == nil {
		return nil
	}
	var vs []any
	if ref.Value.Const != nil {
		vs = append(vs, ref.Value.Const)
	}
	if len(ref.Value.Enum) == 1 {
		vs = append(vs, ref.Value.Enum[0])
	}
	return vs
}

// fixedValue returns the string a property can only have. It tells union
// variants apart and names them.
func fixedValue(ref *openapi3.SchemaRef) (string, bool) {
	for _, v := range onlyValues(ref) {
		if s, ok := v.(string); ok {
			return s, true
		}
	}
	return "", false
}

// fixedMatch is what a variant's fixed property is matched by: the text
// of a string value, else the JSON of a number or boolean one (an integer
// tag such as "type": {enum: [7]}), which the runtime compares as written.
func fixedMatch(ref *openapi3.SchemaRef) (string, bool) {
	if s, ok := fixedValue(ref); ok {
		return s, true
	}
	for _, v := range onlyValues(ref) {
		switch v.(type) {
		case float64, int, int64, bool:
			b, err := json.Marshal(v)
			return string(b), err == nil
		}
	}
	return "", false
}

func refName(ref string) string {
	return ref[strings.LastIndexByte(ref, '/')+1:]
}

// labelKey is how a variant is known in keys: its component name, else
// its title, else its position.
func labelKey(alt *openapi3.SchemaRef, label string, i int) string {
	switch {
	case alt.Ref != "":
		return refName(alt.Ref)
	case alt.Value != nil && alt.Value.Title != "":
		return alt.Value.Title
	}
	return strconv.Itoa(i)
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
	byValue := fixedLabels(alts)
	for i := range alts {
		if alts[i].Ref == "" && (alts[i].Value == nil || alts[i].Value.Title == "") && byValue != nil {
			raw[i] = []string{GoName(byValue[i])}
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

// kindLabel names an untitled inline variant by its JSON type; a list is
// named by its items' type too (IntegerArray, NumberArray), so that two
// list variants get different names.
// fixedLabels finds a property every variant fixes to a different value
// (type: logs, type: metrics) and returns those values, which name
// untitled variants better than their JSON type does; nil when there is
// none.
func fixedLabels(alts []*openapi3.SchemaRef) []string {
	fixed := make([]map[string]string, len(alts))
	for i, alt := range alts {
		fixed[i] = map[string]string{}
		if alt.Value == nil {
			return nil
		}
		props, _ := mergedProperties(alt.Value)
		for name, p := range props {
			if v, ok := fixedValue(p); ok {
				fixed[i][name] = v
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(fixed[0])) {
		values := make([]string, len(alts))
		seen := map[string]bool{}
		for i := range alts {
			v, ok := fixed[i][name]
			if !ok || seen[v] {
				values = nil
				break
			}
			seen[v], values[i] = true, v
		}
		if values != nil {
			return values
		}
	}
	return nil
}

func kindLabel(s *openapi3.Schema) string {
	if s == nil {
		return "Value"
	}
	t := nonNullTypes(s)
	switch {
	case len(t) == 1 && t[0] == "array" && s.Items != nil && s.Items.Value != nil:
		if s.Items.Ref != "" {
			return GoName(refName(s.Items.Ref)) + "Array"
		}
		return kindLabel(s.Items.Value) + "Array"
	case len(t) == 1:
		return GoName(t[0])
	case len(s.Properties) > 0:
		return "Object"
	case len(s.Enum) > 0:
		return "Enum"
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

// unionExtras gives each union the methods that spare callers a type
// switch: an accessor for every property all its variants share with the
// same Go type (ev.ID()), and, for a discriminated union, the enum type of
// its tags when the API declares one that lists them all.
func (b *builder) unionExtras() {
	var enums []*Type
	for _, t := range b.api.Types {
		if t.Kind == TypeEnum && t.EnumBase == KindString && strings.HasPrefix(t.Key, "schemas/") {
			enums = append(enums, t)
		}
	}
	slices.SortFunc(enums, func(x, y *Type) int {
		return cmp.Or(cmp.Compare(len(x.EnumValues), len(y.EnumValues)), cmp.Compare(x.Key, y.Key))
	})
	for _, t := range b.api.Types {
		if t.Kind != TypeUnion {
			continue
		}
		if t.Discriminator != "" {
			t.TagType = tagEnum(t, enums)
		}
		b.accessors(t)
	}
}

// tagEnum returns the smallest enum that holds every tag of t, or nil.
func tagEnum(t *Type, enums []*Type) *Type {
	for _, e := range enums {
		values := map[string]bool{}
		for _, v := range e.EnumValues {
			values[v.Value] = true
		}
		if !slices.ContainsFunc(t.Variants, func(v *Variant) bool { return !values[v.Tag] }) {
			return e
		}
	}
	return nil
}

// accessors finds the properties every variant of t has with the same Go
// type and wrapping, and claims a method name for each.
func (b *builder) accessors(t *Type) {
	if !t.Response {
		return // a request union is set by the caller, who knows its variant
	}
	var structs []*Type
	for _, v := range t.Variants {
		u := v.Type.Underlying()
		if u.Kind != KindNamed || u.Named.Kind != TypeStruct {
			return
		}
		structs = append(structs, u.Named)
	}
	if len(structs) < 2 {
		return
	}
	for _, f := range structs[0].Fields {
		fields := []*Field{f}
		for _, s := range structs[1:] {
			g := fieldByJSON(s, f.JSONName)
			if g == nil || g.Wrap() != f.Wrap() || !sameGoType(g.Type, f.Type) {
				fields = nil
				break
			}
			fields = append(fields, g)
		}
		if fields == nil {
			continue
		}
		a := &Accessor{JSONName: f.JSONName, Fields: fields}
		key := "accessor " + propKey(t.Key, f.JSONName)
		b.members[t] = append(b.members[t], &claim{
			key: key, wants: fixed(GoName(f.JSONName)), class: 2, order: spellingOrder(f.JSONName),
			what: "the method reading " + describe(propKey(t.Key, f.JSONName)), pos: t.Pos,
			set: func(name string) { a.Name = name },
		})
		t.Accessors = append(t.Accessors, a)
	}
}

// sameGoType reports whether two type expressions are the same Go type.
func sameGoType(x, y *GoType) bool {
	for x != nil && y != nil {
		if x.Kind != y.Kind || x.Named != y.Named {
			return false
		}
		x, y = x.Elem, y.Elem
	}
	return x == nil && y == nil
}
