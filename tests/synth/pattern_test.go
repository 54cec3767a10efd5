package synth

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestMatchPattern(t *testing.T) {
	for _, c := range []struct {
		value, pattern string
		minLen, maxLen int
		want           string // "" for any value that matches
	}{
		{"sample id", `^(0|[1-9][0-9]*)$`, 0, -1, "0"},
		{"sample sid", `^MG[0-9a-fA-F]{32}$`, 34, 34, "MG" + strings.Repeat("a", 32)},
		{"sample username", `^[a-z0-9_]{3,32}$`, 0, -1, "aaa"},
		{"", `^[a-z]+$`, 5, -1, "aaaaa"},
		{"", `^\d{3}-\d{4}$`, 0, -1, "000-0000"},
		{"", `^(?i)ab+c?$`, 0, -1, ""},
		{"", `^[^/]+$`, 0, -1, ""},
		{"kept", `^k`, 0, -1, "kept"},
		// A value matching the pattern is kept.
		{"jane_doe", `^[a-z_]+$`, 0, -1, "jane_doe"},
		// Go cannot compile lookahead: the value is left alone.
		{"left", `^(?!x).*$`, 0, -1, "left"},
		// No value of this pattern fits in 2 characters: left alone.
		{"toolong", `^[a-z]{3}$`, 0, 2, "toolong"},
	} {
		got := matchPattern(c.value, c.pattern, c.minLen, c.maxLen)
		if c.want != "" && got != c.want {
			t.Errorf("matchPattern(%q, %q) = %q, want %q", c.value, c.pattern, got, c.want)
		}
		if c.want == "" && !regexp.MustCompile(c.pattern).MatchString(got) {
			t.Errorf("matchPattern(%q, %q) = %q, which does not match", c.value, c.pattern, got)
		}
	}
}

// TestPatternInEveryMode: every instance of a string with a pattern
// matches it, whatever the mode and flavour of scalar values.
func TestPatternInEveryMode(t *testing.T) {
	maxLen := uint64(34)
	ref := openapi3.NewSchemaRef("", &openapi3.Schema{
		Type:      &openapi3.Types{openapi3.TypeString},
		Pattern:   `^MG[0-9a-fA-F]{32}$`,
		MinLength: 34,
		MaxLength: &maxLen,
	})
	re := regexp.MustCompile(ref.Value.Pattern)
	s := New(&openapi3.T{})
	values := s.Cover(ref, Request)
	for _, m := range []Mode{First, Nulls, Last} {
		values = append(values, s.Make(ref, m, Request))
	}
	if len(values) < flavours {
		t.Fatalf("%d values, want one per flavour at least", len(values))
	}
	for _, v := range values {
		str, _ := v.(string)
		if !re.MatchString(str) || utf8.RuneCountInString(str) != 34 {
			t.Errorf("%q does not match %s in 34 characters", v, re)
		}
	}
}
