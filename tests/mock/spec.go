// Package mock is an in-process Whop API server built from the spec. It
// routes every request with kin-openapi's router, validates it against the
// operation (parameters, body and bearer security), answers with a body
// the spec allows and checks that body with kin-openapi too, and records
// what it saw, so tests can prove the generated client against the spec.
package mock

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/whopgen/whopgen"
	"github.com/whopgen/whopgen/generator/load"
)

// BasePath is the path of the spec's server URL; the client's base URL is
// the test server's URL followed by it.
const BasePath = "/api/v1"

var spec struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

// Spec returns the embedded spec, loaded and validated once per process.
// The document is shared: treat it as read-only.
func Spec() (*openapi3.T, error) {
	loadSpec()
	return spec.doc, spec.err
}

// router returns a router over the spec whose only server is the relative
// BasePath, so that it matches requests on any host. With a server the
// legacy router matches the escaped path (URL.String), so an escaped "/"
// inside a path parameter stays inside that parameter.
func router() (routers.Router, error) {
	loadSpec()
	return spec.router, spec.err
}

func loadSpec() {
	spec.once.Do(func() {
		res := load.Load("spec/openapi.yml", whopgen.Spec)
		if res.Diags.HasErrors() || res.Doc == nil {
			spec.err = fmt.Errorf("loading the spec: %v", errors.Join(diagErrors(res)...))
			return
		}
		spec.doc = res.Doc
		spec.router, spec.err = legacy.NewRouter(routable(res.Doc), openapi3.DisableExamplesValidation())
	})
}

// routable returns a copy of doc for the router: its only server is the
// relative BasePath, and "null" is dropped from the type lists of
// parameter schemas. kin-openapi cannot decode a query parameter typed
// [array, "null"] ("schema has non primitive type null"), and a form-style
// parameter cannot carry null anyway: the client leaves it out. Everything
// else is shared with doc, which stays unchanged.
func routable(doc *openapi3.T) *openapi3.T {
	return Routable(doc, BasePath)
}

// Routable returns a copy of doc for kin-openapi's router whose only
// server is the relative path base, so that it matches requests on any
// host, with "null" dropped from the type lists of parameter schemas (see
// routable). doc stays unchanged.
func Routable(doc *openapi3.T, base string) *openapi3.T {
	out := *doc
	out.Servers = openapi3.Servers{{URL: base}}
	out.Paths = openapi3.NewPaths()
	for path, item := range doc.Paths.Map() {
		itemCopy := *item
		itemCopy.Parameters = withoutNull(item.Parameters)
		for method, op := range item.Operations() {
			opCopy := *op
			opCopy.Parameters = withoutNull(op.Parameters)
			itemCopy.SetOperation(method, &opCopy)
		}
		out.Paths.Set(path, &itemCopy)
	}
	return &out
}

func withoutNull(params openapi3.Parameters) openapi3.Parameters {
	if params == nil {
		return nil
	}
	out := make(openapi3.Parameters, len(params))
	for i, ref := range params {
		out[i] = ref
		if ref == nil || ref.Value == nil || ref.Value.Schema == nil || ref.Value.Schema.Value == nil {
			continue
		}
		s := ref.Value.Schema.Value
		if s.Type == nil || !s.Type.IncludesNull() || len(*s.Type) < 2 {
			continue
		}
		types := slices.DeleteFunc(s.Type.Clone(), func(t string) bool { return t == openapi3.TypeNull })
		schema := *s
		schema.Type = &types
		param := *ref.Value
		param.Schema = &openapi3.SchemaRef{Value: &schema}
		out[i] = &openapi3.ParameterRef{Value: &param}
	}
	return out
}

func diagErrors(res load.Result) []error {
	var errs []error
	for _, d := range res.Diags {
		errs = append(errs, errors.New(d.String()))
	}
	if len(errs) == 0 {
		errs = append(errs, errors.New("no document"))
	}
	return errs
}
