package client_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	whop "github.com/whopgen/whopgen/generated"
)

// call is one generated method, named for test output.
type call struct {
	name string
	do   func(ctx context.Context, c *whop.Client, opts ...whop.RequestOption) error
}

var (
	getMember = call{"GET /members/{id}", func(ctx context.Context, c *whop.Client, opts ...whop.RequestOption) error {
		_, err := c.Members.Retrieve(ctx, "mber_1", opts...)
		return err
	}}
	deleteWebhook = call{"DELETE /webhooks/{id}", func(ctx context.Context, c *whop.Client, opts ...whop.RequestOption) error {
		_, err := c.Webhooks.Delete(ctx, "hook_1", opts...)
		return err
	}}
	createPayment = call{"POST /payments", func(ctx context.Context, c *whop.Client, opts ...whop.RequestOption) error {
		_, err := c.Payments.Create(ctx, paymentParams(), opts...)
		return err
	}}
	updateUser = call{"PATCH /users/{id}", func(ctx context.Context, c *whop.Client, opts ...whop.RequestOption) error {
		_, err := c.Users.Update(ctx, "user_1", whop.UserUpdateParams{Name: whop.Some("Jane")}, opts...)
		return err
	}}
)

// successBody is a 2xx body each of the calls above decodes.
func successBody(r *http.Request) string {
	switch r.Method {
	case http.MethodDelete:
		return `true`
	case http.MethodPost:
		return paymentJSON
	case http.MethodPatch:
		return `{"id":"user_1","username":"jane","name":"Jane","bio":null,"created_at":"2023-12-01T05:00:00Z","profile_picture":null}`
	}
	return memberJSON
}

// TestRetryPolicyPerMethod counts attempts server-side. The server fails
// the first `failures` attempts with `status` (asking for an immediate
// retry) and then succeeds.
func TestRetryPolicyPerMethod(t *testing.T) {
	tests := []struct {
		call     call
		status   int
		failures int
		opts     []whop.RequestOption
		attempts int  // what the server should see
		ok       bool // whether the call should end in success
	}{
		// Idempotent methods: 408, 429 and 5xx are retried, 2 retries by default.
		{getMember, 500, 2, nil, 3, true},
		{getMember, 500, 5, nil, 3, false},
		{getMember, 502, 1, nil, 2, true},
		{getMember, 408, 1, nil, 2, true},
		{getMember, 429, 1, nil, 2, true},
		{getMember, 503, 1, nil, 2, true},
		{getMember, 404, 1, nil, 1, false},
		{getMember, 400, 1, nil, 1, false},
		{getMember, 500, 9, []whop.RequestOption{whop.WithMaxRetries(0)}, 1, false},
		{getMember, 500, 4, []whop.RequestOption{whop.WithMaxRetries(4)}, 5, true},
		{deleteWebhook, 500, 1, nil, 2, true},

		// POST and PATCH: only where the server cannot have acted.
		{createPayment, 500, 1, nil, 1, false},
		{createPayment, 502, 1, nil, 1, false},
		{createPayment, 504, 1, nil, 1, false},
		{createPayment, 408, 1, nil, 1, false},
		{createPayment, 503, 1, nil, 2, true},
		{createPayment, 429, 1, nil, 2, true},
		{createPayment, 503, 5, nil, 3, false},
		{updateUser, 500, 1, nil, 1, false},
		{updateUser, 503, 1, nil, 2, true},

		// Opting in makes POST and PATCH retry like GET.
		{createPayment, 500, 1, []whop.RequestOption{whop.WithRetryNonIdempotent(true)}, 2, true},
		{createPayment, 408, 1, []whop.RequestOption{whop.WithRetryNonIdempotent(true)}, 2, true},
		{updateUser, 502, 2, []whop.RequestOption{whop.WithRetryNonIdempotent(true)}, 3, true},
		{createPayment, 500, 1, []whop.RequestOption{whop.WithRetryNonIdempotent(false)}, 1, false},
	}
	for _, tt := range tests {
		name := tt.call.name + " " + http.StatusText(tt.status)
		if len(tt.opts) > 0 {
			name += " with options"
		}
		t.Run(name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if n <= tt.failures {
					replyNow(w, tt.status, serverError)
					return
				}
				reply(w, 200, successBody(r))
			})
			err := tt.call.do(context.Background(), srv.client(), tt.opts...)
			if got := srv.count(); got != tt.attempts {
				t.Errorf("server saw %d attempts, want %d", got, tt.attempts)
			}
			if tt.ok {
				if err != nil {
					t.Errorf("err = %v, want success", err)
				}
				return
			}
			apiErr, ok := errors.AsType[*whop.Error](err)
			if !ok || apiErr.StatusCode != tt.status {
				t.Errorf("err = %v, want *whop.Error with status %d", err, tt.status)
			}
		})
	}
}

// Option set on the client applies to every call; a call can turn it off.
func TestRetryNonIdempotentClientOption(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { replyNow(w, 500, serverError) })
	client := srv.client(whop.WithRetryNonIdempotent(true), whop.WithMaxRetries(1))
	ctx := context.Background()
	createPayment.do(ctx, client)
	if got := srv.count(); got != 2 {
		t.Errorf("client-level opt-in: %d attempts, want 2", got)
	}
	createPayment.do(ctx, client, whop.WithRetryNonIdempotent(false))
	if got := srv.count() - 2; got != 1 {
		t.Errorf("per-call opt-out: %d attempts, want 1", got)
	}
}

