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
