// Command gosize prints the size of a Go package directory: files, lines,
// bytes, declared types and functions, and its longest file.
//
//	go run ./bench/gosize DIR...
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	fmt.Println("| package | files | lines | bytes | types | funcs | longest file (lines) |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---|")
	for _, dir := range os.Args[1:] {
		if err := report(dir); err != nil {
			fmt.Fprintln(os.Stderr, "gosize:", err)
			os.Exit(1)
		}
	}
}

func report(dir string) error {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	var files, lines, size, types, funcs, longest int
	var longestName string
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, name, data, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		n := bytes.Count(data, []byte("\n"))
		files++
		lines += n
		size += len(data)
		if n > longest {
			longest, longestName = n, filepath.Base(name)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				funcs++
			case *ast.GenDecl:
				if d.Tok == token.TYPE {
					types += len(d.Specs)
				}
			}
		}
	}
	fmt.Printf("| %s | %d | %d | %d | %d | %d | %s (%d) |\n", dir, files, lines, size, types, funcs, longestName, longest)
	return nil
}
