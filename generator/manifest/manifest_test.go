package manifest

import (
	"maps"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	entries := []Entry{
		{"const schemas/AccessLevel \"admin\"", "AccessLevelAdmin"},
		{"field GET /users params.query:ids", "IDs2"},
		{"type schemas/User", "User"},
	}
	data := Format([]string{"header one", "header two"}, entries)
	if !strings.HasPrefix(string(data), "# header one\n# header two\n") {
		t.Errorf("header not written as comments:\n%s", data)
	}
	pins, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, e := range entries {
		want[e.Key] = e.Name
	}
	if !maps.Equal(pins, want) {
		t.Errorf("Parse(Format(x)) = %v, want %v", pins, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"no tab here\n", "type schemas/User\tnot-an-ident\n", "\tUser\n"} {
		if _, err := Parse([]byte(bad)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("Parse(%q): err = %v, want an error at line 1", bad, err)
		}
	}
}
