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
		"A user account.":                               "User is a user account.",
		"The user.":                                     "User is the user.",
		"User is a person.":                             "User is a person.",
		"Represents a person.":                          "User represents a person.",
		"Sent when a user joins.":                       "User is sent when a user joins.",
		"Meta ad settings.":                             "User: Meta ad settings.",
		"A user represents a person on Whop.":           "User represents a person on Whop.",
		"An app is an integration built on Whop.":       "User is an integration built on Whop.",
		"A saved card payment method.":                  "User is a saved card payment method.",
		"The user who owns this, or null. It is.":       "User is the user who owns this, or null. It is.",
		"A short-lived access token used to act as":     "User is a short-lived access token used to act as",
		"The experience this chat feed is attached to.": "User is the experience this chat feed is attached to.",
		"A checkout configuration is a reusable one.":   "User is a reusable one.",
		"": "",
	} {
		if got := typeDoc("User", desc); got != want {
			t.Errorf("typeDoc(%q) = %q, want %q", desc, got, want)
		}
	}
}

func TestCleanDoc(t *testing.T) {
	for desc, want := range map[string]string{
		"Represents textual data as UTF-8 character sequences. This\n type is most often used by GraphQL to represent free-form human-readable text.": "",
		"Represents `true` or `false` values.":                   "",
		"Whether it is on. Represents `true` or `false` values.": "Whether it is on.",
		"The connection type for AdCampaign.":                    "",
		"Parameters for UpdateUser":                              "",
		"Parameters for updates, as a list.":                     "Parameters for updates, as a list.",
		"The name.":                                              "The name.",
	} {
		if got := cleanDoc(desc); got != want {
			t.Errorf("cleanDoc(%q) = %q, want %q", desc, got, want)
		}
	}
}
