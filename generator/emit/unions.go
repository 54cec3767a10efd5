package emit

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

func unionDecl(t *model.Type, desc string) []jen.Code {
	var labels []string
	var fields []jen.Code
	for _, v := range t.Variants {
		labels = append(labels, v.Name)
		fields = append(fields, jen.Id(v.Name).Op("*").Add(goType(v.Type)))
	}
	fields = append(fields, jen.Line(), jen.Id("raw").Qual("encoding/json", "RawMessage"))
	how := "by their shape"
	if t.Discriminator != "" {
		how = fmt.Sprintf("by their %q property", t.Discriminator)
	}
	doc := joinDoc(desc,
		fmt.Sprintf("%s is one of %s, told apart %s. Exactly one field is set; to send one, set it. "+
			"A variant this client does not know decodes with every field nil and keeps its JSON, "+
			"which RawJSON returns and encoding writes back unchanged.", t.Name, strings.Join(labels, ", "), how),
		deprecated(t.Deprecated))
	recv := receiver(t.Name)
	var variantArgs []jen.Code
	for _, v := range t.Variants {
		variantArgs = append(variantArgs, jen.Id(recv).Dot(v.Name))
	}
	out := []jen.Code{comment(doc), jen.Type().Id(t.Name).Struct(fields...), jen.Line()}

	// Variant.
	var cases []jen.Code
	for _, v := range t.Variants {
		cases = append(cases, jen.Case(jen.Id(recv).Dot(v.Name).Op("!=").Nil()).Block(jen.Return(jen.Id(recv).Dot(v.Name))))
	}
	out = append(out,
		jen.Comment("Variant returns the variant that is set (a pointer to it), or nil for an unknown one."),
		jen.Func().Params(jen.Id(recv).Id(t.Name)).Id("Variant").Params().Any().Block(
			jen.Switch().Block(cases...), jen.Return(jen.Nil())),
		jen.Line(),
		jen.Comment("RawJSON returns the JSON of a variant this client does not know, and nil otherwise."),
		jen.Func().Params(jen.Id(recv).Id(t.Name)).Id("RawJSON").Params().Qual("encoding/json", "RawMessage").Block(
			jen.Return(jen.Id(recv).Dot("raw"))),
		jen.Line(),
	)
	if !wantsWriter(t) { // a request union's writer encodes it
		out = append(out,
			jen.Comment("MarshalJSON encodes the variant that is set; none, or more than one, is an error."),
			jen.Func().Params(jen.Id(recv).Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
				jen.Return(id(rt.MarshalUnion).Call(append([]jen.Code{jen.Lit(t.Name), jen.Id(recv).Dot("raw")}, variantArgs...)...))),
			jen.Line())
	}
	out = append(out, unionTagMethod(t, recv)...)
	out = append(out, unionAccessors(t, recv)...)
	out = append(out, unionUnmarshal(t, recv)...)
	return out
}

// unionTagMethod renders, for a discriminated union, a method named after
// the discriminator (Type, Typename) that returns its value, also for a
// variant this client does not know.
func unionTagMethod(t *model.Type, recv string) []jen.Code {
	if t.Discriminator == "" {
		return nil
	}
	name := t.TagMethod
	result, tag := jen.String(), func(s string) jen.Code { return jen.Lit(s) }
	raw := jen.Id("tag")
	if e := t.TagType; e != nil {
		// The API's own enum of the tags: callers switch on its constants.
		result = jen.Id(e.Name)
		consts := map[string]string{}
		for _, v := range e.EnumValues {
			consts[v.Value] = v.Name
		}
		tag = func(s string) jen.Code { return jen.Id(consts[s]) }
		raw = jen.Id(e.Name).Call(jen.Id("tag"))
	}
	var cases []jen.Code
	for _, v := range t.Variants {
		cases = append(cases, jen.Case(jen.Id(recv).Dot(v.Name).Op("!=").Nil()).Block(jen.Return(tag(v.Tag))))
	}
	return []jen.Code{
		comment(fmt.Sprintf("%s returns the %q property of the variant that is set, also of one this client does not know, and \"\" when none is.", name, t.Discriminator)),
		jen.Func().Params(jen.Id(recv).Id(t.Name)).Id(name).Params().Add(result).Block(
			jen.Switch().Block(cases...),
			jen.List(jen.Id("tag"), jen.Id("_")).Op(":=").Add(id(rt.UnionTag)).Call(jen.Id(recv).Dot("raw"), jen.Lit(t.Discriminator)),
			jen.Return(raw),
		),
		jen.Line(),
	}
}

