package whop

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestErrorFromJSONBody(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		w.Header().Set("X-Request-Id", "req_123")
		rtJSON(w, 404, `{"error":{"type":"not_found","code":null,"message":"Resource not found","param":null}}`)
	})
	tr, _ := newRTTestTransport(t, srv.URL)
	err := tr.do(context.Background(), &apiRequest{Operation: "users.update", Method: "PATCH", Path: "/users/u_1", Body: struct{}{}}, &struct{}{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %T %v, want *Error", err, err)
	}
	if e.StatusCode != 404 || e.Type != "not_found" || e.Code != "" || e.Param != "" || e.Message != "Resource not found" ||
		e.Operation != "users.update" || e.Method != "PATCH" || e.Path != "/api/v1/users/u_1" || e.RequestID != "req_123" {
		t.Errorf("fields = %+v", e)
	}
	if want := "whoptest: PATCH /api/v1/users/u_1: 404 not_found: Resource not found [request req_123]"; e.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", e.Error(), want)
	}
	if !errors.Is(err, ErrNotFound) || errors.Is(err, ErrServer) {
		t.Error("errors.Is does not match the status")
	}
}

func TestErrorCodeAndParam(t *testing.T) {
	e := &Error{StatusCode: 400, Method: "POST", Path: "/p", Type: "invalid_request_error", Code: "parameter_missing", Param: "name", Message: "name is required", Body: []byte("{}")}
	if want := "POST /p: 400 invalid_request_error: name is required (param name)"; e.Error() != want {
		t.Errorf("Error() = %q", e.Error())
	}
	e.fillFromBody() // an empty envelope must not wipe anything useful
	e.Body = []byte(`{"error":{"type":"t","code":"c","message":"m","param":"p"}}`)
	e.fillFromBody()
	if e.Type != "t" || e.Code != "c" || e.Message != "m" || e.Param != "p" {
		t.Errorf("fields = %+v", e)
	}
}

func TestErrorFromHTMLBody(t *testing.T) {
	page := "<html><body>\n<h1>502 Bad Gateway</h1>\n" + strings.Repeat("x", 100<<10) + "</body></html>"
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(502)
		_, _ = w.Write([]byte(page))
	})
	tr, _ := newRTTestTransport(t, srv.URL, WithMaxRetries(0))
	err := tr.do(context.Background(), &apiRequest{Operation: "users.list", Method: "GET", Path: "/users"}, &struct{}{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v", err)
	}
	if len(e.Body) != 64<<10 || !bytes.HasPrefix([]byte(page), e.Body) {
		t.Errorf("Body has %d bytes, want the first 64 KiB", len(e.Body))
	}
	msg := e.Error()
	if !strings.HasPrefix(msg, "whoptest: GET /api/v1/users: 502 Bad Gateway: <html><body> <h1>502 Bad Gateway</h1>") || len(msg) > 300 || strings.Contains(msg, "\n") {
		t.Errorf("Error() = %q", msg)
	}
	if !errors.Is(err, ErrServer) {
		t.Error("502 is not ErrServer")
	}
}

func TestErrorSentinels(t *testing.T) {
	sentinels := []error{ErrBadRequest, ErrUnauthorized, ErrForbidden, ErrNotFound, ErrConflict, ErrUnprocessableEntity, ErrRateLimited, ErrServer}
	tests := map[int]error{
		400: ErrBadRequest, 401: ErrUnauthorized, 403: ErrForbidden, 404: ErrNotFound, 409: ErrConflict,
		422: ErrUnprocessableEntity, 429: ErrRateLimited, 500: ErrServer, 503: ErrServer, 599: ErrServer,
		402: nil, 405: nil, 410: nil, 418: nil, 499: nil,
	}
	for status, want := range tests {
		err := error(&Error{StatusCode: status})
		for _, s := range sentinels {
			if got := errors.Is(err, s); got != (s == want) {
				t.Errorf("errors.Is(%d, %v) = %v", status, s, got)
			}
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := map[string]struct {
		status      int
		contentType string
		body        string
		inMessage   string
	}{
		"malformed":     {200, "application/json", `{"id": "u_1",`, "unexpected end of JSON"},
		"wrong type":    {200, "application/json", `"u_1"`, "cannot unmarshal string"},
		"empty":         {200, "application/json", ``, "empty response body"},
		"no content":    {204, "", ``, "empty response body"},
		"html":          {200, "text/html; charset=utf-8", `<html>maintenance</html>`, `unexpected content type "text/html; charset=utf-8"`},
		"trailing data": {200, "application/json", `{"id":"a"} {"id":"b"}`, "invalid character"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
				if tc.contentType != "" {
					w.Header().Set("Content-Type", tc.contentType)
				}
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			})
			tr, _ := newRTTestTransport(t, srv.URL)
			var out struct{ ID string }
			err := tr.do(context.Background(), &apiRequest{Operation: "users.retrieve", Method: "GET", Path: "/users/u_1"}, &out)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("err = %T %v, want *DecodeError", err, err)
			}
			if de.Operation != "users.retrieve" || de.StatusCode != tc.status || de.ContentType != tc.contentType || string(de.Snippet) != tc.body {
				t.Errorf("fields = %+v", de)
			}
			msg := de.Error()
			if !strings.Contains(msg, "users.retrieve") || !strings.Contains(msg, tc.inMessage) || (tc.body != "" && !strings.Contains(msg, tc.body[:5])) {
				t.Errorf("Error() = %q", msg)
			}
			if srv.hits.Load() != 1 {
				t.Errorf("decode errors must not be retried: %d attempts", srv.hits.Load())
			}
		})
	}
}

func TestDecodeErrorSnippetIsBounded(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		rtJSON(w, 200, "["+strings.Repeat(`"abc",`, 1000))
	})
	tr, _ := newRTTestTransport(t, srv.URL)
	var out []string
	err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, &out)
	var de *DecodeError
	if !errors.As(err, &de) || len(de.Snippet) != 512 {
		t.Fatalf("err = %v", err)
	}
	if out != nil {
		t.Errorf("out = %v, want untouched", out)
	}
}

func TestJSONContentTypes(t *testing.T) {
	for ct, want := range map[string]bool{
		"":                                  true,
		"application/json":                  true,
		"Application/JSON; charset=utf-8":   true,
		"application/problem+json":          true,
		"application/json;;":                true,
		"text/html":                         false,
		"text/plain; charset=utf-8":         false,
		"application/x-www-form-urlencoded": false,
	} {
		if got := rtIsJSON(ct); got != want {
			t.Errorf("rtIsJSON(%q) = %v", ct, got)
		}
	}
}

func TestSnippetIsOnePrintableLine(t *testing.T) {
	if got := rtSnippet([]byte("a\r\n\tb\x1b[31mc"), 100); got != "a b\uFFFD[31mc" {
		t.Errorf("got %q", got)
	}
	if got := rtSnippet([]byte("héllo"), 2); got != "h…" {
		t.Errorf("cut inside a rune: %q", got)
	}
}
