package emit

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// serviceDecl renders a resource's service type and its methods, and those
// of its sub-resources.
func serviceDecl(r *model.Resource) []jen.Code {
	var fields []jen.Code
	fields = append(fields, jen.Id("t").Op("*").Id("transport"))
	for _, c := range r.Children {
		fields = append(fields, jen.Id(c.Field).Op("*").Id(c.TypeName))
	}
	doc := fmt.Sprintf("%s holds the %s operations: client.%s.", r.TypeName, strings.Join(r.Path, "."), strings.Join(goPath(r.Path), "."))
	out := []jen.Code{comment(doc), jen.Type().Id(r.TypeName).Struct(fields...), jen.Line()}
	out = append(out, newServiceFunc(r)...)
	for _, m := range r.Methods {
		out = append(out, methodDecl(m)...)
		if m.Page != nil {
			out = append(out, autoPagingDecl(m)...)
		}
	}
	for _, c := range r.Children {
		out = append(out, serviceDecl(c)...)
	}
	return out
}

func goPath(path []string) []string {
	out := make([]string, len(path))
	for i, p := range path {
		out[i] = model.GoName(p)
	}
	return out
}

// newServiceFunc wires a service and its sub-resources to the transport.
func newServiceFunc(r *model.Resource) []jen.Code {
	vals := jen.Dict{jen.Id("t"): jen.Id("t")}
	for _, c := range r.Children {
		vals[jen.Id(c.Field)] = jen.Id(constructorName(c)).Call(jen.Id("t"))
	}
	return []jen.Code{
		jen.Func().Id(constructorName(r)).Params(jen.Id("t").Op("*").Id("transport")).Op("*").Id(r.TypeName).Block(
			jen.Return(jen.Op("&").Id(r.TypeName).Values(vals)),
		),
		jen.Line(),
	}
}

func constructorName(r *model.Resource) string {
	return "new" + r.TypeName
}

// returnKind says how a method hands back its result.
type returnKind int

const (
	returnNothing returnKind = iota
	returnPointer            // *T for structs and unions
	returnValue              // T for everything else
	returnText               // string read from a text body
	returnStream             // io.ReadCloser the caller closes
)

func returnOf(m *model.Method) returnKind {
	switch {
	case m.Response == nil:
		return returnNothing
	case m.RespMedia != "" && strings.HasPrefix(m.RespMedia, "text/") && m.Response.Kind == model.String:
		return returnText
	case m.Response.Kind == model.Reader:
		return returnStream
	case m.Response.Kind == model.Named && (m.Response.Named.Kind == model.Struct || m.Response.Named.Kind == model.Union):
		return returnPointer
	}
	return returnValue
}

func methodDoc(m *model.Method) string {
	first := m.Name + " calls the API:"
	if m.OperationID != "" {
		first = fmt.Sprintf("%s is the %s operation.", m.Name, m.OperationID)
	}
	if m.Summary != "" {
		first = fmt.Sprintf("%s is the %q operation.", m.Name, strings.TrimSuffix(m.Summary, "."))
	}
	desc := m.Description
	if desc == m.Summary {
		desc = ""
	}
	var scopes string
	var missing []string
	for _, sc := range m.Scopes {
		if !strings.Contains(desc, sc) {
			missing = append(missing, sc)
		}
	}
	if len(missing) > 0 {
		scopes = "Required scopes: " + strings.Join(missing, ", ") + "."
	}
	var page string
	if m.Page != nil {
		page = "It returns one page; " + m.Name + "AutoPaging iterates over every item of every page."
		if m.Page.Owned {
			page = "It returns one page, whose NextPage method fetches the next; " + m.Name + "AutoPaging iterates over every item of every page."
		}
	}
	var stream string
	if returnOf(m) == returnStream {
		stream = "The caller must close the returned body."
	}
	doc := joinDoc(first, "\t"+m.HTTPMethod+" "+m.Path, desc, scopes, page, stream)
	if m.Deprecated {
		doc = joinDoc(doc, "Deprecated: the API marks this operation as deprecated.")
	}
	return doc
}

// signature renders the parameter list shared by a method and its
// auto-paging twin: (ctx, pathParams..., params, opts...).
func signature(m *model.Method) []jen.Code {
	args := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range m.PathParams {
		args = append(args, jen.Id(p.Name).String())
	}
	if m.Params != nil {
		args = append(args, jen.Id("params").Id(m.Params.Name))
	}
	return append(args, jen.Id("opts").Op("...").Id("RequestOption"))
}

