package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// examplesFile is the package's examples: Example functions go doc shows
// beside the identifiers they use, written in this API's own terms. They
// are in the package itself (the path it is imported by is the user's), so
// they are type-checked with it, and compiled by go vet and go test; they
// have no Output comment, as they would need the API to run.
const examplesFile = "example_test.go"

// examples renders the Example functions: configuring the client, and,
// where the API has them, paging, an update with a null, and a webhook
// handler.
func (e *emitter) examples() *jen.File {
	f := jen.NewFile(e.api.Package)
	f.HeaderComment(Header)
	f.Add(comment("The examples show the client calling this API; they compile with the package and need a server to run."))
	f.Line()
	for _, example := range [][]jen.Code{e.configExample(), e.pagingExample(), e.updateExample(), e.webhookExample()} {
		for _, c := range example {
			f.Add(c)
		}
	}
	return f
}

var (
	exampleCtx    = jen.Id("ctx").Op(":=").Qual("context", "Background").Call()
	exampleClient = jen.Id("client").Op(":=").Id(newClientFunc).Call()
)

// configExample configures a client in code.
func (e *emitter) configExample() []jen.Code {
	return []jen.Code{
		comment("A client configured in code; without options it reads " + e.api.EnvPrefix + "_API_KEY and " + e.api.EnvPrefix + "_BASE_URL."),
		jen.Func().Id("Example"+newClientFunc).Params().Block(
			jen.Id("client").Op(":=").Id(newClientFunc).Call(
				jen.Line().Id("WithAPIKey").Call(jen.Lit("sk_example")),
				jen.Line().Id("WithMaxRetries").Call(jen.Lit(3)),
				jen.Line().Id("WithRequestTimeout").Call(jen.Lit(30).Op("*").Qual("time", "Second")),
				jen.Line(),
			),
			jen.Id("_").Op("=").Id("client"),
		),
		jen.Line(),
	}
}

// pagingExample ranges over every item of the simplest list method.
func (e *emitter) pagingExample() []jen.Code {
	m := e.simplestList()
	if m == nil {
		return nil
	}
	return []jen.Code{
		comment("Every item of every page, fetched as the loop asks for more."),
		jen.Func().Id("Example"+m.Resource.TypeName+"_"+m.AutoPaging).Params().Block(
			exampleCtx.Clone(), exampleClient.Clone(),
			jen.For(jen.List(jen.Id("item"), jen.Err()).Op(":=").Range().Id("client").Dot(clientPath(m.Resource)).Dot(m.AutoPaging).Call(e.exampleArgs(m)...)).Block(
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Qual("log", "Fatal").Call(jen.Err())),
				jen.Qual("fmt", "Println").Call(jen.Id("item")),
			),
		),
		jen.Line(),
	}
}

// updateExample sends a value and a null, and handles the error.
func (e *emitter) updateExample() []jen.Code {
	m, set, null := e.nullableUpdate()
	if m == nil {
		return nil
	}
	params := jen.Id(m.Params.Name).Values(jen.Dict{
		jen.Id(set.Name):  jen.Id("Some").Call(exampleValue(set.Type)),
		jen.Id(null.Name): jen.Id("Null").Types(goType(null.Type)).Call(),
	})
	call := jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("client").Dot(clientPath(m.Resource)).Dot(m.Name).Call(
		append(append([]jen.Code{jen.Id("ctx")}, e.pathArgs(m)...), params)...)
	return []jen.Code{
		comment("Optional fields are sent only when set: Some sends a value, Null an explicit null. The error tells an API error from a failed call."),
		jen.Func().Id("Example" + m.Resource.TypeName + "_" + m.Name).Params().Block(
			append([]jen.Code{exampleCtx.Clone(), exampleClient.Clone(), call}, exampleErrors()...)...),
		jen.Line(),
	}
}

// webhookExample handles the events the API sends.
func (e *emitter) webhookExample() []jen.Code {
	ev, w := e.api.Event, e.api.WebhookService
	if ev == nil || w == nil || len(ev.Variants) == 0 {
		return nil
	}
	body := []jen.Code{
		jen.If(jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Id("WebhookDeliveryFromContext").Call(jen.Id("ctx")), jen.Id("ok")).Block(
			jen.Qual("fmt", "Println").Call(jen.Lit("delivery"), jen.Id("d").Dot("ID")),
		),
		tellEvent(ev),
	}
	for _, a := range ev.Accessors {
		if a.JSONName == "id" {
			body = append(body, jen.Qual("fmt", "Println").Call(jen.Lit("event"), jen.Id("ev").Dot(a.Name).Call()))
		}
	}
	handler := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("ev").Id(ev.Name)).Error().Block(
		append(body, jen.Return(jen.Nil()))...)
	return []jen.Code{
		comment("A handler for the events the API sends: verified, decoded, and told apart by type; the delivery's id drops duplicates."),
		jen.Func().Id("Example"+w.TypeName+"_Handler").Params().Block(
			exampleClient.Clone(),
			jen.Qual("net/http", "Handle").Call(jen.Lit("/webhooks"), jen.Id("client").Dot(w.Field).Dot("Handler").Call(handler)),
		),
		jen.Line(),
	}
}

