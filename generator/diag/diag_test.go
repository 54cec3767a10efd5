package diag

import (
	"bytes"
	"testing"
)

func TestSortAndPrint(t *testing.T) {
	var l List
	l.Warnf("b.yml", 3, 1, "later file")
	l.Errorf("a.yml", 10, 2, "second")
	l.Warnf("a.yml", 10, 2, "same place, warning")
	l.Errorf("a.yml", 2, 5, "first")
	l.Errorf("a.yml", 2, 5, "first") // a duplicate
	l.Warnf("a.yml", 0, 0, "no position")
	var b bytes.Buffer
	l.Sort().Print(&b)
	want := `a.yml:1:1: warning: no position
a.yml:2:5: error: first
a.yml:10:2: error: second
a.yml:10:2: warning: same place, warning
b.yml:3:1: warning: later file
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestPromote(t *testing.T) {
	var l List
	l.Warnf("a.yml", 1, 1, "w")
	if l.HasErrors() {
		t.Fatal("a warning is not an error")
	}
	strict := l.Promote()
	if !strict.HasErrors() || l.HasErrors() {
		t.Errorf("Promote must make errors of a copy: strict %v, original %v", strict, l)
	}
}
