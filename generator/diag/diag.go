// Package diag holds the diagnostics the generator reports about a spec:
// positioned, sorted, and printed the way a compiler prints them.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
)

// Severity says whether a diagnostic stops generation.
type Severity int

const (
	// Warning marks a spec defect that generation works around.
	Warning Severity = iota
	// Error marks a defect that stops generation.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one message about one place in the spec.
type Diagnostic struct {
	File     string
	Line     int // 1-based; 0 when unknown
	Col      int // 1-based; 0 when unknown
	Severity Severity
	Msg      string
}

// String formats d as "file:line:col: severity: message".
func (d Diagnostic) String() string {
	line, col := max(d.Line, 1), max(d.Col, 1)
	return fmt.Sprintf("%s:%d:%d: %s: %s", d.File, line, col, d.Severity, d.Msg)
}

// List collects diagnostics.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Warnf appends a warning at the given position.
func (l *List) Warnf(file string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Errorf appends an error at the given position.
func (l *List) Errorf(file string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Sort orders diagnostics by position, then severity, then message, and
// drops exact duplicates, so output does not depend on discovery order.
func (l List) Sort() List {
	slices.SortFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.Compact(l)
}

// Print writes one line per diagnostic.
func (l List) Print(w io.Writer) {
	for _, d := range l {
		fmt.Fprintln(w, d.String())
	}
}

// Promote turns every warning into an error (the -strict mode).
func (l List) Promote() List {
	out := slices.Clone(l)
	for i := range out {
		out[i].Severity = Error
	}
	return out
}
