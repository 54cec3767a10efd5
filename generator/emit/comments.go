package emit

import (
	"regexp"
	"strings"

	"github.com/dave/jennifer/jen"
)

const commentWidth = 80

// comment renders text as a Go comment wrapped at 80 columns. Blank lines
// stay paragraph breaks; lines that start like list items or code stay
// whole.
func comment(text string) *jen.Statement {
	text = strings.TrimSpace(text)
	if text == "" {
		return jen.Null()
	}
	return lineComments(wrap(text, commentWidth))
}

// lineComments renders text as // lines; jennifer would use /* */ for a
// multi-line string, which Go code rarely does.
func lineComments(text string) *jen.Statement {
	var s *jen.Statement
	for _, line := range strings.Split(text, "\n") {
		// A leading "//" makes jennifer print the line as it is.
		switch {
		case line == "":
			line = "//"
		case strings.HasPrefix(line, "\t"):
			line = "//" + line
		default:
			line = "// " + line
		}
		if s == nil {
			s = jen.Comment(line)
		} else {
			s = s.Line().Comment(line)
		}
	}
	return s
}

// wrap reflows each paragraph of text to width columns.
func wrap(text string, width int) string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		para = strings.TrimRight(para, " \t")
		trimmed := strings.TrimLeft(para, " ")
		if para == "" || strings.HasPrefix(para, "\t") || strings.HasPrefix(trimmed, "- ") ||
			strings.HasPrefix(trimmed, "* ") || strings.HasPrefix(para, "    ") {
			out = append(out, strings.ReplaceAll(para, "*/", "* /"))
			continue
		}
		var line strings.Builder
		for _, word := range strings.Fields(para) {
			word = strings.ReplaceAll(word, "*/", "* /")
			if line.Len() > 0 && line.Len()+1+len(word) > width {
				out = append(out, line.String())
				line.Reset()
			}
			if line.Len() > 0 {
				line.WriteByte(' ')
			}
			line.WriteString(word)
		}
		if line.Len() > 0 {
			out = append(out, line.String())
		}
	}
	return strings.Join(collapseBlank(out), "\n")
}

// collapseBlank removes repeated and trailing blank lines.
func collapseBlank(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// typeDoc writes a declaration's doc so that it starts with the name, as Go
// doc comments do: "User is a user account." from "A user account.".
func typeDoc(name, desc string) string {
	desc = strings.TrimSpace(desc)
	if desc == "" {
		return ""
	}
	if strings.HasPrefix(desc, name+" ") {
		return desc
	}
	for _, article := range []string{"A ", "An ", "The "} {
		if rest, ok := strings.CutPrefix(desc, article); ok {
			if pred, ok := predicate(rest); ok {
				// "A payment represents a charge": the sentence is about
				// the type, which it calls by a noun; it reads on after
				// the type's name instead.
				return name + " " + pred
			}
			return name + " is " + strings.ToLower(desc[:1]) + desc[1:]
		}
	}
	verb, _, _ := strings.Cut(desc, " ")
	switch {
	case descriptiveVerbs[verb]:
		return name + " " + strings.ToLower(desc[:1]) + desc[1:]
	case participles[verb]:
		return name + " is " + strings.ToLower(desc[:1]) + desc[1:]
	}
	return name + ": " + desc
}

// predicate finds, in a description that starts with a short noun phrase,
// the verb that follows it ("payment represents a charge" gives
// "represents a charge", "app is an integration" gives "is an
// integration"); ok is false when no verb follows within four words.
func predicate(s string) (string, bool) {
	words := strings.Fields(s)
	for i, w := range words {
		if i == 0 {
			continue
		}
		if predicateVerbs[w] {
			return strings.Join(words[i:], " "), true
		}
		if i > 3 || strings.ContainsAny(w, ".,;:()") || w != strings.ToLower(w) || notNouns[w] || notNouns[words[0]] {
			return "", false
		}
	}
	return "", false
}

// notNouns are words a noun phrase naming a subject does not hold: a
// description that has them ("the experience this feed is attached to")
// is a noun phrase, not a sentence.
var notNouns = map[string]bool{
	"this": true, "that": true, "these": true, "those": true, "which": true, "who": true, "whose": true,
	"of": true, "for": true, "to": true, "in": true, "on": true, "at": true, "by": true, "with": true,
	"from": true, "as": true, "and": true, "or": true, "it": true, "its": true, "their": true,
	"used": true, "being": true, "when": true, "where": true, "if": true, "not": true,
}

// predicateVerbs follow the noun a description names its subject with.
var predicateVerbs = map[string]bool{
	"is": true, "are": true, "represents": true, "contains": true, "describes": true, "holds": true,
	"defines": true, "specifies": true, "indicates": true, "tracks": true, "stores": true, "lists": true,
	"records": true, "captures": true, "links": true, "groups": true, "allows": true, "lets": true,
	"enables": true, "controls": true, "determines": true, "identifies": true, "provides": true,
	"belongs": true, "connects": true, "refers": true,
}

// descriptiveVerbs start descriptions that read on after a type's name:
// "Represents a user" becomes "User represents a user".
var descriptiveVerbs = map[string]bool{
	"Represents": true, "Contains": true, "Describes": true, "Holds": true, "Defines": true,
	"Specifies": true, "Indicates": true, "Tracks": true, "Stores": true, "Lists": true,
}

// participles start descriptions that read on after "Name is": "Sent
// when an invoice is created" becomes "InvoiceCreatedEvent is sent when...".
var participles = map[string]bool{"Sent": true, "Returned": true, "Used": true, "Emitted": true, "Triggered": true}

// boilerplate are descriptions a spec inherits from its GraphQL schema's
// built-in scalars and connection types: they say nothing about the field
// or type at hand, so the docs leave them out.
var boilerplate = []*regexp.Regexp{
	regexp.MustCompile(`Represents textual data as UTF-8 character sequences\. This type is most often used by GraphQL to represent free-form human-readable text\.`),
	regexp.MustCompile(`Represents non-fractional signed whole numeric values\. (Int can represent values between -\(2\^31\) and 2\^31 - 1|Since the value may exceed the size of a 32-bit integer, it's encoded as a string)\.`),
	regexp.MustCompile(`Represents signed double-precision fractional values as specified by \[IEEE 754\]\([^)]*\)\.`),
	regexp.MustCompile("Represents `true` or `false` values\\."),
	regexp.MustCompile(`Represents untyped JSON\.?`),
	regexp.MustCompile(`Represents a unique identifier that is Base64 obfuscated\..*`),
	regexp.MustCompile(`^An ISO 8601-encoded date(time)?\.?$`),
	regexp.MustCompile(`^The connection type for [\w.]+\.?$`),
	regexp.MustCompile(`^Parameters for \w+\.?$`),
}

// cleanDoc removes boilerplate from a description.
func cleanDoc(desc string) string {
	flat := strings.Join(strings.Fields(desc), " ")
	for _, re := range boilerplate {
		if re.MatchString(flat) {
			desc = strings.TrimSpace(re.ReplaceAllString(flat, ""))
			flat = desc
		}
	}
	return desc
}

// joinDoc joins non-empty paragraphs with blank lines.
func joinDoc(paras ...string) string {
	var kept []string
	for _, p := range paras {
		if p = strings.TrimRight(strings.Trim(p, "\n"), " \t\n"); strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
