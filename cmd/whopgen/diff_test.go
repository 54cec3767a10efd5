package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// archiveSpecs writes the old.yml and new.yml of a testdata/diff archive
// into a temporary directory and returns their paths and want.txt.
func archiveSpecs(t *testing.T, file string) (oldSpec, newSpec, want string) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		switch f.Name {
		case "old.yml":
			oldSpec = path
		case "new.yml":
			newSpec = path
		case "want.txt":
			want = string(f.Data)
		}
	}
	if oldSpec == "" || newSpec == "" || want == "" {
		t.Fatalf("%s: want old.yml, new.yml and want.txt", file)
	}
	return oldSpec, newSpec, want
}

// TestDiffCases runs -diff on every spec evolution of testdata/diff, the
// way a user does: the old spec's package is in -out, with its manifest.
// It prints the archive's report under a header line and exits 3 when the
// bump is major, 0 otherwise.
func TestDiffCases(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "diff", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no archives in testdata/diff")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			oldSpec, newSpec, want := archiveSpecs(t, file)
			out := filepath.Join(t.TempDir(), "client")
			if code, _, stderr := runCmd("-spec", oldSpec, "-out", out); code != 0 {
				t.Fatalf("generating the old package: exit %d\n%s", code, stderr)
			}
			code, stdout, stderr := runCmd("-spec", newSpec, "-diff", oldSpec, "-out", out)
			wantCode := 0
			if strings.Contains(want, "\nSemver: major") {
				wantCode = exitIncompatible
			}
			if code != wantCode {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, wantCode, stderr)
			}
			header, body, _ := strings.Cut(stdout, "\n")
			if !strings.HasPrefix(header, fmt.Sprintf("Go API of package whop: %s (", oldSpec)) || !strings.Contains(header, ") -> "+newSpec+" (") {
				t.Errorf("header %q does not name both specs", header)
			}
			if body != want {
				t.Errorf("report:\n%s\nwant:\n%s", body, want)
			}
		})
	}
}

// TestDiffNamesTheOldPackageAsTheOutputDoes: -diff generates the old spec
// with the names of the output's manifest, so the report speaks of the
// names callers have.
func TestDiffNamesTheOldPackageAsTheOutputDoes(t *testing.T) {
	oldSpec, newSpec, _ := archiveSpecs(t, filepath.Join("..", "..", "testdata", "diff", "property_removed.txtar"))
	out := t.TempDir()
	manifest := "type schemas/User\tAccount\n"
	if err := os.WriteFile(filepath.Join(out, "whopgen-names.txt"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd("-spec", newSpec, "-diff", oldSpec, "-out", out)
	if code != exitIncompatible || !strings.Contains(stdout, "  - Account.Name: removed\n") {
		t.Errorf("exit %d, want the field of Account removed:\n%s%s", code, stdout, stderr)
	}
}

// TestDiffErrors: a spec with errors, a missing file or a misused command
// line leaves nothing to compare.
func TestDiffErrors(t *testing.T) {
	oldSpec, newSpec, _ := archiveSpecs(t, filepath.Join("..", "..", "testdata", "diff", "unchanged.txtar"))
	broken := writeSpec(t, "openapi: 3.1.0\ninfo: {title: Broken}\npaths: {/x: {get: {responses: {'200': {$ref: '#/nowhere'}}}}}\n")
	cases := []struct {
		name       string
		args       []string
		code       int
		wantStderr string
	}{
		{"new spec with errors", []string{"-spec", broken, "-diff", oldSpec}, 1, broken + " has errors; nothing to compare"},
		{"old spec with errors", []string{"-spec", newSpec, "-diff", broken}, 1, broken + " has errors; nothing to compare"},
		{"missing old spec", []string{"-spec", newSpec, "-diff", filepath.Join(t.TempDir(), "missing.yml")}, 1, "missing.yml"},
		{"with -check", []string{"-spec", newSpec, "-diff", oldSpec, "-check"}, 2, "-diff and -check cannot be combined"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(append(tc.args, "-out", t.TempDir())...)
			if code != tc.code || !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("exit %d, want %d with %q in:\n%s", code, tc.code, tc.wantStderr, stderr)
			}
			if stdout != "" {
				t.Errorf("printed a report:\n%s", stdout)
			}
		})
	}
}

// TestRegeneratingWritesTheSameFiles: generating the Whop client into a
// directory and then again over it, with the manifest the first run wrote,
// gives byte-identical files, and -check finds the output up to date.
func TestRegeneratingWritesTheSameFiles(t *testing.T) {
	spec := filepath.Join("..", "..", "spec", "openapi.yml")
	out := filepath.Join(t.TempDir(), "whop")
	if code, _, stderr := runCmd("-spec", spec, "-out", out); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	first := readTree(t, out)
	if first["whopgen-names.txt"] == nil {
		t.Fatal("the first run wrote no manifest")
	}
	if code, _, stderr := runCmd("-spec", spec, "-out", out); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	second := readTree(t, out)
	if len(first) != len(second) {
		t.Errorf("%d files after the first run, %d after the second", len(first), len(second))
	}
	for name, data := range first {
		if !bytes.Equal(data, second[name]) {
			t.Errorf("%s changed on regeneration", name)
		}
	}
	if code, _, stderr := runCmd("-spec", spec, "-out", out, "-check"); code != 0 || strings.Contains(stderr, "stale") {
		t.Errorf("-check after regenerating: exit %d\n%s", code, stderr)
	}
}

// readTree reads every file under dir, by path relative to it.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
