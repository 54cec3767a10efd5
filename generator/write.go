package generator

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
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

// headerWindow is how far into a file the generated header is looked for.
const headerWindow = 512

// isGenerated reports whether data was written by whopgen: a file that
// carries the header in its first lines.
func isGenerated(data []byte) bool {
	head := data[:min(len(data), headerWindow)]
	return bytes.Contains(head, []byte(emit.Header))
}

// Write makes dir hold files, in place of the files an earlier run wrote
// there. It works inside dir, so dir may be the working directory (-out
// .) or a symbolic link, and the user's own files and directories (those
// without the generated header) stay as they are; a file of the user's
// with the name of a generated one is an error, not overwritten.
//
// Everything is written into a hidden staging directory inside dir first;
// then the previous generated files are set aside and the new ones moved
// in, each move an atomic rename. When any step fails, the moves made so
// far are undone, so a failed Write leaves dir as it was.
func Write(dir string, files []File) error {
	created, err := ensureDir(dir)
	if err != nil {
		return err
	}
	if err := replaceFiles(dir, files, os.Rename); err != nil {
		if created {
			os.RemoveAll(dir)
		}
		return err
	}
	return nil
}

// ensureDir creates dir unless it exists, and says whether it did.
func ensureDir(dir string) (created bool, err error) {
	info, err := os.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return false, fmt.Errorf("%s is not a directory", dir)
	case err == nil:
		return false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return false, err
	}
	return true, os.MkdirAll(dir, 0o755)
}

// stagingPrefix names the hidden directory Write stages files in; the go
// command ignores directories whose names start with a dot.
const stagingPrefix = ".whopgen-"

// replaceFiles stages files inside dir and then swaps them in with
// rename, which tests replace to make a move fail.
func replaceFiles(dir string, files []File, rename func(from, to string) error) (err error) {
	previous, err := previousFiles(dir, files)
	if err != nil {
		return err
	}
	stage, err := os.MkdirTemp(dir, stagingPrefix)
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage) // after a success it holds the previous files
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(stage, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	aside := filepath.Join(stage, ".previous")
	if err := os.Mkdir(aside, 0o755); err != nil {
		return err
	}
	var moves []move
	for _, name := range previous {
		moves = append(moves, move{filepath.Join(dir, name), filepath.Join(aside, name)})
	}
	for _, f := range files {
		moves = append(moves, move{filepath.Join(stage, f.Name), filepath.Join(dir, f.Name)})
	}
	return runMoves(moves, rename)
}

type move struct{ from, to string }

// runMoves renames each file in turn; after a failure it moves back the
// ones already moved, newest first.
func runMoves(moves []move, rename func(from, to string) error) error {
	for i, m := range moves {
		if err := rename(m.from, m.to); err != nil {
			for j := i - 1; j >= 0; j-- {
				os.Rename(moves[j].to, moves[j].from)
			}
			return err
		}
	}
	return nil
}

// previousFiles lists the files in dir that an earlier run of whopgen
// wrote (they carry the generated header): the ones files replace and the
// ones no longer generated. A file of the user's where a generated one
// goes is an error.
func previousFiles(dir string, files []File) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	ours := map[string]bool{}
	for _, f := range files {
		ours[f.Name] = true
	}
	var previous, theirs []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || (e.IsDir() && !ours[name]) {
			continue
		}
		generated := false
		if e.Type().IsRegular() {
			head, err := readHead(filepath.Join(dir, name))
			if err != nil {
				return nil, err
			}
			generated = isGenerated(head)
		}
		switch {
		case generated:
			previous = append(previous, name)
		case ours[name]:
			theirs = append(theirs, name)
		}
	}
	if len(theirs) > 0 {
		return nil, fmt.Errorf("not replacing %s: whopgen did not write it (no %q line); move it away first",
			strings.Join(theirs, ", "), emit.Header)
	}
	return previous, nil
}

// readHead reads the start of a file, where the generated header is.
func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, headerWindow)
	n, err := io.ReadFull(f, head)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return head[:n], err
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
