// Package generator runs the whole pipeline: load and validate a spec,
// build the model, emit Go, and write the package atomically.
package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

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

// Generate runs the pipeline in memory. It writes nothing. Files is empty
// when Diags has errors.
func Generate(opts Options) (Result, error) {
	if opts.Package == "" {
		opts.Package = "whop"
	}
	// Recording positions while parsing costs as much as the parse itself,
	// and only diagnostics need them: a spec with nothing to report is
	// generated without them, any other again with them.
	res, err := generate(opts, false)
	if err != nil || len(res.Diags) == 0 {
		return res, err
	}
	return generate(opts, true)
}

func generate(opts Options, positions bool) (Result, error) {
	var res Result
	loaded := load.Parse(opts.SpecFile, opts.Spec, positions)
	if loaded.Doc != nil && !loaded.Diags.HasErrors() {
		loaded.Diags = load.Validate(opts.SpecFile, opts.Spec, loaded.Doc)
	}
	res.Diags = loaded.Diags
	if loaded.Doc == nil || res.Diags.HasErrors() {
		return res, nil
	}
	mopts, err := modelOptions(opts)
	if err != nil {
		return res, err
	}
	api, diags := model.Build(loaded.Doc, mopts)
	res.API = api
	res.Diags = append(res.Diags, diags...).Sort()
	if opts.Strict {
		res.Diags = res.Diags.Promote()
	}
	if res.Diags.HasErrors() {
		return res, nil
	}
	files, err := emit.Emit(api)
	if err != nil {
		return res, fmt.Errorf("emitting Go: %w", err)
	}
	runtime, err := templates.Runtime(opts.Package)
	if err != nil {
		return res, fmt.Errorf("reading the runtime: %w", err)
	}
	for _, f := range runtime {
		files = append(files, File{Name: "runtime_" + f.Name, Data: withHeader(f.Data)})
	}
	res.Files = sortFiles(files)
	return res, nil
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
		Reserved:   append(reserved, reservedGenerated...),
	}, nil
}

// reservedGenerated are names the emitter itself declares.
var reservedGenerated = []string{"Client", "NewClient", "DefaultBaseURL", "SandboxBaseURL", "SpecVersion", "SpecSHA256"}

// withHeader marks a copied runtime file as generated.
func withHeader(data []byte) []byte {
	return append([]byte("// "+emit.Header+"\n\n"), data...)
}