// tellEvent tells the first event type from the others: by the event
// type enum when the API has one, else by the variant that is set.
func tellEvent(ev *model.Type) jen.Code {
	first := ev.Variants[0]
	print := func(args ...jen.Code) jen.Code { return jen.Qual("fmt", "Println").Call(args...) }
	if ev.TagType != nil {
		for _, v := range ev.TagType.EnumValues {
			if v.Value == first.Tag {
				tag := jen.Id("ev").Dot(ev.TagMethod).Call()
				return jen.Switch(tag).Block(
					jen.Case(jen.Id(v.Name)).Block(print(jen.Lit(first.Tag))),
					jen.Default().Block(print(jen.Lit("another event"), tag.Clone())))
			}
		}
	}
	return jen.Switch().Block(
		jen.Case(jen.Id("ev").Dot(first.Name).Op("!=").Nil()).Block(print(jen.Lit(first.Tag))),
		jen.Default().Block(print(jen.Lit("another event"))))
}

// exampleErrors handles a call's error as callers do: a sentinel for a
// status, the API's error with its fields.
func exampleErrors() []jen.Code {
	return []jen.Code{
		jen.Var().Id("apiErr").Op("*").Id("Error"),
		jen.Switch().Block(
			jen.Case(jen.Qual("errors", "Is").Call(jen.Err(), jen.Id("ErrNotFound"))).Block(
				jen.Qual("fmt", "Println").Call(jen.Lit("no such thing"))),
			jen.Case(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("apiErr"))).Block(
				jen.Qual("fmt", "Println").Call(jen.Id("apiErr").Dot("StatusCode"), jen.Id("apiErr").Dot("Code"), jen.Id("apiErr").Dot("Message"))),
			jen.Case(jen.Err().Op("!=").Nil()).Block(jen.Qual("log", "Fatal").Call(jen.Err())),
		),
	}
}

// simplestList is the list method with no path parameters and the fewest
// required ones, for the paging example.
func (e *emitter) simplestList() *model.Method {
	var best *model.Method
	e.eachMethod(func(m *model.Method) {
		if m.AutoPaging != "" && len(m.PathParams) == 0 && (best == nil || requiredParams(m) < requiredParams(best)) {
			best = m
		}
	})
	return best
}

// nullableUpdate finds a method whose body has an optional property that
// may be null and another optional scalar one, to show the three states.
func (e *emitter) nullableUpdate() (m *model.Method, set, null *model.Field) {
	e.eachMethod(func(cand *model.Method) {
		if m != nil || cand.Body != model.BodyFlat || requiredParams(cand) > 0 {
			return
		}
		var s, n *model.Field
		for _, f := range cand.Params.Fields {
			if f.In != model.InBody || f.Wrap() != model.Optional || f.Type.Kind != model.KindString {
				continue
			}
			if f.Nullable && n == nil {
				n = f
			} else if s == nil {
				s = f
			}
		}
		if s != nil && n != nil {
			m, set, null = cand, s, n
		}
	})
	return m, set, null
}

func (e *emitter) eachMethod(visit func(*model.Method)) {
	var walk func(r *model.Resource)
	walk = func(r *model.Resource) {
		for _, m := range r.Methods {
			visit(m)
		}
		for _, c := range r.Children {
			walk(c)
		}
	}
	for _, r := range e.api.Resources {
		walk(r)
	}
}

// exampleArgs are the arguments of a call in an example: path parameters,
// then zero params.
func (e *emitter) exampleArgs(m *model.Method) []jen.Code {
	args := append([]jen.Code{jen.Id("ctx")}, e.pathArgs(m)...)
	if m.Params != nil {
		args = append(args, jen.Id(m.Params.Name).Values())
	}
	return args
}

func (e *emitter) pathArgs(m *model.Method) []jen.Code {
	var args []jen.Code
	for _, p := range m.PathParams {
		args = append(args, exampleValue(p.Type))
	}
	return args
}

// exampleValue is a value of a type for an example: "example" for text,
// the zero value otherwise.
func exampleValue(g *model.GoType) jen.Code {
	if g.Kind == model.KindString {
		return jen.Lit("example")
	}
	return jen.Op("*").New(goType(g))
}
