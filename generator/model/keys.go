package model

import (
	"strconv"
	"strings"
)

// A key names a spec element independently of the Go names it gets, so
// that a later generation can find the element again and keep its names
// (see the manifest). Keys are built from where an element is defined:
//
//	schemas/User                   a component schema (also parameters/X,
//	                               responses/X, requestBodies/X, headers/X)
//	schemas/User.address           the property address of User
//	schemas/User.tags[]            the items of a list, {} the values of a map
//	schemas/Pet|Cat                a variant of a union
//	GET /users                     an operation; with " params", " body" or
//	                               " response", its parameters, body or response
//	GET /users params.query:after  a parameter field of the params type
//	webhook invoice.created        a webhook's payload
//
// A name with characters the key uses itself is quoted.

func propKey(parent, name string) string { return parent + "." + keyPart(name) }
func itemsKey(parent string) string      { return parent + "[]" }
func valuesKey(parent string) string     { return parent + "{}" }
func variantKey(parent, label string) string {
	return parent + "|" + keyPart(label)
}

// paramKey is the key of a parameter's field in a params type.
func paramKey(parent, in, name string) string {
	return parent + "." + in + ":" + keyPart(name)
}

func keyPart(s string) string {
	if s == "" || strings.ContainsAny(s, ".[]{}|:\" \t\n\\") {
		return strconv.Quote(s)
	}
	return s
}

// describe turns a key into words for diagnostics and reports: "property
// address of schema User", "the response of GET /users".
func describe(key string) string {
	base, steps := splitKey(key)
	what := describeRoot(base)
	for _, s := range steps {
		switch {
		case s == "[]":
			what = "the items of " + what
		case s == "{}":
			what = "the values of " + what
		case strings.HasPrefix(s, "|"):
			what = "variant " + s[1:] + " of " + what
		default:
			name := s[1:]
			if in, param, ok := strings.Cut(name, ":"); ok && !strings.HasPrefix(name, "\"") {
				what = in + " parameter " + param + " of " + strings.TrimPrefix(what, "the parameters of ")
			} else {
				what = "property " + name + " of " + what
			}
		}
	}
	return what
}

// Describe is describe for other packages: the report of -diff names spec
// elements by it.
func Describe(key string) string { return describe(key) }

func describeRoot(base string) string {
	for _, kind := range [...]struct{ prefix, word string }{
		{"schemas/", "schema "}, {"parameters/", "shared parameter "}, {"responses/", "shared response "},
		{"requestBodies/", "shared request body "}, {"headers/", "shared header "}, {"webhook ", "the payload of webhook "},
	} {
		if name, ok := strings.CutPrefix(base, kind.prefix); ok {
			return kind.word + name
		}
	}
	for _, role := range [...]struct{ suffix, word string }{
		{" params", "the parameters of "}, {" response", "the response of "}, {" body", "the request body of "},
	} {
		if op, ok := strings.CutSuffix(base, role.suffix); ok {
			return role.word + op
		}
	}
	return base
}

// splitKey cuts a key into its root and its steps (".name", "[]", "{}",
// "|label"), honouring quoted names.
func splitKey(key string) (string, []string) {
	// The root ends at the first step outside an operation's path, which
	// is after " params", " body" or " response" for operation keys.
	start := 0
	if i := strings.LastIndex(key, " "); i >= 0 && (strings.HasPrefix(key[i:], " params") || strings.HasPrefix(key[i:], " body") || strings.HasPrefix(key[i:], " response")) {
		start = i + 1
	} else if strings.HasPrefix(key, "webhook ") {
		start = len("webhook ")
	}
	root := len(key)
	for i := start; i < len(key); i++ {
		if key[i] == '"' { // a quoted name: its dots are its own
			for i++; i < len(key) && key[i] != '"'; i++ {
				if key[i] == '\\' {
					i++
				}
			}
			continue
		}
		if strings.ContainsRune(".[{|", rune(key[i])) {
			root = i
			break
		}
	}
	base, rest := key[:root], key[root:]
	var steps []string
	for rest != "" {
		switch {
		case strings.HasPrefix(rest, "[]"), strings.HasPrefix(rest, "{}"):
			steps, rest = append(steps, rest[:2]), rest[2:]
		default:
			end := stepEnd(rest)
			steps, rest = append(steps, rest[:end]), rest[end:]
		}
	}
	return base, steps
}

// stepEnd finds the end of a ".name" or "|label" step at the start of s.
// A quoted name ends the step at its closing quote.
func stepEnd(s string) int {
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '"':
			for j := i + 1; j < len(s); j++ {
				if s[j] == '\\' {
					j++
					continue
				}
				if s[j] == '"' {
					return j + 1
				}
			}
			return len(s)
		case strings.ContainsRune(".[{|", rune(s[i])):
			return i
		}
	}
	return len(s)
}

// CanonicalKey writes a key with the parameter names of its operation's
// path left out: "GET /pets/{} response". OpenAPI counts /pets/{id} and
// /pets/{pet_id} as one path, so renaming a path parameter changes no
// element.
func CanonicalKey(key string) string {
	i := strings.Index(key, " /")
	if i < 0 || !isHTTPMethod(key[strings.LastIndexByte(key[:i], ' ')+1:i]) {
		return key
	}
	end := len(key)
	if j := strings.IndexByte(key[i+1:], ' '); j >= 0 {
		end = i + 1 + j
	}
	return key[:i+1] + PathTemplate.ReplaceAllString(key[i+1:end], "{}") + key[end:]
}

func isHTTPMethod(word string) bool {
	return word != "" && strings.ToUpper(word) == word && strings.Trim(word, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}
