package generator

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestLenientSpecsLazyPositions: the warnings of a lenient reading come
// from parsing (repairs) and from validation (tolerated keys); both must
// survive into the result, with the same positions whether positions are
// recorded at once or found in a second pass, and -strict must make them
// errors that stop generation.
func TestLenientSpecsLazyPositions(t *testing.T) {
	specs, _ := filepath.Glob("../testdata/specs/lenient-*.yml")
	if len(specs) != 2 {
		t.Fatalf("found %v", specs)
	}
	for _, spec := range specs {
		data, err := os.ReadFile(spec)
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{SpecFile: spec, Spec: data, Package: "p"}
		once, err1 := generatePositioned(opts, math.MaxInt)
		lazy, err2 := generatePositioned(opts, 0)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v, %v", spec, err1, err2)
		}
		if once.Diags.HasErrors() || len(once.Files) == 0 || len(once.Diags) < 8 {
			t.Errorf("%s: want files and warnings, got %d files and:\n%v", spec, len(once.Files), once.Diags)
		}
		if !reflect.DeepEqual(once.Diags, lazy.Diags) {
			t.Errorf("%s: diagnostics differ:\n%v\n%v", spec, once.Diags, lazy.Diags)
		}
		for _, d := range lazy.Diags {
			if d.Line == 0 {
				t.Errorf("%s: %s has no position", spec, d)
			}
		}
		opts.Strict = true
		strict, err := Generate(opts)
		if err != nil || !strict.Diags.HasErrors() || len(strict.Files) != 0 {
			t.Errorf("%s with Strict: want errors and no files, got %d files, %v:\n%v", spec, len(strict.Files), err, strict.Diags)
		}
	}
}
