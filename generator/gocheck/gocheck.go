// Package gocheck type-checks a generated package in memory, so that
// whopgen never writes Go that does not compile.
//
// The standard library is read from the export data the go command keeps
// in its build cache: one `go list -export` finds the files for every
// package a generated package may import. That call is made once per
// process, in the background as soon as a generation starts (Prefetch),
// and its answer is kept: it describes the Go installation, not the spec.
// Without a working go command the standard library is type-checked from
// source instead, which is slower but gives the same verdict.
package gocheck

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
)

// File is one Go source file.
type File struct {
	Name string
	Data []byte
}

// Error is one type error, located in the generated source.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	Decl      *Decl // the top-level declaration it is in, nil when outside one
}

func (e Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Decl names a top-level declaration: a type, a function, or a method
// (Recv set).
type Decl struct {
	Recv, Name string
}

// Checker type-checks packages against the standard library. It is safe
// for concurrent use; checks run one at a time.
type Checker struct {
	mu   sync.Mutex
	fset *token.FileSet
	imp  types.Importer
}

var (
	shared     *Checker
	sharedOnce sync.Once
)

// Shared returns the process's checker, which reads each standard
// library package once for every check.
func Shared() *Checker {
	sharedOnce.Do(func() {
		fset := token.NewFileSet()
		shared = &Checker{fset: fset, imp: newImporter(fset)}
	})
	return shared
}

// Prefetch starts finding the standard library's export data for the
// given import paths in the background; Check waits for it.
func Prefetch(paths []string) {
	go exportFiles(paths)
}

// Check parses and type-checks files as the package at path. Test files
// are left out. It returns the package, or the errors (at most limit of
// them) that stop it from compiling.
func (c *Checker) Check(path string, files []File, limit int) (*types.Package, []Error) {
	return c.check(path, files, false, limit)
}

// CheckWithTests is Check with the package's own test files (those in the
// package, not in an external _test package) checked too.
func (c *Checker) CheckWithTests(path string, files []File, limit int) (*types.Package, []Error) {
	return c.check(path, files, true, limit)
}

func (c *Checker) check(path string, files []File, tests bool, limit int) (*types.Package, []Error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var parsed []*ast.File
	var errs []Error
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") && !tests {
			continue
		}
		af, err := parser.ParseFile(c.fset, f.Name, f.Data, parser.SkipObjectResolution)
		if err != nil {
			return nil, []Error{{File: f.Name, Msg: err.Error()}}
		}
		if strings.HasSuffix(af.Name.Name, "_test") {
			continue // an external test package
		}
		parsed = append(parsed, af)
	}
	var imports []string
	for _, af := range parsed {
		for _, im := range af.Imports {
			imports = append(imports, strings.Trim(im.Path.Value, `"`))
		}
	}
	exportFiles(imports) // make sure every import is known
	conf := types.Config{
		Importer: c.imp,
		Error: func(err error) {
			if len(errs) >= limit {
				return
			}
			te, ok := err.(types.Error)
			if !ok {
				errs = append(errs, Error{Msg: err.Error()})
				return
			}
			p := c.fset.Position(te.Pos)
			errs = append(errs, Error{File: p.Filename, Line: p.Line, Col: p.Column, Msg: te.Msg, Decl: declAt(parsed, c.fset, te.Pos)})
		},
	}
	pkg, _ := conf.Check(path, c.fset, parsed, nil)
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b Error) int {
			return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return nil, errs
	}
	return pkg, nil
}

// declAt finds the top-level declaration that holds pos.
func declAt(files []*ast.File, fset *token.FileSet, pos token.Pos) *Decl {
	for _, f := range files {
		if fset.File(f.Pos()) != fset.File(pos) {
			continue
		}
		for _, d := range f.Decls {
			if pos < d.Pos() || pos >= d.End() {
				continue
			}
			switch d := d.(type) {
			case *ast.FuncDecl:
				decl := &Decl{Name: d.Name.Name}
				if d.Recv != nil && len(d.Recv.List) > 0 {
					decl.Recv = recvName(d.Recv.List[0].Type)
				}
				return decl
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if pos < s.Pos() || pos >= s.End() {
						continue
					}
					switch s := s.(type) {
					case *ast.TypeSpec:
						return &Decl{Name: s.Name.Name}
					case *ast.ValueSpec:
						return &Decl{Name: s.Names[0].Name}
					}
				}
			}
		}
	}
	return nil
}

func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// newImporter reads packages from export data the go command lists, or
// from source when the go command is not there.
func newImporter(fset *token.FileSet) types.Importer {
	if _, err := exec.LookPath("go"); err != nil {
		return importer.ForCompiler(fset, "source", nil)
	}
	lookup := func(path string) (io.ReadCloser, error) {
		file := exportFile(path)
		if file == "" {
			return nil, fmt.Errorf("no export data for %q", path)
		}
		return os.Open(file)
	}
	return importer.ForCompiler(fset, "gc", lookup)
}

var (
	exportMu sync.Mutex
	exports  = map[string]string{} // import path -> export data file
	listed   = map[string]bool{}   // import paths go list was asked about
)

// exportFile returns the export data file of one package.
func exportFile(path string) string {
	exportFiles([]string{path})
	exportMu.Lock()
	defer exportMu.Unlock()
	return exports[path]
}

// exportFiles learns the export data files of paths and their
// dependencies, asking the go command about the ones not known yet.
func exportFiles(paths []string) {
	exportMu.Lock()
	defer exportMu.Unlock()
	var missing []string
	for _, p := range paths {
		if !listed[p] && p != "unsafe" && p != "C" {
			missing = append(missing, p)
		}
	}
	slices.Sort(missing)
	missing = slices.Compact(missing)
	if len(missing) > 0 {
		for _, p := range missing {
			listed[p] = true
		}
		cmd := exec.Command("go", append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}, missing...)...)
		cmd.Env = append(os.Environ(), "GOFLAGS=")
		cmd.Dir = os.TempDir() // outside any module: only the standard library
		out, err := cmd.Output()
		if err == nil {
			sc := bufio.NewScanner(bytes.NewReader(out))
			for sc.Scan() {
				if path, file, ok := strings.Cut(sc.Text(), "\t"); ok {
					exports[path] = file
				}
			}
		}
	}
}
