package client_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
)

// A non-2xx JSON body in the spec's error schema fills *whop.Error.
func TestErrorDecoding(t *testing.T) {
	const body = `{"error":{"type":"not_found","code":"resource_missing","message":"Member not found","param":"id"}}`
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("X-Request-Id", "req_123")
		reply(w, 404, body)
	})
	_, err := srv.client().Members.Retrieve(context.Background(), "mber_404")

	apiErr, ok := errors.AsType[*whop.Error](err)
	if !ok {
		t.Fatalf("err = %v (%T), want *whop.Error", err, err)
	}
	got := []string{fmt.Sprint(apiErr.StatusCode), apiErr.Type, apiErr.Code, apiErr.Message, apiErr.Param,
		apiErr.Operation, apiErr.Method, apiErr.Path, apiErr.RequestID}
	want := []string{"404", "not_found", "resource_missing", "Member not found", "id",
		"members.retrieve", "GET", "/api/v1/members/mber_404", "req_123"}
	if !slices.Equal(got, want) {
		t.Errorf("StatusCode, Type, Code, Message, Param, Operation, Method, Path, RequestID:\n got %q\nwant %q", got, want)
	}
	if apiErr.Header.Get("X-Request-Id") != "req_123" || string(apiErr.Body) != body {
		t.Errorf("Header = %v, Body = %s", apiErr.Header, apiErr.Body)
	}
	if !errors.Is(err, whop.ErrNotFound) || errors.Is(err, whop.ErrServer) || errors.Is(err, whop.ErrUnauthorized) {
		t.Errorf("errors.Is: NotFound=%v Server=%v Unauthorized=%v", errors.Is(err, whop.ErrNotFound), errors.Is(err, whop.ErrServer), errors.Is(err, whop.ErrUnauthorized))
	}
	for _, want := range []string{"404", "not_found", "Member not found", "param id", "req_123", "/api/v1/members/mber_404"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

// Each common status matches its sentinel, and only it.
func TestErrorSentinels(t *testing.T) {
	sentinels := []error{whop.ErrUnauthorized, whop.ErrForbidden, whop.ErrNotFound, whop.ErrRateLimited, whop.ErrServer}
	tests := []struct {
		status int
		want   error // nil: none matches
	}{
		{400, nil}, {401, whop.ErrUnauthorized}, {403, whop.ErrForbidden}, {404, whop.ErrNotFound},
		{422, nil}, {429, whop.ErrRateLimited}, {500, whop.ErrServer}, {503, whop.ErrServer},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				reply(w, tt.status, `{"error":{"type":"x","message":"y","code":null,"param":null}}`)
			})
			_, err := srv.client(whop.WithMaxRetries(0)).Members.Retrieve(context.Background(), "mber_1")
			for _, s := range sentinels {
				if got := errors.Is(err, s); got != (s == tt.want) {
					t.Errorf("errors.Is(err, %v) = %v", s, got)
				}
			}
			if apiErr, ok := errors.AsType[*whop.Error](err); !ok || apiErr.Code != "" || apiErr.Param != "" {
				t.Errorf("null code and param: err = %#v", err)
			}
		})
	}
}

// A proxy's HTML error page still gives an *Error, with a one-line snippet.
func TestNonJSONErrorBody(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(502)
		fmt.Fprint(w, "<html>\n<body><h1>502 Bad Gateway</h1></body>\n</html>")
	})
	_, err := srv.client(whop.WithMaxRetries(0)).Members.Retrieve(context.Background(), "mber_1")
	apiErr, ok := errors.AsType[*whop.Error](err)
	if !ok || apiErr.StatusCode != 502 || apiErr.Type != "" || apiErr.Message != "" {
		t.Fatalf("err = %#v, want *whop.Error 502 without API fields", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "<h1>502 Bad Gateway</h1>") || strings.Contains(msg, "\n") {
		t.Errorf("message = %q, want the body on one line", msg)
	}
	if !errors.Is(err, whop.ErrServer) {
		t.Error("a 502 should match ErrServer")
	}
}

