package main

import (
	"fmt"
	"io"
	"os"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/apichange"
)

// exitIncompatible is the exit status of -diff when the new spec breaks
// the Go API generated from the old one.
const exitIncompatible = 3

// diff generates the package from the old spec named by -diff, as the
// output directory's manifest names it, then from the new spec as a
// regeneration over that output would name it, and prints how the Go API
// changed.
func diff(cfg config, newName string, newData []byte, pins map[string]string, stdout, stderr io.Writer) int {
	data, err := os.ReadFile(cfg.diff)
	if err != nil {
		fmt.Fprintf(stderr, "whopgen: %v\n", err)
		return 1
	}
	old, err := generator.Generate(generator.Options{SpecFile: cfg.diff, Spec: data, Package: cfg.pkg, Pins: pins})
	if err != nil {
		fmt.Fprintf(stderr, "whopgen: %v\n", err)
		return 1
	}
	if old.Diags.HasErrors() {
		// Its warnings no longer matter; its errors say why there is nothing to compare.
		old.Diags.Print(stderr)
		fmt.Fprintf(stderr, "whopgen: %s has errors; nothing to compare\n", cfg.diff)
		return 1
	}
	res, err := generator.Generate(generator.Options{SpecFile: newName, Spec: newData, Package: cfg.pkg, Strict: cfg.strict, Pins: old.Pins()})
	res.Diags.Print(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "whopgen: %v\n", err)
		return 1
	}
	if res.Diags.HasErrors() {
		fmt.Fprintf(stderr, "whopgen: %s has errors; nothing to compare\n", newName)
		return 1
	}
	report, err := apichange.Compare(
		apichange.Side{API: old.API, Files: old.Files, SpecFile: cfg.diff, Spec: data},
		apichange.Side{API: res.API, Files: res.Files, SpecFile: newName, Spec: newData},
	)
	if err != nil {
		fmt.Fprintf(stderr, "whopgen: comparing the Go APIs: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Go API of package %s: %s (%s) -> %s (%s)\n", cfg.pkg,
		cfg.diff, report.OldVersion, newName, report.NewVersion)
	if err := report.Write(stdout); err != nil {
		fmt.Fprintf(stderr, "whopgen: %v\n", err)
		return 1
	}
	if report.Bump() == apichange.Major {
		return exitIncompatible
	}
	return 0
}
