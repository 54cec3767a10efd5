package generator

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/whopgen/whopgen/generator/emit"
)

func sortFiles(files []File) []File {
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Name, b.Name) })
	return files
}

// isGenerated reports whether data was written by whopgen: a file that
// carries the header in its first lines.
func isGenerated(data []byte) bool {
	head := data[:min(len(data), 512)]
	return bytes.Contains(head, []byte(emit.Header))
}

// Write replaces dir with files. It writes everything into a temporary
// directory beside dir and then swaps it into place, so a failure leaves
// the previous output untouched. Files in dir that whopgen did not write
// (no generated header) are carried over.
func Write(dir string, files []File) (err error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(tmp, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	if err := carryOver(dir, tmp, files); err != nil {
		return err
	}
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = filepath.Join(parent, "."+filepath.Base(dir)+".old")
		os.RemoveAll(old)
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// carryOver copies the user's own files (and directories) from dir into tmp.
func carryOver(dir, tmp string, files []File) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	ours := map[string]bool{}
	for _, f := range files {
		ours[f.Name] = true
	}
	for _, e := range entries {
		if ours[e.Name()] {
			continue
		}
		src := filepath.Join(dir, e.Name())
		if e.IsDir() {
			if err := os.CopyFS(filepath.Join(tmp, e.Name()), os.DirFS(src)); err != nil {
				return err
			}
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if isGenerated(data) {
			continue // a file an older spec produced
		}
		if err := os.WriteFile(filepath.Join(tmp, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Check compares files with dir and describes every stale, missing or
// extra generated file; it returns nil when dir is up to date.
func Check(dir string, files []File) []string {
	var problems []string
	want := map[string]bool{}
	for _, f := range files {
		want[f.Name] = true
		have, err := os.ReadFile(filepath.Join(dir, f.Name))
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s: missing", filepath.Join(dir, f.Name)))
		case !bytes.Equal(have, f.Data):
			problems = append(problems, fmt.Sprintf("%s: stale", filepath.Join(dir, f.Name)))
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() || want[e.Name()] || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err == nil && isGenerated(data) {
			problems = append(problems, fmt.Sprintf("%s: extra (no longer generated)", filepath.Join(dir, e.Name())))
		}
	}
	return problems
}
