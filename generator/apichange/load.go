package apichange

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"

	"github.com/whopgen/whopgen/generator/emit"
)

// checker type-checks generated packages from memory. One checker serves
// both sides of a comparison so that they share the standard library's
// packages: apidiff then sees, say, context.Context on both sides as the
// same type.
type checker struct {
	fset *token.FileSet
	imp  types.Importer
}

func newChecker() *checker {
	fset := token.NewFileSet()
	// The default importer reads export data that the go command builds
	// (fast once the build cache has it); without a working go command,
	// type-check the standard library from source instead. The choice is
	// made once: two importers would give two copies of a package.
	var imp types.Importer = importer.Default()
	if _, err := imp.Import("net/http"); err != nil {
		imp = importer.ForCompiler(fset, "source", nil)
	}
	return &checker{fset: fset, imp: imp}
}

// check parses and type-checks files as the package at path. Test files
// are left out: they are not part of the API.
func (c *checker) check(path string, files []emit.File) (*types.Package, error) {
	var parsed []*ast.File
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(c.fset, f.Name, f.Data, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, af)
	}
	var errs []string
	conf := types.Config{
		Importer: c.imp,
		Error: func(err error) {
			if len(errs) < 10 {
				errs = append(errs, err.Error())
			}
		},
	}
	pkg, _ := conf.Check(path, c.fset, parsed, nil)
	if len(errs) > 0 {
		return nil, fmt.Errorf("type-checking the generated package:\n\t%s", strings.Join(errs, "\n\t"))
	}
	return pkg, nil
}
