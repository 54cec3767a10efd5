package emit

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// This file is the one place that decides how a struct type is encoded:
// by its struct tags alone, or, when the spec fixes some properties
// (consts) or names some in a way a struct tag cannot hold, by MarshalJSON
// and UnmarshalJSON methods that add those properties around the tagged
// fields.

// fieldTag is the struct tag of a field: parameters and properties whose
// names a tag cannot hold are not part of the tagged JSON; optional
// properties are left out when unset.
func fieldTag(f *model.Field) map[string]string {
	name, ok := tagName(f.JSONName)
	if f.In != model.InBody || !ok {
		return map[string]string{"json": "-"}
	}
	if f.OmitZero() {
		name = strings.TrimSuffix(name, ",") + ",omitzero"
	}
	return map[string]string{"json": name}
}

// tagName is how a JSON name is written in a struct tag, and whether it
// can be: encoding/json reads "-" as "skip" unless a comma follows, and
// accepts only letters, digits and some punctuation in a name.
func tagName(name string) (string, bool) {
	if name == "-" {
		return "-,", true
	}
	if name == "" {
		return "", false
	}
	for _, c := range name {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) {
			return "", false
		}
	}
	return name, true
}

// untagged lists the body properties of t whose names a tag cannot hold.
func untagged(t *model.Type) []*model.Field {
	var out []*model.Field
	for _, f := range t.Fields {
		if _, ok := tagName(f.JSONName); f.In == model.InBody && !ok {
			out = append(out, f)
		}
	}
	return out
}

// objectMethods renders MarshalJSON (and UnmarshalJSON) for a struct whose
// tags do not say everything: constant properties, untagged names.
func objectMethods(t *model.Type) []jen.Code {
	odd := untagged(t)
	if len(t.Consts) == 0 && len(odd) == 0 {
		return nil
	}
	encode := !(wantsWriter(t) && hasBody(t)) // a request type's writer encodes it
	var consts []string
	for _, c := range t.Consts {
		consts = append(consts, strconv.Quote(c.JSONName)+":"+strconv.Quote(c.Const))
	}
	recv := receiver(t.Name)
	args := []jen.Code{jen.Id("plain").Call(jen.Id(recv)), jen.Lit(strings.Join(consts, ","))}
	var decode []jen.Code
	for _, f := range odd {
		src := jen.Id(recv).Dot(f.Name)
		prop := jen.Dict{jen.Id(rt.Prop.Name): jen.Lit(f.JSONName), jen.Id(rt.Prop.Value): src}
		if omit := omitWhenUnset(f, src); omit != nil {
			prop[jen.Id(rt.Prop.Omit)] = omit
		}
		args = append(args, jen.Id(rt.Property).Values(prop))
		decode = append(decode, jen.Id(rt.Property).Values(jen.Dict{jen.Id(rt.Prop.Name): jen.Lit(f.JSONName), jen.Id(rt.Prop.Value): jen.Op("&").Add(src.Clone())}))
	}
	what := "its constant properties"
	if len(odd) > 0 {
		what = "the properties whose names a struct tag cannot hold"
		if len(consts) > 0 {
			what += ", and its constant properties"
		}
	}
	var out []jen.Code
	if encode {
		out = append(out,
			jen.Comment("MarshalJSON encodes "+t.Name+" with "+what+"."),
			jen.Func().Params(jen.Id(recv).Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
				jen.Type().Id("plain").Id(t.Name),
				jen.Return(jen.Id(rt.MarshalObject).Call(args...)),
			),
			jen.Line())
	}
	if len(odd) > 0 {
		out = append(out,
			jen.Comment("UnmarshalJSON decodes "+t.Name+" with the properties whose names a struct tag cannot hold."),
			jen.Func().Params(jen.Id(recv).Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
				jen.Type().Id("plain").Id(t.Name),
				jen.Return(jen.Id(rt.UnmarshalObject).Call(append([]jen.Code{jen.Id("data"), jen.Parens(jen.Op("*").Id("plain")).Call(jen.Id(recv))}, decode...)...)),
			),
			jen.Line())
	}
	return out
}

// omitWhenUnset is the condition under which an untagged property is
// left out, as omitzero would leave out a tagged one; nil for never.
func omitWhenUnset(f *model.Field, src *jen.Statement) jen.Code {
	if !f.OmitZero() {
		return nil
	}
	switch {
	case f.Wrap() == model.Optional:
		return jen.Op("!").Add(src.Clone()).Dot("IsSet").Call()
	case f.Wrap() == model.Pointer || f.Type.Nilable():
		return src.Clone().Op("==").Nil()
	}
	return nil
}
