package whopgen_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/model"
)

var update = flag.Bool("update", false, "rewrite the golden files (generated/ and testdata/positive/*/golden)")

// generate runs the generator on a spec file in memory, as a fresh
// generation.
func generate(t *testing.T, spec, pkg string) generator.Result {
	t.Helper()
	return generateWith(t, spec, pkg, nil)
}

// generateWith runs the generator on a spec file in memory with the names
// a previous generation published.
func generateWith(t *testing.T, spec, pkg string, pins map[string]string) generator.Result {
	t.Helper()
	data, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	res, err := generator.Generate(generator.Options{SpecFile: spec, Spec: data, Package: pkg, Pins: pins})
	if err != nil {
		t.Fatalf("%s: %v", spec, err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("%s: errors:\n%s", spec, diagText(res))
	}
	return res
}

func diagText(res generator.Result) string {
	var b bytes.Buffer
	res.Diags.Print(&b)
	return b.String()
}

// TestGolden regenerates the client from spec/openapi.yml in memory, as
// whopgen regenerates over its previous output (keeping the names its
// manifest lists), and compares it byte for byte with generated/.
func TestGolden(t *testing.T) {
	pins, err := generator.ReadPins("generated")
	if err != nil {
		t.Fatal(err)
	}
	res := generateWith(t, "spec/openapi.yml", "whop", pins)
	if *update {
		if err := generator.Write("generated", res.Files); err != nil {
			t.Fatal(err)
		}
		return
	}
	if problems := generator.Check("generated", res.Files); len(problems) > 0 {
		t.Errorf("generated/ differs from what the generator produces (run go test -run Golden -update):\n%s", strings.Join(problems, "\n"))
	}
}

// TestGoldenDeterministic generates twice in one process: the generator
// keeps no state between runs and iterates maps in a fixed order.
func TestGoldenDeterministic(t *testing.T) {
	a := generate(t, "spec/openapi.yml", "whop")
	b := generate(t, "spec/openapi.yml", "whop")
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two runs", a.Files[i].Name)
		}
	}
}

// TestRegenerationChangesNothing: regenerating the Whop client over its
// own output (with its manifest) gives the same files as generating it
// afresh, and the manifest read back pins every name it lists.
func TestRegenerationChangesNothing(t *testing.T) {
	fresh := generate(t, "spec/openapi.yml", "whop")
	again := generateWith(t, "spec/openapi.yml", "whop", fresh.Pins())
	if len(fresh.Files) != len(again.Files) {
		t.Fatalf("%d files fresh, %d regenerated", len(fresh.Files), len(again.Files))
	}
	for i := range fresh.Files {
		if fresh.Files[i].Name != again.Files[i].Name || !bytes.Equal(fresh.Files[i].Data, again.Files[i].Data) {
			t.Errorf("%s differs between a fresh generation and a regeneration", fresh.Files[i].Name)
		}
	}
	if len(fresh.API.Names) < 6500 {
		t.Errorf("the manifest lists %d names; want every type, field, constant and method", len(fresh.API.Names))
	}
}

// TestGeneratedCoversEveryOperation checks that each of the spec's 220
// operations is a method, with its METHOD /path line in the doc comment.
func TestGeneratedCoversEveryOperation(t *testing.T) {
	res := generate(t, "spec/openapi.yml", "whop")
	var src bytes.Buffer
	for _, f := range res.Files {
		src.Write(f.Data)
	}
	seen := map[string]bool{}
	var walk func(r *model.Resource)
	walk = func(r *model.Resource) {
		for _, m := range r.Methods {
			op := m.HTTPMethod + " " + m.Path
			if seen[op] {
				t.Errorf("%s is generated twice", op)
			}
			seen[op] = true
			decl := "func (s *" + r.TypeName + ") " + m.Name + "(ctx context.Context"
			if !strings.Contains(src.String(), decl) {
				t.Errorf("%s: no method %s.%s", op, r.TypeName, m.Name)
			}
			if !strings.Contains(src.String(), "//\t"+op+"\n") {
				t.Errorf("%s: the doc comment lacks the line %q", op, op)
			}
		}
		for _, c := range r.Children {
			walk(c)
		}
	}
	for _, r := range res.API.Resources {
		walk(r)
	}
	if len(seen) != 220 {
		t.Errorf("%d operations are methods, want 220", len(seen))
	}
}

// TestGeneratedPackageBuilds builds and vets generated/ and checks that it
// depends on the standard library only.
func TestGeneratedPackageBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	run(t, ".", "go", "vet", "./generated/")
	out := run(t, ".", "go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./generated/")
	for _, dep := range strings.Fields(out) {
		if dep != "github.com/whopgen/whopgen/generated" {
			t.Errorf("generated/ depends on %s, outside the standard library", dep)
		}
	}
}

func run(t *testing.T, dir string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestGoldenCases generates every small spec under testdata/positive and
// compares the output (without the runtime, which is the same for all)
// with its golden directory, then builds and vets all of them at once.
func TestGoldenCases(t *testing.T) {
	cases, err := filepath.Glob("testdata/positive/*/openapi.yml")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	module := t.TempDir()
	writeFile(t, filepath.Join(module, "go.mod"), []byte("module cases\n\ngo 1.26\n"))
	for _, spec := range cases {
		dir := filepath.Dir(spec)
		name := filepath.Base(dir)
		res := generate(t, spec, "api")
		var ours []generator.File
		for _, f := range res.Files {
			writeFile(t, filepath.Join(module, name, f.Name), f.Data)
			if !strings.HasPrefix(f.Name, "runtime_") {
				ours = append(ours, f)
			}
		}
		golden := filepath.Join(dir, "golden")
		if *update {
			if err := generator.Write(golden, ours); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if problems := generator.Check(golden, ours); len(problems) > 0 {
			t.Errorf("%s: output differs from its golden files (go test -run GoldenCases -update):\n%s", name, strings.Join(problems, "\n"))
		}
	}
	if !testing.Short() {
		run(t, module, "go", "vet", "./...")
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSpecDefectIsAWarning: a PATCH /users/{id} whose error example fails
// validation, like the excerpt Whop publishes for that operation. It
// generates with a warning, and fails with Strict.
func TestSpecDefectIsAWarning(t *testing.T) {
	spec := "testdata/specs/user-update-example-defect.yml"
	data, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	res, err := generator.Generate(generator.Options{SpecFile: spec, Spec: data})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() || len(res.Files) == 0 {
		t.Fatalf("want files and warnings only, got:\n%s", diagText(res))
	}
	text := diagText(res)
	if !strings.Contains(text, "warning: ") || !strings.Contains(text, "example") {
		t.Errorf("want a warning about the example, got:\n%s", text)
	}
	strict, err := generator.Generate(generator.Options{SpecFile: spec, Spec: data, Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strict.Diags.HasErrors() || len(strict.Files) != 0 {
		t.Errorf("strict: want errors and no files, got %d files:\n%s", len(strict.Files), diagText(strict))
	}
}
