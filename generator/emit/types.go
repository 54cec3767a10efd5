package emit

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// goType renders a type expression.
func goType(t *model.GoType) jen.Code {
	switch t.Kind {
	case model.KindString:
		return jen.String()
	case model.KindInt64:
		return jen.Int64()
	case model.KindInt32:
		return jen.Int32()
	case model.KindFloat64:
		return jen.Float64()
	case model.KindFloat32:
		return jen.Float32()
	case model.KindBool:
		return jen.Bool()
	case model.KindTime:
		return jen.Qual("time", "Time")
	case model.KindBytes:
		return jen.Index().Byte()
	case model.KindRawJSON:
		return jen.Qual("encoding/json", "RawMessage")
	case model.KindSlice:
		return jen.Index().Add(goType(t.Elem))
	case model.KindMap:
		return jen.Map(jen.String()).Add(goType(t.Elem))
	case model.KindNamed:
		return jen.Id(t.Named.Name)
	case model.KindReader:
		return jen.Qual("io", "Reader")
	case model.KindNullableElem:
		return jen.Op("*").Add(goType(t.Elem))
	}
	return jen.Any()
}

// fieldType renders a field's type with its wrapper.
func fieldType(f *model.Field) jen.Code {
	switch f.Wrap() {
	case model.Pointer:
		return jen.Op("*").Add(goType(f.Type))
	case model.Optional:
		return id(rt.Opt).Types(goType(f.Type))
	}
	return goType(f.Type)
}

// fieldDoc documents a field: the spec's description, then what the Go
// type cannot say (null, the default, read-only, deprecation).
func fieldDoc(f *model.Field) string {
	var notes []string
	if f.In.IsParameter() {
		notes = append(notes, fmt.Sprintf("Sent as the %s parameter %q.", f.In, f.JSONName))
	}
	if f.Default != "" {
		notes = append(notes, "Defaults to "+f.Default+" on the server.")
	}
	if f.ReadOnly {
		notes = append(notes, "Read-only: set by the server.")
	}
	if f.WriteOnly {
		notes = append(notes, "Write-only: never returned by the server.")
	}
	if f.Recursive {
		notes = append(notes, "A pointer because the type contains itself.")
	}
	doc := joinDoc(f.Doc, strings.Join(notes, " "))
	if f.Deprecated {
		doc = joinDoc(doc, "Deprecated: the API marks this field as deprecated.")
	}
	return doc
}

// typeDecl renders a named type and its methods.
func typeDecl(t *model.Type) []jen.Code {
	switch t.Kind {
	case model.TypeStruct:
		return structDecl(t)
	case model.TypeEnum:
		return enumDecl(t)
	case model.TypeUnion:
		return unionDecl(t)
	case model.TypeAlias:
		doc := joinDoc(typeDoc(t.Name, t.Doc), deprecated(t.Deprecated))
		return []jen.Code{comment(doc), jen.Type().Id(t.Name).Op("=").Add(goType(t.Target)), jen.Line()}
	default:
		doc := joinDoc(typeDoc(t.Name, t.Doc), deprecated(t.Deprecated))
		return []jen.Code{comment(doc), jen.Type().Id(t.Name).Add(goType(t.Target)), jen.Line()}
	}
}

func deprecated(d bool) string {
	if d {
		return "Deprecated: the API marks this as deprecated."
	}
	return ""
}

func structDecl(t *model.Type) []jen.Code {
	var fields []jen.Code
	for i, f := range t.Fields {
		if doc := fieldDoc(f); doc != "" {
			if i > 0 {
				fields = append(fields, jen.Line())
			}
			fields = append(fields, comment(doc))
		}
		fields = append(fields, jen.Id(f.Name).Add(fieldType(f)).Tag(fieldTag(f)))
	}
	doc := typeDoc(t.Name, t.Doc)
	if len(t.Consts) > 0 {
		var names []string
		for _, c := range t.Consts {
			names = append(names, fmt.Sprintf("%q as %q", c.JSONName, c.Const))
		}
		if doc == "" {
			doc = t.Name + " always encodes " + strings.Join(names, " and ") + ": the encoder writes these, so they are not fields."
		} else {
			doc = joinDoc(doc, "It always encodes "+strings.Join(names, " and ")+": the encoder writes these, so they are not fields.")
		}
	}
	doc = joinDoc(doc, deprecated(t.Deprecated))
	if t.PageOf != nil {
		// Not encoded: JSON ignores unexported fields.
		fields = append(fields, jen.Line(), jen.Id("next").Func().Params(jen.Qual("context", "Context")).Params(jen.Op("*").Id(t.Name), jen.Error()))
	}
	out := []jen.Code{comment(doc), jen.Type().Id(t.Name).Struct(fields...), jen.Line()}
	out = append(out, objectMethods(t)...)
	if t.PageOf != nil {
		out = append(out, pageMethods(t)...)
	}
	return out
}

