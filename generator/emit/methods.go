package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// serviceDecl renders a resource's service type and its methods, and those
// of its sub-resources.
func serviceDecl(r *model.Resource) []jen.Code {
	var fields []jen.Code
	fields = append(fields, jen.Id(transportField).Op("*").Id(rt.TransportType))
	for _, c := range r.Children {
		fields = append(fields, jen.Id(c.Field).Op("*").Id(c.TypeName))
	}
	doc := fmt.Sprintf("%s holds the %s operations: client.%s.", r.TypeName, strings.Join(r.Path, "."), clientPath(r))
	out := []jen.Code{comment(doc), jen.Type().Id(r.TypeName).Struct(fields...), jen.Line()}
	out = append(out, newServiceFunc(r)...)
	for _, m := range r.Methods {
		out = append(out, methodDecl(m)...)
		if m.AutoPaging != "" {
			out = append(out, autoPagingDecl(m)...)
		}
	}
	for _, c := range r.Children {
		out = append(out, serviceDecl(c)...)
	}
	return out
}

// clientPath is how a caller reaches a service from the client:
// Affiliates.Overrides.
func clientPath(r *model.Resource) string {
	path := r.Field
	for p := r.Parent; p != nil; p = p.Parent {
		path = p.Field + "." + path
	}
	return path
}

// newServiceFunc wires a service and its sub-resources to the transport.
func newServiceFunc(r *model.Resource) []jen.Code {
	vals := jen.Dict{jen.Id(transportField): jen.Id(transportField)}
	for _, c := range r.Children {
		vals[jen.Id(c.Field)] = jen.Id(c.Constructor).Call(jen.Id(transportField))
	}
	return []jen.Code{
		jen.Func().Id(r.Constructor).Params(jen.Id(transportField).Op("*").Id(rt.TransportType)).Op("*").Id(r.TypeName).Block(
			jen.Return(jen.Op("&").Id(r.TypeName).Values(vals)),
		),
		jen.Line(),
	}
}

// returnKind says how a method hands back its result.
type returnKind int

const (
	returnNothing  returnKind = iota
	returnPointer             // *T for structs and unions
	returnNullable            // *T, nil for a null body
	returnValue               // T for everything else
	returnText                // string read from a text body
	returnStream              // io.ReadCloser the caller closes
)

func returnOf(m *model.Method) returnKind {
	switch {
	case m.Response == nil:
		return returnNothing
	case m.RespMedia.Kind == model.MediaText && m.Response.Kind == model.KindString:
		return returnText
	case m.Response.Kind == model.KindReader:
		return returnStream
	case m.Response.Kind == model.KindNamed && (m.Response.Named.Kind == model.TypeStruct || m.Response.Named.Kind == model.TypeUnion):
		if m.ResponseNullable {
			return returnNullable
		}
		return returnPointer
	case m.ResponseNullable && !m.Response.Nilable():
		return returnNullable
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
		page = "It returns one page; " + m.AutoPaging + " iterates over every item of every page."
		if m.Page.Owned {
			page = "It returns one page, whose NextPage method fetches the next; " + m.AutoPaging + " iterates over every item of every page."
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
	args := []jen.Code{jen.Id(argCtx).Qual("context", "Context")}
	for _, p := range m.PathParams {
		args = append(args, jen.Id(p.Name).Add(goType(p.Type)))
	}
	if m.Params != nil {
		args = append(args, jen.Id(argParams).Id(m.Params.Name))
	}
	return append(args, jen.Id(argOpts).Op("...").Id(rt.RequestOption))
}

func methodDecl(m *model.Method) []jen.Code {
	recv := jen.Id(recvService).Op("*").Id(m.Resource.TypeName)
	results, send := resultOf(m)
	return []jen.Code{
		comment(methodDoc(m)),
		jen.Func().Params(recv).Id(m.Name).Params(signature(m)...).Add(results).Block(append(requestLit(m), send...)...),
		jen.Line(),
	}
}

// doCall renders the call that sends the request and decodes into dst.
func doCall(dst jen.Code) *jen.Statement {
	return jen.Id(recvService).Dot(transportField).Dot(rt.Do).Call(jen.Id(argCtx), jen.Id(localReq), dst)
}

// intoOut is &out, the destination of a decode.
func intoOut() *jen.Statement { return jen.Op("&").Id(localOut) }

// resultOf renders a method's results and the statements that send its
// request and return what came back, by the kind of result.
func resultOf(m *model.Method) (results jen.Code, send []jen.Code) {
	out := jen.Id(localOut)
	switch returnOf(m) {
	case returnNothing:
		return jen.Error(), []jen.Code{jen.Return(doCall(jen.Nil()))}
	case returnPointer:
		return jen.Params(jen.Op("*").Add(goType(m.Response)), jen.Error()), pointerResult(m)
	case returnNullable:
		res := jen.Id(localPage)
		return jen.Params(jen.Op("*").Add(goType(m.Response)), jen.Error()), []jen.Code{
			jen.Var().Add(out).Op("*").Add(goType(m.Response)),
			jen.List(res, jen.Err()).Op(":=").Id(rt.Result).Call(intoOut(), doCall(intoOut())),
			jen.If(res.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Op("*").Add(res), jen.Err()),
		}
	case returnStream:
		return jen.Params(jen.Qual("io", "ReadCloser"), jen.Error()), []jen.Code{
			jen.Var().Add(out).Qual("io", "ReadCloser"),
			jen.If(jen.Err().Op(":=").Add(doCall(intoOut())), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(out, jen.Nil()),
		}
	case returnText:
		return jen.Params(jen.String(), jen.Error()), []jen.Code{
			jen.Var().Add(out).Index().Byte(),
			jen.Err().Op(":=").Add(doCall(intoOut())),
			jen.Return(jen.String().Call(out), jen.Err()),
		}
	}
	return jen.Params(goType(m.Response), jen.Error()), []jen.Code{
		jen.Var().Add(out).Add(goType(m.Response)),
		jen.Err().Op(":=").Add(doCall(intoOut())),
		jen.Return(out, jen.Err()),
	}
}

// pointerResult returns the decoded object. A body that fits the type only
// in part still comes back, with a *DecodeError that says which fields did
// not fit; a page also learns how to fetch its successor.
func pointerResult(m *model.Method) []jen.Code {
	out := jen.Id(localOut)
	result := jen.Id(rt.Result).Call(intoOut(), doCall(intoOut()))
	send := []jen.Code{jen.Var().Add(out).Add(goType(m.Response))}
	if m.Page == nil || !m.Page.Owned {
		return append(send, jen.Return(result))
	}
	page := jen.Id(localPage)
	send = append(send,
		jen.List(page, jen.Err()).Op(":=").Add(result),
		jen.If(page.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Err())))
	send = append(send, bindNextPage(m)...)
	return append(send, jen.Return(page, jen.Err()))
}

// callArgs passes a method's own arguments on, with params replaced by
// the named local.
func callArgs(m *model.Method, params string) []jen.Code {
	args := []jen.Code{jen.Id(argCtx)}
	for _, p := range m.PathParams {
		args = append(args, jen.Id(p.Name))
	}
	if m.Params != nil {
		args = append(args, jen.Id(params))
	}
	return append(args, jen.Id(argOpts).Op("..."))
}
