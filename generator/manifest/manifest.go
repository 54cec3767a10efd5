// Package manifest reads and writes the list of names a generation gave the
// spec's elements. whopgen writes it beside the code it generates and
// reads it back when it regenerates, so that a name, once published, stays
// while its element exists (see docs/updating.md).
//
// The format is text, one element per line, sorted by key, so that a
// regeneration's diff shows exactly which names came and went:
//
//	# comment lines
//	<key>\t<Go name>
package manifest

import (
	"bufio"
	"bytes"
	"fmt"
	"go/token"
	"strings"
)

// Name is the file name of the manifest in the generated package.
const Name = "whopgen-names.txt"

// Entry is one published name.
type Entry struct {
	Key, Name string
}

// Format writes entries, which must be sorted by key, after header lines
// (each written as a comment).
func Format(header []string, entries []Entry) []byte {
	var b bytes.Buffer
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	for _, e := range entries {
		b.WriteString(e.Key)
		b.WriteByte('\t')
		b.WriteString(e.Name)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// Parse reads a manifest into a map from key to name. A malformed line is
// an error naming it: a hand-edited manifest should not silently lose its
// pins.
func Parse(data []byte) (map[string]string, error) {
	pins := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		i := strings.LastIndexByte(text, '\t')
		if i <= 0 {
			return nil, fmt.Errorf("line %d: want <key><tab><name>", line)
		}
		key, name := text[:i], text[i+1:]
		if !token.IsIdentifier(name) {
			return nil, fmt.Errorf("line %d: %q is not a Go identifier", line, name)
		}
		pins[key] = name
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return pins, nil
}
