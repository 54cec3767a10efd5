// Package cases runs the construct cases in testdata/cases: one txtar
// archive per OpenAPI construct, holding a small spec, the diagnostics
// generating it must give, and a Go test that drives the generated package
// against an httptest server. See testdata/cases/README.md for the format.
package cases

import (
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/txtar"
)

// Case is one parsed archive.
type Case struct {
	Name     string // the archive's base name without .txtar
	File     string // the archive's path
	SpecName string // "openapi.yml" or "openapi.json"
	Spec     []byte
	WantDiag []Diag
	WantFail bool   // generation must fail (want.fail is present)
	Test     []byte // case_test.go; nil when WantFail
}

// Diag is one expected diagnostic: "line:col: severity: text", where text
// is a substring of the message.
type Diag struct {
	Line, Col int
	Severity  string
	Text      string
}

func (d Diag) String() string {
	return fmt.Sprintf("%d:%d: %s: %s", d.Line, d.Col, d.Severity, d.Text)
}

// Package is the Go package name the case is generated as: its name made a
// valid identifier.
func (c *Case) Package() string { return Identifier(c.Name) }

// ImportPath is the import path of the generated package in the module the
// harness builds.
func (c *Case) ImportPath() string { return ModulePath + "/" + c.Name }

// ModulePath is the path of the module every case is built in.
const ModulePath = "cases"

// TestDir is where case_test.go goes, inside the generated package's
// directory: a directory of its own, so the test's package clause
// (api_test) does not depend on the case's package name.
const TestDir = "casetest"

var validName = regexp.MustCompile(`^[a-z0-9][a-z0-9_\-]*$`)

// LoadDir parses every *.txtar file in dir, sorted by name.
func LoadDir(dir string) ([]*Case, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, err
	}
	var out []*Case
	var errs []error
	for _, f := range files {
		c, err := Load(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, c)
	}
	return out, errors.Join(errs...)
}

// Load parses one archive and checks that it holds what the format asks for.
func Load(file string) (*Case, error) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(file), ".txtar")
	return parse(name, file, ar)
}

func parse(name, file string, ar *txtar.Archive) (*Case, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s", file, fmt.Sprintf(format, args...))
	}
	if !validName.MatchString(name) {
		return nil, fail("case names are lower-case letters, digits, _ and -")
	}
	c := &Case{Name: name, File: file}
	seen := map[string]bool{}
	var diagText []byte
	hasDiag := false
	for _, f := range ar.Files {
		if seen[f.Name] {
			return nil, fail("%s appears twice", f.Name)
		}
		seen[f.Name] = true
		switch f.Name {
		case "openapi.yml", "openapi.yaml", "openapi.json":
			if c.Spec != nil {
				return nil, fail("more than one spec")
			}
			c.SpecName, c.Spec = f.Name, f.Data
		case "want.diag":
			diagText, hasDiag = f.Data, true
		case "want.fail":
			c.WantFail = true
		case "case_test.go":
			c.Test = f.Data
		default:
			return nil, fail("unexpected file %s", f.Name)
		}
	}
	switch {
	case c.Spec == nil:
		return nil, fail("no openapi.yml or openapi.json")
	case !hasDiag:
		return nil, fail("no want.diag (an empty one means no diagnostics)")
	case c.WantFail && c.Test != nil:
		return nil, fail("a case that must fail generation has no case_test.go")
	case !c.WantFail && c.Test == nil:
		return nil, fail("no case_test.go")
	}
	diags, err := ParseDiags(diagText)
	if err != nil {
		return nil, fail("want.diag: %v", err)
	}
	c.WantDiag = diags
	return c, nil
}

// ParseDiags reads want.diag: one "line:col: severity: text" per line;
// blank lines are ignored.
func ParseDiags(data []byte) ([]Diag, error) {
	var out []Diag
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		d, err := parseDiag(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		out = append(out, d)
	}
	return out, nil
}

func parseDiag(line string) (Diag, error) {
	pos, rest, ok1 := strings.Cut(line, ": ")
	sev, text, ok2 := strings.Cut(rest, ": ")
	ls, cs, ok3 := strings.Cut(pos, ":")
	l, err1 := strconv.Atoi(ls)
	c, err2 := strconv.Atoi(cs)
	if !ok1 || !ok2 || !ok3 || err1 != nil || err2 != nil || text == "" {
		return Diag{}, fmt.Errorf("%q is not line:col: severity: text", line)
	}
	if sev != "error" && sev != "warning" {
		return Diag{}, fmt.Errorf("%q: severity is error or warning", line)
	}
	return Diag{Line: l, Col: c, Severity: sev, Text: text}, nil
}

// Identifier turns a case name into a Go package name: characters that
// cannot appear in an identifier become _, a leading digit or _ gets a
// leading x, and a keyword a trailing _.
func Identifier(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteByte('_')
		}
	}
	s := b.String()
	if s == "" || unicode.IsDigit(rune(s[0])) || s[0] == '_' {
		s = "x" + s
	}
	if token.IsKeyword(s) {
		s += "_"
	}
	return s
}
