package emit

import (
	"net/http"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

var httpMethodConst = map[string]string{
	http.MethodGet: "MethodGet", http.MethodPost: "MethodPost", http.MethodPut: "MethodPut",
	http.MethodPatch: "MethodPatch", http.MethodDelete: "MethodDelete", http.MethodHead: "MethodHead",
	http.MethodOptions: "MethodOptions", http.MethodTrace: "MethodTrace",
}

// requestLit builds the apiRequest: path, query, headers and body.
func requestLit(m *model.Method) []jen.Code {
	var method jen.Code = jen.Lit(m.HTTPMethod)
	if c, ok := httpMethodConst[m.HTTPMethod]; ok {
		method = jen.Qual("net/http", c)
	}
	f := rt.Request
	// Keys in a fixed, readable order (jen.Dict would sort them).
	kv := func(k string, v jen.Code) jen.Code { return jen.Line().Id(k).Op(":").Add(v) }
	vals := []jen.Code{
		kv(f.Operation, jen.Lit(operationLabel(m))),
		kv(f.Method, method),
		kv(f.Path, pathExpr(m)),
	}
	var stmts []jen.Code
	if m.Params != nil && m.Params.Kind == model.TypeStruct {
		if hasIn(m.Params, model.InQuery) {
			vals = append(vals, kv(f.Query, jen.Id(argParams).Dot("query").Call()))
		}
		if hasIn(m.Params, model.InHeader) || hasIn(m.Params, model.InCookie) {
			vals = append(vals, kv(f.Header, jen.Id(argParams).Dot("header").Call()))
		}
	}
	switch m.Body {
	case model.BodyFlat, model.BodyWhole:
		vals = append(vals, kv(f.Body, jen.Id(argParams)))
	case model.BodyInField:
		stmts = append(stmts, bodyFieldStmt(m)...)
	}
	if m.Body != model.BodyNone && m.BodyMedia.Kind != model.MediaJSON {
		vals = append(vals, kv(f.ContentType, jen.Lit(m.BodyMedia.Raw)))
	}
	if m.NoAuth {
		vals = append(vals, kv(f.NoAuth, jen.True()))
	}
	vals = append(vals, kv(f.Options, jen.Id(argOpts)), jen.Line())
	lit := jen.Id(localReq).Op(":=").Op("&").Id(rt.APIRequest).Custom(jen.Options{Open: "{", Close: "}", Separator: ","}, vals...)
	return append([]jen.Code{lit}, stmts...)
}

// bodyFieldStmt sets the body from the Params field holding it, nothing
// when an optional body is unset.
func bodyFieldStmt(m *model.Method) []jen.Code {
	target := jen.Id(localReq).Dot(rt.Request.Body)
	return ifPresent(m.BodyField, jen.Id(argParams).Dot(m.BodyField.Name), func(v jen.Code) []jen.Code {
		return []jen.Code{target.Clone().Op("=").Add(v)}
	})
}

// ifPresent renders use(value) for a field src, guarded by whether the
// field holds a value: Opt's Get, a pointer's nil check, or a slice's or
// map's. It is the one place that knows how each wrapping is read.
func ifPresent(f *model.Field, src *jen.Statement, use func(v jen.Code) []jen.Code) []jen.Code {
	switch f.Wrap() {
	case model.Optional:
		return []jen.Code{jen.If(jen.List(jen.Id(localValue), jen.Id(localOK)).Op(":=").Add(src).Dot("Get").Call(), jen.Id(localOK)).Block(use(jen.Id(localValue))...)}
	case model.Pointer:
		return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(use(jen.Op("*").Add(src))...)}
	}
	if f.Type.Nilable() {
		return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(use(src)...)}
	}
	return use(src)
}

func hasIn(t *model.Type, in model.Location) bool {
	for _, f := range t.Fields {
		if f.In == in {
			return true
		}
	}
	return false
}

