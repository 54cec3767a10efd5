package emit

import (
	"fmt"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	in := "A long sentence that goes on and on well past the eighty columns a Go comment should keep to, surely.\n\nRequired permissions:\n - `user:profile:update`\n\tGET /users\nclose */ here"
	want := strings.Join([]string{
		"A long sentence that goes on and on well past the eighty columns a Go comment",
		"should keep to, surely.",
		"",
		"Required permissions:",
		" - `user:profile:update`",
		"\tGET /users",
		"close * / here",
	}, "\n")
	if got := wrap(in, 80); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestLineComments(t *testing.T) {
	got := fmt.Sprintf("%#v", lineComments("first\n\n\tcode"))
	for _, want := range []string{"// first", "//\n", "//\tcode"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
}

func TestTypeDoc(t *testing.T) {
	for desc, want := range map[string]string{
		"A user account.":         "User is a user account.",
		"The user.":               "User is the user.",
		"User is a person.":       "User is a person.",
		"Represents a person.":    "User represents a person.",
		"Sent when a user joins.": "User is sent when a user joins.",
		"Meta ad settings.":       "User: Meta ad settings.",
		"":                        "",
	} {
		if got := typeDoc("User", desc); got != want {
			t.Errorf("typeDoc(%q) = %q, want %q", desc, got, want)
		}
	}
}
