package generic

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy/pathpattern"

	"github.com/whopgen/whopgen/tests/mock"
)

// router finds the operation of a request as kin-openapi's legacy router
// does, on the escaped path, but without validating the document first:
// kin-openapi's strict validation refuses specs that the generator reads
// with warnings (see generator/load: repair and tolerate), and the suite
// has already loaded every spec the way the generator does.
type router struct {
	base string // the path every API request starts with
	root pathpattern.Node
}

// newRouter routes the operations of doc under base. doc is the router's
// own: requestView rewrites it.
func newRouter(doc *openapi3.T, base string) (*router, error) {
	requestView(doc)
	doc = mock.Routable(doc, base)
	rt := &router{base: base}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for method, op := range item.Operations() {
			route := &routers.Route{Spec: doc, Path: path, PathItem: item, Method: method, Operation: op}
			if err := rt.root.Add(method+" "+path, route, nil); err != nil {
				return nil, fmt.Errorf("routing %s %s: %w", method, path, err)
			}
		}
	}
	return rt, nil
}

// findRoute returns the request's operation and its path parameters, as
// they appear in the path (escaped).
func (rt *router) findRoute(r *http.Request) (*routers.Route, map[string]string, error) {
	path, ok := strings.CutPrefix(r.URL.EscapedPath(), rt.base)
	if !ok {
		return nil, nil, fmt.Errorf("the path does not start with %s", rt.base)
	}
	node, values := rt.root.Match(r.Method + " " + path)
	if node == nil {
		return nil, nil, routers.ErrPathNotFound
	}
	route, _ := node.Value.(*routers.Route)
	if route == nil {
		return nil, nil, routers.ErrPathNotFound
	}
	params := make(map[string]string, len(values))
	for i, v := range values {
		params[strings.TrimSuffix(node.VariableNames[i], "*")] = v
	}
	return route, params, nil
}

// unescapePrimitives unescapes the path parameters whose schema is not a
// list or an object. kin-openapi checks path parameters as they appear in
// the path, so an escaped value would fail its pattern or maxLength;
// lists and objects stay escaped, since unescaping them would turn an
// escaped delimiter inside an item into a delimiter.
func unescapePrimitives(route *routers.Route, params map[string]string) {
	for _, ref := range slices.Concat(route.PathItem.Parameters, route.Operation.Parameters) {
		p := ref.Value
		if p == nil || p.In != "path" || p.Schema == nil || p.Schema.Value == nil {
			continue
		}
		if t := p.Schema.Value.Type; t != nil && (t.Includes(openapi3.TypeArray) || t.Includes(openapi3.TypeObject)) {
			continue
		}
		if v, err := url.PathUnescape(params[p.Name]); err == nil {
			params[p.Name] = v
		}
	}
}

// requestView rewrites doc for validating requests as the generator
// reads them:
//
//   - A readOnly property is never required, since a request leaves it
//     out. kin-openapi's JSON Schema 2020-12 validation, which it uses for
//     OpenAPI 3.1 documents, does not know readOnly; its own validation
//     does, for 3.0 ones, and the rewrite changes nothing there.
//   - allOf: [{$ref: X}, {nullable: true}] is X or null (OpenAPI 3.0 has
//     no other way to make a reference nullable), where kin-openapi
//     requires null to satisfy X too.
func requestView(doc *openapi3.T) {
	_ = doc.WalkSchemas(func(_ string, ref *openapi3.SchemaRef) error {
		s := ref.Value
		if slices.ContainsFunc(s.AllOf, onlyNullable) {
			s.Nullable = true
		}
		readOnly := readOnlyProperties(s, map[*openapi3.Schema]bool{})
		if len(readOnly) == 0 {
			return nil
		}
		s.Required = slices.DeleteFunc(slices.Clone(s.Required), func(name string) bool { return readOnly[name] })
		for _, part := range s.AllOf {
			if part.Value != nil {
				part.Value.Required = slices.DeleteFunc(slices.Clone(part.Value.Required), func(name string) bool { return readOnly[name] })
			}
		}
		return nil
	})
}

// readOnlyProperties names the readOnly properties of s, and of its allOf
// parts, whose required lists may name them too.
func readOnlyProperties(s *openapi3.Schema, seen map[*openapi3.Schema]bool) map[string]bool {
	out := map[string]bool{}
	if seen[s] {
		return out
	}
	seen[s] = true
	for name, p := range s.Properties {
		if p.Value != nil && p.Value.ReadOnly {
			out[name] = true
		}
	}
	for _, part := range s.AllOf {
		if part.Value != nil {
			for name := range readOnlyProperties(part.Value, seen) {
				out[name] = true
			}
		}
	}
	return out
}

// onlyNullable reports whether an allOf member says nullable: true and
// constrains nothing.
func onlyNullable(ref *openapi3.SchemaRef) bool {
	if ref == nil || ref.Value == nil {
		return false
	}
	s := ref.Value
	return s.Nullable && s.Type == nil && len(s.Properties) == 0 && s.Items == nil && s.Enum == nil &&
		len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) == 0 && s.Not == nil
}
