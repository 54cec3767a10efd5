// Command roundtrip runs the generic round-trip suite (package generic)
// and writes its report as JSON on standard output. TestRoundTrip builds
// and runs it: built without the race detector, the server that plans,
// validates and compares thousands of calls runs several times faster
// than inside a test binary built with -race, which gains nothing from
// instrumenting it.
//
// Usage:
//
//	roundtrip -root DIR [-only ID,ID...] [-keep DIR] [-cpuprofile FILE]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/whopgen/whopgen/tests/generic"
)

func main() {
	root := flag.String("root", ".", "the repository")
	only := flag.String("only", "", "comma-separated IDs of the specs to run; all when empty")
	keep := flag.String("keep", "", "build the packages and drivers in this directory and leave it there")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "roundtrip:", err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "roundtrip:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	cfg := generic.Config{Root: *root, Keep: *keep}
	if *only != "" {
		cfg.Only = strings.Split(*only, ",")
	}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "roundtrip:", err)
		os.Exit(1)
	}
}

func run(cfg generic.Config) error {
	rep, err := generic.Run(cfg)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(rep)
}
