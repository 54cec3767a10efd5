package apichange

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/whopgen/whopgen/generator/model"
)

// The report names spec elements as a person reading the spec would:
// "schema User", "property `address.city` of schema User", "query
// parameter `after` of GET /users", "the response of GET /users". It reads
// the element keys of the manifest (see generator/model/keys.go), the one
// name of an element that does not depend on Go.

// place describes the element with the given key (without the kind prefix
// of a manifest line).
func (x *index) place(key string) string {
	root, steps := x.splitKey(x.spelled(key))
	what := rootWords(root)
	opRoot, isParams := strings.CutSuffix(root, " params")
	var path []string // property names not yet written, outermost first
	flush := func() {
		if len(path) == 0 {
			return
		}
		last := path[len(path)-1]
		var wrap []string
		for {
			if s, ok := strings.CutSuffix(last, "[]"); ok {
				last, wrap = s, append(wrap, "the items of ")
			} else if s, ok := strings.CutSuffix(last, "{}"); ok {
				last, wrap = s, append(wrap, "the values of ")
			} else {
				break
			}
		}
		path[len(path)-1] = last
		what = "property `" + strings.Join(path, ".") + "` of " + what
		for _, w := range wrap {
			what = w + what
		}
		path = nil
	}
	for i, s := range steps {
		switch {
		case s == "[]" || s == "{}":
			if len(path) == 0 {
				what = map[string]string{"[]": "the items of ", "{}": "the values of "}[s] + what
			} else {
				path[len(path)-1] += s
			}
		case strings.HasPrefix(s, "|"):
			flush()
			what = variantWords(unquote(s[1:])) + " of " + what
		case isParams && i == 0:
			name := s[1:]
			if in, param, ok := strings.Cut(name, ":"); ok && !strings.HasPrefix(name, `"`) {
				what = in + " parameter `" + unquote(param) + "` of " + opRoot
			} else {
				what = "the request body of " + opRoot
				path = append(path, unquote(name))
			}
		default:
			path = append(path, unquote(s[1:]))
		}
	}
	flush()
	return what
}

// variantWords names a union variant by its label: the schema it refers
// to, its title, or, for a variant with neither, its position.
func variantWords(label string) string {
	n, err := strconv.Atoi(label)
	if err != nil || n < 0 {
		return "variant " + label
	}
	ordinals := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if n < len(ordinals) {
		return "the " + ordinals[n] + " variant"
	}
	return fmt.Sprintf("variant number %d", n+1)
}

// rootWords names the element a key starts from.
func rootWords(root string) string {
	for _, kind := range [...]struct{ prefix, word string }{
		{"schemas/", "schema "}, {"parameters/", "shared parameter "}, {"responses/", "shared response "},
		{"requestBodies/", "shared request body "}, {"headers/", "shared header "},
	} {
		if name, ok := strings.CutPrefix(root, kind.prefix); ok {
			return kind.word + name
		}
	}
	if name, ok := strings.CutPrefix(root, "webhook "); ok {
		return "the payload of webhook `" + name + "`"
	}
	for _, role := range [...]struct{ suffix, word string }{
		{" params", "the parameters of "}, {" response", "the response of "}, {" body", "the request body of "},
	} {
		if op, ok := strings.CutSuffix(root, role.suffix); ok {
			return role.word + op
		}
	}
	if root == "webhooks" {
		return "the webhook event union"
	}
	return root
}

