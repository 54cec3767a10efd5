package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/diag"
)

// withPet is a document whose one operation returns the component schema
// Pet, given in YAML flow style; the schema is on line 14, from column 10.
func withPet(version, pet string) string {
	return fmt.Sprintf(`openapi: %s
info: {title: T, version: 1.0.0}
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet: %s
`, version, pet)
}

// loadWarnings loads spec and returns its diagnostics, failing on errors.
func loadWarnings(t *testing.T, spec string) (*openapi3.T, diag.List) {
	t.Helper()
	r := Load("spec.yml", []byte(spec))
	if r.Doc == nil || r.Diags.HasErrors() {
		t.Fatalf("want warnings only, got:\n%v\nfor:\n%s", r.Diags, spec)
	}
	return r.Doc, r.Diags
}

// wantDiags checks that diags are exactly want, each "line:col: text"
// with text a part of the message.
func wantDiags(t *testing.T, diags diag.List, want ...string) {
	t.Helper()
	if len(diags) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%v", len(diags), len(want), diags)
		return
	}
	for i, w := range want {
		pos, text, _ := strings.Cut(w, ": ")
		d := diags[i]
		if got := fmt.Sprintf("%d:%d", d.Line, d.Col); got != pos || !strings.Contains(d.Msg, text) {
			t.Errorf("diagnostic %d is %d:%d: %s\nwant %s", i, d.Line, d.Col, d.Msg, w)
		}
	}
}

// TestUnknownKeywordsAreWarnings: a keyword no version defines is an
// annotation in a 3.1 schema and ignored in a 3.0 one: a warning at the
// keyword, with a suggestion when it is a misspelt keyword.
func TestUnknownKeywordsAreWarnings(t *testing.T) {
	pet := `{type: object, summary: s, properties: {tags: {type: array, min_items: 1, items: {$recursiveRef: '#'}}, vendor: {type: string, vendorKey: 1}}}`
	_, diags := loadWarnings(t, withPet("3.1.0", pet))
	wantDiags(t, diags,
		`14:25: "summary" is not a JSON Schema 2020-12 keyword: an annotation, ignored`,
		`14:70: "min_items" is not a JSON Schema 2020-12 keyword: an annotation, ignored (did you mean minItems?)`,
		`14:92: $recursiveRef is JSON Schema 2019-09`,
		`14:137: "vendorKey" is not a JSON Schema 2020-12 keyword`,
	)
	_, diags = loadWarnings(t, withPet("3.0.3", pet))
	wantDiags(t, diags,
		`14:25: "summary" is not an OpenAPI 3.0 schema keyword: ignored`,
		`14:70: "min_items" is not an OpenAPI 3.0 schema keyword: ignored (did you mean minItems?)`,
		`14:92: "$recursiveRef" is not an OpenAPI 3.0 schema keyword: ignored`,
		`14:137: "vendorKey" is not an OpenAPI 3.0 schema keyword: ignored`,
	)
}

// TestUnknownFieldsAreWarnings: outside schemas, OpenAPI allows only x-
// extensions; any other field is ignored with a warning.
func TestUnknownFieldsAreWarnings(t *testing.T) {
	spec := `openapi: 3.1.0
info: {title: T, version: 1.0.0, audience: public}
paths:
  /pets:
    get:
      visibility: internal
      responses:
        '200': {description: ok}
`
	_, diags := loadWarnings(t, spec)
	wantDiags(t, diags,
		`2:34: unknown field "audience" in the info: ignored (only x- extensions may be added)`,
		`6:7: unknown field "visibility" in the operation: ignored`,
	)
}

// TestToleranceKeepsOtherChecks: kin-openapi stops checking a schema at
// its first problem, so an unknown keyword must not hide a real error
// further on in the same schema.
func TestToleranceKeepsOtherChecks(t *testing.T) {
	pet := `{type: object, properties: {a: {type: string, summary: s}, b: {type: whole-number}}}`
	r := Load("spec.yml", []byte(withPet("3.1.0", pet)))
	if !r.Diags.HasErrors() || !strings.Contains(fmt.Sprint(r.Diags), `unsupported 'type' value "whole-number"`) {
		t.Errorf("the error in property b is not reported:\n%v", r.Diags)
	}
}

