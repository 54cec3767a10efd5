package whop

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

// The API key must not appear in any error, log line or formatted config.
func TestAPIKeyNeverLeaks(t *testing.T) {
	const secret = "whsec_" + rtTestKey
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))

	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		switch r.URL.Path {
		case "/api/v1/ok":
			rtJSON(w, 200, `{"id":"x"}`)
		case "/api/v1/broken":
			rtJSON(w, 200, `{"id":`)
		case "/api/v1/echo":
			// A server that echoes the credentials back must not get them
			// into the error message through the body fields.
			rtJSON(w, 401, `{"error":{"type":"unauthorized","message":"bad key"}}`)
		default:
			rtJSON(w, 500, `{"error":{"type":"server","message":"boom"}}`)
		}
	})
	tr, _ := newRTTestTransport(t, srv.URL, WithLogger(logger), WithWebhookSecret(secret), WithHeader("X-Custom", "v"))

	var texts []string
	for _, path := range []string{"/ok", "/broken", "/echo", "/fail"} {
		var out struct{ ID string }
		if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: path}, &out); err != nil {
			texts = append(texts, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
		}
	}
	refused, _ := newRTTestTransport(t, rtClosedURL(t), WithLogger(logger))
	if err := refused.do(context.Background(), &apiRequest{Operation: "a.b", Method: "POST", Path: "/x"}, nil); err != nil {
		texts = append(texts, err.Error())
	}
	if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: []RequestOption{WithAPIKey(rtTestKey + "\n")}}, nil); err != nil {
		texts = append(texts, err.Error())
	}
	for _, v := range []any{tr, *tr, tr.cfg, &tr.cfg} {
		texts = append(texts, fmt.Sprint(v), fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v), fmt.Sprintf("%s", v))
	}
	texts = append(texts, logs.String())

	if len(texts) < 10 || !strings.Contains(logs.String(), "request attempt") || !strings.Contains(logs.String(), "retrying request") {
		t.Fatalf("the scenarios did not run as expected:\n%s", strings.Join(texts, "\n"))
	}
	for _, s := range texts {
		if strings.Contains(s, rtTestKey) || strings.Contains(strings.ToLower(s), "bearer") {
			t.Errorf("secret leaked in:\n%s", s)
		}
	}
	if !strings.Contains(fmt.Sprint(tr.cfg), "apiKey:<redacted>") {
		t.Errorf("config string does not say the key is set: %v", tr.cfg)
	}
}

func TestLogAttemptFields(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, n int32) {
		if n == 1 {
			rtJSON(w, 503, `{}`)
			return
		}
		w.WriteHeader(204)
	})
	tr, _ := newRTTestTransport(t, srv.URL, WithLogger(logger))
	if err := tr.do(context.Background(), &apiRequest{Operation: "users.list", Method: "GET", Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 log lines, got:\n%s", logs.String())
	}
	for i, want := range [][]string{
		{`"level":"DEBUG"`, `"operation":"users.list"`, `"method":"GET"`, `"path":"/api/v1/users"`, `"status":503`, `"attempt":1`, `"duration":`, `"retry_reason":"service unavailable (503)"`},
		{`"level":"WARN"`, `"reason":"service unavailable (503)"`, `"delay":`, `"attempt":1`},
		{`"level":"DEBUG"`, `"status":204`, `"attempt":2`},
	} {
		for _, w := range want {
			if !strings.Contains(lines[i], w) {
				t.Errorf("line %d lacks %s: %s", i+1, w, lines[i])
			}
		}
	}
}
