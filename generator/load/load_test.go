package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator/diag"
)

const validSpec = `openapi: 3.1.0
info: {title: T, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {n: {type: integer}}, required: [n]}
              example: {n: "not a number"}
`

// TestExampleMismatchIsAWarning: an example that contradicts its schema is
// a spec defect generation can live with, reported where the example is.
func TestExampleMismatchIsAWarning(t *testing.T) {
	r := Load("spec.yml", []byte(validSpec))
	if r.Doc == nil || r.Diags.HasErrors() {
		t.Fatalf("want a document and no errors, got:\n%v", r.Diags)
	}
	if len(r.Diags) != 1 || r.Diags[0].Severity != diag.Warning || !strings.Contains(r.Diags[0].Msg, "example") {
		t.Fatalf("want one warning about the example, got %v", r.Diags)
	}
	if d := r.Diags[0]; d.File != "spec.yml" || d.Line < 4 || d.Line > 14 {
		t.Errorf("warning at %s, want a line of the operation (4-14)", d)
	}
}

func TestErrorsArePositioned(t *testing.T) {
	for name, tt := range map[string]struct {
		spec      string
		line, col int
		text      string
	}{
		"yaml":                {"openapi: 3.1.0\ninfo: [\n  : :\n", 3, 1, "yaml"},
		"missing openapi":     {"info: {title: T, version: 1}\npaths: {}\n", 1, 1, `"openapi" field is missing`},
		"empty":               {"  \n", 1, 1, "empty"},
		"unresolved ref":      {strings.Replace(validSpec, "{type: object, properties: {n: {type: integer}}, required: [n]}", "{$ref: '#/components/schemas/Nope'}", 1), 13, 31, "Nope"},
		"parameter in a body": {validSpec + "components: {parameters: {P: {name: p, in: body, schema: {type: string}}}}\n", 15, 27, `parameter can't have 'in' value "body"`},
	} {
		t.Run(name, func(t *testing.T) {
			r := Load("spec.yml", []byte(tt.spec))
			if !r.Diags.HasErrors() {
				t.Fatalf("no error for %q", tt.spec)
			}
			i := slices.IndexFunc(r.Diags, func(d diag.Diagnostic) bool { return d.Severity == diag.Error })
			d := r.Diags[i]
			if d.Line != tt.line || d.Col != tt.col || !strings.Contains(d.Msg, tt.text) {
				t.Errorf("got %s, want %d:%d with %q", d, tt.line, tt.col, tt.text)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	big := make([]byte, MaxSpecSize+1)
	copy(big, "openapi: 3.1.0\n")
	r := Load("big.yml", big)
	if !r.Diags.HasErrors() || !strings.Contains(r.Diags[0].Msg, "larger than") {
		t.Errorf("got %v", r.Diags)
	}
}

// TestParseWithoutPositions: the fast path records no positions, and
// Validate still reports the same problems.
func TestParseWithoutPositions(t *testing.T) {
	r := Parse("spec.yml", []byte(validSpec), false)
	if r.Doc == nil || r.Diags.HasErrors() {
		t.Fatalf("parse: %v", r.Diags)
	}
	if diags := Validate("spec.yml", []byte(validSpec), r.Doc); len(diags) != 1 || diags[0].Severity != diag.Warning {
		t.Errorf("validate without positions: %v", diags)
	}
}
