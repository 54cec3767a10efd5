package emit_test

import (
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator"
)

// shapeSpec has an untagged union whose variants require nothing: only
// the properties they declare tell them apart.
const shapeSpec = `openapi: 3.1.0
info: {title: Filters, version: 1.0.0}
paths:
  /filters:
    get:
      operationId: getFilter
      tags: [filters]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Filter'}
components:
  schemas:
    Filter:
      oneOf:
        - type: object
          properties:
            field: {type: string}
            equals: {type: string}
        - type: object
          properties:
            all: {type: array, items: {type: string}}
`

// TestUnionShapesDeclareProperties: each variant's shape lists the
// properties it declares, so that {"all": [...]} decodes into the variant
// that keeps "all" rather than into the first one, which drops it.
func TestUnionShapesDeclareProperties(t *testing.T) {
	res, err := generator.Generate(generator.Options{SpecFile: "filters.yml", Spec: []byte(shapeSpec), Package: "filters"})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	var src strings.Builder
	for _, f := range res.Files {
		if strings.HasSuffix(f.Name, ".go") && !strings.HasPrefix(f.Name, "runtime_") {
			src.Write(f.Data)
		}
	}
	for _, want := range []string{`props: []string{"equals", "field"}`, `props: []string{"all"}`} {
		if !strings.Contains(src.String(), want) {
			t.Errorf("no union shape with %s in the generated code", want)
		}
	}
}

// optionSpec has an untagged union of two objects that declare the same
// properties and differ in the type of one: only decoding can choose.
const optionSpec = `openapi: 3.1.0
info: {title: Options, version: 1.0.0}
paths:
  /options:
    get:
      operationId: getOption
      tags: [options]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Option'}
components:
  schemas:
    Option:
      oneOf:
        - type: object
          required: [type]
          properties:
            type: {type: integer, enum: [4]}
            choice: {type: integer}
        - type: object
          required: [type]
          properties:
            type: {type: integer, enum: [10]}
            choice: {type: number}
`

// TestObjectVariantsAreTriedInTurn: when two variants are objects, the
// decoder tries each candidate in turn, so {"type":10,"choice":12.5} is
// not refused by the integer variant that happens to come first.
func TestObjectVariantsAreTriedInTurn(t *testing.T) {
	res, err := generator.Generate(generator.Options{SpecFile: "options.yml", Spec: []byte(optionSpec), Package: "options"})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	var src strings.Builder
	for _, f := range res.Files {
		if strings.HasSuffix(f.Name, ".go") && !strings.HasPrefix(f.Name, "runtime_") {
			src.Write(f.Data)
		}
	}
	if !strings.Contains(src.String(), "range unionCandidates(data, shapes)") {
		t.Errorf("the union of two objects does not try each candidate:\n%s", src.String())
	}
}
