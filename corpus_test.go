package whopgen_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator"
)

// TestNegativeCorpus: every spec under testdata/negative fails with the
// diagnostics its .want file lists ("line:col: severity: text"), and
// produces no files.
func TestNegativeCorpus(t *testing.T) {
	specs, _ := filepath.Glob("testdata/negative/*.yml")
	if len(specs) == 0 {
		t.Fatal("no negative cases")
	}
	for _, spec := range specs {
		t.Run(strings.TrimSuffix(filepath.Base(spec), ".yml"), func(t *testing.T) {
			data, err := os.ReadFile(spec)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(spec, ".yml") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			res, err := generator.Generate(generator.Options{SpecFile: spec, Spec: data})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Diags.HasErrors() || len(res.Files) != 0 {
				t.Fatalf("want errors and no files; got %d files and:\n%s", len(res.Files), diagText(res))
			}
			for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				pos, rest, _ := strings.Cut(line, ": ")
				sev, text, _ := strings.Cut(rest, ": ")
				found := false
				for _, d := range res.Diags {
					got := fmt.Sprintf("%d:%d", max(d.Line, 1), max(d.Col, 1))
					if got == pos && d.Severity.String() == sev && strings.Contains(d.Msg, text) {
						found = true
					}
				}
				if !found {
					t.Errorf("no diagnostic %q; got:\n%s", line, diagText(res))
				}
			}
		})
	}
}

// TestHugeSpec: a 50 MB document is refused with a clear error before it
// is parsed, so memory stays bounded.
func TestHugeSpec(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("openapi: 3.1.0\ninfo: {title: Huge, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n")
	for i := 0; b.Len() < 50<<20; i++ {
		fmt.Fprintf(&b, "    S%d: {type: object, description: %q}\n", i, strings.Repeat("x", 200))
	}
	res, err := generator.Generate(generator.Options{SpecFile: "huge.yml", Spec: b.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Diags.HasErrors() || !strings.Contains(diagText(res), "larger than") {
		t.Errorf("want a size error, got:\n%s", diagText(res))
	}
}

// TestSharedSpecs generates every spec in ../shared/specs and builds and
// vets the results together.
func TestSharedSpecs(t *testing.T) {
	specs, _ := filepath.Glob("../shared/specs/*.yml")
	if len(specs) == 0 {
		t.Fatal("the shared specs are beside the repository: none found")
	}
	module := t.TempDir()
	writeFile(t, filepath.Join(module, "go.mod"), []byte("module shared\n\ngo 1.26\n"))
	for _, spec := range specs {
		name := strings.ReplaceAll(strings.TrimSuffix(filepath.Base(spec), ".yml"), "-", "_")
		res := generate(t, spec, name)
		for _, f := range res.Files {
			writeFile(t, filepath.Join(module, name, f.Name), f.Data)
		}
	}
	if !testing.Short() {
		run(t, module, "go", "vet", "./...")
	}
}
