package cases

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/whopgen/whopgen/generator/diag"
)

func TestParseDiags(t *testing.T) {
	got, err := ParseDiags([]byte("3:5: warning: both want the Go name X\n\n12:1: error: not supported\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Diag{{3, 5, "warning", "both want the Go name X"}, {12, 1, "error", "not supported"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	for _, bad := range []string{"3: warning: x", "3:5: note: x", "3:5: error: ", "a:5: error: x", "just text"} {
		if _, err := ParseDiags([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestCheckDiagsIsStrict(t *testing.T) {
	got := diag.List{
		{Line: 3, Col: 5, Severity: diag.Warning, Msg: "properties a and b both want the Go name X"},
		{Line: 9, Col: 1, Severity: diag.Error, Msg: "bad thing"},
	}
	if p := CheckDiags([]Diag{{3, 5, "warning", "both want"}, {9, 1, "error", "bad"}}, got); len(p) != 0 {
		t.Errorf("exact match: %q", p)
	}
	p := CheckDiags([]Diag{{3, 5, "warning", "both want"}}, got)
	if len(p) != 1 || !strings.HasPrefix(p[0], "unexpected diagnostic: 9:1: error: bad thing") {
		t.Errorf("an unexpected diagnostic: %q", p)
	}
	p = CheckDiags([]Diag{{3, 5, "warning", "both want"}, {9, 1, "warning", "bad"}, {9, 1, "error", "bad"}}, got)
	if len(p) != 1 || !strings.HasPrefix(p[0], "missing diagnostic: 9:1: warning: bad") {
		t.Errorf("a wrong severity: %q", p)
	}
	// One diagnostic matches one line only.
	p = CheckDiags([]Diag{{3, 5, "warning", "X"}, {3, 5, "warning", "X"}, {9, 1, "error", "bad"}}, got)
	if len(p) != 1 || !strings.HasPrefix(p[0], "missing diagnostic: 3:5") {
		t.Errorf("a line twice: %q", p)
	}
	// Position 0 (unknown) is written as 1, as the generator prints it.
	if p := CheckDiags([]Diag{{1, 1, "error", "x"}}, diag.List{{Severity: diag.Error, Msg: "x"}}); len(p) != 0 {
		t.Errorf("unknown position: %q", p)
	}
}

// archive builds an archive holding the named files; want.diag is empty,
// every other file holds "x".
func archive(files ...string) *txtar.Archive {
	ar := &txtar.Archive{Comment: []byte("about\n")}
	for _, f := range files {
		data := []byte("x\n")
		if f == "want.diag" {
			data = nil
		}
		ar.Files = append(ar.Files, txtar.File{Name: f, Data: data})
	}
	return ar
}

func TestParseArchive(t *testing.T) {
	c, err := parse("some-case", "some-case.txtar", archive("openapi.yml", "want.diag", "case_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Package() != "some_case" || c.ImportPath() != "cases/some-case" || c.WantFail || len(c.WantDiag) != 0 {
		t.Errorf("parsed %+v", c)
	}
	if c, err := parse("bad", "bad.txtar", archive("openapi.json", "want.diag", "want.fail")); err != nil || !c.WantFail {
		t.Errorf("a failing case: %+v, %v", c, err)
	}
	badDiag := archive("openapi.yml", "want.diag", "case_test.go")
	badDiag.Files[1].Data = []byte("not a diagnostic\n")
	for _, c := range []struct {
		why, name string
		ar        *txtar.Archive
	}{
		{"no spec", "c", archive("want.diag", "case_test.go")},
		{"no want.diag", "c", archive("openapi.yml", "case_test.go")},
		{"no test", "c", archive("openapi.yml", "want.diag")},
		{"a failing case with a test", "c", archive("openapi.yml", "want.diag", "want.fail", "case_test.go")},
		{"two specs", "c", archive("openapi.yml", "openapi.json", "want.diag", "case_test.go")},
		{"an unknown file", "c", archive("openapi.yml", "want.diag", "case_test.go", "notes.txt")},
		{"a file twice", "c", archive("openapi.yml", "want.diag", "case_test.go", "case_test.go")},
		{"a bad want.diag", "c", badDiag},
		{"an upper-case name", "Case", archive("openapi.yml", "want.diag", "case_test.go")},
		{"a leading _", "_case", archive("openapi.yml", "want.diag", "case_test.go")},
	} {
		if _, err := parse(c.name, c.name+".txtar", c.ar); err == nil {
			t.Errorf("%s: no error", c.why)
		}
	}
}

func TestIdentifier(t *testing.T) {
	for in, want := range map[string]string{
		"plain":           "plain",
		"trailing-slash":  "trailing_slash",
		"3d":              "x3d",
		"type":            "type_",
		"nullable_30":     "nullable_30",
		"with-many-dash-": "with_many_dash_",
	} {
		if got := Identifier(in); got != want {
			t.Errorf("Identifier(%q) = %q, want %q", in, got, want)
		}
	}
}
