package apichange_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/whopgen/whopgen/generator/apichange"
)

var specPath = filepath.Join("..", "..", "spec", "openapi.yml")

// fullSpec returns the real spec's bytes.
func fullSpec(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// base is the package generated from the real spec, shared by the tests
// below: generating it takes a second or two.
var base struct {
	once sync.Once
	side apichange.Side
}

func baseSide(t testing.TB) apichange.Side {
	base.once.Do(func() { base.side = generate(t, specPath, []byte(fullSpec(t))) })
	if base.side.API == nil {
		t.Fatal("the real spec did not generate")
	}
	return base.side
}

// compareWithBase compares the real spec's package with the one from an
// edited copy; it also returns the copy's warnings.
func compareWithBase(t *testing.T, spec string) (*apichange.Report, string) {
	t.Helper()
	changed, warnings := generateWithWarnings(t, "edited.yml", []byte(spec))
	r, err := apichange.Compare(baseSide(t), changed)
	if err != nil {
		t.Fatal(err)
	}
	return r, warnings
}

func TestFullSpecAgainstItself(t *testing.T) {
	again := generate(t, specPath, []byte(fullSpec(t)))
	r, err := apichange.Compare(baseSide(t), again)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Incompatible)+len(r.Compatible)+len(r.OperationsAdded)+len(r.OperationsRemoved) > 0 || r.Bump() != apichange.None {
		var b strings.Builder
		r.Write(&b)
		t.Errorf("the same spec reports changes:\n%s", b.String())
	}
}

func TestFullSpecOnePropertyRemoved(t *testing.T) {
	spec := removeProperty(t, fullSpec(t), "User", "bio")
	r, _ := compareWithBase(t, spec)
	want := []change{{"User.Bio: removed", `response property "bio" of schema User removed`}}
	assertChanges(t, "incompatible", r.Incompatible, want)
	assertChanges(t, "compatible", r.Compatible, nil)
	if r.Bump() != apichange.Major {
		t.Errorf("bump %s, want major", r.Bump())
	}
}

// The helpers below edit the spec's text. They rely on its layout (two
// spaces of indentation, component schemas under "  schemas:") and fail
// the test when an anchor is missing.

func insertAfter(t testing.TB, spec, anchor, text string) string {
	t.Helper()
	i := strings.Index(spec, anchor)
	if i < 0 {
		t.Fatalf("spec has no %q", anchor)
	}
	i += len(anchor)
	return spec[:i] + text + spec[i:]
}

// schemaBlock returns the offsets of a component schema's lines.
func schemaBlock(t testing.TB, spec, name string) (start, end int) {
	t.Helper()
	schemas := strings.Index(spec, "\n  schemas:\n")
	i := strings.Index(spec[schemas:], "\n    "+name+":\n")
	if schemas < 0 || i < 0 {
		t.Fatalf("spec has no schema %s", name)
	}
	start = schemas + i + 1
	next := regexp.MustCompile(`\n {0,4}\S`).FindStringIndex(spec[start+1:])
	return start, start + 1 + next[0] + 1
}

func removeProperty(t testing.TB, spec, schema, prop string) string {
	t.Helper()
	start, end := schemaBlock(t, spec, schema)
	block := spec[start:end]
	i := strings.Index(block, "\n        "+prop+":\n")
	if i < 0 {
		t.Fatalf("schema %s has no property %s", schema, prop)
	}
	j := i + 1 + regexp.MustCompile(`\n {0,8}\S`).FindStringIndex(block[i+1:])[0]
	block = block[:i] + block[j:]
	block = strings.Replace(block, "\n        - "+prop+"\n", "\n", 1)
	return spec[:start] + block + spec[end:]
}

func addProperties(t testing.TB, spec, schema, props string) string {
	t.Helper()
	start, end := schemaBlock(t, spec, schema)
	return spec[:start] + insertAfter(t, spec[start:end], "\n      properties:\n", props) + spec[end:]
}

func addEnumValues(t testing.TB, spec, schema string, values ...string) string {
	t.Helper()
	start, end := schemaBlock(t, spec, schema)
	var text string
	for _, v := range values {
		text += "        - " + v + "\n"
	}
	return spec[:start] + insertAfter(t, spec[start:end], "\n      enum:\n", text) + spec[end:]
}

func addSchemas(t testing.TB, spec, schemas string) string {
	return insertAfter(t, spec, "\n  schemas:\n", schemas)
}

func addPaths(t testing.TB, spec, paths string) string {
	return insertAfter(t, spec, "\npaths:\n", paths)
}
