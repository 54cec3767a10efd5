package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/diag"
	"github.com/whopgen/whopgen/generator/load"
)

// The tests of this package feed small specs written inline and check the
// shapes Build makes of them: kinds, fields, names, wrapping. Each spec is
// the body of an OpenAPI 3.1 document; specHeader comes before it.

const specHeader = "openapi: 3.1.0\ninfo: {title: Test API, version: '2.0', description: About the test API.}\n"

// testReserved stands for what the emitter and the runtime reserve, small
// enough to read: a few package names, method locals, and the methods the
// emitter declares on structs and unions.
var testReserved = Reserved{
	Package:        []string{"Client", "Opt", "Error"},
	Locals:         []string{"ctx", "params", "opts", "req", "out", "err", "url"},
	StructMethods:  []string{"MarshalJSON", "UnmarshalJSON", "RawJSON"},
	UnionMethods:   []string{"Variant", "RawJSON"},
	ServiceMembers: []string{"Options"},
}

// buildSpec loads body (after specHeader) and builds its model with opts.
// It fails the test when the spec does not load.
func buildSpec(t *testing.T, body string, opts Options) (*API, diag.List) {
	t.Helper()
	doc := mustLoad(t, body)
	if opts.Package == "" {
		opts.Package = "testapi"
	}
	if opts.File == "" {
		opts.File = "spec.yml"
	}
	if opts.Reserved.Package == nil {
		opts.Reserved = testReserved
	}
	return Build(doc, opts)
}

// mustLoad parses body (after specHeader), for tests of functions that
// read kin-openapi values.
func mustLoad(t *testing.T, body string) *openapi3.T {
	t.Helper()
	r := load.Parse("spec.yml", []byte(specHeader+body), true)
	if r.Doc == nil || r.Diags.HasErrors() {
		t.Fatalf("the spec does not load: %v", r.Diags)
	}
	return r.Doc
}

// mustBuild builds body and fails the test on any diagnostic.
func mustBuild(t *testing.T, body string) *API {
	t.Helper()
	api, diags := buildSpec(t, body, Options{})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", diagLines(diags))
	}
	return api
}

// warnings builds body and returns its diagnostics, one line each.
func warnings(t *testing.T, body string) []string {
	t.Helper()
	_, diags := buildSpec(t, body, Options{})
	return diagLines(diags)
}

func diagLines(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

// at is the position, as a diagnostic prints it, of the first occurrence
// of marker in body, counted in the whole document.
func at(t *testing.T, body, marker string) string {
	t.Helper()
	doc := specHeader + body
	i := strings.Index(doc, marker)
	if i < 0 {
		t.Fatalf("marker %q is not in the spec", marker)
	}
	line := strings.Count(doc[:i], "\n") + 1
	col := i - strings.LastIndexByte(doc[:i], '\n')
	return fmt.Sprintf("spec.yml:%d:%d", line, col)
}

// typeNamed returns the type with Go name name.
func typeNamed(t *testing.T, api *API, name string) *Type {
	t.Helper()
	for _, typ := range api.Types {
		if typ.Name == name {
			return typ
		}
	}
	t.Fatalf("no type %s; the types are %v", name, typeNames(api))
	return nil
}

func typeNames(api *API) []string {
	var out []string
	for _, typ := range api.Types {
		out = append(out, typ.Name)
	}
	return out
}

// method returns the method of the operation "GET /path".
func method(t *testing.T, api *API, op string) *Method {
	t.Helper()
	var found *Method
	walkMethods(api.Resources, func(m *Method) {
		if m.HTTPMethod+" "+m.Path == op {
			found = m
		}
	})
	if found == nil {
		t.Fatalf("no method for %s", op)
	}
	return found
}

func walkMethods(rs []*Resource, f func(*Method)) {
	for _, r := range rs {
		for _, m := range r.Methods {
			f(m)
		}
		walkMethods(r.Children, f)
	}
}

// resourceAt returns the resource reached from the client by the Go field
// names path: "Affiliates", "Overrides".
func resourceAt(t *testing.T, api *API, path ...string) *Resource {
	t.Helper()
	list := api.Resources
	var r *Resource
	for _, name := range path {
		i := slices.IndexFunc(list, func(r *Resource) bool { return r.Field == name })
		if i < 0 {
			t.Fatalf("no resource %s under %v; there are %v", name, path, resourceFields(list))
		}
		r = list[i]
		list = r.Children
	}
	return r
}

func resourceFields(rs []*Resource) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Field)
	}
	return out
}

