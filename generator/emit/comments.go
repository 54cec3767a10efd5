package emit

import (
	"slices"
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
		if strings.HasPrefix(desc, article) {
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

// descriptiveVerbs start descriptions that read on after a type's name:
// "Represents a user" becomes "User represents a user".
var descriptiveVerbs = map[string]bool{
	"Represents": true, "Contains": true, "Describes": true, "Holds": true, "Defines": true,
	"Specifies": true, "Indicates": true, "Tracks": true, "Stores": true, "Lists": true,
}

// participles start descriptions that read on after "Name is": "Sent
// when an invoice is created" becomes "InvoiceCreatedEvent is sent when...".
var participles = map[string]bool{"Sent": true, "Returned": true, "Used": true, "Emitted": true, "Triggered": true}

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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
