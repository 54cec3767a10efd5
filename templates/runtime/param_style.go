package whop

import (
	"fmt"
	"strconv"
	"strings"
)

// rtStyle is an OpenAPI serialization style, with the explode and
// allowReserved flags or-ed in: rtForm|rtExplode. Generated code passes
// the style the spec gives, or the default for the parameter's location,
// resolved: simple for path and header, form with explode for query and
// cookie.
type rtStyle uint8

const (
	rtStyleNone rtStyle = iota // in an encoding: no style given, the value is sent by content type
	rtSimple
	rtLabel
	rtMatrix
	rtForm
	rtSpaceDelimited
	rtPipeDelimited
	rtDeepObject

	rtStyleMask rtStyle = 0x0f

	rtExplode       rtStyle = 0x10 // lists and objects become separate members
	rtAllowReserved rtStyle = 0x20 // query only: RFC 3986 reserved characters are not escaped
)

func (s rtStyle) kind() rtStyle    { return s & rtStyleMask }
func (s rtStyle) explode() bool    { return s&rtExplode != 0 }
func (s rtStyle) isFormLike() bool { return s.kind() >= rtForm && s.kind() <= rtDeepObject }

var rtStyleNames = [...]string{"none", "simple", "label", "matrix", "form", "spaceDelimited", "pipeDelimited", "deepObject"}

func (s rtStyle) String() string {
	if int(s.kind()) < len(rtStyleNames) {
		return rtStyleNames[s.kind()]
	}
	return "style(" + strconv.Itoa(int(s.kind())) + ")"
}

// rtOperator is how RFC 6570 expands one variable in the path and header
// styles; the form family (form, spaceDelimited, pipeDelimited and
// deepObject) is written as name and value pairs instead, by rtPairs.
type rtOperator struct {
	first string // written before the expansion
	sep   string // between exploded members
	named bool   // members are written as name=value
}

var rtOperators = [rtStyleMask + 1]rtOperator{
	rtSimple: {first: "", sep: ",", named: false},
	rtLabel:  {first: ".", sep: ".", named: false},
	rtMatrix: {first: ";", sep: ";", named: true},
}

// rtEscape says which characters of names and values are percent-encoded.
type rtEscape uint8

const (
	rtEscapeNone       rtEscape = iota // headers and multipart parts: sent as they are
	rtEscapeUnreserved                 // RFC 6570: all but A-Z a-z 0-9 - . _ ~
	rtEscapeReserved                   // allowReserved: RFC 3986 reserved characters and %XX stay, except those that would end a query value
)

// rtExpand appends the RFC 6570 expansion of name=v in one of the path
// styles (simple, label, matrix), following OpenAPI's style table: an empty
// string, list or object is written as its "undefined" column (";name",
// "." or nothing). Members of a list or object that are themselves lists
// or objects are written as JSON, RFC 6570 going only one level deep.
func rtExpand(dst []byte, name string, v rtValue, style rtStyle, esc rtEscape) []byte {
	op := rtOperators[style.kind()]
	dst = append(dst, op.first...)
	if v.empty() {
		if op.named {
			dst = rtAppendEscaped(dst, name, esc)
		}
		return dst
	}
	switch {
	case v.kind == rtPrimitive:
		return rtAppendMember(dst, op, name, v.text, esc)
	case !style.explode():
		if op.named {
			dst = append(rtAppendEscaped(dst, name, esc), '=')
		}
		for i, item := range v.items {
			if i > 0 {
				dst = append(dst, ',')
			}
			if v.kind == rtObject {
				dst = append(rtAppendEscaped(dst, v.keys[i], esc), ',')
			}
			dst = rtAppendEscaped(dst, item.nestedText(), esc)
		}
		return dst
	}
	for i, item := range v.items {
		if i > 0 {
			dst = append(dst, op.sep...)
		}
		switch {
		case v.kind == rtList:
			dst = rtAppendMember(dst, op, name, item.nestedText(), esc)
		case op.named:
			dst = rtAppendMember(dst, op, v.keys[i], item.nestedText(), esc)
		default: // an unnamed exploded object still names its members
			dst = append(rtAppendEscaped(dst, v.keys[i], esc), '=')
			dst = rtAppendEscaped(dst, item.nestedText(), esc)
		}
	}
	return dst
}

// rtAppendMember writes one member: "value", or for a named operator
// "name=value", or just "name" when the value is empty (matrix: ";x").
func rtAppendMember(dst []byte, op rtOperator, name, text string, esc rtEscape) []byte {
	if !op.named {
		return rtAppendEscaped(dst, text, esc)
	}
	dst = rtAppendEscaped(dst, name, esc)
	if text == "" {
		return dst
	}
	return rtAppendEscaped(append(dst, '='), text, esc)
}

// rtPair is one name=value pair of the form styles, escaped for where it
// goes.
type rtPair struct{ name, value string }

