package whopgen_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/gocheck"
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
		typeCheck(t, res.Files)
	})
}

// typeCheck type-checks the generated package.
func typeCheck(t *testing.T, files []generator.File) {
	t.Helper()
	src := make([]gocheck.File, len(files))
	for i, f := range files {
		src[i] = gocheck.File{Name: f.Name, Data: f.Data}
	}
	if _, errs := gocheck.Shared().Check("api", src, 10); len(errs) > 0 {
		t.Fatalf("generated Go does not type-check: %v", errs)
	}
}
