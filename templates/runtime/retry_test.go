package whop

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

func TestRetryByStatusAndMethod(t *testing.T) {
	tests := []struct {
		method   string
		status   int
		opts     []RequestOption
		attempts int32
	}{
		{http.MethodGet, 408, nil, 3},
		{http.MethodGet, 429, nil, 3},
		{http.MethodGet, 500, nil, 3},
		{http.MethodGet, 502, nil, 3},
		{http.MethodGet, 503, nil, 3},
		{http.MethodGet, 504, nil, 3},
		{http.MethodPut, 500, nil, 3},
		{http.MethodDelete, 502, nil, 3},
		{http.MethodGet, 400, nil, 1},
		{http.MethodGet, 404, nil, 1},
		{http.MethodGet, 409, nil, 1},
		{http.MethodGet, 422, nil, 1},
		{http.MethodPost, 500, nil, 1},
		{http.MethodPost, 502, nil, 1},
		{http.MethodPost, 408, nil, 1},
		{http.MethodPatch, 504, nil, 1},
		{http.MethodPost, 503, nil, 3},
		{http.MethodPost, 429, nil, 3},
		{http.MethodPatch, 429, nil, 3},
		{http.MethodPost, 500, []RequestOption{WithRetryNonIdempotent(true)}, 3},
		{http.MethodPatch, 502, []RequestOption{WithRetryNonIdempotent(true)}, 3},
		{http.MethodPost, 400, []RequestOption{WithRetryNonIdempotent(true)}, 1},
		{http.MethodGet, 500, []RequestOption{WithMaxRetries(0)}, 1},
		{http.MethodGet, 500, []RequestOption{WithMaxRetries(4)}, 5},
	}
	for _, tc := range tests {
		t.Run(tc.method+"_"+strconv.Itoa(tc.status), func(t *testing.T) {
			srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
				rtJSON(w, tc.status, `{"error":{"type":"x","message":"m"}}`)
			})
			tr, sleeps := newRTTestTransport(t, srv.URL, tc.opts...)
			err := tr.do(context.Background(), &apiRequest{Operation: "things.op", Method: tc.method, Path: "/things", Body: map[string]int{"a": 1}}, nil)
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status {
				t.Fatalf("err = %v, want *Error with status %d", err, tc.status)
			}
			if got := srv.hits.Load(); got != tc.attempts {
				t.Errorf("attempts = %d, want %d", got, tc.attempts)
			}
			if got := len(sleeps.get()); got != int(tc.attempts)-1 {
				t.Errorf("sleeps = %d, want %d", got, tc.attempts-1)
			}
		})
	}
}

func TestRetrySucceedsAfterFailures(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, n int32) {
		if n < 3 {
			rtJSON(w, 500, `{}`)
			return
		}
		rtJSON(w, 200, `{"id":"u_1"}`)
	})
	tr, sleeps := newRTTestTransport(t, srv.URL)
	var out struct{ ID string }
	if err := tr.do(context.Background(), &apiRequest{Operation: "users.get", Method: "GET", Path: "/users/u_1"}, &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "u_1" || srv.hits.Load() != 3 {
		t.Fatalf("out = %+v after %d attempts", out, srv.hits.Load())
	}
	d := sleeps.get()
	if len(d) != 2 || d[0] < 375*time.Millisecond || d[0] > 500*time.Millisecond || d[1] < 750*time.Millisecond || d[1] > time.Second {
		t.Errorf("backoff delays = %v, want ~0.5s then ~1s", d)
	}
}

func TestRetryBodyReplayed(t *testing.T) {
	var bodies []string
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, n int32) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if n < 3 {
			rtJSON(w, 503, `{}`)
			return
		}
		w.WriteHeader(204)
	})
	tr, _ := newRTTestTransport(t, srv.URL)
	err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "POST", Path: "/x", Body: map[string]string{"k": "v"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bodies {
		if b != `{"k":"v"}` {
			t.Errorf("body = %q", bodies)
		}
	}
	if len(bodies) != 3 {
		t.Errorf("got %d bodies", len(bodies))
	}
}

