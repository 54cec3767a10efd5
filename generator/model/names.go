package model

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// commonInitialisms are written in upper case in Go names, as golint and
// the standard library do.
var commonInitialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "CSV": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true,
	"JSON": true, "JWT": true, "LHS": true, "OS": true, "PDF": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SDK": true, "SLA": true, "SMS": true, "SMTP": true, "SQL": true, "SSH": true,
	"SSO": true, "TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true,
	"URI": true, "URL": true, "UTC": true, "UTF8": true, "UUID": true, "VM": true, "XML": true,
	"XMPP": true, "XSRF": true, "XSS": true, "2FA": true, "KYC": true, "OTP": true, "AI": true, "DM": true,
}

// asciiRunes folds a spec name to ASCII, so that identifiers and file
// names are ASCII whatever the spec's language: accents are dropped
// (Ärger gives Arger), and any other letter or digit becomes a word of its
// own spelling its code point (日本 gives U65e5 U672c), which keeps
// different names different.
func asciiRunes(s string) []rune {
	var out []rune
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < utf8.RuneSelf:
			out = append(out, r)
		case unicode.Is(unicode.Mn, r):
			// A combining mark left by the decomposition of an accented letter.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out = append(out, ' ')
			out = append(out, []rune(fmt.Sprintf("U%04x", r))...)
			out = append(out, ' ')
		default:
			out = append(out, ' ')
		}
	}
	return out
}

// splitWords breaks a spec name into ASCII words at punctuation, spaces
// and lower-to-upper case changes: "page_info" and "pageInfo" both give
// [page info]; "APIKey" gives [API Key].
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	runes := asciiRunes(s)
	for i, r := range runes {
		if !isASCIILetter(r) && !isASCIIDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && isUpper(r) {
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(runes) && isLower(runes[i+1])
			if isLower(prev) || isASCIIDigit(prev) || (isUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

func isUpper(r rune) bool       { return 'A' <= r && r <= 'Z' }
func isLower(r rune) bool       { return 'a' <= r && r <= 'z' }
func isASCIILetter(r rune) bool { return isUpper(r) || isLower(r) }
func isASCIIDigit(r rune) bool  { return '0' <= r && r <= '9' }

// GoName turns a spec name into an exported ASCII Go identifier: words
// capitalised, initialisms upper-cased (ID, URL), punctuation dropped, a
// leading digit prefixed with X. It never returns an empty or invalid name.
func GoName(s string) string {
	var b strings.Builder
	for _, w := range splitWords(s) {
		b.WriteString(wordCase(w))
	}
	name := b.String()
	if name == "" {
		return symbolName(s)
	}
	if !isUpper(rune(name[0])) {
		name = "X" + name
	}
	return name
}

// symbolName names a spec name with no letter or digit by its symbols:
// "" is Empty, "-" Dash, "$" Dollar, "+1"... has a digit and is not one.
func symbolName(s string) string {
	if s == "" {
		return "Empty"
	}
	var b strings.Builder
	for _, r := range s {
		if w, ok := symbolWords[r]; ok {
			b.WriteString(w)
		}
	}
	if b.Len() == 0 || b.Len() > 40 {
		return "X"
	}
	return b.String()
}

var symbolWords = map[rune]string{
	'-': "Dash", '+': "Plus", '.': "Dot", '_': "Underscore", '$': "Dollar", '@': "At", '#': "Hash",
	'*': "Star", '/': "Slash", '~': "Tilde", '!': "Bang", '%': "Percent", '&': "And", ',': "Comma",
	':': "Colon", ';': "Semicolon", '=': "Equals", '?': "Question", '|': "Pipe", '^': "Caret",
	'<': "Less", '>': "Greater", '(': "Paren", ')': "Paren", '[': "Bracket", ']': "Bracket",
	'{': "Brace", '}': "Brace", ' ': "Space", '"': "Quote", '\'': "Apostrophe", '\\': "Backslash",
	'`': "Backtick",
}

// wordCase writes one word: an initialism in capitals, its plural as IDs,
// anything else capitalised.
func wordCase(w string) string {
	up := strings.ToUpper(w)
	if commonInitialisms[up] {
		return up
	}
	if strings.HasSuffix(up, "S") && len(up) > 2 && commonInitialisms[up[:len(up)-1]] {
		return up[:len(up)-1] + "s"
	}
	return strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
}

// LowerName turns a spec name into an unexported ASCII Go identifier, in
// the form of a parameter name: resource_id gives resourceID. It may be a
// keyword or predeclared name; the namer keeps arguments clear of those.
func LowerName(s string) string {
	words := splitWords(s)
	if len(words) == 0 {
		return "x"
	}
	var b strings.Builder
	b.WriteString(strings.ToLower(words[0]))
	for _, w := range words[1:] {
		b.WriteString(wordCase(w))
	}
	name := b.String()
	if !isLower(rune(name[0])) {
		name = "x" + name
	}
	return name
}

// SnakeCase writes a spec name as lower-case ASCII words joined by
// underscores, for file names: adCampaigns gives ad_campaigns.
func SnakeCase(s string) string {
	words := splitWords(s)
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return strings.Join(words, "_")
}

// isGoReserved reports whether name is a keyword or a predeclared
// identifier, which a declaration must not shadow.
func isGoReserved(name string) bool {
	return token.IsKeyword(name) || predeclared[name]
}

var predeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true, "complex64": true, "complex128": true,
	"error": true, "float32": true, "float64": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "rune": true, "string": true, "uint": true, "uint8": true,
	"uint16": true, "uint32": true, "uint64": true, "uintptr": true, "true": true, "false": true,
	"iota": true, "nil": true, "append": true, "cap": true, "clear": true, "close": true,
	"complex": true, "copy": true, "delete": true, "imag": true, "len": true, "make": true,
	"max": true, "min": true, "new": true, "panic": true, "print": true, "println": true,
	"real": true, "recover": true,
}
