// Package mock is an in-process Whop API server built from the spec. It
// routes every request with kin-openapi's router, validates it against the
// operation (parameters, body and bearer security), answers with a body
// the spec allows and checks that body with kin-openapi too, and records
// what it saw, so tests can prove the generated client against the spec.
package mock

import (
	"errors"
	"fmt"
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
		routed := *res.Doc // a shallow copy: only Servers differs
		routed.Servers = openapi3.Servers{{URL: BasePath}}
		spec.router, spec.err = legacy.NewRouter(&routed, openapi3.DisableExamplesValidation())
	})
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
