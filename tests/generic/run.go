package generic

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/load"
	"github.com/whopgen/whopgen/tests/synth"
	"github.com/whopgen/whopgen/tests/tempmod"
)

// Config says what Run runs.
type Config struct {
	Root string   // the repository
	Only []string // spec IDs to run; all when empty
	Keep string   // build the module here and leave it; a temporary directory when empty
}

// Report is what a run found, spec by spec. It travels as JSON from the
// command that runs the suite (internal/roundtrip) to the test that judges
// it.
type Report struct {
	Specs   []*SpecReport
	Prepare time.Duration // generating and planning every spec
	Drive   time.Duration // building the packages and running their drivers
}

// SpecReport is one spec's outcome.
type SpecReport struct {
	ID   string
	Name string
	// Problem says why the spec was not built; Build holds the compiler's
	// output when its generated package does not build, and Driver the
	// driver's when it failed.
	Problem, Build, Driver string
	Missing                []string // operations of the spec no method calls
	Table                  *Table
	// DriveSeconds is how long its driver ran, building aside.
	DriveSeconds float64
}

// Run generates every selected spec of the corpus, plans its calls, and
// runs every driver against one server.
func Run(cfg Config) (*Report, error) {
	specs, err := corpus(cfg.Root)
	if err != nil {
		return nil, err
	}
	dir := cfg.Keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "generic-"); err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
	} else if err := tempmod.Clear(dir, modulePath); err != nil {
		return nil, err
	}
	mod, err := tempmod.New(dir, modulePath)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	began := time.Now()
	srv := newServer()
	var runs []*specRun
	for _, sf := range specs {
		if len(cfg.Only) == 0 || slices.Contains(cfg.Only, sf.ID) {
			runs = append(runs, prepare(sf, srv, mod))
		}
	}
	rep.Prepare = time.Since(began)
	srv.start()
	defer srv.Close()
	began = time.Now()
	pkgs, err := mod.Test([]string{URLEnv + "=" + srv.URL}, "-count=1", "-timeout=10m")
	if err != nil {
		return nil, err
	}
	rep.Drive = time.Since(began)
	for _, r := range runs {
		rep.Specs = append(rep.Specs, r.report(srv, pkgs))
	}
	return rep, nil
}

// SpecIDs lists the IDs of every spec of the corpus at root.
func SpecIDs(root string) ([]string, error) {
	specs, err := corpus(root)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(specs))
	for i, sf := range specs {
		ids[i] = sf.ID
	}
	return ids, nil
}

const modulePath = "generic"

// specRun is one spec on its way through the suite.
type specRun struct {
	spec    specFile
	problem string   // why the spec was not built
	missing []string // operations of the spec no method calls
}

// prepare generates a spec, plans its calls, registers them with the
// server, and writes the package and its driver into the module. It
// reads the spec as the generator does: repaired, and validated with the
// generator's tolerance, so every spec that generates is exercised.
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
	all := operations(res.API)
	pl := newPlanner(loaded.Doc, len(all))
	var ops []*opPlan
	covered := map[string]bool{}
	for _, op := range all {
		ops = append(ops, pl.plan(op))
		covered[op.ID] = true
	}
	for _, o := range synth.Operations(loaded.Doc) {
		if id := strings.ToUpper(o.Method) + " " + o.Path; !covered[id] {
			r.missing = append(r.missing, id)
		}
	}
	// The router gets a document of its own, which it rewrites.
	if err := srv.add(sf.ID, load.Parse(sf.File, sf.Data, false).Doc, ops, queryKey(res.API)); err != nil {
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
	}
	return r
}

// report sums up what happened to the spec's calls.
func (r *specRun) report(srv *server, pkgs map[string]*tempmod.Package) *SpecReport {
	out := &SpecReport{ID: r.spec.ID, Name: r.spec.Name, Problem: r.problem, Missing: r.missing}
	if r.problem != "" {
		return out
	}
	gen, drive := modulePath+"/"+r.spec.ID, modulePath+"/"+r.spec.ID+"/drive"
	if p := pkgs[gen]; p == nil || p.Action == "fail" {
		out.Build = pkgOutput(p)
		return out
	}
	if p := pkgs[drive]; p == nil || !p.OK() {
		out.Driver = pkgOutput(p)
	}
	if p := pkgs[drive]; p != nil {
		out.DriveSeconds = p.Elapsed
	}
	out.Table = tabulate(srv.specs[r.spec.ID])
	return out
}

func pkgOutput(p *tempmod.Package) string {
	if p == nil {
		return "(go test did not report the package)"
	}
	return strings.TrimSpace(p.Output)
}
