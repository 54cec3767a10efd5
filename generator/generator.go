// Package generator runs the whole pipeline: load and validate a spec,
// build the model, emit Go, and write the package atomically.
package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/diag"
	"github.com/whopgen/whopgen/generator/emit"
	"github.com/whopgen/whopgen/generator/load"
	"github.com/whopgen/whopgen/generator/model"
	"github.com/whopgen/whopgen/templates"
)

// Options says what to generate.
type Options struct {
	SpecFile string // the name diagnostics use; also resolves relative $refs
	Spec     []byte // the spec's bytes
	Package  string // Go package name, default "whop"
	Strict   bool   // treat warnings as errors
	// Pins are the names the previous output published (its manifest), by
	// spec element; nil for a fresh generation.
	Pins map[string]string
}

// File is one file of the generated package.
type File = emit.File

// Result is the outcome of a generation: files, or diagnostics that say
// why there are none.
type Result struct {
	Files []File
	Diags diag.List
	API   *model.API
}

// ErrInternal marks a bug in whopgen itself: a panic caught while
// generating, reported as an error instead of crashing the user's build.
var ErrInternal = errors.New("internal error in whopgen")

// Generate runs the pipeline in memory. It writes nothing. Files is empty
// when Diags has errors.
func Generate(opts Options) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("%w: %v\n%s", ErrInternal, r, debug.Stack())
		}
	}()
	if opts.Package == "" {
		opts.Package = "whop"
	}
	prefetchStd()
	return generatePositioned(opts, lazyPositionsFrom)
}

// lazyPositionsFrom is the spec size from which positions are recorded
// only when needed. Recording positions while parsing costs a third of the
// parse and a sixth of its memory, and only diagnostics need them. On a
// large spec the first pass records none; when it has something to
// report, a second pass finds the positions, skipping the steps that
// reported nothing and keeping the files, which do not depend on
// positions. On a small spec positions cost a few milliseconds, less than
// a second validation would, so they are recorded at once.
const lazyPositionsFrom = 512 << 10

func generatePositioned(opts Options, lazyFrom int) (Result, error) {
	if len(opts.Spec) < lazyFrom {
		res, _, err := generate(opts, pass{positions: true, validate: true, emit: true})
		return res, err
	}
	res, validation, err := generate(opts, pass{validate: true, emit: true})
	if err != nil || len(res.Diags) == 0 {
		return res, err
	}
	// Files do not depend on positions, so they are kept, unless the first
	// pass made none: then the errors that stopped it (a type check, say)
	// are found again, with positions.
	again, _, err := generate(opts, pass{positions: true, validate: validation > 0, emit: res.Files == nil})
	if res.Files != nil {
		again.Files = res.Files
	}
	return again, err
}

// pass says which steps a run of generate takes.
type pass struct {
	positions bool // record where each element is (for diagnostics)
	validate  bool
	emit      bool
}

// generate loads the spec, then validates it while the model and the code
// are built: validation costs more than all the steps after it and only
// decides whether their output is kept. On an invalid spec that output,
// or a panic of the model on a document it should never have seen, is
// dropped. It also returns the number of validation diagnostics.
func generate(opts Options, p pass) (Result, int, error) {
	var res Result
	loaded := load.Parse(opts.SpecFile, opts.Spec, p.positions)
	res.Diags = loaded.Diags
	if loaded.Doc == nil || res.Diags.HasErrors() {
		return res, 0, nil
	}
	validated := inBackground(func() diag.List {
		if !p.validate {
			return nil
		}
		return load.Validate(opts.SpecFile, opts.Spec, loaded.Doc)
	})
	built := inBackground(func() output { return build(opts, loaded.Doc, p.emit) })
	v, b := <-validated, <-built
	if v.panicked != nil {
		panic(v.panicked)
	}
	res.Diags = slices.Concat(loaded.Diags, v.val) // the repairs' warnings, then validation's
	if res.Diags.HasErrors() {
		return res, len(v.val), nil
	}
	if b.panicked != nil {
		panic(b.panicked)
	}
	out := b.val
	res.API = out.api
	res.Diags = append(res.Diags, out.diags...).Sort()
	if opts.Strict {
		res.Diags = res.Diags.Promote()
	}
	if out.err != nil || res.Diags.HasErrors() {
		return res, len(v.val), out.err
	}
	res.Files = out.files
	return res, len(v.val), nil
}

// output is what build makes of a document.
type output struct {
	api   *model.API
	diags diag.List
	files []File
	err   error
}

// build turns a loaded document into the model and, withFiles, the
// package's files. Files are left out when the model has errors (or
// warnings, with Strict).
func build(opts Options, doc *openapi3.T, withFiles bool) output {
	var out output
	mopts, err := modelOptions(opts)
	if err != nil {
		return output{err: err}
	}
	out.api, out.diags = model.Build(doc, mopts)
	if !withFiles || out.diags.HasErrors() || opts.Strict && len(out.diags) > 0 {
		return out
	}
	files, err := emit.Emit(out.api)
	if err != nil {
		out.err = fmt.Errorf("emitting Go: %w", err)
		return out
	}
	runtime, err := templates.Runtime(opts.Package)
	if err != nil {
		out.err = fmt.Errorf("reading the runtime: %w", err)
		return out
	}
	for _, f := range runtime {
		files = append(files, File{Name: "runtime_" + f.Name, Data: withHeader(f.Data)})
	}
	if diags := typeCheck(opts, out.api, files); len(diags) > 0 {
		// The safety net: a package that does not compile is never written.
		out.diags = append(out.diags, diags...)
		return out
	}
	out.files = sortFiles(files)
	return out
}

// outcome is what a function run in the background returned, or the panic
// that stopped it, with its stack.
type outcome[T any] struct {
	val      T
	panicked any
}

func inBackground[T any](f func() T) <-chan outcome[T] {
	ch := make(chan outcome[T], 1)
	go func() {
		var o outcome[T]
		defer func() {
			if r := recover(); r != nil {
				o.panicked = fmt.Sprintf("%v\n%s", r, debug.Stack())
			}
			ch <- o
		}()
		o.val = f()
	}()
	return ch
}

func modelOptions(opts Options) (model.Options, error) {
	reserved, err := templates.Names()
	if err != nil {
		return model.Options{}, fmt.Errorf("reading the runtime: %w", err)
	}
	sum := sha256.Sum256(opts.Spec)
	return model.Options{
		Package:    opts.Package,
		File:       opts.SpecFile,
		SpecSHA256: hex.EncodeToString(sum[:]),
		Reserved:   emit.Reserved(reserved),
		Pins:       opts.Pins,
	}, nil
}

// withHeader marks a copied runtime file as generated.
func withHeader(data []byte) []byte {
	return append([]byte("// "+emit.Header+"\n\n"), data...)
}
