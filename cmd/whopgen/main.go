// Command whopgen generates a Go client package from an OpenAPI 3.0 or 3.1
// description.
//
// Usage:
//
//	whopgen [-spec file] [-out dir] [-package name] [-check] [-strict] [-diff old-spec]
//
// With no flags it reads spec/openapi.yml (or, when that file does not
// exist, the Whop spec built into the command) and writes generated/.
//
// -out may be the package's own directory: with Go 1.24 or later, after
//
//	go get -tool github.com/whopgen/whopgen/cmd/whopgen
//
// a file of the package that should hold the client can say
//
//	//go:generate go tool whopgen -out . -package whop
//
// Generated files are replaced and the package's other files kept.
//
// A spec defect whose meaning is clear is a warning that says what was
// assumed; -strict makes it an error (see docs/spec-warnings.md).
//
// With -diff it writes nothing: it generates the package from the old spec
// and from -spec and prints how the Go API changed (see docs/updating.md).
//
// Exit status: 0 success; 1 the spec has errors, generation failed, or
// -check found stale files; 2 the command line is wrong; 3 -diff found an
// incompatible change.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"

	"github.com/whopgen/whopgen"
	"github.com/whopgen/whopgen/generator"
)

const defaultSpec = "spec/openapi.yml"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	spec, out, pkg string
	diff           string
	check, strict  bool
}

func run(args []string, stdout, stderr io.Writer) int {
	var cfg config
	fs := flag.NewFlagSet("whopgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.spec, "spec", "", "OpenAPI spec to read (default: "+defaultSpec+" if present, else the built-in Whop spec)")
	fs.StringVar(&cfg.out, "out", "generated", "directory to write the package into")
	fs.StringVar(&cfg.pkg, "package", "whop", "Go package name of the generated code")
	fs.BoolVar(&cfg.check, "check", false, "generate in memory and report files in -out that differ; write nothing")
	fs.BoolVar(&cfg.strict, "strict", false, "treat warnings as errors")
	fs.StringVar(&cfg.diff, "diff", "", "compare the Go API generated from this older spec with the one from -spec; write nothing")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if cfg.diff != "" && cfg.check {
		fmt.Fprintln(stderr, "whopgen: -diff and -check cannot be combined")
		return 2
	}
	if !token.IsIdentifier(cfg.pkg) || token.IsKeyword(cfg.pkg) {
		fmt.Fprintf(stderr, "whopgen: -package %q is not a Go package name\n", cfg.pkg)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "whopgen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	name, data, err := readSpec(cfg.spec)
	if err != nil {
		fmt.Fprintf(stderr, "whopgen: %v\n", err)
		return 1
	}
	// The names the output published before are kept (see docs/updating.md).
	pins, err := generator.ReadPins(cfg.out)
	if err != nil {
		fmt.Fprintf(stderr, "whopgen: %v\n", err)
		return 1
	}
	if cfg.diff != "" {
		return diff(cfg, name, data, pins, stdout, stderr)
	}
	res, err := generator.Generate(generator.Options{SpecFile: name, Spec: data, Package: cfg.pkg, Strict: cfg.strict, Pins: pins})
	res.Diags.Print(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "whopgen: %v\n", err)
		return 1
	}
	if res.Diags.HasErrors() {
		fmt.Fprintf(stderr, "whopgen: %s has errors; %s was not changed\n", name, cfg.out)
		return 1
	}
	fmt.Fprintf(stderr, "whopgen: using %s (%s %s)\n", name, res.API.Title, res.API.Version)
	if cfg.check {
		problems := generator.Check(cfg.out, res.Files)
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		if len(problems) > 0 {
			fmt.Fprintf(stderr, "whopgen: %s is out of date: run go generate ./...\n", cfg.out)
			return 1
		}
		return 0
	}
	if err := generator.Write(cfg.out, res.Files); err != nil {
		fmt.Fprintf(stderr, "whopgen: writing %s: %v\n", cfg.out, err)
		return 1
	}
	fmt.Fprintf(stdout, "whopgen: wrote %d files to %s\n", len(res.Files), cfg.out)
	return 0
}

// readSpec picks the spec: -spec, else spec/openapi.yml in the current
// directory, else the built-in one.
func readSpec(path string) (string, []byte, error) {
	if path == "" {
		if _, err := os.Stat(defaultSpec); err == nil {
			path = defaultSpec
		}
	}
	if path == "" {
		return "built-in Whop spec", whopgen.Spec, nil
	}
	data, err := os.ReadFile(path)
	return path, data, err
}
