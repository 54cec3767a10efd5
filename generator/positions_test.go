package generator

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestLazyPositionsChangeNothing generates every spec of the test corpora
// both ways: positions recorded at once, and only in a second pass when
// the first has something to report (as large specs are generated). The
// diagnostics, positions included, and the files must be the same.
func TestLazyPositionsChangeNothing(t *testing.T) {
	specs, _ := filepath.Glob("../testdata/positive/*/openapi.yml")
	negative, _ := filepath.Glob("../testdata/negative/*.yml")
	specs = append(specs, negative...)
	if len(specs) < 10 {
		t.Fatalf("found %d specs; the corpora moved?", len(specs))
	}
	withDiags := 0
	for _, spec := range specs {
		data, err := os.ReadFile(spec)
		if err != nil {
			t.Fatal(err)
		}
		for _, strict := range []bool{false, true} {
			opts := Options{SpecFile: spec, Spec: data, Package: "whop", Strict: strict}
			once, err1 := generatePositioned(opts, math.MaxInt)
			lazy, err2 := generatePositioned(opts, 0)
			if (err1 == nil) != (err2 == nil) {
				t.Errorf("%s (strict %v): errors differ: %v / %v", spec, strict, err1, err2)
				continue
			}
			if !reflect.DeepEqual(once.Diags, lazy.Diags) {
				t.Errorf("%s (strict %v): diagnostics differ:\n%v\n%v", spec, strict, once.Diags, lazy.Diags)
			}
			if len(once.Files) != len(lazy.Files) {
				t.Errorf("%s (strict %v): %d files, lazily %d", spec, strict, len(once.Files), len(lazy.Files))
				continue
			}
			for i := range once.Files {
				if once.Files[i].Name != lazy.Files[i].Name || !bytes.Equal(once.Files[i].Data, lazy.Files[i].Data) {
					t.Errorf("%s (strict %v): %s differs", spec, strict, once.Files[i].Name)
				}
			}
			if !strict && len(once.Diags) > 0 {
				withDiags++
			}
		}
	}
	t.Logf("%d specs, %d with diagnostics", len(specs), withDiags)
	if withDiags == 0 {
		t.Error("no spec had diagnostics: the second pass was not exercised")
	}
}
