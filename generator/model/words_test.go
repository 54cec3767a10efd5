package model

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitWords(t *testing.T) {
	for in, want := range map[string][]string{
		"page_info":       {"page", "info"},
		"pageInfo":        {"page", "Info"},
		"APIKey":          {"API", "Key"},
		"HTTPSProxy":      {"HTTPS", "Proxy"},
		"user2fa":         {"user2fa"},
		"v2Users":         {"v2", "Users"},
		"ABC":             {"ABC"},
		"a-b.c d":         {"a", "b", "c", "d"},
		"__x__":           {"x"},
		"Ärger":           {"Arger"},
		"日本":              {"U65e5", "U672c"},
		"":                nil,
		"X":               {"X"},
		"getURLForID":     {"get", "URL", "For", "ID"},
		"already2FAReady": {"already2", "FA", "Ready"},
		"v9Users":         {"v9", "Users"},
		"v0Users":         {"v0", "Users"},
	} {
		if got := splitWords(in); !slices.Equal(got, want) {
			t.Errorf("splitWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordCase(t *testing.T) {
	for in, want := range map[string]string{
		"id": "ID", "ids": "IDs", "urls": "URLs", "IDS": "IDs", "api": "API", "user": "User", "USER": "User",
		"us": "Us", "is": "Is", "oss": "OSs", "2fa": "2FA", "x": "X", "uis": "UIs",
	} {
		if got := wordCase(in); got != want {
			t.Errorf("wordCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSymbolName(t *testing.T) {
	for in, want := range map[string]string{
		"":                      "Empty",
		"-":                     "Dash",
		"+":                     "Plus",
		"$":                     "Dollar",
		"<=>":                   "LessEqualsGreater",
		"()":                    "ParenParen",
		"\u2603":                "X",
		strings.Repeat("-", 11): "X",
		strings.Repeat("-", 10): strings.Repeat("Dash", 10),
		"-\u2603":               "Dash",
	} {
		if got := symbolName(in); got != want {
			t.Errorf("symbolName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := GoName("<=>"); got != "LessEqualsGreater" {
		t.Errorf("GoName(<=>) = %q", got)
	}
}

func TestLowerNameEdges(t *testing.T) {
	for in, want := range map[string]string{
		"":           "x",
		"-":          "x",
		"URLPath":    "urlPath",
		"user_ids":   "userIDs",
		"2nd_place":  "x2ndPlace",
		"type":       "type",
		"X-Trace-Id": "xTraceID",
	} {
		if got := LowerName(in); got != want {
			t.Errorf("LowerName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsGoReserved(t *testing.T) {
	for _, name := range []string{"func", "type", "string", "len", "nil", "any", "error", "iota", "min", "clear"} {
		if !isGoReserved(name) {
			t.Errorf("%s is not reserved", name)
		}
	}
	for _, name := range []string{"user", "params", "String", "ctx", "x"} {
		if isGoReserved(name) {
			t.Errorf("%s is reserved", name)
		}
	}
}

func TestIsSnake(t *testing.T) {
	for _, tc := range []struct {
		s            string
		lower, upper bool
	}{
		{"foo", true, false},
		{"foo_bar", true, false},
		{"foo_2", true, false},
		{"FOO_BAR", false, true},
		{"FOO2", false, true},
		{"Foo", false, false},
		{"_foo", false, false},
		{"foo_", false, false},
		{"foo__bar", false, false},
		{"2foo", false, false},
		{"", false, false},
		{"foo-bar", false, false},
		{"fooBar", false, false},
	} {
		if lowerSnake(tc.s) != tc.lower || upperSnake(tc.s) != tc.upper {
			t.Errorf("%q: lower snake %t, upper snake %t", tc.s, lowerSnake(tc.s), upperSnake(tc.s))
		}
	}
}

func TestSingularPluralEdges(t *testing.T) {
	for in, want := range map[string]string{
		"":            "",
		"s":           "s",
		"is":          "is",
		"ies":         "ie",
		"flies":       "fly",
		"Ties":        "Tie",
		"Movies":      "Movie",
		"COMPANIES":   "COMPANY",
		"buses":       "bus",
		"canvases":    "canvas",
		"irises":      "iris",
		"houses":      "house",
		"bases":       "base",
		"niches":      "niche",
		"churches":    "church",
		"wishes":      "wish",
		"taxes":       "tax",
		"fizzes":      "fizz",
		"boss":        "boss",
		"status":      "status",
		"analysis":    "analysis",
		"user2":       "user2",
		"user_":       "user_",
		"PeopleList":  "PeopleList",
		"Children":    "Child",
		"CHILDREN":    "CHILD",
		"shipping_ID": "shipping_ID",
		"UserIDs":     "UserID",
	} {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"":         "",
		"fly":      "flies",
		"day":      "days",
		"y":        "ys",
		"Company":  "Companies",
		"Child":    "Children",
		"class":    "classes",
		"church":   "churches",
		"wish":     "wishes",
		"tax":      "taxes",
		"fizz":     "fizzes",
		"User":     "Users",
		"USER":     "USERS",
		"user2":    "user2",
		"bus":      "buses",
		"Tie":      "Ties",
		"data":     "data",
		"UserInfo": "UserInfo",
		"axis":     "axes",
		"base":     "bases",
	} {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLastWord(t *testing.T) {
	for _, tc := range []struct {
		s, word string
		start   int
	}{
		{"ShippingAddresses", "Addresses", 8},
		{"card_transactions", "transactions", 5},
		{"APIKeys", "Keys", 3},
		{"USERS", "USERS", 0},
		{"users", "users", 0},
		{"v2users", "users", 2},
		{"user2", "", 5},
		{"", "", 0},
		{"HTTPServer", "Server", 4},
	} {
		word, start := lastWord(tc.s)
		if word != tc.word || start != tc.start {
			t.Errorf("lastWord(%q) = %q, %d; want %q, %d", tc.s, word, start, tc.word, tc.start)
		}
	}
}

func TestMatchCase(t *testing.T) {
	for _, tc := range []struct{ repl, like, want string }{
		{"y", "ies", "y"},
		{"y", "IES", "Y"},
		{"y", "Ies", "Y"},
		{"person", "People", "Person"},
		{"person", "PEOPLE", "PERSON"},
		{"s", "R", "S"},
		{"", "ABC", ""},
		{"abc", "", "abc"},
	} {
		if got := matchCase(tc.repl, tc.like); got != tc.want {
			t.Errorf("matchCase(%q, %q) = %q, want %q", tc.repl, tc.like, got, tc.want)
		}
	}
}
