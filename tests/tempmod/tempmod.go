// Package tempmod builds throwaway Go modules for tests that compile
// generated code: write packages into a temporary directory, run one
// `go test` (and `go vet`) over all of them, and read the outcome package
// by package, so that a suite of many generated packages pays for one
// build.
package tempmod

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Module is a Go module in a directory of its own.
type Module struct {
	Dir  string // absolute directory holding go.mod
	Path string // the module path
}

// New writes go.mod for a module at path in dir. The module requires
// nothing: the packages written into it use the standard library only.
func New(dir, path string) (*Module, error) {
	m := &Module{Dir: dir, Path: path}
	return m, m.WriteFile("go.mod", []byte("module "+path+"\n\ngo 1.26\n"))
}

// Clear empties dir for a new module at path, after checking that it is
// missing, empty, or an earlier module at that path: a mistyped directory
// is not wiped.
func Clear(dir, path string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil || !bytes.HasPrefix(mod, []byte("module "+path+"\n")) {
		return fmt.Errorf("%s is not empty and holds no module %s: not clearing it", dir, path)
	}
	return os.RemoveAll(dir)
}

// WriteFile writes a file at a slash-separated path inside the module.
func (m *Module) WriteFile(rel string, data []byte) error {
	path := filepath.Join(m.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// Package is what `go test -json` reported about one package.
type Package struct {
	ImportPath string
	// Action is the package's final action: "pass", "fail" or "skip"
	// ("skip" for a package without test files).
	Action string
	// Output is everything printed for the package, build errors included,
	// in order.
	Output string
	// Passed lists the tests (and subtests) that passed.
	Passed []string
	// Failed lists the tests (and subtests) that failed or were skipped:
	// a skipped test here is as bad as a failed one.
	Failed []string
	// Elapsed is how long its tests ran, in seconds, building aside.
	Elapsed float64
}

// OK reports whether the package built, ran at least one test, and every
// test passed.
func (p *Package) OK() bool {
	return p.Action == "pass" && len(p.Passed) > 0 && len(p.Failed) == 0
}

// testEvent is one line of `go test -json` (see `go doc test2json`).
type testEvent struct {
	Action      string
	Package     string
	ImportPath  string // build-output and build-fail events
	Test        string
	Output      string
	Elapsed     float64
	FailedBuild string // on a package's fail event: the build that failed
}

// Test runs `go test -json -trimpath args... ./...` in the module with env
// added to the environment, and returns every package it reported, by
// import path. -trimpath keeps the temporary directory's name out of the
// build, so the build cache serves the next run in another directory.
// A failing test is not an error; a go command that could not run, or
// whose output is not test2json, is.
func (m *Module) Test(env []string, args ...string) (map[string]*Package, error) {
	cmd := exec.Command("go", append(append([]string{"test", "-json", "-trimpath"}, args...), "./...")...)
	cmd.Dir = m.Dir
	cmd.Env = append(goEnv(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	pkgs, err := parseTestJSON(stdout.Bytes())
	if err != nil {
		return nil, fmt.Errorf("go test: %w\n%s", err, stderr.String())
	}
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, fmt.Errorf("go test: %w\n%s", runErr, stderr.String())
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("go test reported no package: %v\n%s", runErr, stderr.String())
	}
	// Errors that name no package (a broken go.mod, say) only reach stderr.
	if runErr != nil && stderr.Len() > 0 {
		for _, p := range pkgs {
			if p.Action == "" {
				p.Output += stderr.String()
			}
		}
	}
	return pkgs, nil
}

// parseTestJSON collects test2json events by package. Build errors are
// reported under the id of the build that failed ("path_test [path.test]"
// for an external test package); the package's fail event names that id,
// and its output is filed under the package.
func parseTestJSON(out []byte) (map[string]*Package, error) {
	pkgs := map[string]*Package{}
	builds := map[string]string{} // build id -> build output
	get := func(path string) *Package {
		p := pkgs[path]
		if p == nil {
			p = &Package{ImportPath: path}
			pkgs[path] = p
		}
		return p
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var ev testEvent
		if err := json.Unmarshal(line, &ev); err != nil {
			return nil, fmt.Errorf("not test2json output: %q", line)
		}
		switch {
		case ev.Action == "build-output":
			builds[ev.ImportPath] += ev.Output
		case ev.Package == "":
			continue
		case ev.Action == "output":
			p := get(ev.Package)
			p.Output += ev.Output
		case ev.Test != "":
			p := get(ev.Package)
			switch ev.Action {
			case "pass":
				p.Passed = append(p.Passed, ev.Test)
			case "fail", "skip":
				p.Failed = append(p.Failed, ev.Test)
			}
		case ev.Action == "pass" || ev.Action == "fail" || ev.Action == "skip":
			p := get(ev.Package)
			p.Action, p.Elapsed = ev.Action, ev.Elapsed
			if ev.FailedBuild != "" {
				p.Output = builds[ev.FailedBuild] + p.Output
			}
		}
	}
	return pkgs, sc.Err()
}

// Vet runs `go vet ./...` in the module and returns its complaints by
// import path (from the "# path" lines the go command prints before each
// package's messages; an external test package is filed under the package
// it tests); messages it cannot attribute are filed under "".
// An empty map means vet found nothing.
func (m *Module) Vet() (map[string]string, error) {
	cmd := exec.Command("go", "vet", "-trimpath", "./...")
	cmd.Dir = m.Dir
	cmd.Env = goEnv()
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return nil, fmt.Errorf("go vet: %w\n%s", err, out)
	}
	found := map[string]string{}
	if err == nil {
		return found, nil
	}
	current := ""
	for _, line := range strings.SplitAfter(string(out), "\n") {
		if header, ok := strings.CutPrefix(line, "# "); ok {
			current = vetPackage(header)
			continue
		}
		if strings.TrimSpace(line) != "" {
			found[current] += line
		}
	}
	if len(found) == 0 {
		found[""] = string(out)
	}
	return found, nil
}

// vetPackage reads the import path from a "# path" line of go vet, which
// also comes as "# [path]", "# path [path.test]" and, for an external test
// package, "# path_test".
func vetPackage(header string) string {
	path := strings.Trim(strings.TrimSpace(header), "[]")
	path, _, _ = strings.Cut(path, " ")
	return strings.TrimSuffix(path, "_test")
}

// goEnv is the environment for the go command: the test's own, with
// workspaces off and the local toolchain, so that a go.work or a toolchain
// line elsewhere cannot change what is built.
func goEnv() []string {
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "GOWORK=") || strings.HasPrefix(kv, "GOTOOLCHAIN=")
	})
	return append(env, "GOWORK=off", "GOTOOLCHAIN=local")
}
