package emit

import (
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
	doc := joinDoc(cleanDoc(f.Doc), strings.Join(notes, " "))
	if f.Deprecated {
		doc = joinDoc(doc, "Deprecated: the API marks this field as deprecated.")
	}
	return doc
}

// typeDecl renders a named type and its methods.
func typeDecl(t *model.Type, desc string, keepsRaw bool) []jen.Code {
	switch t.Kind {
	case model.TypeStruct:
		return structDecl(t, desc, keepsRaw)
	case model.TypeEnum:
		return enumDecl(t, desc)
	case model.TypeUnion:
		return unionDecl(t, desc)
	case model.TypeAlias:
		doc := joinDoc(desc, deprecated(t.Deprecated))
		return []jen.Code{comment(doc), jen.Type().Id(t.Name).Op("=").Add(goType(t.Target)), jen.Line()}
	default:
		doc := joinDoc(desc, deprecated(t.Deprecated))
		return []jen.Code{comment(doc), jen.Type().Id(t.Name).Add(goType(t.Target)), jen.Line()}
	}
}

func deprecated(d bool) string {
	if d {
		return "Deprecated: the API marks this as deprecated."
	}
	return ""
}

// structDecl renders a struct. keepsRaw gives it the JSON it was decoded
// from, for the types methods return.
func structDecl(t *model.Type, desc string, keepsRaw bool) []jen.Code {
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
	doc := desc
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
	// Unexported fields: JSON leaves them alone.
	if keepsRaw {
		fields = append(fields, jen.Line(), jen.Id("raw").Qual("encoding/json", "RawMessage"))
	}
	if t.PageOf != nil {
		fields = append(fields, jen.Line(), jen.Id("next").Func().Params(jen.Qual("context", "Context")).Params(jen.Op("*").Id(t.Name), jen.Error()))
	}
	out := []jen.Code{comment(doc), jen.Type().Id(t.Name).Struct(fields...), jen.Line()}
	if keepsRaw {
		recv := receiver(t.Name)
		out = append(out,
			comment("RawJSON returns the JSON "+recv+" was decoded from when a method returned it, properties this client does not know included; nil otherwise."),
			jen.Func().Params(jen.Id(recv).Op("*").Id(t.Name)).Id("RawJSON").Params().Qual("encoding/json", "RawMessage").Block(jen.Return(jen.Id(recv).Dot("raw"))),
			jen.Line(),
			jen.Func().Params(jen.Id(recv).Op("*").Id(t.Name)).Id(rt.SetRawJSON).Params(jen.Id("data").Qual("encoding/json", "RawMessage")).Block(jen.Id(recv).Dot("raw").Op("=").Id("data")),
			jen.Line())
	}
	out = append(out, objectMethods(t)...)
	if t.PageOf != nil {
		out = append(out, pageMethods(t)...)
	}
	return out
}

func receiver(name string) string {
	return strings.ToLower(name[:1])
}

func enumDecl(t *model.Type, desc string) []jen.Code {
	base := jen.String()
	if t.EnumBase == model.KindInt64 {
		base = jen.Int64()
	}
	doc := joinDoc(desc,
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
