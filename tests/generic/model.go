package generic

// This file is the suite's only contact with the generator's model, which
// is being rewritten: it copies what the suite needs into plain values.

import (
	"github.com/whopgen/whopgen/generator/model"
)

// operation is one generated method and what the driver needs to call it.
type operation struct {
	ID         string   // "GET /items/{id}", unique in a spec
	Service    []string // Go field names from the client to the service: Affiliates, Overrides
	Method     string   // Go method name
	HTTPMethod string
	Path       string       // the path template, as in the spec
	PathParams []string     // names of the path parameters, in argument order
	HasParams  bool         // the method takes a Params argument
	Fields     []paramField // fields of the Params type, the body field left out
	Body       bodyShape
	BodyField  string // Go name of the field holding the body, for bodyInField
	BodyMedia  string // the request media type the method sends
}

// paramField is one field of a Params type.
type paramField struct {
	GoName string
	Name   string // the parameter's name, or the body property's
	In     string // "query", "header", "cookie", or "body" for a body property
}

// bodyShape says where a method's request body goes.
type bodyShape int

const (
	bodyNone    bodyShape = iota
	bodyFlat              // body properties are fields of Params
	bodyWhole             // Params is the body
	bodyInField           // one field of Params is the body
)

// operations lists every method of the API, depth first through the
// resource tree.
func operations(api *model.API) []operation {
	var out []operation
	var walk func(r *model.Resource, path []string)
	walk = func(r *model.Resource, path []string) {
		path = append(path[:len(path):len(path)], r.Field)
		for _, m := range r.Methods {
			out = append(out, operationOf(m, path))
		}
		for _, c := range r.Children {
			walk(c, path)
		}
	}
	for _, r := range api.Resources {
		walk(r, nil)
	}
	return out
}

func operationOf(m *model.Method, service []string) operation {
	op := operation{
		ID:         m.HTTPMethod + " " + m.Path,
		Service:    service,
		Method:     m.Name,
		HTTPMethod: m.HTTPMethod,
		Path:       m.Path,
		BodyMedia:  m.BodyMedia.Raw,
		HasParams:  m.Params != nil,
	}
	for _, p := range m.PathParams {
		op.PathParams = append(op.PathParams, p.JSONName)
	}
	switch m.Body {
	case model.BodyFlat:
		op.Body = bodyFlat
	case model.BodyWhole:
		op.Body = bodyWhole
	case model.BodyInField:
		op.Body = bodyInField
		op.BodyField = m.BodyField.Name
	}
	if m.Params == nil || m.Body == model.BodyWhole {
		return op
	}
	for _, f := range m.Params.Fields {
		if m.BodyField != nil && f.Name == m.BodyField.Name {
			continue
		}
		in := f.In.String()
		op.Fields = append(op.Fields, paramField{GoName: f.Name, Name: f.JSONName, In: in})
	}
	return op
}

// queryKey is the query parameter that carries the client's API key, or
// "" when the key goes in a header.
func queryKey(api *model.API) string {
	if api.Auth.Kind == model.AuthQuery {
		return api.Auth.Name
	}
	return ""
}
