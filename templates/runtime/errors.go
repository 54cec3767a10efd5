package whop

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sentinels for errors.Is. An *Error matches the one for its status code.
var (
	ErrMissingAPIKey       = errors.New("missing API key")
	ErrBadRequest          = errors.New("bad request")
	ErrUnauthorized        = errors.New("unauthorized")
	ErrForbidden           = errors.New("forbidden")
	ErrNotFound            = errors.New("not found")
	ErrConflict            = errors.New("conflict")
	ErrUnprocessableEntity = errors.New("unprocessable entity")
	ErrRateLimited         = errors.New("rate limited")
	ErrServer              = errors.New("server error")
)

// ErrRequestTimeout is matched by the error of a call whose last attempt
// ran out of the time WithRequestTimeout gives each attempt (one minute by
// default). The same error also matches context.DeadlineExceeded; a call
// ended by the caller's own context deadline matches only the latter.
var ErrRequestTimeout = errors.New("request timeout")

// rtAttemptTimeout is the cause of an attempt's timeout context, so that
// errors.Is finds both ErrRequestTimeout and context.DeadlineExceeded.
type rtAttemptTimeout struct{ after time.Duration }

func (e *rtAttemptTimeout) Error() string {
	return "attempt timed out after " + e.after.String() + " (WithRequestTimeout)"
}

func (e *rtAttemptTimeout) Is(target error) bool {
	return target == ErrRequestTimeout || target == context.DeadlineExceeded
}

// Timeout reports true, as context.DeadlineExceeded does, for code that
// checks for net.Error timeouts.
func (e *rtAttemptTimeout) Timeout() bool { return true }

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
	case ErrBadRequest:
		return e.StatusCode == http.StatusBadRequest
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrUnprocessableEntity:
		return e.StatusCode == http.StatusUnprocessableEntity
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
//
// It is also returned when the body is a well-formed JSON value of the
// expected shape in which some fields do not fit their Go types, say a
// string where the spec promised a number: a server newer than the spec
// this client was generated from. Then Partial reports true, Fields lists
// each such field with its raw JSON, and the method returns the value
// decoded as far as it fits together with this error: every other field is
// set, and each listed field is left at its zero value (an Opt unset, a
// pointer nil).
type DecodeError struct {
	Operation   string
	StatusCode  int
	ContentType string
	Snippet     []byte // the first 512 bytes of the body
	Err         error
	// Fields are the fields that did not fit, in body order; empty unless
	// the error is partial.
	Fields []FieldError

	prefix string
}

// FieldError is one field of a response body that did not fit its Go
// type.
type FieldError struct {
	// Path locates the field in the body, e.g. "total", "data[2].price" or
	// `metadata["a b"]`.
	Path string
	Raw  json.RawMessage // the field's JSON as received
	Err  error           // why it did not fit
}

func (f FieldError) Error() string { return f.Path + ": " + f.Err.Error() }

func (f FieldError) Unwrap() error { return f.Err }

// Partial reports whether the method returned a value along with e: the
// body decoded but for the fields listed in Fields.
func (e *DecodeError) Partial() bool { return len(e.Fields) > 0 }

// rtMaxFieldsInMessage bounds how many field errors Error lists.
const rtMaxFieldsInMessage = 3

func (e *DecodeError) Error() string {
	var b strings.Builder
	if e.prefix != "" {
		b.WriteString(e.prefix + ": ")
	}
	fmt.Fprintf(&b, "%s: decoding %d response", e.Operation, e.StatusCode)
	if e.ContentType != "" {
		b.WriteString(" (" + e.ContentType + ")")
	}
	if e.Partial() {
		e.writeFields(&b)
		return b.String()
	}
	b.WriteString(": " + e.Err.Error())
	if len(e.Snippet) > 0 {
		b.WriteString("; body: " + rtSnippet(e.Snippet, rtSnippetBytes))
	}
	return b.String()
}

// writeFields summarises a partial decode: the count, then the first few
// fields with their raw JSON.
func (e *DecodeError) writeFields(b *strings.Builder) {
	fmt.Fprintf(b, ": %d field", len(e.Fields))
	if len(e.Fields) > 1 {
		b.WriteString("s")
	}
	b.WriteString(" did not fit, the rest decoded: ")
	for i, f := range e.Fields[:min(len(e.Fields), rtMaxFieldsInMessage)] {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(b, "%s = %s: %v", f.Path, rtSnippet(f.Raw, 60), f.Err)
	}
	if n := len(e.Fields) - rtMaxFieldsInMessage; n > 0 {
		fmt.Fprintf(b, "; and %d more", n)
	}
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
