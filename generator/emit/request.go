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
	if m.Params != nil && hasParameters(m.Params) {
		vals = append(vals, kv(f.Params, jen.Id(argParams).Dot(parametersMethod).Call()))
	}
	switch m.Body {
	case model.BodyFlat, model.BodyWhole:
		vals = append(vals, kv(f.Body, jen.Id(argParams)))
	case model.BodyInField:
		stmts = append(stmts, bodyFieldStmt(m)...)
	}
	if m.Body != model.BodyNone && m.BodyMedia.Raw != "application/json" {
		// Media type parameters (charset) and +json types are sent as the
		// spec writes them.
		vals = append(vals, kv(f.ContentType, jen.Lit(m.BodyMedia.Raw)))
	}
	if len(m.BodyEncoding) > 0 {
		vals = append(vals, kv(f.Encoding, encodingLit(m.BodyEncoding)))
	}
	if m.NoAuth {
		vals = append(vals, kv(f.NoAuth, jen.True()))
	}
	vals = append(vals, kv(f.Options, jen.Id(argOpts)), jen.Line())
	lit := jen.Id(localReq).Op(":=").Op("&").Id(rt.APIRequest).Custom(jen.Options{Open: "{", Close: "}", Separator: ","}, vals...)
	return append([]jen.Code{lit}, stmts...)
}

// bodyFieldStmt sets the body from the Params field holding it, nothing
// when an optional body is unset. A required body that may be null is
// always sent: a nil value is null, which leaving the body out is not.
func bodyFieldStmt(m *model.Method) []jen.Code {
	target := jen.Id(localReq).Dot(rt.Request.Body)
	src := jen.Id(argParams).Dot(m.BodyField.Name)
	if m.BodyField.Required && m.BodyField.Nullable {
		return []jen.Code{target.Op("=").Add(src)}
	}
	return ifPresent(m.BodyField, src, func(v jen.Code) []jen.Code {
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

// pathExpr concatenates the path template's literal parts with the path
// parameters, each escaped and serialized in its style.
func pathExpr(m *model.Method) jen.Code {
	byName := map[string]*model.Field{}
	for _, p := range m.PathParams {
		byName[p.JSONName] = p
	}
	var parts []jen.Code
	rest := m.Path
	last := 0
	for _, mt := range model.PathTemplate.FindAllStringSubmatchIndex(rest, -1) {
		if lit := rest[last:mt[0]]; lit != "" {
			parts = append(parts, jen.Lit(lit))
		}
		p := byName[rest[mt[2]:mt[3]]]
		if p.Type.Kind == model.KindString && p.Style == model.StyleSimple {
			parts = append(parts, jen.Id(rt.PathParam).Call(jen.Id(p.Name)))
		} else {
			parts = append(parts, jen.Id(rt.PathParamStyled).Call(jen.Lit(p.JSONName), jen.Id(p.Name), styleExpr(p.Style, p.Explode, false)))
		}
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

// parametersMethod is the unexported method of a params type that
// serializes its query, header and cookie parameters.
const parametersMethod = "parameters"

func hasParameters(t *model.Type) bool {
	return t.Kind == model.TypeStruct && (hasIn(t, model.InQuery) || hasIn(t, model.InHeader) || hasIn(t, model.InCookie))
}

// paramsEncoder renders the parameters method of a params type: one
// runtime call per parameter, in its location and style.
func paramsEncoder(t *model.Type) []jen.Code {
	if !hasParameters(t) {
		return nil
	}
	ps := jen.Id("ps")
	stmts := []jen.Code{ps.Clone().Op(":=").Op("&").Id(rt.Params).Values()}
	for _, f := range t.Fields {
		var method string
		switch f.In {
		case model.InQuery:
			method = rt.ParamsQuery
		case model.InHeader:
			method = rt.ParamsHeader
		case model.InCookie:
			method = rt.ParamsCookie
		default:
			continue
		}
		style := styleExpr(f.Style, f.Explode, f.AllowReserved && f.In == model.InQuery)
		stmts = append(stmts, ifPresent(f, jen.Id("p").Dot(f.Name), func(v jen.Code) []jen.Code {
			return []jen.Code{ps.Clone().Dot(method).Call(jen.Lit(f.JSONName), v, style)}
		})...)
	}
	stmts = append(stmts, jen.Return(ps))
	return []jen.Code{
		jen.Comment(parametersMethod + " serializes the query, header and cookie parameters in their styles; unset ones are left out."),
		jen.Func().Params(jen.Id("p").Id(t.Name)).Id(parametersMethod).Params().Op("*").Id(rt.Params).Block(stmts...),
		jen.Line(),
	}
}

// styleExpr writes a style as the runtime's rtStyle flags.
func styleExpr(style model.Style, explode, allowReserved bool) jen.Code {
	expr := jen.Id(rtStyles[style])
	if explode {
		expr = expr.Op("|").Id(rt.StyleExplode)
	}
	if allowReserved {
		expr = expr.Op("|").Id(rt.StyleAllowReserved)
	}
	return expr
}

// encodingLit writes a body's encoding object as the runtime's rtEncoding.
func encodingLit(parts []model.PartEncoding) jen.Code {
	dict := jen.Dict{}
	for _, p := range parts {
		vals := jen.Dict{}
		if p.ContentType != "" {
			vals[jen.Id(rt.Part.ContentType)] = jen.Lit(p.ContentType)
		}
		if p.Style != "" {
			vals[jen.Id(rt.Part.Style)] = styleExpr(p.Style, p.Explode, p.AllowReserved)
		}
		if len(p.Headers) > 0 {
			h := jen.Dict{}
			for _, hd := range p.Headers {
				h[jen.Lit(hd.Name)] = jen.Lit(hd.Value)
			}
			vals[jen.Id(rt.Part.Headers)] = jen.Map(jen.String()).String().Values(h)
		}
		dict[jen.Lit(p.Property)] = jen.Values(vals)
	}
	return jen.Id(rt.Encoding).Values(dict)
}
