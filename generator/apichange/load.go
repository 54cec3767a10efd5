package apichange

import (
	"errors"
	"fmt"
	"go/types"

	"github.com/whopgen/whopgen/generator/emit"
	"github.com/whopgen/whopgen/generator/gocheck"
)

// check type-checks files as the package at path. Both sides of a
// comparison go through the one shared checker, so that apidiff sees, say,
// context.Context on both sides as the same type.
func check(path string, files []emit.File) (*types.Package, error) {
	src := make([]gocheck.File, len(files))
	for i, f := range files {
		src[i] = gocheck.File{Name: f.Name, Data: f.Data}
	}
	pkg, errs := gocheck.Shared().Check(path, src, 10)
	if len(errs) > 0 {
		list := make([]error, len(errs))
		for i, e := range errs {
			list[i] = e
		}
		return nil, fmt.Errorf("type-checking the generated package: %w", errors.Join(list...))
	}
	return pkg, nil
}
