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
		"":                 "Empty",
		"日本":               "U65e5U672c",
		"ünïcode":          "Unicode",
		"Ärger":            "Arger",
		"type":             "Type",
		"HTTPSProxy":       "HTTPSProxy",
		"url":              "URL",
		"$ref":             "Ref",
		"@type":            "Type",
		"a,b":              "AB",
		`q"x`:              "QX",
		"-":                "Dash",
		"__":               "UnderscoreUnderscore",
		"\u2603":           "X",
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
		"func":        "func",
		"ctx":         "ctx",
		"1st":         "x1st",
		"ID":          "id",
		"Ärger":       "arger",
	}
	for in, want := range tests {
		if got := LowerName(in); got != want {
			t.Errorf("LowerName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{"adCampaigns": "ad_campaigns", "AIChats": "ai_chats", "course-lessons": "course_lessons", "Ärger": "arger"} {
		if got := SnakeCase(in); got != want {
			t.Errorf("SnakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// pairs are singular and plural forms Singular and Plural must turn into
// each other.
var pairs = [][2]string{
	{"company", "companies"}, {"status", "statuses"}, {"user", "users"}, {"box", "boxes"},
	{"course", "courses"}, {"house", "houses"}, {"movie", "movies"}, {"class", "classes"},
	{"address", "addresses"}, {"match", "matches"}, {"dish", "dishes"}, {"cache", "caches"},
	{"size", "sizes"}, {"quiz", "quizzes"}, {"buzz", "buzzes"}, {"key", "keys"}, {"day", "days"},
	{"person", "people"}, {"child", "children"}, {"index", "indices"}, {"analysis", "analyses"},
	{"wolf", "wolves"}, {"archive", "archives"}, {"hero", "heroes"}, {"shoe", "shoes"},
	{"alias", "aliases"}, {"bus", "buses"}, {"response", "responses"}, {"database", "databases"},
	{"invoice", "invoices"}, {"cookie", "cookies"}, {"tie", "ties"}, {"criterion", "criteria"},
}

// invariant words are their own singular and plural.
var invariant = []string{"news", "series", "species", "data", "metadata", "access", "info", "feedback", "sms"}

func TestSingularPlural(t *testing.T) {
	for _, p := range pairs {
		if got := Singular(p[1]); got != p[0] {
			t.Errorf("Singular(%q) = %q, want %q", p[1], got, p[0])
		}
		if got := Plural(p[0]); got != p[1] {
			t.Errorf("Plural(%q) = %q, want %q", p[0], got, p[1])
		}
	}
	for _, w := range invariant {
		if Singular(w) != w || Plural(w) != w {
			t.Errorf("%q: Singular gives %q, Plural %q; want it unchanged", w, Singular(w), Plural(w))
		}
	}
}

func TestSingularKeepsTheRestOfTheName(t *testing.T) {
	for in, want := range map[string]string{
		"card_transactions":    "card_transaction",
		"ShippingAddresses":    "ShippingAddress",
		"CourseChapters":       "CourseChapter",
		"USERS":                "USER",
		"APIKeys":              "APIKey",
		"UserListPageData":     "UserListPageData",
		"PaymentMethodStatus":  "PaymentMethodStatus",
		"companies2":           "companies2",
		"LeaderboardEntries":   "LeaderboardEntry",
		"MembershipCompanies":  "MembershipCompany",
		"ReviewAttachments":    "ReviewAttachment",
		"DisputeAlertStatuses": "DisputeAlertStatus",
	} {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzGoName: whatever a spec calls something, the Go name is a valid,
// exported ASCII identifier, and the lower name a valid ASCII identifier.
func FuzzGoName(f *testing.F) {
	for _, s := range []string{"user_id", "2fa", "日本", "", "type", "a-b", "A B", "__", "ID", "x\u0301y", "Ⅻ", "ǅ", "ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name := GoName(s)
		if !token.IsIdentifier(name) || !token.IsExported(name) || !isASCII(name) {
			t.Errorf("GoName(%q) = %q: not an exported ASCII identifier", s, name)
		}
		if GoName(s) != name {
			t.Errorf("GoName(%q) is not deterministic", s)
		}
		lower := LowerName(s)
		if !(token.IsIdentifier(lower) || token.IsKeyword(lower)) || token.IsExported(lower) || !isASCII(lower) {
			t.Errorf("LowerName(%q) = %q: not an unexported ASCII identifier", s, lower)
		}
		if one := Singular(s); len(one) > len(s)+2 {
			t.Errorf("Singular(%q) = %q grew", s, one)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func TestCanonicalKey(t *testing.T) {
	for key, want := range map[string]string{
		"method GET /users/{id}":                        "method GET /users/{}",
		"field GET /users/{user_id} params.query:after": "field GET /users/{} params.query:after",
		"type schemas/User":                             "type schemas/User",
		"field POST /a/{id} body:{x}":                   "field POST /a/{} body:{x}", // only the path's
	} {
		if got := CanonicalKey(key); got != want {
			t.Errorf("CanonicalKey(%q) = %q, want %q", key, got, want)
		}
	}
}
