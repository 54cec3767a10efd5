// Package load reads an OpenAPI 3.0/3.1 document with kin-openapi, validates
// it, and turns every problem into a positioned diagnostic.
package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/diag"
)

// MaxSpecSize bounds the size of a spec we agree to parse: YAML parsing
// needs many times the file size in memory, and real API descriptions are
// a few megabytes at most.
const MaxSpecSize = 32 << 20

// Result is a loaded document with the diagnostics found while loading it.
type Result struct {
	Doc   *openapi3.T // nil when loading failed
	Diags diag.List
}

// Load parses data (read from file, which is used in diagnostics and to
// resolve relative external references) with positions and validates it.
// Validation problems that do not stop generation, such as examples that
// do not match their schema, are warnings; everything else is an error.
func Load(file string, data []byte) Result {
	r := Parse(file, data, true)
	if r.Doc == nil || r.Diags.HasErrors() {
		return r
	}
	r.Diags = append(r.Diags, Validate(file, data, r.Doc)...).Sort()
	return r
}

// Parse reads data into a document without validating it, and repairs the
// constructs that are invalid but whose meaning is clear, with a warning
// for each (see repair). With positions,
// every element records where it is in the file (its Origin), which
// diagnostics need; that roughly doubles the cost of parsing, so a caller
// may parse without them first and again with them only when it has
// something to report.
func Parse(file string, data []byte, positions bool) Result {
	var r Result
	if len(bytes.TrimSpace(data)) == 0 {
		r.Diags.Errorf(file, 1, 1, "the spec is empty")
		return r
	}
	if len(data) > MaxSpecSize {
		r.Diags.Errorf(file, 1, 1, "the spec is %d MiB, larger than the %d MiB whopgen accepts", len(data)>>20, MaxSpecSize>>20)
		return r
	}
	if !looksLikeOpenAPI(data) {
		r.Diags.Errorf(file, 1, 1, "not an OpenAPI document: the top-level \"openapi\" field is missing")
		return r
	}
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = positions
	loader.IsExternalRefsAllowed = true
	abs, _ := filepath.Abs(file)
	doc, err := loader.LoadFromDataWithPath(data, &url.URL{Path: filepath.ToSlash(abs)})
	if err != nil {
		line, col := positionInError(err.Error(), data)
		r.Diags.Errorf(file, line, col, "%s", firstLine(err.Error()))
		return r
	}
	r.Doc = doc
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		r.Diags.Errorf(file, 1, 1, "unsupported OpenAPI version %q: whopgen reads 3.0 and 3.1 documents", doc.OpenAPI)
		return r
	}
	r.Diags = repair(file, doc).Sort()
	return r
}

// Validate checks a parsed document and returns its problems, sorted. It
// only reads the document, so it may run while the model is built from it.
func Validate(file string, data []byte, doc *openapi3.T) diag.List {
	diags, opts := tolerate(file, doc)
	err := doc.Validate(context.Background(), append(opts, openapi3.EnableMultiError())...)
	reported := map[string]bool{}
	for _, e := range flatten(err) {
		line, col := locate(e, doc, data)
		// A schema used by a component and by an operation is validated
		// twice, and its problem reported with two contexts: once is enough.
		key := fmt.Sprintf("%d:%d:%s", line, col, firstLine(innermost(e).Error()))
		if reported[key] {
			continue
		}
		reported[key] = true
		sev, msg := classify(e, doc.IsOpenAPI30())
		diags.Add(diag.Diagnostic{File: file, Line: line, Col: col, Severity: sev, Msg: msg})
	}
	return diags.Sort()
}

func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// classify says whether a validation problem stops generation, and words
// it. Examples that contradict their schema are documentation. OpenAPI 3.1
// constructs in a 3.0 document are read as in 3.1, as kin-openapi and the
// model read them in any document; their message is kin-openapi's own,
// without the context, since the position says where. Operations that
// share an operationId get distinct Go names from the model.
func classify(err error, is30 bool) (diag.Severity, string) {
	var fv *openapi3.FieldVersionMismatchError
	var st *openapi3.SchemaTypeError
	var dup *openapi3.DuplicateOperationIDError
	switch {
	case isExampleError(err):
		return diag.Warning, firstLine(err.Error())
	case errors.As(err, &fv) && fv.MinVersion == "3.1":
		return diag.Warning, firstLine(fv.Error()) + ": read as in 3.1"
	case is30 && errors.As(err, &st) && st.Type == openapi3.TypeNull:
		return diag.Warning, `type "null" is OpenAPI 3.1, not 3.0: read as in 3.1`
	case errors.As(err, &dup):
		return diag.Warning, dup.Error() + ": the methods get distinct Go names"
	}
	return diag.Error, firstLine(err.Error())
}

