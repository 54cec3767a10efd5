package model

import (
	"go/token"
	"testing"
)

func TestGoName(t *testing.T) {
	tests := map[string]string{
		"user_id":          "UserID",
		"pageInfo":         "PageInfo",
		"APIKey":           "APIKey",
		"ids":              "IDs",
		"profile_picture":  "ProfilePicture",
		"2fa-Settings":     "X2FASettings",
		"some.dotted-name": "SomeDottedName",
		"":                 "X",
		"日本":               "X日本",
		"ünïcode":          "Ünïcode",
		"type":             "Type",
		"HTTPSProxy":       "HTTPSProxy",
		"url":              "URL",
	}
	for in, want := range tests {
		if got := GoName(in); got != want {
			t.Errorf("GoName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLowerName(t *testing.T) {
	tests := map[string]string{
		"resource_id": "resourceID",
		"func":        "func_",
		"default":     "default_",
		"ctx":         "ctx_",
		"1st":         "x1st",
		"ID":          "id",
	}
	for in, want := range tests {
		if got := LowerName(in); got != want {
			t.Errorf("LowerName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{"companies": "company", "statuses": "status", "access": "access", "users": "user", "boxes": "box", "courses": "course"} {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzGoName: whatever a spec calls something, the Go name is a valid,
// exported identifier, and the parameter name a valid one that is not a
// keyword.
func FuzzGoName(f *testing.F) {
	for _, s := range []string{"user_id", "2fa", "日本", "", "type", "a-b", "A B", "__", "ID", "x\u0301y", "Ⅻ", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name := GoName(s)
		if !token.IsIdentifier(name) || !token.IsExported(name) {
			t.Errorf("GoName(%q) = %q: not an exported identifier", s, name)
		}
		if GoName(s) != name {
			t.Errorf("GoName(%q) is not deterministic", s)
		}
		lower := LowerName(s)
		if !token.IsIdentifier(lower) || token.IsKeyword(lower) {
			t.Errorf("LowerName(%q) = %q: not a usable identifier", s, lower)
		}
	})
}