// The raw body kept in an *Error is bounded.
func TestErrorBodyBounded(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 400, big) })
	_, err := srv.client().Members.Retrieve(context.Background(), "mber_1")
	apiErr, ok := errors.AsType[*whop.Error](err)
	if !ok || len(apiErr.Body) == 0 || len(apiErr.Body) > 64<<10 {
		t.Fatalf("err = %T, body length %d, want 1..64 KiB", err, len(apiErr.Body))
	}
	if len(err.Error()) > 1024 {
		t.Errorf("message is %d bytes long", len(err.Error()))
	}
}

// A 2xx body that does not decode is a *DecodeError naming the operation,
// never a zero value returned as success.
func TestUndecodableSuccess(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, `{"id": 42, "access_level":`) })
	member, err := srv.client().Members.Retrieve(context.Background(), "mber_1")
	if member != nil {
		t.Errorf("member = %+v, want nil", member)
	}
	decErr, ok := errors.AsType[*whop.DecodeError](err)
	if !ok {
		t.Fatalf("err = %v (%T), want *whop.DecodeError", err, err)
	}
	if decErr.Operation != "members.retrieve" || decErr.StatusCode != 200 || !bytes.Contains(decErr.Snippet, []byte(`"id": 42`)) {
		t.Errorf("DecodeError = %+v", decErr)
	}
	if !strings.Contains(err.Error(), "members.retrieve") {
		t.Errorf("message %q does not name the operation", err)
	}
	if n := srv.count(); n != 1 {
		t.Errorf("a malformed 2xx body was retried: %d attempts", n)
	}
}

// The key appears in no error message and no log line, whatever goes
// wrong: API errors, retries, decode failures, refused connections,
// redirects, a key with a stray newline.
func TestKeyRedaction(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/mber_404"):
			reply(w, 404, `{"error":{"type":"not_found","message":"nope"}}`)
		case strings.HasSuffix(r.URL.Path, "/mber_500"):
			replyNow(w, 500, serverError)
		case strings.HasSuffix(r.URL.Path, "/mber_bad"):
			reply(w, 200, `{"id":`)
		case strings.HasSuffix(r.URL.Path, "/mber_echo"):
			// A server that echoes the credentials: the body is the
			// server's, but the key must still not reach the message
			// through the parsed fields.
			reply(w, 401, `{"error":{"type":"unauthorized","message":"invalid key"}}`)
		default:
			reply(w, 200, memberJSON)
		}
	})
	closed := newServer(t, nil)
	closedURL := closed.baseURL()
	closed.Close()

	logs := &logRecorder{}
	var textLogs bytes.Buffer
	client := srv.client(whop.WithLogger(slog.New(logs)))
	textClient := srv.client(whop.WithLogger(slog.New(slog.NewTextHandler(&textLogs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	ctx := context.Background()

	var texts []string
	collect := func(err error) {
		if err == nil {
			t.Error("scenario did not fail")
			return
		}
		texts = append(texts, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
	}
	for _, id := range []string{"mber_404", "mber_500", "mber_bad", "mber_echo"} {
		_, err := client.Members.Retrieve(ctx, id)
		collect(err)
		_, err = textClient.Members.Retrieve(ctx, id)
		collect(err)
	}
	_, err := client.Members.Retrieve(ctx, "mber_1", whop.WithBaseURL(closedURL), whop.WithMaxRetries(0))
	collect(err)
	_, err = client.Members.Retrieve(ctx, "mber_1", whop.WithAPIKey(testKey+"\r\nX-Evil: 1"))
	collect(err)
	_, err = client.Payments.Create(ctx, paymentParams(), whop.WithBaseURL(closedURL), whop.WithMaxRetries(0))
	collect(err)
	for _, v := range []any{client, *client, client.Members} {
		texts = append(texts, fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v))
	}
	texts = append(texts, logs.text(), textLogs.String())

	if len(logs.messages("retrying request")) == 0 || len(logs.messages("request attempt")) < 5 {
		t.Fatalf("the logged scenarios did not run:\n%s", logs.text())
	}
	for _, s := range texts {
		if strings.Contains(s, testKey) || strings.Contains(strings.ToLower(s), "bearer") {
			t.Errorf("the key leaked into:\n%s", s)
		}
	}
}
