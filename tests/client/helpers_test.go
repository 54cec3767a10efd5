// Package client_test exercises the runtime through the generated client:
// configuration, retries, errors, redaction and pagination, each against an
// httptest server that counts and records what it receives.
package client_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
)

// testKey is the API key of every test client. No error or log line may
// contain it.
const testKey = "sk_test_client_Qm4vN8MustNotLeak"

// seen is one request as the test server received it.
type seen struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte
}

// server is an httptest server that records every request and answers
// with respond, which gets the 1-based number of the request.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []seen
}

func newServer(t *testing.T, respond func(w http.ResponseWriter, r *http.Request, n int)) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.reqs = append(s.reqs, seen{r.Method, r.URL.Path, r.URL.Query(), r.Header.Clone(), body})
		n := len(s.reqs)
		s.mu.Unlock()
		respond(w, r, n)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns a copy of what the server has received so far.
func (s *server) requests() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

func (s *server) count() int { return len(s.requests()) }

// baseURL is the server's address with the API's path prefix, so that the
// tests also check that the prefix is kept.
func (s *server) baseURL() string { return s.URL + "/api/v1" }

// client returns a client for s with the test key; opts come after the
// defaults and win.
func (s *server) client(opts ...whop.RequestOption) *whop.Client {
	return whop.NewClient(append([]whop.RequestOption{whop.WithAPIKey(testKey), whop.WithBaseURL(s.baseURL())}, opts...)...)
}

// reply writes a JSON response.
func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// replyNow writes a JSON response that asks for an immediate retry, so
// that tests of the retry rules do not wait for the backoff.
func replyNow(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Retry-After", "0")
	reply(w, status, body)
}

const (
	memberJSON  = `{"id":"mber_1","access_level":"customer","status":"joined","company_token_balance":0,"usd_total_spent":0,"created_at":"2024-01-02T03:04:05Z","joined_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:05Z","most_recent_action":null,"most_recent_action_at":null,"phone":null,"user":null,"company":{"id":"biz_1","title":"Acme"}}`
	paymentJSON = `{"id":"pay_1"}`
	serverError = `{"error":{"type":"server_error","message":"boom"}}`
)

// paymentParams is a valid body for POST /payments.
func paymentParams() whop.PaymentCreateParams {
	return whop.PaymentCreateParams{PlanID: &whop.PaymentCreateParamsPlanID{
		CompanyID: "biz_1", MemberID: "mber_1", PaymentMethodID: "pm_1", PlanID: "plan_1",
	}}
}

// logRecorder is a slog.Handler that keeps every record and can call a
// hook on each, which lets a test act at a precise point of a call (for
// example, cancel while the client waits to retry).
type logRecorder struct {
	mu      sync.Mutex
	records []slog.Record
	hook    func(slog.Record)
}

func (h *logRecorder) Enabled(context.Context, slog.Level) bool { return true }

func (h *logRecorder) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	h.records = append(h.records, r.Clone())
	hook := h.hook
	h.mu.Unlock()
	if hook != nil {
		hook(r)
	}
	return nil
}

func (h *logRecorder) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *logRecorder) WithGroup(string) slog.Handler      { return h }

// messages returns the records with the given message.
func (h *logRecorder) messages(msg string) []slog.Record {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []slog.Record
	for _, r := range h.records {
		if r.Message == msg {
			out = append(out, r)
		}
	}
	return out
}

// attr returns the value of the record's attribute key.
func attr(r slog.Record, key string) slog.Value {
	var v slog.Value
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == key {
			v = a.Value
			return false
		}
		return true
	})
	return v
}

// text renders every record as a text log line would, for grepping.
func (h *logRecorder) text() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var b strings.Builder
	th := slog.NewTextHandler(&b, &slog.HandlerOptions{Level: slog.LevelDebug})
	for _, r := range h.records {
		th.Handle(context.Background(), r)
	}
	return b.String()
}
