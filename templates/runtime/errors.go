package whop

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentinels for errors.Is. An *Error matches the one for its status code.
var (
	ErrMissingAPIKey = errors.New("missing API key")
	ErrUnauthorized  = errors.New("unauthorized")
	ErrForbidden     = errors.New("forbidden")
	ErrNotFound      = errors.New("not found")
	ErrRateLimited   = errors.New("rate limited")
	ErrServer        = errors.New("server error")
)

// Error is returned for every response with a non-2xx status.
type Error struct {
	StatusCode int
	// Type, Code, Message and Param come from the body
	// {"error": {"type", "code", "message", "param"}}; empty when absent.
	Type, Code, Message, Param string
	Operation                  string // e.g. "users.update"
	Method                     string
	Path                       string // URL path of the request, without host or query
	RequestID                  string // from X-Request-Id or Request-Id
	Header                     http.Header
	Body                       []byte // raw body, at most 64 KiB

	prefix string // message prefix, e.g. "whop"
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.prefix != "" {
		b.WriteString(e.prefix + ": ")
	}
	fmt.Fprintf(&b, "%s %s: %d", e.Method, e.Path, e.StatusCode)
	switch {
	case e.Type != "" || e.Code != "":
		b.WriteString(" " + rtFirstNonEmpty(e.Type, e.Code))
	default:
		if text := http.StatusText(e.StatusCode); text != "" {
			b.WriteString(" " + text)
		}
	}
	switch {
	case e.Message != "":
		b.WriteString(": " + e.Message)
	case len(e.Body) > 0:
		b.WriteString(": " + rtSnippet(e.Body, 200))
	}
	if e.Param != "" {
		b.WriteString(" (param " + e.Param + ")")
	}
	if e.RequestID != "" {
		b.WriteString(" [request " + e.RequestID + "]")
	}
	return b.String()
}

// Is lets errors.Is match an *Error against the status sentinels.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	}
	return false
}

// DecodeError is returned when a 2xx response cannot be turned into the
// expected value: malformed JSON, an empty body, a non-JSON content type or
// a body that is too large.
type DecodeError struct {
	Operation   string
	StatusCode  int
	ContentType string
	Snippet     []byte // the first 512 bytes of the body
	Err         error

	prefix string
}

func (e *DecodeError) Error() string {
	var b strings.Builder
	if e.prefix != "" {
		b.WriteString(e.prefix + ": ")
	}
	fmt.Fprintf(&b, "%s: decoding %d response", e.Operation, e.StatusCode)
	if e.ContentType != "" {
		b.WriteString(" (" + e.ContentType + ")")
	}
	b.WriteString(": " + e.Err.Error())
	if len(e.Snippet) > 0 {
		b.WriteString("; body: " + rtSnippet(e.Snippet, rtSnippetBytes))
	}
	return b.String()
}

func (e *DecodeError) Unwrap() error { return e.Err }

// apiErrorBody is the error envelope documented by the API.
type apiErrorBody struct {
	Error struct {
		Type    string  `json:"type"`
		Code    *string `json:"code"`
		Message string  `json:"message"`
		Param   *string `json:"param"`
	} `json:"error"`
	Message string `json:"message"` // some gateways answer {"message": ...}
}

// fillFromBody copies the documented error fields from a JSON body; bodies
// that are not JSON are left for Error() to show as a snippet.
func (e *Error) fillFromBody() {
	var env apiErrorBody
	if json.Unmarshal(e.Body, &env) != nil {
		return
	}
	e.Type = env.Error.Type
	e.Message = rtFirstNonEmpty(env.Error.Message, env.Message)
	if env.Error.Code != nil {
		e.Code = *env.Error.Code
	}
	if env.Error.Param != nil {
		e.Param = *env.Error.Param
	}
}

// rtFirstNonEmpty returns the first non-empty string.
func rtFirstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// rtSnippet returns at most n bytes of body on one printable line, cut at
// a rune boundary, for use in error messages.
func rtSnippet(body []byte, n int) string {
	cut := len(body) > n
	if cut {
		for n > 0 && !utf8.RuneStart(body[n]) {
			n--
		}
		body = body[:n]
	}
	s := string(body)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return utf8.RuneError
	}, s)
	if cut {
		s += "…"
	}
	return s
}
