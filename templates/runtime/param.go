package whop

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// rtParams collects the query, header and cookie parameters of one
// request, serialized as OpenAPI's style tables prescribe, in the order the
// generated code adds them (the operation's order, as RFC 6570's
// {?a,b} keeps it). A parameter whose value is nil (an unset Opt, a nil
// slice or map) is left out. The first error is kept and reported when
// the request is built, so one call per parameter is enough.
type rtParams struct {
	q   []byte // the encoded query, without "?"
	h   http.Header
	err error
}

// query adds a query parameter: style is rtForm, rtSpaceDelimited,
// rtPipeDelimited or rtDeepObject, with rtExplode and rtAllowReserved.
func (r *rtParams) query(name string, v any, style rtStyle) {
	val, ok := r.value("query", name, v, style)
	if !ok {
		return
	}
	esc := rtEscapeUnreserved
	if style&rtAllowReserved != 0 {
		esc = rtEscapeReserved
	}
	for _, p := range rtPairs(nil, name, val, style, esc) {
		if len(r.q) > 0 {
			r.q = append(r.q, '&')
		}
		r.q = append(append(append(r.q, p.name...), '='), p.value...)
	}
}

// header sets a header parameter: style is rtSimple, with rtExplode for
// objects written as name=value. Values are sent as they are: OpenAPI
// leaves quoting to the caller, and the transport refuses CR and LF.
func (r *rtParams) header(name string, v any, style rtStyle) {
	val, ok := r.value("header", name, v, style)
	if !ok {
		return
	}
	if r.h == nil {
		r.h = make(http.Header)
	}
	r.h.Set(name, string(rtExpand(nil, name, val, style, rtEscapeNone)))
}

// cookie adds a cookie parameter to the Cookie header: style is rtForm,
// percent-encoded as RFC 6570 form expansion is. An exploded list or
// object becomes one cookie per member, "; "-separated as cookies are
// (OpenAPI's form table writes "&", which a Cookie header cannot carry).
func (r *rtParams) cookie(name string, v any, style rtStyle) {
	val, ok := r.value("cookie", name, v, style)
	if !ok {
		return
	}
	if r.h == nil {
		r.h = make(http.Header)
	}
	var b strings.Builder
	b.WriteString(r.h.Get("Cookie"))
	for _, p := range rtPairs(nil, name, val, style, rtEscapeUnreserved) {
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.name + "=" + p.value)
	}
	r.h.Set("Cookie", b.String())
}

// value reduces v and reports whether there is anything to write.
func (r *rtParams) value(in, name string, v any, style rtStyle) (rtValue, bool) {
	if r.err != nil {
		return rtValue{}, false
	}
	if err := rtCheckStyle(in, style); err != nil {
		r.err = fmt.Errorf("%s parameter %q: %w", in, name, err)
		return rtValue{}, false
	}
	val, err := rtValueOf(v)
	if err != nil {
		r.err = fmt.Errorf("%s parameter %q: %w", in, name, err)
		return rtValue{}, false
	}
	// A list or object with no members is undefined, as RFC 6570 (which
	// OpenAPI's styles follow) defines it: the parameter is left out.
	if val.kind != rtPrimitive && len(val.items) == 0 {
		return val, false
	}
	return val, val.kind != rtUndefined
}

// encoded returns the query string (without "?") and the headers, or the
// first error. A nil *rtParams has none.
func (r *rtParams) encoded() (string, http.Header, error) {
	if r == nil {
		return "", nil, nil
	}
	return string(r.q), r.h, r.err
}

// rtJoinQuery joins encoded query strings with "&", skipping empty ones:
// the base URL's own query, the operation's parameters, the API key.
func rtJoinQuery(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p)
	}
	return b.String()
}

// rtBadPath marks a path parameter that cannot be sent. A path template
// cannot contain it and an escaped value never does, so rtCheckPath finds
// it in the finished path however the template concatenated it.
const rtBadPath = "\x00"

// rtPathParam serializes one path parameter in style rtSimple, rtLabel or
// rtMatrix (with rtExplode), percent-encoding everything but RFC 3986's
// unreserved characters so the value stays in its segment. A value that
// is empty (nil, "", an empty list or object) or cannot be encoded is
// marked for rtCheckPath to report: an empty segment would reach another
// operation (GET /users/ lists users instead of getting one), and "." or
// ".." would be resolved away by a server.
func rtPathParam(name string, v any, style rtStyle) string {
	if err := rtCheckStyle("path", style); err != nil {
		return rtBadPathParam(name, err.Error())
	}
	val, err := rtValueOf(v)
	if err != nil {
		return rtBadPathParam(name, err.Error())
	}
	if val.kind == rtUndefined || val.empty() {
		return rtBadPathParam(name, "is empty")
	}
	out := string(rtExpand(nil, name, val, style, rtEscapeUnreserved))
	switch {
	case out == "" || style.kind() == rtLabel && out == ".": // a list of empty strings
		return rtBadPathParam(name, "is empty")
	case out == "..": // a label of "."
		if style.kind() == rtLabel {
			return ".%2E"
		}
		return "%2E%2E"
	case out == ".":
		return "%2E"
	}
	return out
}

func rtBadPathParam(name, problem string) string {
	if name == "" {
		return rtBadPath + "a path parameter " + problem + rtBadPath
	}
	return rtBadPath + fmt.Sprintf("path parameter %q %s", name, problem) + rtBadPath
}

// rtCheckPath reports the first path parameter that rtPathParam marked.
func rtCheckPath(path string) error {
	_, rest, found := strings.Cut(path, rtBadPath)
	if !found {
		return nil
	}
	msg, _, _ := strings.Cut(rest, rtBadPath)
	return errors.New(msg)
}