var openapiField = regexp.MustCompile(`(?m)^\s*["']?(openapi|swagger)["']?\s*:`)

// looksLikeOpenAPI catches documents without an "openapi" field before
// kin-openapi, whose message for them ("unsupported version") hides the cause.
func looksLikeOpenAPI(data []byte) bool {
	return openapiField.Match(data[:min(len(data), 1<<20)]) || bytes.Contains(data, []byte(`"openapi"`))
}

// flatten splits a validation error into its independent parts.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	var me openapi3.MultiError
	if errors.As(err, &me) && len(me) > 0 && !isWrappedMulti(err) {
		var out []error
		for _, e := range me {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// isWrappedMulti reports whether the MultiError found by errors.As sits
// below a context wrapper; splitting it there would lose the context, so
// the whole error is reported as one.
func isWrappedMulti(err error) bool {
	_, top := err.(openapi3.MultiError)
	return !top
}

func isExampleError(err error) bool {
	var sve *openapi3.SchemaValueError
	var mte *openapi3.MediaTypeExampleValidationError
	var pee *openapi3.ParameterExampleValidationError
	return errors.As(err, &sve) || errors.As(err, &mte) || errors.As(err, &pee) ||
		strings.Contains(err.Error(), "invalid example")
}

var originType = reflect.TypeFor[*openapi3.Origin]()

// locate finds the line and column of the element an error is about: the
// innermost error that records an origin, else the operation, path or
// component named by the context wrappers, else a position named in the
// message.
func locate(err error, doc *openapi3.T, data []byte) (line, col int) {
	var best *openapi3.Location
	var path, method, section, component string
	for e := err; e != nil; e = errors.Unwrap(e) {
		if loc := originField(e); loc != nil {
			best = loc
		}
		switch w := e.(type) {
		case *openapi3.PathValidationError:
			path = w.Path
		case *openapi3.OperationValidationError:
			method = w.Method
		case *openapi3.ComponentValidationError:
			section, component = w.Section, w.Name
		}
	}
	if best != nil && best.Line > 0 {
		return best.Line, best.Column
	}
	if path != "" && doc.Paths != nil {
		if item := doc.Paths.Value(path); item != nil {
			if op := item.GetOperation(strings.ToUpper(method)); op != nil && op.Origin != nil && op.Origin.Key != nil {
				return op.Origin.Key.Line, op.Origin.Key.Column
			}
			if item.Origin != nil && item.Origin.Key != nil {
				return item.Origin.Key.Line, item.Origin.Key.Column
			}
		}
	}
	if section == "schema" && doc.Components != nil {
		if s := doc.Components.Schemas[component]; s != nil && s.Value != nil && s.Value.Origin != nil && s.Value.Origin.Key != nil {
			return s.Value.Origin.Key.Line, s.Value.Origin.Key.Column
		}
	}
	return positionInError(err.Error(), data)
}

// originField returns e's Origin.Key when e is a struct (or pointer to one)
// with an Origin field, as kin-openapi's typed validation errors are.
func originField(e error) *openapi3.Location {
	v := reflect.ValueOf(e)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	f := v.FieldByName("Origin")
	if !f.IsValid() || f.Type() != originType || f.IsNil() {
		return nil
	}
	return f.Interface().(*openapi3.Origin).Key
}

var (
	lineInMessage = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)
	refInMessage  = regexp.MustCompile(`(#/[^\s"']+|[\w./-]+\.(?:ya?ml|json)#?[^\s"']*)`)
)

// positionInError recovers a position from a parser message ("yaml: line
// 3: ...") or from a $ref named in it, whose first use is looked up in data.
func positionInError(msg string, data []byte) (line, col int) {
	if m := lineInMessage.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		col, _ = strconv.Atoi(m[2])
		return line, max(col, 1)
	}
	for _, ref := range refInMessage.FindAllString(msg, -1) {
		if i := bytes.Index(data, []byte(ref)); i >= 0 {
			return offsetToPosition(data, i)
		}
	}
	return 1, 1
}

// offsetToPosition converts a byte offset into a 1-based line and column.
func offsetToPosition(data []byte, off int) (line, col int) {
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// firstLine keeps the message and drops the schema and value dumps that
// kin-openapi appends on later lines.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
