package whopgen_test

import (
	"errors"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator"
)

// FuzzGenerate runs the whole pipeline on mutated specs, seeded from the
// positive and negative corpora. It must never panic, and it either
// returns diagnostics with errors or Go that parses and type-checks.
//
// The seeds run as a plain test; fuzz longer with
//
//	go test -run XXX -fuzz FuzzGenerate -fuzztime 10m .
func FuzzGenerate(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/positive/*/openapi.yml")
	negative, _ := filepath.Glob("testdata/negative/*.yml")
	for _, path := range append(seeds, negative...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	imp := importer.Default()
	f.Fuzz(func(t *testing.T, spec []byte) {
		res, err := generator.Generate(generator.Options{SpecFile: "fuzz.yml", Spec: spec, Package: "api"})
		if errors.Is(err, generator.ErrInternal) {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil || res.Diags.HasErrors() {
			if err == nil && len(res.Files) > 0 {
				t.Fatal("errors and files both")
			}
			return
		}
		typeCheck(t, imp, res.Files)
	})
}

// typeCheck parses and type-checks the generated package.
func typeCheck(t *testing.T, imp types.Importer, files []generator.File) {
	t.Helper()
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("generated Go does not parse: %v", err)
		}
		parsed = append(parsed, file)
	}
	conf := types.Config{Importer: imp}
	if _, err := conf.Check("api", fset, parsed, nil); err != nil {
		t.Fatalf("generated Go does not type-check: %v", err)
	}
}