// rtClosedURL returns the URL of a port that refuses connections.
func rtClosedURL(t *testing.T) string {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL
	srv.Close()
	return u
}

func TestRetryConnectionRefused(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodPatch, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			attempts := 0
			count := func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
				attempts++
				return next(r)
			}
			tr, sleeps := newRTTestTransport(t, rtClosedURL(t), WithMiddleware(count))
			err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: method, Path: "/x", Body: map[string]int{}}, nil)
			var opErr *net.OpError
			if !errors.As(err, &opErr) {
				t.Fatalf("err = %v, want a dial error", err)
			}
			if attempts != 3 || len(sleeps.get()) != 2 {
				t.Errorf("attempts = %d, sleeps = %d; want 3 and 2", attempts, len(sleeps.get()))
			}
		})
	}
}

// A connection dropped after the request was sent may have been acted on,
// so only idempotent requests retry it.
func TestRetryDroppedConnection(t *testing.T) {
	for method, want := range map[string]int32{http.MethodPost: 1, http.MethodGet: 3} {
		t.Run(method, func(t *testing.T) {
			srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					conn.Close()
				}
			})
			tr, _ := newRTTestTransport(t, srv.URL)
			err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: method, Path: "/x"}, nil)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := srv.hits.Load(); got != want {
				t.Errorf("attempts = %d, want %d", got, want)
			}
		})
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name, header, value string
		want                time.Duration
	}{
		{"seconds", "Retry-After", "3", 3 * time.Second},
		{"date", "Retry-After", now.Add(7 * time.Second).Format(http.TimeFormat), 7 * time.Second},
		{"capped", "Retry-After", "3600", 60 * time.Second},
		{"capped date", "Retry-After", now.Add(24 * time.Hour).Format(http.TimeFormat), 60 * time.Second},
		{"milliseconds", "Retry-After-Ms", "250", 250 * time.Millisecond},
		{"at the minimum", "Retry-After-Ms", "100", 100 * time.Millisecond},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, n int32) {
				if n == 1 {
					w.Header().Set(tc.header, tc.value)
					rtJSON(w, 429, `{}`)
					return
				}
				rtJSON(w, 200, `{}`)
			})
			tr, sleeps := newRTTestTransport(t, srv.URL)
			tr.now = func() time.Time { return now }
			if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "POST", Path: "/x"}, nil); err != nil {
				t.Fatal(err)
			}
			if d := sleeps.get(); len(d) != 1 || d[0] != tc.want {
				t.Errorf("delays = %v, want [%v]", d, tc.want)
			}
		})
	}
}

// A wait under the minimum (0, a past date, a few milliseconds) becomes a
// random one between 100 and 200 ms, so that clients told "now" together
// neither come back at once nor all at the same moment.
func TestRetryAfterBelowMinimumIsJittered(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for name, h := range map[string]http.Header{
		"zero":         {"Retry-After": {"0"}},
		"past date":    {"Retry-After": {now.Add(-time.Hour).Format(http.TimeFormat)}},
		"now":          {"Retry-After": {now.Format(http.TimeFormat)}},
		"milliseconds": {"Retry-After-Ms": {"5"}},
	} {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := retryDelay(h, now, 0)
			if d < retryMinDelay || d >= 2*retryMinDelay {
				t.Fatalf("%s: delay %v, want in [%v, %v)", name, d, retryMinDelay, 2*retryMinDelay)
			}
			seen[d] = true
		}
		if len(seen) < 100 {
			t.Errorf("%s: only %d distinct delays in 200 draws", name, len(seen))
		}
	}
	// Without a usable header, the backoff decides.
	for range 50 {
		if d := retryDelay(http.Header{"Retry-After": {"soon"}}, now, 1); d < 750*time.Millisecond || d > time.Second {
			t.Fatalf("backoff delay %v for retry 2", d)
		}
	}
}

func TestRetryAfterIgnoresGarbage(t *testing.T) {
	for _, v := range []string{"-5", "soon", "1.5", "", "Mon, 99 Foo 2026"} {
		h := http.Header{"Retry-After": {v}}
		if d, ok := retryAfter(h, time.Now()); ok {
			t.Errorf("retryAfter(%q) = %v, want ignored", v, d)
		}
	}
	if _, ok := retryAfter(http.Header{"Retry-After-Ms": {"-1"}}, time.Now()); ok {
		t.Error("negative Retry-After-Ms accepted")
	}
}

