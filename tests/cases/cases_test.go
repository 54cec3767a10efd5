package cases

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/tests/tempmod"
)

// Dir holds the archives, relative to this package.
var Dir = filepath.Join("..", "..", "testdata", "cases")

var keep = flag.String("keep", "", "build the cases in this directory and leave it there, to read the generated code")

// TestCases generates every case, checks its diagnostics, then builds all
// generated packages with their case tests in one module and runs one
// `go test ./...` and one `go vet ./...` there. Each case reports as the
// subtest TestCases/NAME; `go test ./tests/cases -run TestCases/NAME`
// generates and builds that case alone.
func TestCases(t *testing.T) {
	all, err := LoadDir(Dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatalf("no cases in %s", Dir)
	}
	mod := newModule(t, *keep, ModulePath)
	var runs []*caseRun
	for _, c := range all {
		if !tempmod.Selected(c.Name) {
			continue
		}
		runs = append(runs, prepare(t, mod, c))
	}
	build := !testing.Short() && slices.ContainsFunc(runs, func(r *caseRun) bool { return r.built })
	var pkgs map[string]*tempmod.Package
	var vet map[string]string
	if build {
		if pkgs, err = mod.Test(nil, "-count=1", "-timeout=5m"); err != nil {
			t.Fatal(err)
		}
		if vet, err = mod.Vet(); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range runs {
		t.Run(r.c.Name, func(t *testing.T) {
			for _, p := range r.problems {
				t.Errorf("%s: %s", r.c.File, p)
			}
			if r.built && build {
				r.report(t, pkgs, vet)
			}
		})
	}
	for path, out := range vet {
		if !claimed(runs, path) {
			t.Errorf("go vet %s:\n%s", path, out)
		}
	}
}

// newModule starts the module the packages are built in: in dir when it
// is set (cleared first), else in a temporary directory.
func newModule(t *testing.T, dir, path string) *tempmod.Module {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	} else if err := tempmod.Clear(dir, path); err != nil {
		t.Fatal(err)
	}
	mod, err := tempmod.New(dir, path)
	if err != nil {
		t.Fatal(err)
	}
	return mod
}

// claimed reports whether a package belongs to one of the cases.
func claimed(runs []*caseRun, path string) bool {
	return slices.ContainsFunc(runs, func(r *caseRun) bool {
		return r.built && (path == r.c.ImportPath() || path == r.c.ImportPath()+"/"+TestDir)
	})
}

// caseRun is a case on its way through the harness.
type caseRun struct {
	c        *Case
	problems []string // from generation and diagnostics
	built    bool     // its package and test are in the module
}

// prepare generates a case, checks its diagnostics, and writes the
// package and its test into the module.
func prepare(t *testing.T, mod *tempmod.Module, c *Case) *caseRun {
	r := &caseRun{c: c}
	res, err := c.Generate()
	if err != nil {
		r.problems = append(r.problems, "generator: "+err.Error())
		return r
	}
	r.problems = append(r.problems, CheckDiags(c.WantDiag, res.Diags)...)
	if msg := c.CheckOutcome(res); msg != "" {
		r.problems = append(r.problems, msg)
		return r
	}
	if c.WantFail {
		return r
	}
	for _, f := range res.Files {
		if err := mod.WriteFile(c.Name+"/"+f.Name, f.Data); err != nil {
			t.Fatal(err)
		}
	}
	if err := mod.WriteFile(c.Name+"/"+TestDir+"/case_test.go", c.Test); err != nil {
		t.Fatal(err)
	}
	r.built = true
	return r
}

// report turns the go test and go vet results for the case's two packages
// (the generated one and its test) into test failures.
func (r *caseRun) report(t *testing.T, pkgs map[string]*tempmod.Package, vet map[string]string) {
	gen := r.c.ImportPath()
	test := gen + "/" + TestDir
	built := true
	if p := pkgs[gen]; p == nil || p.Action == "fail" {
		t.Errorf("case %s: the generated package does not build:\n%s", r.c.Name, output(p))
		built = false
	}
	if p := pkgs[test]; built && (p == nil || !p.OK()) {
		t.Errorf("case %s: go test %s failed:\n%s", r.c.Name, test, output(p))
		built = p != nil && !strings.Contains(p.Output, "[build failed]")
	}
	// Vet repeats compile errors; report only what it adds.
	for _, path := range []string{gen, test} {
		if out := vet[path]; out != "" && built {
			t.Errorf("case %s: go vet %s:\n%s", r.c.Name, path, out)
		}
	}
}

func output(p *tempmod.Package) string {
	switch {
	case p == nil:
		return "(go test did not report the package)"
	case p.Action == "pass" && len(p.Passed) == 0:
		return p.Output + "(no test ran)"
	}
	return p.Output
}

// TestArchives checks every archive's shape without generating anything,
// so that a malformed archive is named even under -short.
func TestArchives(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(Dir, "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no archives")
	}
	for _, f := range files {
		c, err := Load(f)
		if err != nil {
			t.Error(err)
			continue
		}
		if !c.WantFail && !strings.Contains(string(c.Test), `"`+c.ImportPath()+`"`) {
			t.Errorf("%s: case_test.go does not import %q", f, c.ImportPath())
		}
	}
	if _, err := os.Stat(filepath.Join(Dir, "README.md")); err != nil {
		t.Errorf("the format is documented in %s/README.md: %v", Dir, err)
	}
}