func receiver(name string) string {
	return strings.ToLower(name[:1])
}

func enumDecl(t *model.Type) []jen.Code {
	base := jen.String()
	if t.EnumBase == model.KindInt64 {
		base = jen.Int64()
	}
	doc := joinDoc(typeDoc(t.Name, t.Doc),
		"The API may add values: a value not listed below still decodes and encodes unchanged; IsKnown tells them apart.",
		deprecated(t.Deprecated))
	var consts, cases []jen.Code
	for _, v := range t.EnumValues {
		var lit jen.Code = jen.Lit(v.Value)
		if t.EnumBase == model.KindInt64 {
			n, _ := strconv.ParseInt(v.Value, 10, 64)
			lit = jen.Lit(int(n))
		}
		consts = append(consts, jen.Id(v.Name).Id(t.Name).Op("=").Add(lit))
		cases = append(cases, jen.Id(v.Name))
	}
	recv := receiver(t.Name)
	out := []jen.Code{comment(doc), jen.Type().Id(t.Name).Add(base), jen.Line()}
	if len(consts) == 0 {
		return out
	}
	out = append(out,
		jen.Comment("Values of "+t.Name+" known to this version of the client."),
		jen.Const().Defs(consts...), jen.Line(),
		jen.Comment("IsKnown reports whether "+recv+" is one of the values the API documents."),
		jen.Func().Params(jen.Id(recv).Id(t.Name)).Id("IsKnown").Params().Bool().Block(
			jen.Switch(jen.Id(recv)).Block(jen.Case(cases...).Block(jen.Return(jen.True()))),
			jen.Return(jen.False()),
		),
		jen.Line(),
	)
	return out
}

func unionDecl(t *model.Type) []jen.Code {
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
	doc := joinDoc(typeDoc(t.Name, t.Doc),
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
		jen.Comment("MarshalJSON encodes the variant that is set."),
		jen.Func().Params(jen.Id(recv).Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Return(id(rt.UnionJSON).Call(append([]jen.Code{jen.Id(recv).Dot("raw")}, variantArgs...)...))),
		jen.Line(),
	)
	out = append(out, unionTagMethod(t, recv)...)
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
	var cases []jen.Code
	for _, v := range t.Variants {
		cases = append(cases, jen.Case(jen.Id(recv).Dot(v.Name).Op("!=").Nil()).Block(jen.Return(jen.Lit(v.Tag))))
	}
	return []jen.Code{
		comment(fmt.Sprintf("%s returns the %q property of the variant that is set, also of one this client does not know, and \"\" when none is.", name, t.Discriminator)),
		jen.Func().Params(jen.Id(recv).Id(t.Name)).Id(name).Params().String().Block(
			jen.Switch().Block(cases...),
			jen.List(jen.Id("tag"), jen.Id("_")).Op(":=").Add(id(rt.UnionTag)).Call(jen.Id(recv).Dot("raw"), jen.Lit(t.Discriminator)),
			jen.Return(jen.Id("tag")),
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
// same kind of JSON value other than an object (two lists, an integer and
// a number): the value's shape cannot choose between them, so decoding
// tries each.
func sharesKind(t *model.Type) bool {
	seen := map[string]bool{}
	for _, v := range t.Variants {
		kind := v.Type.JSONKind()
		if kind == "integer" {
			kind = "number"
		}
		if kind == "" || kind == "object" {
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
	for _, k := range sortedKeys(v.Consts) {
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
	return jen.Values(vals)
}