func TestRetryBackoffBounds(t *testing.T) {
	for n, base := range []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second, 8 * time.Second} {
		for range 50 {
			if d := retryBackoff(n); d < base*3/4 || d > base {
				t.Fatalf("retryBackoff(%d) = %v, want in [%v, %v]", n, d, base*3/4, base)
			}
		}
	}
	if d := retryBackoff(1000); d > 8*time.Second || d <= 0 {
		t.Errorf("retryBackoff(1000) = %v", d)
	}
}

func TestRetryCancelDuringBackoff(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		w.Header().Set("Retry-After", "30")
		rtJSON(w, 503, `{}`)
	})
	tr, _ := newRTTestTransport(t, srv.URL)
	tr.sleep = retrySleep // really wait

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelled := make(chan time.Time, 1)
	time.AfterFunc(100*time.Millisecond, func() {
		cancelled <- time.Now()
		cancel()
	})
	err := tr.do(ctx, &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil)
	returned := time.Now()
	if lag := returned.Sub(<-cancelled); lag > 50*time.Millisecond {
		t.Errorf("returned %v after cancellation, want < 50ms", lag)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Errorf("err = %v, want it to carry the last *Error", err)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("attempts = %d, want 1", srv.hits.Load())
	}
}

func TestRetryDeadlineStopsCall(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { rtJSON(w, 500, `{}`) })
	tr, _ := newRTTestTransport(t, srv.URL)
	tr.sleep = retrySleep
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := tr.do(ctx, &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 300*time.Millisecond {
		t.Errorf("took %v", d)
	}
}

func TestRetryAttemptTimeout(t *testing.T) {
	stall := func(r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}
	t.Run("stalled headers", func(t *testing.T) {
		srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, n int32) {
			if n == 1 {
				stall(r)
				return
			}
			rtJSON(w, 200, `{"ok":true}`)
		})
		tr, _ := newRTTestTransport(t, srv.URL, WithRequestTimeout(100*time.Millisecond))
		var out struct{ OK bool }
		if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, &out); err != nil || !out.OK {
			t.Fatalf("err = %v, out = %+v", err, out)
		}
		if srv.hits.Load() != 2 {
			t.Errorf("attempts = %d, want 2", srv.hits.Load())
		}
	})
	t.Run("stalled body", func(t *testing.T) {
		srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, n int32) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"ok":`))
			if n == 1 {
				w.(http.Flusher).Flush()
				stall(r)
				return
			}
			_, _ = w.Write([]byte(`true}`))
		})
		tr, _ := newRTTestTransport(t, srv.URL, WithRequestTimeout(100*time.Millisecond))
		var out struct{ OK bool }
		if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, &out); err != nil || !out.OK {
			t.Fatalf("err = %v, out = %+v", err, out)
		}
		if srv.hits.Load() != 2 {
			t.Errorf("attempts = %d, want 2", srv.hits.Load())
		}
	})
	t.Run("POST not retried", func(t *testing.T) {
		srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { stall(r) })
		tr, _ := newRTTestTransport(t, srv.URL, WithRequestTimeout(50*time.Millisecond))
		start := time.Now()
		err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "POST", Path: "/x"}, nil)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want DeadlineExceeded", err)
		}
		if srv.hits.Load() != 1 || time.Since(start) > 2*time.Second {
			t.Errorf("attempts = %d after %v", srv.hits.Load(), time.Since(start))
		}
	})
}

func TestRetryMiddlewareErrorNotRetried(t *testing.T) {
	attempts := 0
	refuse := func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
		attempts++
		return nil, errors.New("circuit open")
	}
	tr, sleeps := newRTTestTransport(t, rtClosedURL(t), WithMiddleware(refuse))
	err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil)
	if err == nil || attempts != 1 || len(sleeps.get()) != 0 {
		t.Errorf("err = %v, attempts = %d", err, attempts)
	}
}