// unionUnmarshal decodes by discriminator, or by shape for untagged unions.
func unionUnmarshal(t *model.Type, recv string) []jen.Code {
	decodeInto := func(v *model.Variant) []jen.Code {
		return []jen.Code{
			jen.Id(recv).Dot(v.Name).Op("=").New(goType(v.Type)),
			jen.Return(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id(recv).Dot(v.Name))),
		}
	}
	keepRaw := []jen.Code{
		jen.Id(recv).Dot("raw").Op("=").Qual("bytes", "Clone").Call(jen.Id("data")),
		jen.Return(jen.Nil()),
	}
	var body []jen.Code
	body = append(body, jen.Op("*").Id(recv).Op("=").Id(t.Name).Values())
	if t.Discriminator != "" {
		var cases []jen.Code
		for _, v := range t.Variants {
			cases = append(cases, jen.Case(jen.Lit(v.Tag)).Block(decodeInto(v)...))
		}
		cases = append(cases, jen.Default().Block(keepRaw...))
		body = append(body,
			jen.List(jen.Id("tag"), jen.Err()).Op(":=").Add(id(rt.UnionTag)).Call(jen.Id("data"), jen.Lit(t.Discriminator)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Switch(jen.Id("tag")).Block(cases...),
		)
	} else {
		var shapes []jen.Code
		for _, v := range t.Variants {
			shapes = append(shapes, shapeLit(v))
		}
		body = append(body, jen.Id("shapes").Op(":=").Index().Add(id(rt.UnionShape)).Values(shapes...))
		if sharesKind(t) {
			body = append(body, tryEachCandidate(t, recv)...)
		} else {
			var cases []jen.Code
			for i, v := range t.Variants {
				cases = append(cases, jen.Case(jen.Lit(i)).Block(decodeInto(v)...))
			}
			cases = append(cases, jen.Default().Block(keepRaw...))
			body = append(body, jen.Switch(id(rt.UnionMatch).Call(jen.Id("data"), jen.Id("shapes"))).Block(cases...))
		}
	}
	return []jen.Code{
		jen.Comment("UnmarshalJSON decodes whichever variant data holds."),
		jen.Func().Params(jen.Id(recv).Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(body...),
		jen.Line(),
	}
}

// sharesKind reports whether two variants of an untagged union hold the
// same kind of JSON value (two lists, an integer and a number, two
// objects): the value's shape may not choose between them, so decoding
// tries each, best first. Two objects can declare the same properties and
// differ only in a property's type (Discord's integer and number options,
// whose choices hold integers or numbers).
func sharesKind(t *model.Type) bool {
	seen := map[string]bool{}
	for _, v := range t.Variants {
		kind := v.Type.JSONKind()
		if kind == "integer" {
			kind = "number"
		}
		if kind == "" {
			continue
		}
		if seen[kind] {
			return true
		}
		seen[kind] = true
	}
	return false
}

// tryEachCandidate decodes into each variant data could be, best first,
// and keeps the first that fits. When none does, the first one's error
// says why; when nothing could be, data is a variant this client does not
// know and is kept as it is.
func tryEachCandidate(t *model.Type, recv string) []jen.Code {
	var cases []jen.Code
	for i, v := range t.Variants {
		// Locals have names of several letters: the receiver has one.
		cases = append(cases, jen.Case(jen.Lit(i)).Block(
			jen.Id("decoded").Op(":=").New(goType(v.Type)),
			jen.If(jen.Err().Op("=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id("decoded")), jen.Err().Op("==").Nil()).Block(
				jen.Id(recv).Dot(v.Name).Op("=").Id("decoded"),
				jen.Return(jen.Nil()),
			),
		))
	}
	return []jen.Code{
		jen.Var().Id("first").Error(),
		jen.For(jen.List(jen.Id("_"), jen.Id("candidate")).Op(":=").Range().Id(rt.UnionCandidates).Call(jen.Id("data"), jen.Id("shapes"))).Block(
			jen.Var().Err().Error(),
			jen.Switch(jen.Id("candidate")).Block(cases...),
			jen.If(jen.Id("first").Op("==").Nil()).Block(jen.Id("first").Op("=").Err()),
		),
		jen.If(jen.Id("first").Op("!=").Nil()).Block(jen.Return(jen.Id("first"))),
		jen.Id(recv).Dot("raw").Op("=").Qual("bytes", "Clone").Call(jen.Id("data")),
		jen.Return(jen.Nil()),
	}
}

// shapeLit describes a variant for unionMatch.
func shapeLit(v *model.Variant) jen.Code {
	kind := cmp.Or(v.Type.JSONKind(), "object")
	var consts []jen.Code
	for _, k := range slices.Sorted(maps.Keys(v.Consts)) {
		consts = append(consts, jen.Lit(k).Op(":").Lit(v.Consts[k]))
	}
	vals := jen.Dict{jen.Id(rt.Shape.Kind): jen.Lit(kind)}
	if len(consts) > 0 {
		vals[jen.Id(rt.Shape.Consts)] = jen.Map(jen.String()).String().Values(consts...)
	}
	if len(v.Required) > 0 {
		var req []jen.Code
		for _, r := range v.Required {
			req = append(req, jen.Lit(r))
		}
		vals[jen.Id(rt.Shape.Required)] = jen.Index().String().Values(req...)
	}
	if props := declaredProperties(v); len(props) > 0 {
		vals[jen.Id(rt.Shape.Props)] = jen.Index().String().Values(props...)
	}
	return jen.Values(vals)
}

// declaredProperties lists the JSON names of the properties an object
// variant declares, fields and constants: the runtime prefers the variant
// that keeps the data's properties when nothing else chooses.
func declaredProperties(v *model.Variant) []jen.Code {
	if v.Type.Kind != model.KindNamed || v.Type.Named == nil || v.Type.Named.Kind != model.TypeStruct {
		return nil
	}
	var names []string
	for _, f := range slices.Concat(v.Type.Named.Fields, v.Type.Named.Consts) {
		names = append(names, f.JSONName)
	}
	slices.Sort(names)
	var out []jen.Code
	for _, n := range slices.Compact(names) {
		out = append(out, jen.Lit(n))
	}
	return out
}

// unionAccessors renders a method for each property every variant has
// with the same Go type: ev.ID() instead of a type switch. A variant this
// client does not know is read from its JSON.
func unionAccessors(t *model.Type, recv string) []jen.Code {
	var out []jen.Code
	for _, a := range t.Accessors {
		typ := fieldType(a.Fields[0])
		var cases []jen.Code
		for i, v := range t.Variants {
			cases = append(cases, jen.Case(jen.Id(recv).Dot(v.Name).Op("!=").Nil()).Block(jen.Return(jen.Id(recv).Dot(v.Name).Dot(a.Fields[i].Name))))
		}
		out = append(out,
			comment(fmt.Sprintf("%s returns the %q property of the variant that is set, also of one this client does not know.", a.Name, a.JSONName)),
			jen.Func().Params(jen.Id(recv).Id(t.Name)).Id(a.Name).Params().Add(typ).Block(
				jen.Switch().Block(cases...),
				jen.Var().Id("value").Add(typ),
				jen.Id(rt.UnionField).Call(jen.Id(recv).Dot("raw"), jen.Lit(a.JSONName), jen.Op("&").Id("value")),
				jen.Return(jen.Id("value")),
			),
			jen.Line())
	}
	return out
}
