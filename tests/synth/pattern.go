package synth

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// Patterns: a string schema with a pattern gets a value that matches it.
// The value the other rules choose is kept when it matches; otherwise
// one is built from the pattern's syntax tree, taking the first
// alternative and the fewest repetitions it can while meeting minLength,
// and checked against the pattern. Patterns Go cannot compile (OpenAPI
// patterns are ECMA-262, which has lookaround) are left alone, as the
// generator leaves them.

// patterns caches compiled patterns, shared by every synthesizer: specs
// repeat a few patterns many times.
var patterns sync.Map // string -> *regexp.Regexp, nil when it does not compile

func compiled(pattern string) *regexp.Regexp {
	if re, ok := patterns.Load(pattern); ok {
		return re.(*regexp.Regexp)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		re = nil
	}
	patterns.Store(pattern, re)
	return re
}

// matchPattern returns s when it matches pattern (or the pattern does not
// compile), else a value built from the pattern with between minLen and
// maxLen characters (maxLen < 0: no bound), else s.
func matchPattern(s, pattern string, minLen, maxLen int) string {
	re := compiled(pattern)
	if re == nil || re.MatchString(s) {
		return s
	}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return s
	}
	tree = tree.Simplify()
	// More repetitions of the unbounded parts until the value is long
	// enough: a pattern like ^[a-z]+$ with minLength 3.
	for _, extra := range []int{0, 1, 2, 4, 8, 16, 32, 64} {
		var b strings.Builder
		if !buildPattern(&b, tree, extra) {
			return s
		}
		v := b.String()
		n := utf8.RuneCountInString(v)
		if n < minLen {
			continue
		}
		if maxLen >= 0 && n > maxLen || !re.MatchString(v) {
			return s
		}
		return v
	}
	return s
}

// buildPattern writes the value of re with extra more repetitions of each
// repeat than its minimum; false when it cannot (a class with no
// printable character, a pattern that matches nothing).
func buildPattern(b *strings.Builder, re *syntax.Regexp, extra int) bool {
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		r, ok := pick(re.Rune)
		if !ok {
			return false
		}
		b.WriteRune(r)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('x')
	case syntax.OpCapture:
		return buildPattern(b, re.Sub[0], extra)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !buildPattern(b, sub, extra) {
				return false
			}
		}
	case syntax.OpAlternate:
		return buildPattern(b, re.Sub[0], extra)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := repeats(re)
		n := lo + extra
		if hi >= 0 {
			n = min(n, hi)
		}
		for range n {
			if !buildPattern(b, re.Sub[0], extra) {
				return false
			}
		}
	case syntax.OpNoMatch:
		return false
	}
	// Anchors, boundaries and empty matches write nothing; the caller
	// checks the result against the pattern.
	return true
}

// repeats is the range of repetitions of a repeat operator; hi < 0 means
// unbounded.
func repeats(re *syntax.Regexp) (lo, hi int) {
	switch re.Op {
	case syntax.OpStar:
		return 0, -1
	case syntax.OpPlus:
		return 1, -1
	case syntax.OpQuest:
		return 0, 1
	}
	return re.Min, re.Max
}

// preferred are the characters a class gives when it has them, so that
// values read like the spec's: letters, then digits.
const preferred = "a0xA1_-"

// pick chooses a character of a class given as lo-hi rune pairs: a
// preferred one, else the first printable ASCII one, else the first.
func pick(ranges []rune) (rune, bool) {
	in := func(r rune) bool {
		for i := 0; i+1 < len(ranges); i += 2 {
			if ranges[i] <= r && r <= ranges[i+1] {
				return true
			}
		}
		return false
	}
	for _, r := range preferred {
		if in(r) {
			return r, true
		}
	}
	for r := rune(0x21); r < 0x7f; r++ {
		if in(r) {
			return r, true
		}
	}
	if len(ranges) == 0 {
		return 0, false
	}
	return ranges[0], true
}
