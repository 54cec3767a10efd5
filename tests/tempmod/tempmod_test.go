package tempmod

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// goTestOutput is what `go test -json` printed for a module with a passing
// package, a package without tests, and an external test package that did
// not build.
const goTestOutput = `{"ImportPath":"m/bad_test [m/bad.test]","Action":"build-output","Output":"# m/bad_test [m/bad.test]\n"}
{"ImportPath":"m/bad_test [m/bad.test]","Action":"build-output","Output":"bad/x_test.go:3:1: undefined: y\n"}
{"ImportPath":"m/bad_test [m/bad.test]","Action":"build-fail"}
{"Action":"start","Package":"m/notests"}
{"Action":"output","Package":"m/notests","Output":"?   \tm/notests\t[no test files]\n"}
{"Action":"skip","Package":"m/notests","Elapsed":0}
{"Action":"start","Package":"m/bad"}
{"Action":"output","Package":"m/bad","Output":"FAIL\tm/bad [build failed]\n"}
{"Action":"fail","Package":"m/bad","Elapsed":0,"FailedBuild":"m/bad_test [m/bad.test]"}
{"Action":"start","Package":"m/good"}
{"Action":"run","Package":"m/good","Test":"TestA"}
{"Action":"output","Package":"m/good","Test":"TestA","Output":"=== RUN   TestA\n"}
{"Action":"pass","Package":"m/good","Test":"TestA","Elapsed":0}
{"Action":"run","Package":"m/good","Test":"TestB"}
{"Action":"skip","Package":"m/good","Test":"TestB","Elapsed":0}
{"Action":"output","Package":"m/good","Output":"ok  \tm/good\t0.01s\n"}
{"Action":"pass","Package":"m/good","Elapsed":0.01}
`

func TestParseTestJSON(t *testing.T) {
	pkgs, err := parseTestJSON([]byte(goTestOutput))
	if err != nil {
		t.Fatal(err)
	}
	bad := pkgs["m/bad"]
	if bad == nil || bad.Action != "fail" || !strings.Contains(bad.Output, "undefined: y") || bad.OK() {
		t.Errorf("m/bad: %+v", bad)
	}
	if p := pkgs["m/notests"]; p == nil || p.Action != "skip" || p.OK() {
		t.Errorf("m/notests: %+v", p)
	}
	good := pkgs["m/good"]
	if good == nil || good.Action != "pass" || !slices.Equal(good.Passed, []string{"TestA"}) || !slices.Equal(good.Failed, []string{"TestB"}) {
		t.Fatalf("m/good: %+v", good)
	}
	if good.OK() {
		t.Error("a skipped test must not count as a pass")
	}
	if good.Elapsed != 0.01 {
		t.Errorf("m/good ran for %vs, want 0.01s", good.Elapsed)
	}
	if _, err := parseTestJSON([]byte("ok  m/x 0.1s\n")); err == nil {
		t.Error("plain text output: no error")
	}
}

func TestVetPackage(t *testing.T) {
	for in, want := range map[string]string{
		"m/a\n":              "m/a",
		"[m/a]\n":            "m/a",
		"m/a [m/a.test]\n":   "m/a",
		"m/a_test\n":         "m/a",
		"[m/a_test]\n":       "m/a",
		"m/a/casetest_test ": "m/a/casetest",
	} {
		if got := vetPackage(in); got != want {
			t.Errorf("vetPackage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClear(t *testing.T) {
	dir := t.TempDir()
	if err := Clear(filepath.Join(dir, "missing"), "m"); err != nil {
		t.Errorf("a missing directory: %v", err)
	}
	other := filepath.Join(dir, "other")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("keep me"), 0o644)
	if err := Clear(other, "m"); err == nil {
		t.Error("a directory holding something else was cleared")
	}
	if _, err := os.Stat(filepath.Join(other, "notes.txt")); err != nil {
		t.Errorf("notes.txt: %v", err)
	}
	mod, err := New(filepath.Join(dir, "mod"), "m")
	if err != nil {
		t.Fatal(err)
	}
	if err := mod.WriteFile("a/b.go", []byte("package a\n")); err != nil {
		t.Fatal(err)
	}
	if err := Clear(mod.Dir, "m"); err != nil {
		t.Errorf("an earlier module: %v", err)
	}
	if _, err := os.Stat(mod.Dir); !os.IsNotExist(err) {
		t.Errorf("the module is still there: %v", err)
	}
}

func TestSplitPattern(t *testing.T) {
	for in, want := range map[string][]string{
		"TestCases":                {"TestCases"},
		"TestCases/name":           {"TestCases", "name"},
		"TestCases/a[/]b/c":        {"TestCases", "a[/]b", "c"},
		"Test(Cases/x)/y":          {"Test(Cases/x)", "y"},
		`TestCases/a\/b`:           {"TestCases", `a\/b`},
		"TestCases/(a|b)_x/Detail": {"TestCases", "(a|b)_x", "Detail"},
	} {
		if got := splitPattern(in); !slices.Equal(got, want) {
			t.Errorf("splitPattern(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSelectedBy(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"", "spec_a", true},
		{"TestRoundTrip", "spec_a", true},
		{"TestRoundTrip/spec_a", "spec_a", true},
		{"TestRoundTrip/spec_a", "spec_b", false},
		{"TestRoundTrip/spec_a|spec_b", "spec_b", true},
		{"TestRoundTrip/(spec_a|spec_b)$", "spec_b", true},
		{"TestRoundTrip/(spec_a|spec_b)$", "spec_c", false},
		{"TestRoundTrip/(", "spec_c", true}, // not a regexp: err on selecting
	} {
		if got := selectedBy(c.pattern, c.name); got != c.want {
			t.Errorf("selectedBy(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}
