package emit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator"
)

// bodySpec has a required body that may be null, and an optional one.
const bodySpec = `openapi: 3.1.0
info: {title: Bodies, version: 1.0.0}
paths:
  /required:
    put:
      operationId: putRequired
      tags: [lists]
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: [array, "null"], items: {type: string}}
      responses:
        '204': {description: done}
  /optional:
    put:
      operationId: putOptional
      tags: [lists]
      requestBody:
        content:
          application/json:
            schema: {type: array, items: {type: string}}
      responses:
        '204': {description: done}
`

// TestRequiredNullableBodyIsAlwaysSent: a required body whose schema
// allows null is sent whatever its value, so a nil list goes out as null
// rather than as no body, which the server would refuse; an optional body
// is still sent only when set.
func TestRequiredNullableBodyIsAlwaysSent(t *testing.T) {
	res, err := generator.Generate(generator.Options{SpecFile: "bodies.yml", Spec: []byte(bodySpec), Package: "bodies"})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	guarded, direct := map[string]bool{}, map[string]bool{}
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Data, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv != nil {
				guarded[fn.Name.Name] = guardsBody(fn.Body)
				direct[fn.Name.Name] = setsBody(fn.Body)
			}
		}
	}
	if g, ok := guarded["PutRequired"]; !ok || g {
		t.Errorf("PutRequired: the body is sent only when set (found: %v)", ok)
	}
	if !direct["PutRequired"] {
		t.Errorf("PutRequired does not send its body")
	}
	if g, ok := guarded["PutOptional"]; !ok || !g {
		t.Errorf("PutOptional: the body is sent even when unset (found: %v)", ok)
	}
}

// guardsBody reports whether the method sets req.Body inside an if.
func guardsBody(body *ast.BlockStmt) bool {
	for _, stmt := range body.List {
		if ifs, ok := stmt.(*ast.IfStmt); ok && setsBody(ifs.Body) {
			return true
		}
	}
	return false
}

func setsBody(block *ast.BlockStmt) bool {
	for _, stmt := range block.List {
		if as, ok := stmt.(*ast.AssignStmt); ok {
			if sel, ok := as.Lhs[0].(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
				return true
			}
		}
	}
	return false
}
