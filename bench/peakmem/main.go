// Command peakmem compares the peak memory of a whole generation with that
// of kin-openapi loading and validating the same spec.
//
// Usage (from the repository root):
//
//	go run ./bench/peakmem [-spec spec/openapi.yml] [-runs 6]
//
// Each measurement runs in a fresh child process (this program, re-run with
// -child), so one cannot inherit another's heap; the figure is the child's
// peak resident set size (getrusage ru_maxrss). Runs are interleaved and the
// medians are printed with their ratio.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"syscall"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator"
)

var modes = []string{"kin-openapi", "whopgen"}

func main() {
	spec := flag.String("spec", "spec/openapi.yml", "OpenAPI spec to measure with")
	runs := flag.Int("runs", 6, "child processes per mode")
	child := flag.String("child", "", "internal: run one mode once and exit")
	flag.Parse()
	if *child != "" {
		if err := once(*child, *spec); err != nil {
			fmt.Fprintln(os.Stderr, "peakmem:", err)
			os.Exit(1)
		}
		return
	}
	self, err := os.Executable()
	if err != nil {
		fatal(err)
	}
	peaks := map[string][]int64{}
	for range *runs {
		for _, m := range modes {
			kib, err := measure(self, m, *spec)
			if err != nil {
				fatal(err)
			}
			peaks[m] = append(peaks[m], kib)
		}
	}
	fmt.Printf("peak RSS, median of %d runs, %s (%s/%s)\n", *runs, *spec, runtime.GOOS, runtime.GOARCH)
	for _, m := range modes {
		fmt.Printf("%-12s %7.1f MiB  %v\n", m, float64(median(peaks[m]))/1024, peaks[m])
	}
	fmt.Printf("ratio whopgen/kin-openapi: %.2fx\n", float64(median(peaks["whopgen"]))/float64(median(peaks["kin-openapi"])))
}

// measure runs one child and returns its peak RSS in KiB.
func measure(self, mode, spec string) (int64, error) {
	cmd := exec.Command(self, "-child", mode, "-spec", spec)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%s: %w", mode, err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, fmt.Errorf("no resource usage on %s", runtime.GOOS)
	}
	return ru.Maxrss, nil // KiB on Linux
}

func once(mode, spec string) error {
	data, err := os.ReadFile(spec)
	if err != nil {
		return err
	}
	switch mode {
	case "kin-openapi":
		doc, err := openapi3.NewLoader().LoadFromData(data)
		if err != nil {
			return err
		}
		return doc.Validate(context.Background())
	case "whopgen":
		res, err := generator.Generate(generator.Options{SpecFile: spec, Spec: data})
		if err != nil {
			return err
		}
		if res.Diags.HasErrors() || len(res.Files) == 0 {
			return fmt.Errorf("generation failed: %v", res.Diags)
		}
		return nil
	}
	return fmt.Errorf("unknown mode %q", mode)
}

func median(xs []int64) int64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	return (s[(n-1)/2] + s[n/2]) / 2
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "peakmem:", err)
	os.Exit(1)
}
