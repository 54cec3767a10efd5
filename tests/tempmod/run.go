package tempmod

import (
	"flag"
	"regexp"
)

// Selected reports whether the -run pattern of the test binary can select
// a subtest named name of a top-level test, so that a suite of generated
// packages builds only the ones the run asks for. It errs on the side of
// selecting: the testing package still decides which subtests run.
func Selected(name string) bool {
	f := flag.Lookup("test.run")
	if f == nil {
		return true
	}
	return selectedBy(f.Value.String(), name)
}

// selectedBy reports whether the -run pattern can select the subtest name.
// The subtest level of the pattern is one regular expression, as the
// testing package reads it: "(a|b)" is not split at its "|".
func selectedBy(pattern, name string) bool {
	parts := splitPattern(pattern)
	if len(parts) < 2 {
		return true
	}
	re, err := regexp.Compile(parts[1])
	return err != nil || re.MatchString(name)
}

// splitPattern splits a -run pattern at the slashes that separate subtest
// levels, as the testing package does: not inside brackets or parentheses.
func splitPattern(p string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case '\\':
			i++
		case '/':
			if depth == 0 {
				parts = append(parts, p[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, p[start:])
}
