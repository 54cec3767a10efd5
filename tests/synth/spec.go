package synth

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// LoadSpec loads and validates an OpenAPI document, keeping source
// positions so that errors can point into the file. Example mismatches
// are not errors here: the generator reports them as warnings.
func LoadSpec(file string, data []byte) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	doc, err := loader.LoadFromDataWithPath(data, &url.URL{Path: file})
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", file, err)
	}
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		return nil, fmt.Errorf("validating %s: %w", file, err)
	}
	return doc, nil
}

// Validate checks v against the schema with kin-openapi's JSON Schema
// 2020-12 validation and the document's format validators. The error
// starts with the schema's location.
func (s *Synth) Validate(ref *openapi3.SchemaRef, v any) error {
	if err := s.doc.ValidateSchemaJSON(ref.Value, v, openapi3.EnableJSONSchema2020()); err != nil {
		return &ValidationError{Location: Location(ref), Err: err}
	}
	return nil
}

// ValidationError says which schema an instance does not match, and why.
type ValidationError struct {
	Location string // see Location
	Err      error  // kin-openapi's error
}

// Error gives the location and kin-openapi's reasons, without the schema
// and value dumps that follow them (the schemas here run to pages).
func (e *ValidationError) Error() string {
	msg := e.Err.Error()
	if i := strings.Index(msg, "\nSchema:"); i >= 0 {
		msg = msg[:i]
	}
	return e.Location + ": instance does not match its schema: " + msg
}

func (e *ValidationError) Unwrap() error { return e.Err }

// ValidateAll checks several instances of one schema at once. It compiles
// the schema once, as the items of an array, which is much faster than
// validating one by one; an error names the index of the first bad
// instance.
func (s *Synth) ValidateAll(ref *openapi3.SchemaRef, vs []any) error {
	list := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeArray}, Items: ref}
	if err := s.doc.ValidateSchemaJSON(list, slices.Clone(vs), openapi3.EnableJSONSchema2020()); err != nil {
		return &ValidationError{Location: Location(ref), Err: err}
	}
	return nil
}

// Location names where a schema is written: file:line:col when the
// document was loaded with positions, and the $ref when there is one.
func Location(ref *openapi3.SchemaRef) string {
	var parts []string
	if ref.Value != nil && ref.Value.Origin != nil && ref.Value.Origin.Key != nil {
		k := ref.Value.Origin.Key
		parts = append(parts, k.File+":"+strconv.Itoa(k.Line)+":"+strconv.Itoa(k.Column))
	}
	if ref.Ref != "" {
		parts = append(parts, ref.Ref)
	}
	if len(parts) == 0 {
		return "inline schema"
	}
	return strings.Join(parts, " ")
}

// Target is one schema of the document, named for test output.
type Target struct {
	Name string // "GET /users/{id} 200", "webhook invoice.created", ...
	Ref  *openapi3.SchemaRef

	Method, Path string              // the operation, for responses and request bodies
	Operation    *openapi3.Operation // nil for webhooks and components
	Param        *openapi3.Parameter // set for parameters
}

// Operation is one operation of the document.
type Operation struct {
	Method, Path string
	Op           *openapi3.Operation
}

func (o Operation) String() string { return o.Method + " " + o.Path }

// Operations lists every operation, sorted by path then method.
func Operations(doc *openapi3.T) []Operation {
	var out []Operation
	for _, path := range slices.Sorted(maps.Keys(doc.Paths.Map())) {
		item := doc.Paths.Value(path)
		for _, method := range slices.Sorted(maps.Keys(item.Operations())) {
			out = append(out, Operation{Method: method, Path: path, Op: item.GetOperation(method)})
		}
	}
	return out
}

// SuccessResponse returns the JSON body schema of the operation's first 2xx
// response, and its status code.
func SuccessResponse(op *openapi3.Operation) (*openapi3.SchemaRef, string) {
	codes := slices.Sorted(maps.Keys(op.Responses.Map()))
	for _, code := range codes {
		if len(code) != 3 || code[0] != '2' {
			continue
		}
		resp := op.Responses.Value(code)
		if resp == nil || resp.Value == nil {
			continue
		}
		if mt := resp.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil {
			return mt.Schema, code
		}
	}
	return nil, ""
}

// RequestBody returns the JSON body schema of the operation, or nil.
func RequestBody(op *openapi3.Operation) *openapi3.SchemaRef {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil {
		return mt.Schema
	}
	return nil
}

// Responses lists the 2xx JSON response schema of every operation.
func Responses(doc *openapi3.T) []Target {
	var out []Target
	for _, o := range Operations(doc) {
		if ref, code := SuccessResponse(o.Op); ref != nil {
			out = append(out, Target{Name: o.String() + " " + code, Ref: ref, Method: o.Method, Path: o.Path, Operation: o.Op})
		}
	}
	return out
}

// RequestBodies lists the JSON request body schema of every operation
// that has one.
func RequestBodies(doc *openapi3.T) []Target {
	var out []Target
	for _, o := range Operations(doc) {
		if ref := RequestBody(o.Op); ref != nil {
			out = append(out, Target{Name: o.String() + " body", Ref: ref, Method: o.Method, Path: o.Path, Operation: o.Op})
		}
	}
	return out
}

// Webhooks lists the payload schema of every webhook, sorted by name.
func Webhooks(doc *openapi3.T) []Target {
	var out []Target
	for _, name := range slices.Sorted(maps.Keys(doc.Webhooks)) {
		item := doc.Webhooks[name]
		if item == nil || item.Post == nil {
			continue
		}
		if ref := RequestBody(item.Post); ref != nil {
			out = append(out, Target{Name: "webhook " + name, Ref: ref})
		}
	}
	return out
}

// Components lists every component schema, sorted by name.
func Components(doc *openapi3.T) []Target {
	var out []Target
	for _, name := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
		out = append(out, Target{Name: "components " + name, Ref: doc.Components.Schemas[name]})
	}
	return out
}

// QueryParameters lists the query parameters of every operation.
func QueryParameters(doc *openapi3.T) []Target {
	var out []Target
	for _, o := range Operations(doc) {
		for _, p := range o.Op.Parameters {
			if p.Value != nil && p.Value.In == "query" && p.Value.Schema != nil {
				out = append(out, Target{Name: o.String() + " ?" + p.Value.Name, Ref: p.Value.Schema, Method: o.Method, Path: o.Path, Operation: o.Op, Param: p.Value})
			}
		}
	}
	return out
}
