package gocheck

import (
	"strings"
	"testing"
)

func TestCheckAcceptsAndRejects(t *testing.T) {
	good := []File{{Name: "a.go", Data: []byte("package p\n\nimport \"net/http\"\n\nconst M = http.MethodGet\n\ntype T struct{ X int }\n\nfunc (t T) Get() int { return t.X }\n")}}
	pkg, errs := Shared().Check("p", good, 10)
	if len(errs) > 0 || pkg == nil || pkg.Scope().Lookup("T") == nil {
		t.Fatalf("a valid package: pkg %v, errors %v", pkg, errs)
	}
	bad := []File{{Name: "a.go", Data: []byte("package p\n\ntype T struct{ X int }\n\nfunc (t T) Get() string { return t.X }\n\nvar V undefined\n")}}
	_, errs = Shared().Check("p", bad, 10)
	if len(errs) != 2 {
		t.Fatalf("want 2 errors, got %v", errs)
	}
	if d := errs[0].Decl; d == nil || d.Recv != "T" || d.Name != "Get" || errs[0].Line != 5 {
		t.Errorf("first error %v (decl %+v): want it in method T.Get at line 5", errs[0], errs[0].Decl)
	}
	if d := errs[1].Decl; d == nil || d.Name != "V" || !strings.Contains(errs[1].Msg, "undefined") {
		t.Errorf("second error %v: want an undefined name in V", errs[1])
	}
	if _, errs := Shared().Check("p", bad, 1); len(errs) != 1 {
		t.Errorf("limit 1: got %d errors", len(errs))
	}
}

func TestCheckSkipsTestFilesAndReportsSyntax(t *testing.T) {
	files := []File{
		{Name: "a.go", Data: []byte("package p\n")},
		{Name: "a_test.go", Data: []byte("package p\nthis is not Go\n")},
		{Name: "README.md", Data: []byte("# not Go")},
	}
	if _, errs := Shared().Check("p", files, 10); len(errs) > 0 {
		t.Errorf("test files and non-Go files must be skipped: %v", errs)
	}
	_, errs := Shared().Check("p", []File{{Name: "b.go", Data: []byte("package p\nfunc {")}}, 10)
	if len(errs) != 1 || errs[0].File != "b.go" {
		t.Errorf("want one syntax error in b.go, got %v", errs)
	}
}