// operationLabel names the operation in errors and logs: users.update.
func operationLabel(m *model.Method) string {
	return strings.Join(append(append([]string{}, m.Resource.Path...), lowerFirst(m.Name)), ".")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// pathExpr concatenates the path template's literal parts with escaped
// path parameters.
func pathExpr(m *model.Method) jen.Code {
	byName := map[string]string{}
	for _, p := range m.PathParams {
		byName[p.JSONName] = p.Name
	}
	var parts []jen.Code
	rest := m.Path
	last := 0
	for _, mt := range model.PathTemplate.FindAllStringSubmatchIndex(rest, -1) {
		if lit := rest[last:mt[0]]; lit != "" {
			parts = append(parts, jen.Lit(lit))
		}
		name := rest[mt[2]:mt[3]]
		parts = append(parts, jen.Id(rt.PathParam).Call(jen.Id(byName[name])))
		last = mt[1]
	}
	if lit := rest[last:]; lit != "" || len(parts) == 0 {
		parts = append(parts, jen.Lit(lit))
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr
}

// paramsEncoders renders the query() and header() methods of a Params
// struct.
func paramsEncoders(t *model.Type) []jen.Code {
	var out []jen.Code
	if hasIn(t, model.InQuery) {
		var stmts []jen.Code
		stmts = append(stmts, jen.Id("q").Op(":=").Qual("net/url", "Values").Values())
		for _, f := range t.Fields {
			if f.In == model.InQuery {
				stmts = append(stmts, encodeParam(f, func(v jen.Code) jen.Code {
					return jen.Id("q").Dot("Set").Call(jen.Lit(f.JSONName), v)
				}, "q")...)
			}
		}
		stmts = append(stmts, jen.Return(jen.Id("q")))
		out = append(out,
			jen.Comment("query encodes the query parameters; unset ones are left out."),
			jen.Func().Params(jen.Id("p").Id(t.Name)).Id("query").Params().Qual("net/url", "Values").Block(stmts...),
			jen.Line())
	}
	if hasIn(t, model.InHeader) || hasIn(t, model.InCookie) {
		var stmts []jen.Code
		stmts = append(stmts, jen.Id("h").Op(":=").Qual("net/http", "Header").Values())
		for _, f := range t.Fields {
			switch f.In {
			case model.InHeader:
				stmts = append(stmts, encodeParam(f, func(v jen.Code) jen.Code {
					return jen.Id("h").Dot("Set").Call(jen.Lit(f.JSONName), v)
				}, "")...)
			case model.InCookie:
				stmts = append(stmts, encodeParam(f, func(v jen.Code) jen.Code {
					return jen.Id(rt.AddCookie).Call(jen.Id("h"), jen.Lit(f.JSONName), v)
				}, "")...)
			}
		}
		stmts = append(stmts, jen.Return(jen.Id("h")))
		out = append(out,
			jen.Comment("header encodes the header and cookie parameters."),
			jen.Func().Params(jen.Id("p").Id(t.Name)).Id("header").Params().Qual("net/http", "Header").Block(stmts...),
			jen.Line())
	}
	return out
}

// encodeParam renders the statements that add one parameter. set writes a
// single string value; q, when not empty, names the url.Values that lists
// and objects are added to.
func encodeParam(f *model.Field, set func(jen.Code) jen.Code, q string) []jen.Code {
	value := func(v jen.Code) []jen.Code {
		switch {
		case f.Type.Kind == model.KindSlice && q != "":
			return []jen.Code{jen.Id(rt.AddList).Call(jen.Id(q), jen.Lit(f.JSONName), v, jen.Lit(f.Explode))}
		case f.Type.Kind == model.KindMap && q != "":
			return []jen.Code{jen.Id(rt.AddObject).Call(jen.Id(q), jen.Lit(f.JSONName), v, jen.Lit(string(f.Style)), jen.Lit(f.Explode))}
		case f.Type.Kind == model.KindString:
			return []jen.Code{set(v)}
		case f.Type.Kind == model.KindNamed && f.Type.Named.Kind == model.TypeEnum && f.Type.Named.EnumBase == model.KindString:
			return []jen.Code{set(jen.String().Call(v))}
		}
		return []jen.Code{set(jen.Id(rt.FormatParam).Call(v))}
	}
	return ifPresent(f, jen.Id("p").Dot(f.Name), value)
}
