// Package templates holds the hand-written runtime of the generated client.
//
// The runtime is real Go in the runtime directory (package whop), compiled
// and tested there. The generator copies its non-test files into every
// generated package, changing only the package clause.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed runtime/*.go
var runtimeFS embed.FS

// File is one runtime file.
type File struct {
	Name string
	Data []byte
}

// Runtime returns the runtime files with their package clause set to pkg,
// in name order.
func Runtime(pkg string) ([]File, error) {
	entries, err := fs.ReadDir(runtimeFS, "runtime")
	if err != nil {
		return nil, err
	}
	var files []File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := runtimeFS.ReadFile(path.Join("runtime", name))
		if err != nil {
			return nil, err
		}
		data, err = setPackage(data, pkg)
		if err != nil {
			return nil, fmt.Errorf("runtime/%s: %w", name, err)
		}
		files = append(files, File{Name: name, Data: data})
	}
	return files, nil
}

// setPackage replaces the package clause, which is the first line starting
// with "package ".
func setPackage(data []byte, pkg string) ([]byte, error) {
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		line := data[off : off+end]
		if bytes.HasPrefix(line, []byte("package ")) {
			out := slices.Concat(data[:off], []byte("package "+pkg), data[off+end:])
			return out, nil
		}
		off += end + 1
	}
	return nil, fmt.Errorf("no package clause")
}

// Imports returns the import paths of the runtime's files, sorted.
func Imports() ([]string, error) {
	files, err := Runtime("whop")
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var paths []string
	for _, f := range files {
		file, err := parser.ParseFile(fset, f.Name, f.Data, parser.ImportsOnly)
		if err != nil {
			return nil, err
		}
		for _, im := range file.Imports {
			paths = append(paths, strings.Trim(im.Path.Value, `"`))
		}
	}
	slices.Sort(paths)
	return slices.Compact(paths), nil
}

// Names returns every top-level name the runtime declares, so the
// generator can keep spec-derived names clear of them.
func Names() ([]string, error) {
	files, err := Runtime("whop")
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var names []string
	for _, f := range files {
		file, err := parser.ParseFile(fset, f.Name, f.Data, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						names = append(names, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}
