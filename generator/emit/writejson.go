package emit

import (
	"encoding/json"
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// Request bodies are encoded by generated code: every type a request can
// carry gets a writeJSON method that writes its fields one call at a
// time into the runtime's rtJSONWriter, and a MarshalJSON that runs it.
// No reflection, one allocation, and byte for byte what encoding/json
// writes for the same struct with its tags (the runtime's tests and the
// round-trip suites hold it to that).

const writeJSONMethod = "writeJSON"

// wantsWriter reports whether t is encoded by generated code: the types
// requests carry, except enums and defined scalars, which encoding/json
// writes as their underlying value.
func wantsWriter(t *model.Type) bool {
	return t.Request && (t.Kind == model.TypeStruct || t.Kind == model.TypeUnion)
}

// hasBody reports whether t has anything to write as JSON: a params type
// of query parameters alone does not.
func hasBody(t *model.Type) bool {
	if t.Kind != model.TypeStruct {
		return true
	}
	if len(t.Consts) > 0 {
		return true
	}
	for _, f := range t.Fields {
		if f.In == model.InBody {
			return true
		}
	}
	return !isParams(t)
}

// isParams reports whether t is an operation's params type.
func isParams(t *model.Type) bool {
	return len(t.Key) > len(" params") && t.Key[len(t.Key)-len(" params"):] == " params"
}

// writerMethods renders writeJSON and MarshalJSON for a request type.
func writerMethods(t *model.Type) []jen.Code {
	recv := receiver(t.Name)
	var body []jen.Code
	switch t.Kind {
	case model.TypeStruct:
		body = structWriter(t, recv)
	case model.TypeUnion:
		body = unionWriter(t, recv)
	}
	return []jen.Code{
		jen.Comment(writeJSONMethod + " writes " + t.Name + " as JSON."),
		jen.Func().Params(jen.Id(recv).Op("*").Id(t.Name)).Id(writeJSONMethod).Params(jen.Id("jw").Op("*").Id(rt.JSONWriter)).Block(body...),
		jen.Line(),
		jen.Comment("MarshalJSON encodes " + t.Name + " as a request sends it."),
		jen.Func().Params(jen.Id(recv).Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
			jen.Id("jw").Op(":=").Id(rt.NewJSONWriter).Call(),
			jen.Id(recv).Dot(writeJSONMethod).Call(jen.Id("jw")),
			jen.Return(jen.Id("jw").Dot(rt.W.Finish).Call()),
		),
		jen.Line(),
	}
}

// structWriter writes an object: the constant properties, then each body
// field, in order.
func structWriter(t *model.Type, recv string) []jen.Code {
	w := jen.Id("jw")
	body := []jen.Code{w.Clone().Dot(rt.W.Open).Call()}
	for _, c := range t.Consts {
		body = append(body, w.Clone().Dot(rt.W.Lit).Call(jen.Lit(jsonKey(c.JSONName)), jen.Lit(jsonString(c.Const))))
	}
	for _, f := range t.Fields {
		if f.In != model.InBody || f.Type.Kind == model.KindReader {
			continue // parameters travel elsewhere; files are parts of a multipart body
		}
		x := jen.Id(recv).Dot(f.Name)
		write := writeField(f, x)
		switch {
		case f.ReadOnly:
			// Set by the server: re-encoded, never sent.
			write = []jen.Code{jen.If(jen.Op("!").Id("jw").Dot(rt.W.Request)).Block(write...)}
		case f.WriteOnly && f.Wrap() == model.Plain && !f.OmitZero():
			// Sent, never returned: a response holds no value for it.
			write = []jen.Code{jen.If(jen.Id("jw").Dot(rt.W.Request).Op("||").Add(notZero(f.Type, x))).Block(write...)}
		}
		body = append(body, write...)
	}
	return append(body, w.Clone().Dot(rt.W.Close).Call())
}

// unionWriter writes the one variant that is set, or the raw JSON a
// decode kept; none or several set is an error.
func unionWriter(t *model.Type, recv string) []jen.Code {
	w := jen.Id("jw")
	var cases []jen.Code
	var set []jen.Code
	for _, v := range t.Variants {
		x := jen.Id(recv).Dot(v.Name)
		set = append(set, x.Clone().Op("!=").Nil())
		cases = append(cases, jen.Case(x.Clone().Op("!=").Nil()).Block(writeValue(v.Type, deref(v.Type, x), x.Clone(), 0)...))
	}
	cases = append(cases,
		jen.Case(jen.Id(recv).Dot("raw").Op("!=").Nil()).Block(w.Clone().Dot(rt.W.Raw).Call(jen.Id(recv).Dot("raw"))),
		jen.Default().Block(w.Clone().Dot(rt.W.Fail).Call(jen.Qual("fmt", "Errorf").Call(jen.Lit("%s: no variant is set; set exactly one"), jen.Lit(t.Name)))),
	)
	return []jen.Code{
		jen.If(jen.Id("count").Op(":=").Id(rt.CountSet).Call(set...), jen.Id("count").Op(">").Lit(1)).Block(
			w.Clone().Dot(rt.W.Fail).Call(jen.Qual("fmt", "Errorf").Call(jen.Lit("%s: %d variants are set; set exactly one"), jen.Lit(t.Name), jen.Id("count"))),
			jen.Return(),
		),
		jen.Switch().Block(cases...),
	}
}

// jsonKey is a property name as the writer takes it: quoted as
// encoding/json quotes keys, with its colon.
func jsonKey(name string) string {
	return jsonString(name) + ":"
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// scalarWriters are the writer's methods for a key and a scalar value, by
// kind: the plain one and the one taking an Opt's state and value.
var scalarWriters = map[model.Kind][2]string{
	model.KindString:  {rt.W.Str, rt.W.OptStr},
	model.KindInt64:   {rt.W.Int, rt.W.OptInt},
	model.KindInt32:   {rt.W.Int, rt.W.OptInt},
	model.KindFloat64: {rt.W.Float, rt.W.OptFloat},
	model.KindFloat32: {rt.W.Float32, rt.W.OptFloat32},
	model.KindBool:    {rt.W.Bool, rt.W.OptBool},
	model.KindTime:    {rt.W.Time, rt.W.OptTime},
}

// scalar returns the writer method kind of g and the conversion its value
// needs (enums and defined types to their base), or ok false.
func scalar(g *model.GoType) (model.Kind, func(jen.Code) jen.Code, bool) {
	u := g.Underlying()
	conv := func(base jen.Code) func(jen.Code) jen.Code {
		return func(x jen.Code) jen.Code { return jen.Add(base).Call(x) }
	}
	switch {
	case u.Kind == model.KindNamed && u.Named.Kind == model.TypeEnum:
		if u.Named.EnumBase == model.KindInt64 {
			return model.KindInt64, conv(jen.Int64()), true
		}
		return model.KindString, conv(jen.String()), true
	case u.Kind == model.KindInt32:
		return model.KindInt32, conv(jen.Int64()), true
	}
	if _, ok := scalarWriters[u.Kind]; !ok {
		return 0, nil, false
	}
	if g.Kind == model.KindNamed {
		return u.Kind, conv(goType(u)), true // a defined type over a scalar
	}
	return u.Kind, func(x jen.Code) jen.Code { return x }, true
}

// writeField renders the statements that write one property of a struct,
// honouring its wrapping: Opt fields by their state, pointers as null
// when nil, and omitzero as encoding/json does.
func writeField(f *model.Field, x *jen.Statement) []jen.Code {
	k := jen.Lit(jsonKey(f.JSONName))
	w := jen.Id("jw")
	keyed := func(value jen.Code) []jen.Code {
		return []jen.Code{w.Clone().Dot(rt.W.Key).Call(k), value}
	}
	switch f.Wrap() {
	case model.Optional:
		if kind, conv, ok := scalar(f.Type); ok {
			return []jen.Code{w.Clone().Dot(scalarWriters[kind][1]).Call(k, x.Clone().Dot(rt.OptState), conv(x.Clone().Dot(rt.OptValue)))}
		}
		return []jen.Code{jen.If(w.Clone().Dot(rt.W.OptKey).Call(k, x.Clone().Dot(rt.OptState))).Block(
			writeValue(f.Type, x.Clone().Dot(rt.OptValue), x.Clone().Dot(rt.OptValue), 0)...)}
	case model.Pointer:
		ifNil := w.Clone().Dot(rt.W.Null).Call(k)
		if f.OmitZero() {
			return []jen.Code{jen.If(x.Clone().Op("!=").Nil()).Block(keyed(jen.Block(writeValue(f.Type, deref(f.Type, x), x.Clone(), 0)...))...)}
		}
		return []jen.Code{jen.If(x.Clone().Op("==").Nil()).Block(ifNil).Else().Block(
			keyed(jen.Block(writeValue(f.Type, deref(f.Type, x), x.Clone(), 0)...))...)}
	}
	var write []jen.Code
	if kind, conv, ok := scalar(f.Type); ok {
		write = []jen.Code{w.Clone().Dot(scalarWriters[kind][0]).Call(k, conv(x.Clone()))}
	} else if u := f.Type.Underlying(); u.Kind == model.KindSlice && u.Elem.Kind == model.KindString {
		write = []jen.Code{w.Clone().Dot(rt.W.Strs).Call(k, x.Clone())}
	} else {
		write = keyed(jen.Block(writeValue(f.Type, x.Clone(), x.Clone(), 0)...))
	}
	if !f.OmitZero() {
		return write
	}
	return []jen.Code{jen.If(notZero(f.Type, x)).Block(write...)}
}

// notZero is the condition under which omitzero keeps a plain field.
func notZero(g *model.GoType, x *jen.Statement) jen.Code {
	u := g.Underlying()
	switch {
	case u.Nilable():
		return x.Clone().Op("!=").Nil()
	case u.Kind == model.KindTime:
		return jen.Op("!").Add(x.Clone()).Dot("IsZero").Call()
	}
	if kind, _, ok := scalar(g); ok {
		switch kind {
		case model.KindString:
			return x.Clone().Op("!=").Lit("")
		case model.KindBool:
			return x.Clone()
		}
		return x.Clone().Op("!=").Lit(0)
	}
	return jen.Op("!").Id(rt.IsZero).Call(x.Clone())
}

// deref is the value x points to, in parentheses when it is a list that
// will be indexed.
func deref(g *model.GoType, x *jen.Statement) *jen.Statement {
	if g.Underlying().Kind == model.KindSlice {
		return jen.Parens(jen.Op("*").Add(x.Clone()))
	}
	return jen.Op("*").Add(x.Clone())
}

// writeValue renders the statements that write x, of type g, as a JSON
// value. addr is an addressable form of x (a pointer to it, or x itself
// when it is addressable), through which a struct's writeJSON is called.
func writeValue(g *model.GoType, x, addr *jen.Statement, depth int) []jen.Code {
	w := jen.Id("jw")
	if kind, conv, ok := scalar(g); ok {
		method := map[model.Kind]string{
			model.KindString: rt.W.StrValue, model.KindInt64: rt.W.IntValue, model.KindInt32: rt.W.IntValue,
			model.KindBool: rt.W.BoolValue, model.KindTime: rt.W.TimeValue,
		}[kind]
		switch kind {
		case model.KindFloat64:
			return []jen.Code{w.Clone().Dot(rt.W.FloatValue).Call(conv(x), jen.Lit(64))}
		case model.KindFloat32:
			return []jen.Code{w.Clone().Dot(rt.W.FloatValue).Call(jen.Float64().Call(conv(x)), jen.Lit(32))}
		}
		return []jen.Code{w.Clone().Dot(method).Call(conv(x))}
	}
	switch u := g.Underlying(); {
	case u.Kind == model.KindNamed && wantsWriter(u.Named):
		return []jen.Code{addr.Clone().Dot(writeJSONMethod).Call(w)}
	case g.Kind == model.KindNamed && u.Kind == model.KindSlice:
		// A defined list type: its items through a conversion.
		list := jen.Index().Add(goType(u.Elem)).Call(x)
		return writeValue(u, list, list, depth)
	}
	switch g.Kind {
	case model.KindSlice:
		elem := jen.Id(fmt.Sprintf("i%d", depth))
		item := x.Clone().Index(elem.Clone())
		return []jen.Code{jen.If(x.Clone().Op("==").Nil()).Block(w.Clone().Dot(rt.W.NullValue).Call()).Else().Block(
			w.Clone().Dot(rt.W.OpenList).Call(),
			jen.For(elem.Clone().Op(":=").Range().Add(x.Clone())).Block(
				append([]jen.Code{w.Clone().Dot(rt.W.Elem).Call()}, writeValue(g.Elem, item, item, depth+1)...)...),
			w.Clone().Dot(rt.W.CloseList).Call(),
		)}
	case model.KindNullableElem:
		return []jen.Code{jen.If(x.Clone().Op("==").Nil()).Block(w.Clone().Dot(rt.W.NullValue).Call()).Else().Block(
			writeValue(g.Elem, deref(g.Elem, x), x.Clone(), depth)...)}
	}
	return []jen.Code{w.Clone().Dot(rt.W.AnyValue).Call(x)}
}