// rtPairs appends the pairs of name=v in a form-family style: form,
// spaceDelimited, pipeDelimited or deepObject. An empty value is
// "name=" (the table's "undefined" column), except in deepObject, which
// has no way to write it and leaves the parameter out. Combinations the
// table marks n/a are written as the nearest defined one: a primitive in
// any form-family style as form, an exploded list in spaceDelimited or
// pipeDelimited as exploded form, and a list in deepObject as exploded
// form.
func rtPairs(dst []rtPair, name string, v rtValue, style rtStyle, esc rtEscape) []rtPair {
	if style.kind() == rtDeepObject && v.kind == rtObject {
		return rtDeepPairs(dst, rtEscaped(name, rtNameEscape(esc)), v, esc)
	}
	ename := rtEscaped(name, rtNameEscape(esc))
	if v.empty() || v.kind == rtPrimitive {
		return append(dst, rtPair{ename, rtEscaped(v.text, esc)})
	}
	explode := style.explode() || style.kind() == rtDeepObject
	if !explode {
		delim := rtDelimiter(style, esc)
		var b []byte
		for i, item := range v.items {
			if i > 0 {
				b = append(b, delim...)
			}
			if v.kind == rtObject {
				b = append(rtAppendEscaped(b, v.keys[i], esc), delim...)
			}
			b = rtAppendEscaped(b, item.nestedText(), esc)
		}
		return append(dst, rtPair{ename, string(b)})
	}
	for i, item := range v.items {
		n := ename
		if v.kind == rtObject {
			n = rtEscaped(v.keys[i], rtNameEscape(esc))
		}
		dst = append(dst, rtPair{n, rtEscaped(item.nestedText(), esc)})
	}
	return dst
}

// rtDeepPairs writes an object as prefix[key]=value. Nested objects add
// brackets (a[b][c]=v) and lists add indexes (a[b][0]=v), which is what
// the style's common readers (kin-openapi, qs, Rails) expect; OpenAPI
// leaves nesting undefined.
func rtDeepPairs(dst []rtPair, prefix string, v rtValue, esc rtEscape) []rtPair {
	open, closing := "[", "]"
	if esc != rtEscapeNone {
		open, closing = "%5B", "%5D"
	}
	for i, item := range v.items {
		key := strconv.Itoa(i)
		if v.kind == rtObject {
			key = rtEscaped(v.keys[i], rtNameEscape(esc))
		}
		name := prefix + open + key + closing
		if item.kind == rtPrimitive {
			dst = append(dst, rtPair{name, rtEscaped(item.text, esc)})
			continue
		}
		dst = rtDeepPairs(dst, name, item, esc)
	}
	return dst
}

// rtDelimiter is the separator of a non-exploded list in the form family.
func rtDelimiter(style rtStyle, esc rtEscape) string {
	switch style.kind() {
	case rtSpaceDelimited:
		if esc == rtEscapeNone {
			return " "
		}
		return "%20"
	case rtPipeDelimited:
		if esc == rtEscapeNone {
			return "|"
		}
		return "%7C"
	}
	return ","
}

// rtNameEscape is how names are escaped: allowReserved applies to
// values only.
func rtNameEscape(esc rtEscape) rtEscape {
	if esc == rtEscapeReserved {
		return rtEscapeUnreserved
	}
	return esc
}

func rtEscaped(s string, esc rtEscape) string {
	if esc == rtEscapeNone || !rtNeedsEscape(s) {
		return s
	}
	return string(rtAppendEscaped(make([]byte, 0, len(s)+8), s, esc))
}

func rtNeedsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if !rtUnreserved(s[i]) {
			return true
		}
	}
	return false
}

const rtUpperHex = "0123456789ABCDEF"

// rtAppendEscaped percent-encodes s onto dst.
func rtAppendEscaped(dst []byte, s string, esc rtEscape) []byte {
	if esc == rtEscapeNone {
		return append(dst, s...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case rtUnreserved(c):
			dst = append(dst, c)
		case esc == rtEscapeReserved && rtQuerySafeReserved(c):
			dst = append(dst, c)
		case esc == rtEscapeReserved && c == '%' && i+2 < len(s) && rtIsHex(s[i+1]) && rtIsHex(s[i+2]):
			dst = append(dst, c) // an escape the caller made stays as it is
		default:
			dst = append(dst, '%', rtUpperHex[c>>4], rtUpperHex[c&15])
		}
	}
	return dst
}

// rtUnreserved reports RFC 3986's unreserved characters.
func rtUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// rtQuerySafeReserved reports the RFC 3986 reserved characters that
// allowReserved lets through. "#", "[" and "]" are not allowed in a query,
// and "&", "=" and "+" would change how it is read, so OpenAPI leaves
// those to the caller; escaping them here keeps the request well formed.
func rtQuerySafeReserved(c byte) bool {
	return strings.IndexByte(":/?@!$'()*,;", c) >= 0
}

func rtIsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// rtCheckStyle rejects a style that OpenAPI does not define for a
// location, so that a wrong spec gives an error rather than a request the
// server cannot read.
func rtCheckStyle(in string, style rtStyle) error {
	ok := false
	switch in {
	case "path":
		ok = style.kind() == rtSimple || style.kind() == rtLabel || style.kind() == rtMatrix
	case "query":
		ok = style.isFormLike()
	case "header":
		ok = style.kind() == rtSimple
	case "cookie":
		ok = style.kind() == rtForm
	}
	if !ok {
		return fmt.Errorf("style %s is not defined for %s parameters", style, in)
	}
	return nil
}
