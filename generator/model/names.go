package model

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
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

// splitWords breaks a spec name into words at punctuation, spaces and
// lower-to-upper case changes: "page_info" and "pageInfo" both give
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
	runes := []rune(s)
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && unicode.IsUpper(r) {
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// GoName turns a spec name into an exported Go identifier: words
// capitalised, initialisms upper-cased (ID, URL), punctuation dropped, a
// leading digit prefixed. It never returns an empty or invalid name.
func GoName(s string) string {
	var b strings.Builder
	for _, w := range splitWords(s) {
		b.WriteString(wordCase(w))
	}
	name := b.String()
	if name == "" {
		return "X"
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsLetter(r) {
		name = "X" + name
	} else if !unicode.IsUpper(r) {
		// A letter with no upper case (CJK, say) cannot export the name.
		name = "X" + name
	}
	return name
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
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[size:])
}

// LowerName turns a spec name into an unexported Go identifier usable as
// a parameter name, avoiding keywords and predeclared names.
func LowerName(s string) string {
	words := splitWords(s)
	if len(words) == 0 {
		return "x"
	}
	var b strings.Builder
	first := strings.ToLower(words[0])
	if commonInitialisms[strings.ToUpper(words[0])] {
		first = strings.ToLower(words[0])
	}
	b.WriteString(first)
	for _, w := range words[1:] {
		b.WriteString(wordCase(w))
	}
	name := b.String()
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsLetter(r) {
		name = "x" + name
	}
	if token.IsKeyword(name) || predeclared[name] {
		name += "_"
	}
	return name
}

var predeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "error": true, "string": true, "int": true,
	"len": true, "cap": true, "new": true, "make": true, "nil": true, "true": true, "false": true,
	"url": true, "http": true, "json": true, "time": true, "ctx": true, "params": true, "opts": true,
	"fmt": true, "strconv": true, "context": true, "iter": true, "io": true,
}

// Singular turns an English plural resource name into its singular form:
// companies -> company, statuses -> status, access -> access.
func Singular(s string) string {
	lower := strings.ToLower(s)
	switch {
	case strings.HasSuffix(lower, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(lower, "sses"), strings.HasSuffix(lower, "uses"), strings.HasSuffix(lower, "xes"),
		strings.HasSuffix(lower, "ches"), strings.HasSuffix(lower, "shes"), strings.HasSuffix(lower, "zes"):
		return s[:len(s)-2]
	case strings.HasSuffix(lower, "ss"), strings.HasSuffix(lower, "us"), strings.HasSuffix(lower, "is"):
		return s
	case strings.HasSuffix(lower, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}
