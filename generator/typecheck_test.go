package generator

import (
	"bytes"
	"strings"
	"testing"
)

const thingSpec = `openapi: 3.1.0
info: {title: Things, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string}
`

// TestTypeCheckLocatesTheElement: when the Go made for a spec element
// does not compile, the diagnostic points at that element in the spec.
func TestTypeCheckLocatesTheElement(t *testing.T) {
	opts := Options{SpecFile: "things.yml", Spec: []byte(thingSpec), Package: "api"}
	res, err := Generate(opts)
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("generate: %v %v", err, res.Diags)
	}
	files := append([]File(nil), res.Files...)
	broken := false
	for i, f := range files {
		if bytes.Contains(f.Data, []byte("type Thing struct {")) {
			files[i].Data = bytes.Replace(f.Data, []byte("Name Opt[string]"), []byte("Name Opt[undefinedType]"), 1)
			broken = true
		}
	}
	if !broken {
		t.Fatal("no Thing struct in the output")
	}
	diags := typeCheck(opts, res.API, files)
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %v", diags)
	}
	d := diags[0]
	if d.Line != 17 || !strings.Contains(d.Msg, "schema Thing") || !strings.Contains(d.Msg, "undefinedType") {
		t.Errorf("diagnostic %v: want it at line 17 (schema Thing), naming the type error", d)
	}
	if diags := typeCheck(opts, res.API, res.Files); len(diags) != 0 {
		t.Errorf("the untouched package does not type-check: %v", diags)
	}
}

// TestTypeCheckLocatesAMethod: an error inside a method points at its
// operation.
func TestTypeCheckLocatesAMethod(t *testing.T) {
	opts := Options{SpecFile: "things.yml", Spec: []byte(thingSpec), Package: "api"}
	res, err := Generate(opts)
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("generate: %v %v", err, res.Diags)
	}
	files := append([]File(nil), res.Files...)
	for i, f := range files {
		files[i].Data = bytes.Replace(f.Data, []byte("pathParam(id)"), []byte("pathParam(idx)"), 1)
	}
	diags := typeCheck(opts, res.API, files)
	if len(diags) != 1 || diags[0].Line != 5 || !strings.Contains(diags[0].Msg, "GET /things/{id}") {
		t.Errorf("want one diagnostic at line 5 naming GET /things/{id}, got %v", diags)
	}
}
