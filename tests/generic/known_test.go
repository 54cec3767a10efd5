package generic

import (
	"slices"
	"testing"
)

func TestKnownDefects(t *testing.T) {
	saved := knownDefects
	defer func() { knownDefects = saved }()
	knownDefects = []knownDefect{{spec: "s", reason: "r", ops: []string{"GET /a", "GET /b"}}}
	failures := []string{
		"GET /a (variants): response: /x: missing",
		"GET /a/{id} (first): response: /y: missing", // another operation
		"GET /c: no method",
	}
	known, rest := splitKnown("s", failures)
	if !slices.Equal(known, failures[:1]) || !slices.Equal(rest, failures[1:]) {
		t.Errorf("splitKnown: known %q, rest %q", known, rest)
	}
	if known, _ := splitKnown("other", failures); known != nil {
		t.Errorf("another spec's failures are known: %q", known)
	}
	if got := fixedOperations("s", failures); !slices.Equal(got, []string{"GET /b"}) {
		t.Errorf("fixedOperations = %q, want GET /b", got)
	}
}