// A POST whose connection is refused never reached a server, so it is
// retried. Attempts are counted by a middleware since no server exists.
func TestPOSTRetriedWhenConnectionRefused(t *testing.T) {
	srv := newServer(t, nil)
	closed := srv.baseURL()
	srv.Close()

	attempts := 0
	count := func(r *http.Request, next whop.MiddlewareNext) (*http.Response, error) {
		attempts++
		return next(r)
	}
	client := whop.NewClient(whop.WithAPIKey(testKey), whop.WithBaseURL(closed),
		whop.WithMaxRetries(1), whop.WithMiddleware(count))
	err := createPayment.do(context.Background(), client)
	if err == nil || attempts != 2 {
		t.Errorf("attempts = %d, err = %v; want 2 attempts and an error", attempts, err)
	}
}

// Retry-After decides the wait when present, but a wait under 100 ms (0,
// a date in the past) becomes a random one between 100 and 200 ms, so that
// clients told "now" together do not come back together. The delay the
// client chose is read from its Warn log, so nothing depends on the clock:
// without the header the backoff would be at least 375 ms.
func TestRetryAfter(t *testing.T) {
	tests := []struct {
		name     string
		header   func() (string, string)
		min, max time.Duration
	}{
		{"seconds", func() (string, string) { return "Retry-After", "0" }, 100 * time.Millisecond, 200 * time.Millisecond},
		{"HTTP date in the past", func() (string, string) {
			return "Retry-After", time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
		}, 100 * time.Millisecond, 200 * time.Millisecond},
		{"milliseconds under the minimum", func() (string, string) { return "Retry-After-Ms", "7" }, 100 * time.Millisecond, 200 * time.Millisecond},
		{"milliseconds", func() (string, string) { return "Retry-After-Ms", "120" }, 120 * time.Millisecond, 120 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if n == 1 {
					k, v := tt.header()
					w.Header().Set(k, v)
					reply(w, 429, `{"error":{"type":"rate_limited","message":"slow down"}}`)
					return
				}
				reply(w, 200, memberJSON)
			})
			logs := &logRecorder{}
			if err := getMember.do(context.Background(), srv.client(whop.WithLogger(slog.New(logs)))); err != nil {
				t.Fatal(err)
			}
			if n := srv.count(); n != 2 {
				t.Errorf("server saw %d attempts, want 2", n)
			}
			retries := logs.messages("retrying request")
			if len(retries) != 1 {
				t.Fatalf("want one retry log record, got %d:\n%s", len(retries), logs.text())
			}
			if got := attr(retries[0], "delay").Duration(); got < tt.min || got > tt.max {
				t.Errorf("delay = %s, want it in [%s, %s]", got, tt.min, tt.max)
			}
			if got := attr(retries[0], "reason").String(); got != "rate limited (429)" {
				t.Errorf("reason = %q", got)
			}
		})
	}
}

// Cancelling the context while the client waits to retry ends the call at
// once. The cancel happens inside the logger, right when the client
// announces the wait (one minute, from Retry-After), so the test is
// deterministic; a client that ignored the context would hang here.
func TestCancelDuringBackoff(t *testing.T) {
	for _, c := range []call{getMember, createPayment} {
		t.Run(c.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				w.Header().Set("Retry-After", "60")
				reply(w, 503, `{"error":{"type":"unavailable","message":"down"}}`)
			})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			logs := &logRecorder{hook: func(r slog.Record) {
				if r.Message == "retrying request" {
					cancel()
				}
			}}
			err := c.do(ctx, srv.client(whop.WithLogger(slog.New(logs))))
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if apiErr, ok := errors.AsType[*whop.Error](err); !ok || apiErr.StatusCode != 503 {
				t.Errorf("err = %v, want it to keep the last *whop.Error (503)", err)
			}
			if n := srv.count(); n != 1 {
				t.Errorf("server saw %d attempts, want exactly 1", n)
			}
			if got := attr(logs.messages("retrying request")[0], "delay").Duration(); got != time.Minute {
				t.Errorf("announced delay = %s, want 1m0s (the capped Retry-After)", got)
			}
		})
	}
}

// A context cancelled before the call sends nothing.
func TestCancelledBeforeCall(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, memberJSON) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := getMember.do(ctx, srv.client())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if n := srv.count(); n != 0 {
		t.Errorf("server saw %d requests, want 0", n)
	}
}

// The request body is sent whole on every attempt.
func TestBodyReplayedOnRetry(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n < 3 {
			replyNow(w, 503, serverError)
			return
		}
		reply(w, 200, paymentJSON)
	})
	if err := createPayment.do(context.Background(), srv.client()); err != nil {
		t.Fatal(err)
	}
	reqs := srv.requests()
	if len(reqs) != 3 {
		t.Fatalf("server saw %d attempts, want 3", len(reqs))
	}
	for i, r := range reqs {
		if string(r.Body) != string(reqs[0].Body) || !strings.Contains(string(r.Body), `"plan_id":"plan_1"`) {
			t.Errorf("attempt %d body = %s", i+1, r.Body)
		}
	}
}
