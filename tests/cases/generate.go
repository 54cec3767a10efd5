package cases

import (
	"fmt"
	"strings"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/diag"
)

// Generate runs the generator on the case's spec in memory, with the case's
// package name.
func (c *Case) Generate() (generator.Result, error) {
	return generator.Generate(generator.Options{SpecFile: c.SpecName, Spec: c.Spec, Package: c.Package()})
}

// CheckDiags compares what the generator reported with want.diag, strictly:
// every expected line must match a diagnostic (same line, column and
// severity, text a substring of the message), and every diagnostic must be
// matched by a line. It returns one problem per mismatch.
func CheckDiags(want []Diag, got diag.List) []string {
	used := make([]bool, len(got))
	var problems []string
	for _, w := range want {
		i := matchDiag(w, got, used)
		if i < 0 {
			problems = append(problems, "missing diagnostic: "+w.String())
			continue
		}
		used[i] = true
	}
	for i, d := range got {
		if !used[i] {
			problems = append(problems, "unexpected diagnostic: "+formatDiag(d))
		}
	}
	return problems
}

func matchDiag(w Diag, got diag.List, used []bool) int {
	for i, d := range got {
		line, col := max(d.Line, 1), max(d.Col, 1)
		if !used[i] && line == w.Line && col == w.Col && d.Severity.String() == w.Severity && strings.Contains(d.Msg, w.Text) {
			return i
		}
	}
	return -1
}

// formatDiag prints a diagnostic in want.diag's form, ready to paste.
func formatDiag(d diag.Diagnostic) string {
	return fmt.Sprintf("%d:%d: %s: %s", max(d.Line, 1), max(d.Col, 1), d.Severity, d.Msg)
}

// CheckOutcome says whether generation went the way the case expects:
// files and no errors, or (want.fail) errors and no files.
func (c *Case) CheckOutcome(res generator.Result) string {
	switch {
	case c.WantFail && (!res.Diags.HasErrors() || len(res.Files) > 0):
		return fmt.Sprintf("want.fail: generation must fail with errors and no files; got %d files", len(res.Files))
	case !c.WantFail && (res.Diags.HasErrors() || len(res.Files) == 0):
		return fmt.Sprintf("generation failed: %d files, errors:\n%s", len(res.Files), diagLines(res.Diags))
	}
	return ""
}

func diagLines(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(formatDiag(d) + "\n")
	}
	return b.String()
}