// fieldOf returns t's field with JSON name json.
func fieldOf(t *testing.T, typ *Type, json string) *Field {
	t.Helper()
	for _, f := range typ.Fields {
		if f.JSONName == json {
			return f
		}
	}
	t.Fatalf("%s has no field %q; it has %v", typ.Name, json, fieldLines(typ))
	return nil
}

// goType writes a type expression as Go would, with the model's kinds:
// "[]*int64", "map[string]Pet", "time.Time".
func goType(g *GoType) string {
	if g == nil {
		return "<nil>"
	}
	switch g.Kind {
	case KindSlice:
		return "[]" + goType(g.Elem)
	case KindMap:
		return "map[string]" + goType(g.Elem)
	case KindNullableElem:
		return "*" + goType(g.Elem)
	case KindNamed:
		return g.Named.Name
	}
	return [...]string{
		KindString: "string", KindInt64: "int64", KindInt32: "int32", KindFloat64: "float64",
		KindFloat32: "float32", KindBool: "bool", KindTime: "time.Time", KindAny: "any",
		KindBytes: "[]byte", KindRawJSON: "json.RawMessage", KindReader: "io.Reader",
	}[g.Kind]
}

// fieldLine sums up a field in one line: its JSON name, Go name, Go type,
// wrapping, then every flag that is set.
//
//	"name Name string opt nullable"
func fieldLine(f *Field) string {
	words := []string{f.JSONName, f.Name, goType(f.Type), [...]string{"plain", "ptr", "opt"}[f.Wrap()]}
	for _, flag := range []struct {
		on   bool
		word string
	}{
		{f.Required, "required"}, {f.Nullable, "nullable"}, {f.ReadOnly, "readonly"}, {f.WriteOnly, "writeonly"},
		{f.Deprecated, "deprecated"}, {f.Recursive, "recursive"}, {f.AllowReserved, "reserved"},
		{!f.OmitZero(), "always"},
	} {
		if flag.on {
			words = append(words, flag.word)
		}
	}
	if f.In != InBody {
		words = append(words, "in="+f.In.String())
	}
	if f.Style != "" {
		words = append(words, fmt.Sprintf("style=%s explode=%t", f.Style, f.Explode))
	}
	if f.Default != "" {
		words = append(words, "default="+f.Default)
	}
	if f.Const != "" {
		words = append(words, "const="+f.Const)
	}
	if f.Doc != "" {
		words = append(words, "doc="+f.Doc)
	}
	return strings.Join(words, " ")
}

func fieldLines(t *Type) []string {
	var out []string
	for _, f := range t.Fields {
		out = append(out, fieldLine(f))
	}
	return out
}

// enumLines sums up an enum's constants: "Name=value".
func enumLines(t *Type) []string {
	var out []string
	for _, v := range t.EnumValues {
		out = append(out, v.Name+"="+v.Value)
	}
	return out
}

// variantLines sums up a union's variants: "Name Type tag=... consts=...
// required=...".
func variantLines(t *Type) []string {
	var out []string
	for _, v := range t.Variants {
		line := v.Name + " " + goType(v.Type)
		if v.Tag != "" {
			line += " tag=" + v.Tag
		}
		if len(v.Consts) > 0 {
			line += fmt.Sprintf(" consts=%v", v.Consts)
		}
		if len(v.Required) > 0 {
			line += fmt.Sprintf(" required=%v", v.Required)
		}
		out = append(out, line)
	}
	return out
}

// equalLines fails the test when got and want differ, showing both.
func equalLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got: %s\nwant: %s", what, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}
