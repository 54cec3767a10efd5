package generic

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/load"
	"github.com/whopgen/whopgen/tests/synth"
	"github.com/whopgen/whopgen/tests/tempmod"
)

// root is the repository, relative to this package.
var root = filepath.Join("..", "..")

var keep = flag.String("keep", "", "build the packages and drivers in this directory and leave it there")

// TestRoundTrip calls every operation of every spec of the corpus through
// its generated client, against a server that answers with synthesized
// responses, in several modes; see the package documentation. Each spec
// reports as TestRoundTrip/ID with a table of its calls.
func TestRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every generated package with the go command")
	}
	specs, err := corpus(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := *keep
	if dir == "" {
		dir = t.TempDir()
	} else if err := tempmod.Clear(dir, modulePath); err != nil {
		t.Fatal(err)
	}
	mod, err := tempmod.New(dir, modulePath)
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer()
	var runs []*specRun
	for _, sf := range specs {
		if tempmod.Selected(sf.ID) {
			runs = append(runs, prepare(sf, srv, mod))
		}
	}
	srv.start()
	defer srv.Close()
	pkgs, err := mod.Test([]string{URLEnv + "=" + srv.URL}, "-count=1", "-timeout=10m")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		t.Run(r.spec.ID, func(t *testing.T) {
			r.report(t, srv, pkgs)
		})
	}
}

const modulePath = "generic"

// specRun is one spec on its way through the suite.
type specRun struct {
	spec    specFile
	problem string   // why the spec was not built
	missing []string // operations of the spec no method calls
	built   bool
}

// prepare generates a spec, plans its calls, registers them with the
// server, and writes the package and its driver into the module.
func prepare(sf specFile, srv *server, mod *tempmod.Module) *specRun {
	r := &specRun{spec: sf}
	res, err := generator.Generate(generator.Options{SpecFile: sf.File, Spec: sf.Data, Package: sf.ID})
	if err != nil || res.Diags.HasErrors() || len(res.Files) == 0 {
		r.problem = fmt.Sprintf("generation failed: %v %s", err, res.Diags)
		return r
	}
	loaded := load.Load(sf.File, sf.Data)
	if loaded.Doc == nil || loaded.Diags.HasErrors() {
		r.problem = fmt.Sprintf("loading the spec: %s", loaded.Diags)
		return r
	}
	pl := &planner{doc: loaded.Doc, synth: synth.New(loaded.Doc)}
	var ops []*opPlan
	covered := map[string]bool{}
	for _, op := range operations(res.API) {
		ops = append(ops, pl.plan(op))
		covered[op.ID] = true
	}
	for _, o := range synth.Operations(loaded.Doc) {
		if id := strings.ToUpper(o.Method) + " " + o.Path; !covered[id] {
			r.missing = append(r.missing, id)
		}
	}
	if err := srv.add(sf.ID, loaded.Doc, ops, queryKey(res.API)); err != nil {
		r.problem = err.Error()
		return r
	}
	for _, f := range res.Files {
		if err := mod.WriteFile(sf.ID+"/"+f.Name, f.Data); err != nil {
			r.problem = err.Error()
			return r
		}
	}
	if err := mod.WriteFile(sf.ID+"/drive/drive_test.go", driverSource(modulePath+"/"+sf.ID, sf.ID)); err != nil {
		r.problem = err.Error()
		return r
	}
	r.built = true
	return r
}

// report prints the spec's table and fails on anything lost.
func (r *specRun) report(t *testing.T, srv *server, pkgs map[string]*tempmod.Package) {
	if r.problem != "" {
		t.Fatalf("%s: %s", r.spec.Name, r.problem)
	}
	gen, drive := modulePath+"/"+r.spec.ID, modulePath+"/"+r.spec.ID+"/drive"
	if p := pkgs[gen]; p == nil || p.Action == "fail" {
		t.Fatalf("%s: the generated package does not build:\n%s", r.spec.Name, pkgOutput(p))
	}
	if p := pkgs[drive]; p == nil || !p.OK() {
		t.Errorf("%s: the driver failed:\n%s", r.spec.Name, pkgOutput(p))
	}
	tab := tabulate(srv.specs[r.spec.ID])
	t.Logf("%s: %s", r.spec.Name, tab)
	for _, op := range r.missing {
		t.Errorf("no method calls %s", op)
	}
	for i, f := range tab.failures {
		if i == maxFailures {
			t.Errorf("... and %d more problems", len(tab.failures)-maxFailures)
			break
		}
		t.Error(f)
	}
}

// maxFailures bounds the problems listed one by one per spec.
const maxFailures = 25

func pkgOutput(p *tempmod.Package) string {
	if p == nil {
		return "(go test did not report the package)"
	}
	return strings.TrimSpace(p.Output)
}