func methodDecl(m *model.Method) []jen.Code {
	recv := jen.Id("s").Op("*").Id(m.Resource.TypeName)
	req := requestLit(m)
	var results jen.Code
	var body []jen.Code
	call := func(out jen.Code) jen.Code {
		return jen.Id("s").Dot("t").Dot("do").Call(jen.Id("ctx"), jen.Id("req"), out)
	}
	switch returnOf(m) {
	case returnNothing:
		results = jen.Error()
		body = append(req, jen.Return(call(jen.Nil())))
	case returnPointer:
		results = jen.Params(jen.Op("*").Add(goType(m.Response)), jen.Error())
		body = append(req,
			jen.Var().Id("out").Add(goType(m.Response)),
			jen.If(jen.Err().Op(":=").Add(call(jen.Op("&").Id("out"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())))
		if m.Page != nil && m.Page.Owned {
			body = append(body, bindNextPage(m)...)
		}
		body = append(body, jen.Return(jen.Op("&").Id("out"), jen.Nil()))
	case returnStream:
		results = jen.Params(jen.Qual("io", "ReadCloser"), jen.Error())
		body = append(req,
			jen.Var().Id("out").Qual("io", "ReadCloser"),
			jen.If(jen.Err().Op(":=").Add(call(jen.Op("&").Id("out"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id("out"), jen.Nil()))
	case returnText:
		results = jen.Params(jen.String(), jen.Error())
		body = append(req,
			jen.Var().Id("out").Index().Byte(),
			jen.Err().Op(":=").Add(call(jen.Op("&").Id("out"))),
			jen.Return(jen.String().Call(jen.Id("out")), jen.Err()))
	default:
		results = jen.Params(goType(m.Response), jen.Error())
		body = append(req,
			jen.Var().Id("out").Add(goType(m.Response)),
			jen.Err().Op(":=").Add(call(jen.Op("&").Id("out"))),
			jen.Return(jen.Id("out"), jen.Err()))
	}
	return []jen.Code{
		comment(methodDoc(m)),
		jen.Func().Params(recv).Id(m.Name).Params(signature(m)...).Add(results).Block(body...),
		jen.Line(),
	}
}

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
	// Keys in a fixed, readable order (jen.Dict would sort them).
	kv := func(k string, v jen.Code) jen.Code { return jen.Line().Id(k).Op(":").Add(v) }
	vals := []jen.Code{
		kv("Operation", jen.Lit(operationLabel(m))),
		kv("Method", method),
		kv("Path", pathExpr(m)),
	}
	var stmts []jen.Code
	if m.Params != nil && m.Params.Kind == model.Struct {
		if hasIn(m.Params, "query") {
			vals = append(vals, kv("Query", jen.Id("params").Dot("query").Call()))
		}
		if hasIn(m.Params, "header") || hasIn(m.Params, "cookie") {
			vals = append(vals, kv("Header", jen.Id("params").Dot("header").Call()))
		}
	}
	switch m.Body {
	case model.BodyFlat, model.BodyWhole:
		vals = append(vals, kv("Body", jen.Id("params")))
	case model.BodyInField:
		stmts = append(stmts, bodyFieldStmt(m)...)
	}
	if m.Body != model.BodyNone && !isJSONMedia(m.BodyMedia) {
		vals = append(vals, kv("ContentType", jen.Lit(m.BodyMedia)))
	}
	if m.NoAuth {
		vals = append(vals, kv("NoAuth", jen.True()))
	}
	vals = append(vals, kv("Options", jen.Id("opts")), jen.Line())
	return append([]jen.Code{jen.Id("req").Op(":=").Op("&").Id("apiRequest").Custom(jen.Options{Open: "{", Close: "}", Separator: ","}, vals...)}, stmts...)
}

// bodyFieldStmt sets the body from the Params field holding it: raw bytes
// for non-JSON media, the value otherwise, nothing when an optional body
// is unset.
func bodyFieldStmt(m *model.Method) []jen.Code {
	f := m.BodyField
	target := jen.Id("req").Dot("Body")
	src := jen.Id("params").Dot(f.Name)
	switch f.Wrap() {
	case model.Optional:
		return []jen.Code{jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(src).Dot("Get").Call(), jen.Id("ok")).Block(target.Op("=").Id("v"))}
	case model.Pointer:
		return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(target.Clone().Op("=").Add(src))}
	}
	if f.Type.Nilable() {
		return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(target.Clone().Op("=").Add(src))}
	}
	return []jen.Code{target.Op("=").Add(src)}
}

func isJSONMedia(media string) bool {
	media = strings.ToLower(strings.TrimSpace(strings.Split(media, ";")[0]))
	return media == "" || media == "application/json" || strings.HasSuffix(media, "+json") || media == "*/*"
}

func hasIn(t *model.Type, in string) bool {
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

var templateParam = regexp.MustCompile(`\{([^}]+)\}`)

// pathExpr concatenates the path template's literal parts with escaped
// path parameters.
func pathExpr(m *model.Method) jen.Code {
	byName := map[string]string{}
	for _, p := range m.PathParams {
		byName[p.JSONName] = p.Name
	}
	var parts []jen.Code
	rest := m.Path
	matches := templateParam.FindAllStringSubmatchIndex(rest, -1)
	last := 0
	for _, mt := range matches {
		if lit := rest[last:mt[0]]; lit != "" {
			parts = append(parts, jen.Lit(lit))
		}
		name := rest[mt[2]:mt[3]]
		parts = append(parts, jen.Id("pathParam").Call(jen.Id(byName[name])))
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
	if hasIn(t, "query") {
		var stmts []jen.Code
		stmts = append(stmts, jen.Id("q").Op(":=").Qual("net/url", "Values").Values())
		for _, f := range t.Fields {
			if f.In == "query" {
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
	if hasIn(t, "header") || hasIn(t, "cookie") {
		var stmts []jen.Code
		stmts = append(stmts, jen.Id("h").Op(":=").Qual("net/http", "Header").Values())
		for _, f := range t.Fields {
			switch f.In {
			case "header":
				stmts = append(stmts, encodeParam(f, func(v jen.Code) jen.Code {
					return jen.Id("h").Dot("Set").Call(jen.Lit(f.JSONName), v)
				}, "")...)
			case "cookie":
				stmts = append(stmts, encodeParam(f, func(v jen.Code) jen.Code {
					return jen.Id("addCookie").Call(jen.Id("h"), jen.Lit(f.JSONName), v)
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
		case f.Type.Kind == model.Slice && q != "":
			return []jen.Code{jen.Id("addList").Call(jen.Id(q), jen.Lit(f.JSONName), v, jen.Lit(f.Explode))}
		case f.Type.Kind == model.Map && q != "":
			return []jen.Code{jen.Id("addObject").Call(jen.Id(q), jen.Lit(f.JSONName), v, jen.Lit(f.Style), jen.Lit(f.Explode))}
		case f.Type.Kind == model.String:
			return []jen.Code{set(v)}
		case f.Type.Kind == model.Named && f.Type.Named.Kind == model.Enum && f.Type.Named.EnumBase == model.String:
			return []jen.Code{set(jen.String().Call(v))}
		}
		return []jen.Code{set(jen.Id("formatParam").Call(v))}
	}
	src := jen.Id("p").Dot(f.Name)
	switch f.Wrap() {
	case model.Optional:
		return []jen.Code{jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(src).Dot("Get").Call(), jen.Id("ok")).Block(value(jen.Id("v"))...)}
	case model.Pointer:
		return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(value(jen.Op("*").Add(src))...)}
	}
	if f.Type.Nilable() {
		return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(value(src)...)}
	}
	return value(src)
}

// setCursor assigns cursor to the "after" field of params.
func setCursor(p *model.Page, params, cursor jen.Code) jen.Code {
	field := jen.Add(params).Dot(p.After.Name)
	switch p.After.Wrap() {
	case model.Optional:
		return field.Op("=").Id("Some").Call(cursor)
	case model.Pointer:
		return field.Op("=").Op("&").Add(cursor)
	}
	return field.Op("=").Add(cursor)
}

// readCursor declares "cursor", the page's end cursor ("" when null), and
// returns it with the expression that says whether a next page exists.
func readCursor(p *model.Page, page jen.Code) ([]jen.Code, jen.Code) {
	info := func() *jen.Statement { return jen.Add(page).Dot(p.PageInfo.Name) }
	end := info().Dot(p.EndCursor.Name)
	var cursor []jen.Code
	switch p.EndCursor.Wrap() {
	case model.Pointer:
		cursor = []jen.Code{
			jen.Id("cursor").Op(":=").Lit(""),
			jen.If(end.Clone().Op("!=").Nil()).Block(jen.Id("cursor").Op("=").Op("*").Add(end)),
		}
	case model.Optional:
		cursor = []jen.Code{jen.Id("cursor").Op(":=").Add(end).Dot("Or").Call(jen.Lit(""))}
	default:
		cursor = []jen.Code{jen.Id("cursor").Op(":=").Add(end)}
	}
	hasNext := info().Dot(p.HasNextPage.Name)
	switch p.HasNextPage.Wrap() {
	case model.Pointer:
		hasNext = info().Dot(p.HasNextPage.Name).Op("!=").Nil().Op("&&").Op("*").Add(info().Dot(p.HasNextPage.Name))
	case model.Optional:
		hasNext = info().Dot(p.HasNextPage.Name).Dot("Or").Call(jen.False())
	}
	return cursor, hasNext
}

// bindNextPage renders the statements that let a page fetch its successor
// with the same parameters and options.
func bindNextPage(m *model.Method) []jen.Code {
	cursor, hasNext := readCursor(m.Page, jen.Id("out"))
	next := []jen.Code{
		jen.Id("next").Op(":=").Id("params"),
		setCursor(m.Page, jen.Id("next"), jen.Id("cursor")),
		jen.Id("out").Dot("next").Op("=").Func().Params(jen.Id("ctx").Qual("context", "Context")).
			Params(jen.Op("*").Add(goType(m.Response)), jen.Error()).Block(
			jen.Return(jen.Id("s").Dot(m.Name).Call(callArgsWith(m, "next")...)),
		),
	}
	return append(cursor, jen.If(hasNext.(*jen.Statement).Clone().Op("&&").Id("cursor").Op("!=").Lit("")).Block(next...))
}

// pageMethods renders the field and the NextPage method of a page type
// owned by one list method.
func pageMethods(t *model.Type) []jen.Code {
	m := t.PageOf
	return []jen.Code{
		comment("NextPage fetches the page after this one with the same parameters and options, or returns nil and no error when this is the last page. " + m.Name + "AutoPaging walks every page for you."),
		jen.Func().Params(jen.Id("p").Op("*").Id(t.Name)).Id("NextPage").Params(jen.Id("ctx").Qual("context", "Context")).
			Params(jen.Op("*").Id(t.Name), jen.Error()).Block(
			jen.If(jen.Id("p").Op("==").Nil().Op("||").Id("p").Dot("next").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Nil())),
			jen.Return(jen.Id("p").Dot("next").Call(jen.Id("ctx"))),
		),
		jen.Line(),
	}
}

// autoPagingDecl renders the range-over-func twin of a list method.
func autoPagingDecl(m *model.Method) []jen.Code {
	p := m.Page
	item := goType(p.Item)
	setAfter := setCursor(p, jen.Id("params"), jen.Id("after"))
	cursor, hasNext := readCursor(p, jen.Id("page"))
	fetch := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("after").String()).
		Params(jen.Index().Add(item), jen.String(), jen.Bool(), jen.Error()).Block(
		append(append([]jen.Code{
			jen.If(jen.Id("after").Op("!=").Lit("")).Block(setAfter),
			jen.List(jen.Id("page"), jen.Err()).Op(":=").Id("s").Dot(m.Name).Call(callArgs(m)...),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Lit(""), jen.False(), jen.Err())),
		}, cursor...),
			jen.Return(jen.Id("page").Dot(p.Data.Name), jen.Id("cursor"), hasNext, jen.Nil()))...,
	)
	name := m.Name + "AutoPaging"
	doc := fmt.Sprintf("%s iterates over every item %s returns, fetching the next page while the loop asks for more "+
		"and the server reports one. It stops at the first error, which it yields once; breaking out of the loop sends no further request.", name, m.Name)
	return []jen.Code{
		comment(doc),
		jen.Func().Params(jen.Id("s").Op("*").Id(m.Resource.TypeName)).Id(name).Params(signature(m)...).
			Qual("iter", "Seq2").Types(item, jen.Error()).Block(
			jen.Return(jen.Id("autoPaging").Call(jen.Id("ctx"), fetch)),
		),
		jen.Line(),
	}
}

func callArgs(m *model.Method) []jen.Code {
	return callArgsWith(m, "params")
}

// callArgsWith passes the method's own arguments, with params named so.
func callArgsWith(m *model.Method, params string) []jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range m.PathParams {
		args = append(args, jen.Id(p.Name))
	}
	if m.Params != nil {
		args = append(args, jen.Id(params))
	}
	return append(args, jen.Id("opts").Op("..."))
}