// splitKey cuts a key into its root and its steps (".name", "[]", "{}",
// "|label"). The root of an operation's element ends after its role
// (" params", " body", " response"), since a path holds dots and braces;
// a webhook's ends after the longest webhook name the key starts with,
// since event names hold dots.
func (x *index) splitKey(key string) (string, []string) {
	start := 0
	if method, rest, ok := strings.Cut(key, " /"); ok && !strings.Contains(method, "/") {
		for _, role := range []string{" params", " body", " response"} {
			if i := strings.Index(rest, role); i >= 0 && (start == 0 || len(method)+2+i+len(role) < start) {
				start = len(method) + 2 + i + len(role)
			}
		}
	}
	for _, w := range x.webhooks {
		if strings.HasPrefix(key, w) && (len(key) == len(w) || strings.ContainsRune(".[{|", rune(key[len(w)]))) && len(w) > start {
			start = len(w)
		}
	}
	end := len(key)
	if i := strings.IndexAny(key[start:], ".[{|"); i >= 0 {
		end = start + i
	}
	root, rest := key[:end], key[end:]
	var steps []string
	for rest != "" {
		n := stepLen(rest)
		steps, rest = append(steps, rest[:n]), rest[n:]
	}
	return root, steps
}

// stepLen is the length of the step rest starts with. A quoted name ends
// at its closing quote.
func stepLen(rest string) int {
	if strings.HasPrefix(rest, "[]") || strings.HasPrefix(rest, "{}") {
		return 2
	}
	for i := 1; i < len(rest); i++ {
		switch {
		case rest[i] == '"':
			if q, err := strconv.QuotedPrefix(rest[i:]); err == nil {
				i += len(q) - 1
			}
		case strings.ContainsRune(".[{|", rune(rest[i])):
			return i
		}
	}
	return len(rest)
}

// unquote undoes the quoting of a key part that holds the key's own
// punctuation.
func unquote(s string) string {
	if u, err := strconv.Unquote(s); err == nil && strings.HasPrefix(s, `"`) {
		return u
	}
	return s
}

// typePlace describes a named type: a component by its name, the
// parameters of an operation, or the inline schema it was made from.
func (x *index) typePlace(t *model.Type) string {
	root, steps := x.splitKey(t.Key)
	if len(steps) == 0 && (strings.HasPrefix(root, "schemas/") || strings.HasSuffix(root, " params") || root == "webhooks") {
		// A component schema, the parameters of an operation (a type the
		// generator makes), or the union of webhook events.
		return rootWords(root)
	}
	return "the inline " + kindWord(t) + " of " + x.place(t.Key)
}

func kindWord(t *model.Type) string {
	switch t.Kind {
	case model.TypeStruct:
		return "object"
	case model.TypeEnum:
		return "enum"
	case model.TypeUnion:
		return "union"
	}
	return "schema"
}

// memberPlace describes the element a member key (a field or variant,
// without its kind) names, saying whether only requests or only
// responses carry it when the place alone does not tell.
func (x *index) memberPlace(key string, owner *model.Type) string {
	p := x.place(key)
	root, _ := x.splitKey(x.spelled(key))
	if !strings.HasPrefix(p, "property ") || strings.Contains(root, " /") || strings.HasPrefix(root, "webhook") {
		return p // an operation's or a webhook's: the place says the direction
	}
	switch {
	case owner.Request && !owner.Response:
		return "request " + p
	case owner.Response && !owner.Request:
		return "response " + p
	}
	return p
}

// typeWords describes a Go type in the spec's words; at is the key of the
// element holding it, so that a type defined right there reads as inline.
func (x *index) typeWords(g *model.GoType, at string) string {
	if g == nil {
		return "nothing"
	}
	switch g.Kind {
	case model.KindString:
		return "string"
	case model.KindInt64, model.KindInt32:
		return "integer"
	case model.KindFloat64, model.KindFloat32:
		return "number"
	case model.KindBool:
		return "boolean"
	case model.KindTime:
		return "date-time"
	case model.KindBytes:
		return "bytes"
	case model.KindReader:
		return "a stream of bytes"
	case model.KindSlice:
		return "array of " + x.typeWords(g.Elem, at+"[]")
	case model.KindMap:
		return "map of " + x.typeWords(g.Elem, at+"{}")
	case model.KindNullableElem:
		return x.typeWords(g.Elem, at) + " or null"
	case model.KindNamed:
		if x.canonical(g.Named.Key) == x.canonical(at) {
			return "an inline " + kindWord(g.Named)
		}
		return x.typePlace(g.Named)
	}
	return "any JSON value"
}
