package whopgen_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
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
				if !hasDiagnostic(res, line) {
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

// TestSpecs generates every spec in testdata/specs (real public specs and
// our own, see its README) and builds and vets the results together. The
// specs beside the repository in ../shared/specs, when that directory is
// there, are an extra run of the same. A spec may list, in a .want file
// beside it, warnings it must produce ("line:col: warning: text").
func TestSpecs(t *testing.T) {
	t.Run("testdata", func(t *testing.T) {
		specs := specFiles("testdata/specs")
		if len(specs) < 10 {
			t.Fatalf("found %d specs in testdata/specs; the corpus moved?", len(specs))
		}
		generateAndVet(t, specs)
	})
	t.Run("shared", func(t *testing.T) {
		specs := specFiles("../shared/specs")
		if len(specs) == 0 {
			t.Skip("no ../shared/specs beside the repository")
		}
		generateAndVet(t, specs)
	})
}

// specFiles lists the YAML and JSON files in dir.
func specFiles(dir string) []string {
	var specs []string
	for _, pattern := range []string{"*.yml", "*.yaml", "*.json"} {
		found, _ := filepath.Glob(filepath.Join(dir, pattern))
		specs = append(specs, found...)
	}
	return specs
}

// generateAndVet generates each spec into a package of one module, checks
// the warnings its .want file lists, and vets the module.
func generateAndVet(t *testing.T, specs []string) {
	module := t.TempDir()
	writeFile(t, filepath.Join(module, "go.mod"), []byte("module specs\n\ngo 1.26\n"))
	for _, spec := range specs {
		name := packageName(spec)
		res := generate(t, spec, name)
		if len(res.Files) == 0 {
			t.Errorf("%s: no files", spec)
		}
		wantDiagnostics(t, spec, res)
		for _, f := range res.Files {
			writeFile(t, filepath.Join(module, name, f.Name), f.Data)
		}
	}
	if !testing.Short() {
		run(t, module, "go", "vet", "./...")
	}
}

// packageName makes a Go package name of a spec's file name:
// twilio-messaging-v1.yaml gives twilio_messaging_v1.
func packageName(spec string) string {
	base := strings.TrimSuffix(filepath.Base(spec), filepath.Ext(spec))
	return strings.NewReplacer("-", "_", ".", "_").Replace(base)
}

// wantDiagnostics checks that res has each diagnostic listed in the .want
// file beside spec, if there is one.
func wantDiagnostics(t *testing.T, spec string, res generator.Result) {
	t.Helper()
	want, err := os.ReadFile(strings.TrimSuffix(spec, filepath.Ext(spec)) + ".want")
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		if !hasDiagnostic(res, line) {
			t.Errorf("%s: no diagnostic %q; got:\n%s", spec, line, diagText(res))
		}
	}
}

// hasDiagnostic reports whether res has the diagnostic described by line,
// "line:col: severity: text", text being a part of its message.
func hasDiagnostic(res generator.Result, line string) bool {
	pos, rest, _ := strings.Cut(line, ": ")
	sev, text, _ := strings.Cut(rest, ": ")
	for _, d := range res.Diags {
		got := fmt.Sprintf("%d:%d", max(d.Line, 1), max(d.Col, 1))
		if got == pos && d.Severity.String() == sev && strings.Contains(d.Msg, text) {
			return true
		}
	}
	return false
}
