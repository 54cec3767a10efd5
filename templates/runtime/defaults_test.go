package whop

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestDefaultRequestTimeout(t *testing.T) {
	tr, _ := newRTTestTransport(t, "http://127.0.0.1:1")
	if tr.cfg.requestTimeout != time.Minute {
		t.Errorf("default per-attempt timeout = %v, want 1m", tr.cfg.requestTimeout)
	}
	if c := tr.cfg.withOptions([]RequestOption{WithRequestTimeout(0)}); c.requestTimeout != 0 {
		t.Errorf("WithRequestTimeout(0) = %v, want none", c.requestTimeout)
	}
	if c := tr.cfg.withOptions([]RequestOption{WithRequestTimeout(-time.Second)}); c.requestTimeout != 0 {
		t.Errorf("WithRequestTimeout(-1s) = %v, want none", c.requestTimeout)
	}
}

// rtStall holds a request until its context ends.
func rtStall(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-time.After(10 * time.Second):
	}
}

// The per-attempt timeout and the caller's deadline both match
// context.DeadlineExceeded; only the first matches ErrRequestTimeout.
func TestRequestTimeoutTellsItselfFromTheCallersDeadline(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		if r.URL.Path == "/api/v1/body" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"a":`))
			w.(http.Flusher).Flush()
		}
		rtStall(r)
	})
	bare := func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
		// A middleware that gives up with the context's own error.
		<-r.Context().Done()
		return nil, r.Context().Err()
	}
	tests := []struct {
		name        string
		path        string
		opts        []RequestOption
		callerLimit time.Duration
		wantOurs    bool
	}{
		{"headers stall", "/head", []RequestOption{WithRequestTimeout(30 * time.Millisecond)}, 0, true},
		{"body stalls", "/body", []RequestOption{WithRequestTimeout(30 * time.Millisecond)}, 0, true},
		{"middleware returns ctx.Err()", "/head", []RequestOption{WithRequestTimeout(30 * time.Millisecond), WithMiddleware(bare)}, 0, true},
		{"caller's deadline first", "/head", []RequestOption{WithRequestTimeout(10 * time.Second)}, 30 * time.Millisecond, false},
		{"caller's deadline, no attempt timeout", "/body", []RequestOption{WithRequestTimeout(0)}, 30 * time.Millisecond, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, _ := newRTTestTransport(t, srv.URL, append(tc.opts, WithMaxRetries(0))...)
			ctx := context.Background()
			if tc.callerLimit > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.callerLimit)
				defer cancel()
			}
			var out map[string]any
			err := tr.do(ctx, &apiRequest{Operation: "a.b", Method: "GET", Path: tc.path}, &out)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want it to match context.DeadlineExceeded", err)
			}
			if got := errors.Is(err, ErrRequestTimeout); got != tc.wantOurs {
				t.Errorf("errors.Is(err, ErrRequestTimeout) = %v, want %v; err = %v", got, tc.wantOurs, err)
			}
			if tc.wantOurs && !strings.Contains(err.Error(), "attempt timed out after 30ms (WithRequestTimeout)") {
				t.Errorf("err = %v", err)
			}
		})
	}
}

// A GET whose attempt timed out is retried; the error of the last attempt
// still says it timed out.
func TestRequestTimeoutRetried(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { rtStall(r) })
	tr, sleeps := newRTTestTransport(t, srv.URL, WithRequestTimeout(20*time.Millisecond), WithMaxRetries(2))
	err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil)
	if !errors.Is(err, ErrRequestTimeout) || srv.hits.Load() != 3 || len(sleeps.get()) != 2 {
		t.Errorf("err = %v after %d attempts", err, srv.hits.Load())
	}
}

func TestAttemptFromContext(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, n int32) {
		if n < 3 {
			rtJSON(w, 503, `{}`)
			return
		}
		rtJSON(w, 200, `{}`)
	})
	var mu sync.Mutex
	var attempts []int
	record := func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
		mu.Lock()
		attempts = append(attempts, AttemptFromContext(r.Context()))
		mu.Unlock()
		return next(r)
	}
	tr, _ := newRTTestTransport(t, srv.URL, WithMiddleware(record))
	if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(attempts, []int{1, 2, 3}) {
		t.Errorf("attempts seen by middleware = %v, want [1 2 3]", attempts)
	}
	if n := AttemptFromContext(context.Background()); n != 0 {
		t.Errorf("AttemptFromContext(Background) = %d", n)
	}
}

func TestSharedTransportSettings(t *testing.T) {
	c := rtSharedClient()
	if c != rtSharedClient() || c == http.DefaultClient {
		t.Fatal("the shared client is not one client of its own")
	}
	tr, ok := c.Transport.(*http.Transport)
	if !ok {
		t.Fatalf("transport is %T", c.Transport)
	}
	if tr.MaxIdleConnsPerHost < 64 || tr.MaxIdleConns < tr.MaxIdleConnsPerHost || tr.Proxy == nil || !tr.ForceAttemptHTTP2 ||
		tr.IdleConnTimeout <= 0 || tr.TLSHandshakeTimeout <= 0 || tr.DialContext == nil {
		t.Errorf("transport settings: %+v", tr)
	}
}

// WithHTTPClient replaces the shared client, per client or per call.
func TestWithHTTPClientReplacesSharedClient(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { rtJSON(w, 200, `{}`) })
	var viaCustom atomic.Int32
	custom := &http.Client{Transport: rtRoundTripFunc(func(r *http.Request) (*http.Response, error) {
		viaCustom.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	})}
	tr, _ := newRTTestTransport(t, srv.URL, WithHTTPClient(custom))
	plain, _ := newRTTestTransport(t, srv.URL)
	req := func(opts ...RequestOption) *apiRequest {
		return &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: opts}
	}
	_ = tr.do(context.Background(), req(), nil)
	_ = plain.do(context.Background(), req(), nil)
	_ = plain.do(context.Background(), req(WithHTTPClient(custom)), nil)
	if viaCustom.Load() != 2 || srv.hits.Load() != 3 {
		t.Errorf("%d of %d requests went through the custom client, want 2 of 3", viaCustom.Load(), srv.hits.Load())
	}
}

type rtRoundTripFunc func(*http.Request) (*http.Response, error)

func (f rtRoundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

const rtLoadWorkers = 64

// rtConnsUnderLoad makes rtLoadWorkers goroutines send calls calls each
// through a client configured by opts, against a loopback server, and
// returns how many connections the server accepted.
func rtConnsUnderLoad(tb testing.TB, calls int, opts ...RequestOption) int32 {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rtJSON(w, 200, `{"id":"x"}`)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	tr := newTransport(transportConfig{}, append([]RequestOption{WithAPIKey(rtTestKey), WithBaseURL(srv.URL), WithMaxRetries(0)}, opts...))
	var wg sync.WaitGroup
	var failed atomic.Int32
	for range rtLoadWorkers {
		wg.Go(func() {
			for range calls {
				var out struct{ ID string }
				if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, &out); err != nil {
					failed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if n := failed.Load(); n > 0 {
		tb.Fatalf("%d calls failed", n)
	}
	return conns.Load()
}

// The shared transport keeps a connection per concurrent caller instead of
// closing all but two after each burst, as http.DefaultTransport does.
func TestSharedTransportReusesConnectionsUnderLoad(t *testing.T) {
	const calls = 50
	// Each goroutine holds at most one connection at a time; a few more
	// may be dialled while others are being returned to the pool.
	// (http.DefaultClient opens over a thousand here.)
	if n := rtConnsUnderLoad(t, calls); n > 2*rtLoadWorkers {
		t.Errorf("%d goroutines x %d calls opened %d connections, want at most %d", rtLoadWorkers, calls, n, 2*rtLoadWorkers)
	}
}

// BenchmarkConnectionsUnderLoad reports the connections opened by 64
// goroutines x 200 calls with the shared transport and with
// http.DefaultClient (conns/op), and the time both take.
func BenchmarkConnectionsUnderLoad(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts []RequestOption
	}{
		{"shared", nil},
		{"http.DefaultClient", []RequestOption{WithHTTPClient(http.DefaultClient)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var total int32
			for b.Loop() {
				total += rtConnsUnderLoad(b, 200, bc.opts...)
			}
			b.ReportMetric(float64(total)/float64(b.N), "conns/op")
		})
	}
}

// BenchmarkRetryAfterZeroStorm makes 2,000 calls, from 64 goroutines, to a
// server that always answers 429 with Retry-After: 0, and reports the
// requests it received (requests/op) and their rate (requests/s): how hard
// a rate-limited server is pushed by clients it told to come back "now".
func BenchmarkRetryAfterZeroStorm(b *testing.B) {
	const calls, workers = 2000, 64
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "0")
		rtJSON(w, 429, `{}`)
	}))
	defer srv.Close()
	tr := newTransport(transportConfig{}, []RequestOption{WithAPIKey(rtTestKey), WithBaseURL(srv.URL)})
	start := time.Now()
	for b.Loop() {
		var next atomic.Int32
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for next.Add(1) <= calls {
					err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil)
					if !errors.Is(err, ErrRateLimited) {
						panic(fmt.Sprint("unexpected error: ", err))
					}
				}
			})
		}
		wg.Wait()
	}
	b.ReportMetric(float64(hits.Load())/float64(b.N), "requests/op")
	b.ReportMetric(float64(hits.Load())/time.Since(start).Seconds(), "requests/s")
}