// TestRepairs: constructs that are invalid but whose meaning is clear are
// read as meant, with a warning that says so.
func TestRepairs(t *testing.T) {
	for _, tt := range []struct {
		name, version, pet string
		want               string // "line:col: text"
		check              func(s *openapi3.Schema) bool
	}{
		{"duplicate required", "3.1.0", `{type: object, required: [a, b, a], properties: {a: {type: string}, b: {type: string}}}`,
			`14:42: "a" is listed twice in required: read once`,
			func(s *openapi3.Schema) bool { return fmt.Sprint(s.Required) == "[a b]" }},
		{"boolean bound in 3.1", "3.1.0", `{type: integer, minimum: 5, exclusiveMinimum: true}`,
			`14:38: exclusiveMinimum: true is OpenAPI 3.0; in 3.1 it is a number: read as exclusiveMinimum: 5`,
			func(s *openapi3.Schema) bool { return s.Min == nil && *s.ExclusiveMin.Value == 5 }},
		{"boolean bound without a bound", "3.1.0", `{type: integer, exclusiveMaximum: true}`,
			`14:26: exclusiveMaximum: true is OpenAPI 3.0 and needs maximum; there is none: ignored`,
			func(s *openapi3.Schema) bool { return !s.ExclusiveMax.IsSet() }},
		{"false bound in 3.1", "3.1.0", `{type: integer, maximum: 5, exclusiveMaximum: false}`,
			`14:38: exclusiveMaximum: false is OpenAPI 3.0; in 3.1 it is a number: ignored (maximum stays inclusive)`,
			func(s *openapi3.Schema) bool { return *s.Max == 5 && !s.ExclusiveMax.IsSet() }},
		{"numeric bound in 3.0", "3.0.3", `{type: integer, exclusiveMinimum: 3}`,
			`14:26: a numeric exclusiveMinimum is OpenAPI 3.1; in 3.0 it is a boolean: read as minimum: 3, exclusiveMinimum: true`,
			func(s *openapi3.Schema) bool { return *s.Min == 3 && s.ExclusiveMin.IsTrue() }},
		{"looser numeric bound in 3.0", "3.0.3", `{type: integer, maximum: 2, exclusiveMaximum: 3}`,
			`14:38: a numeric exclusiveMaximum is OpenAPI 3.1; in 3.0 it is a boolean: ignored, as maximum 2 is stricter`,
			func(s *openapi3.Schema) bool { return *s.Max == 2 && !s.ExclusiveMax.IsSet() }},
		{"null in a list of types in 3.0", "3.0.3", `{type: [string, 'null']}`,
			`14:11: type: [string, "null"] is OpenAPI 3.1: read as type: string, nullable: true`,
			func(s *openapi3.Schema) bool { return s.Type.Is("string") && s.Nullable }},
		{"array without items in 3.0", "3.0.3", `{type: array}`,
			`14:11: an array schema needs items in OpenAPI 3.0: items of any type assumed`,
			func(s *openapi3.Schema) bool { return s.Items != nil && s.Items.Value.IsEmpty() }},
		{"multipleOf 0", "3.1.0", `{type: number, multipleOf: 0}`,
			`14:25: multipleOf must be greater than 0, not 0: ignored`,
			func(s *openapi3.Schema) bool { return s.MultipleOf == nil }},
		{"pattern Go cannot compile", "3.1.0", `{type: string, pattern: '^(?!admin)\w+$'}`,
			"14:25: pattern \"^(?!admin)\\\\w+$\" is not a Go regular expression (invalid or unsupported Perl syntax: `(?!`): not used to check values",
			func(s *openapi3.Schema) bool { return s.Pattern != "" }},
		{"3.1 keyword in 3.0", "3.0.3", `{type: string, const: a}`,
			`14:25: const is an OpenAPI 3.1 keyword, not 3.0: read as in 3.1`,
			func(s *openapi3.Schema) bool { return s.Const == "a" }},
		{"several types in 3.0", "3.0.3", `{type: [string, integer]}`,
			`14:5: an array of types is for OpenAPI >=3.1; before that type MUST be a single string: read as in 3.1`,
			func(s *openapi3.Schema) bool { return len(*s.Type) == 2 }},
		{"type null in 3.0", "3.0.3", `{anyOf: [{type: string}, {type: 'null'}]}`,
			`14:36: type "null" is OpenAPI 3.1, not 3.0: read as in 3.1`,
			func(s *openapi3.Schema) bool { return len(s.AnyOf) == 2 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := loadWarnings(t, withPet(tt.version, tt.pet))
			wantDiags(t, diags, tt.want)
			if pet := doc.Components.Schemas["Pet"].Value; !tt.check(pet) {
				t.Errorf("the schema is not read as meant: %+v", pet)
			}
		})
	}
}

// TestPathParameterRepairs: path parameters that do not match the path
// template are matched to it, and said so.
func TestPathParameterRepairs(t *testing.T) {
	spec := `openapi: 3.1.0
info: {title: T, version: 1.0.0}
paths:
  /pets/{id}/toys/{toy}:
    put:
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
        - {name: toy, in: path, schema: {type: string}}
      responses: {'204': {description: ok}}
    get:
      parameters:
        - {name: toyId, in: path, required: true, schema: {type: string}}
      responses: {'204': {description: ok}}
`
	doc, diags := loadWarnings(t, spec)
	wantDiags(t, diags,
		`8:12: path parameter "toy" is not marked required: read as required`,
		`10:5: GET /pets/{id}/toys/{toy} does not declare its path parameter "id": read as the parameter PUT declares`,
		`10:5: GET /pets/{id}/toys/{toy} does not declare its path parameter "toy": read as the parameter PUT declares`,
		`12:12: GET /pets/{id}/toys/{toy} has no variable {toyId}: its path parameter "toyId" is ignored`,
	)
	get := doc.Paths.Value("/pets/{id}/toys/{toy}").Get
	var names []string
	for _, p := range get.Parameters {
		names = append(names, p.Value.Name+":"+p.Value.Schema.Value.Type.Slice()[0])
	}
	if fmt.Sprint(names) != "[id:integer toy:string]" {
		t.Errorf("GET has the path parameters %v", names)
	}

	undeclared := strings.Replace(spec, "        - {name: id, in: path, required: true, schema: {type: integer}}\n", "", 1)
	_, diags = loadWarnings(t, undeclared)
	if !strings.Contains(fmt.Sprint(diags), `PUT /pets/{id}/toys/{toy} does not declare its path parameter "id": read as a required string`) {
		t.Errorf("got:\n%v", diags)
	}
}

// TestDuplicateOperationIDIsAWarning: the model names the methods apart.
func TestDuplicateOperationIDIsAWarning(t *testing.T) {
	spec := `openapi: 3.1.0
info: {title: T, version: 1.0.0}
paths:
  /health:
    get: {operationId: health, responses: {'204': {description: ok}}}
    head: {operationId: health, responses: {'204': {description: ok}}}
`
	_, diags := loadWarnings(t, spec)
	if len(diags) != 1 || !strings.Contains(diags[0].Msg, "the methods get distinct Go names") {
		t.Errorf("got:\n%v", diags)
	}
}
