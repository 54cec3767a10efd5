package apichange_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/apichange"
)

var update = flag.Bool("update", false, "rewrite the want.txt of each testdata/diff archive from the report")

// generated is one generation: its side for Compare and its manifest.
type generated struct {
	side apichange.Side
	pins map[string]string
}

// generate runs the generator on spec bytes, with the names pins holds
// (nil for a fresh generation), and fails the test on errors.
func generate(t testing.TB, name string, spec []byte, pins map[string]string) generated {
	t.Helper()
	g, _ := generateWithWarnings(t, name, spec, pins)
	return g
}

// generateWithWarnings also returns the generator's warnings, one a line.
func generateWithWarnings(t testing.TB, name string, spec []byte, pins map[string]string) (generated, string) {
	t.Helper()
	res, err := generator.Generate(generator.Options{SpecFile: name, Spec: spec, Pins: pins})
	if err != nil {
		t.Fatal(err)
	}
	var diags strings.Builder
	res.Diags.Print(&diags)
	if res.Diags.HasErrors() {
		t.Fatalf("%s has errors:\n%s", name, diags.String())
	}
	side := apichange.Side{API: res.API, Files: res.Files, SpecFile: name, Spec: spec}
	return generated{side: side, pins: res.Pins()}, diags.String()
}

// evolve compares the package of an old spec with the package a
// regeneration from the new spec gives over it: with the old one's names
// pinned, as whopgen -diff compares them.
func evolve(t testing.TB, oldSpec, newSpec []byte) *apichange.Report {
	t.Helper()
	old := generate(t, "old.yml", oldSpec, nil)
	new := generate(t, "new.yml", newSpec, old.pins)
	r, err := apichange.Compare(old.side, new.side)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func report(t testing.TB, r *apichange.Report) string {
	t.Helper()
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// diffCase is one archive of testdata/diff: a spec, its update, and the
// report -diff must print for them.
type diffCase struct {
	name     string
	file     string
	archive  *txtar.Archive
	old, new []byte
	want     string
}

func readCases(t *testing.T) []diffCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "diff", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no archives in testdata/diff (%v)", err)
	}
	var cases []diffCase
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c := diffCase{name: strings.TrimSuffix(filepath.Base(file), ".txtar"), file: file, archive: ar}
		for _, f := range ar.Files {
			switch f.Name {
			case "old.yml":
				c.old = f.Data
			case "new.yml":
				c.new = f.Data
			case "want.txt":
				c.want = string(f.Data)
			default:
				t.Fatalf("%s: unexpected file %s", file, f.Name)
			}
		}
		if c.old == nil || c.new == nil {
			t.Fatalf("%s: want old.yml, new.yml and want.txt", file)
		}
		cases = append(cases, c)
	}
	return cases
}

// TestCases runs every archive under testdata/diff: one spec evolution
// each, with the report it must give. With -update it rewrites want.txt.
func TestCases(t *testing.T) {
	for _, c := range readCases(t) {
		t.Run(c.name, func(t *testing.T) {
			got := report(t, evolve(t, c.old, c.new))
			if *update {
				for i := range c.archive.Files {
					if c.archive.Files[i].Name == "want.txt" {
						c.archive.Files[i].Data = []byte(got)
					}
				}
				if err := os.WriteFile(c.file, txtar.Format(c.archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != c.want {
				t.Errorf("report:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// TestAdditionsOnly: a spec that only grows gives a report of additions
// alone, and a minor bump, whatever the archives' want.txt says.
func TestAdditionsOnly(t *testing.T) {
	additive := map[string]bool{
		"additive_shared_parameter_enum": true, "additive_shared_response": true, "enum_value_added": true,
		"operation_added": true, "property_added": true, "schema_added": true,
	}
	for _, c := range readCases(t) {
		if !additive[c.name] {
			continue
		}
		delete(additive, c.name)
		t.Run(c.name, func(t *testing.T) {
			r := evolve(t, c.old, c.new)
			if len(r.Incompatible) > 0 || len(r.OperationsRemoved) > 0 || r.Bump() != apichange.Minor {
				t.Errorf("not only additions:\n%s", report(t, r))
			}
			for _, ch := range r.Compatible {
				if !strings.HasSuffix(ch.Go, ": added") || !strings.HasSuffix(ch.API, " added") {
					t.Errorf("not an addition: %s (%s)", ch.Go, ch.API)
				}
			}
		})
	}
	for name := range additive {
		t.Errorf("testdata/diff/%s.txtar is missing", name)
	}
}
