package whop

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const rtTestKey = "sk_test_Zq81xKeyThatMustNeverLeak"

// rtTestServer counts requests and answers them with handler, which gets
// the 1-based number of the request.
type rtTestServer struct {
	*httptest.Server
	hits atomic.Int32
}

func newRTTestServer(t *testing.T, handler func(w http.ResponseWriter, r *http.Request, n int32)) *rtTestServer {
	t.Helper()
	s := &rtTestServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler(w, r, s.hits.Add(1))
	}))
	t.Cleanup(s.Close)
	return s
}

// rtTestSleeps records backoff delays instead of waiting.
type rtTestSleeps struct {
	mu     sync.Mutex
	delays []time.Duration
}

func (s *rtTestSleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.delays = append(s.delays, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *rtTestSleeps) get() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.delays...)
}

// newRTTestTransport returns a transport for baseURL+"/api/v1" with the
// test key and a recorded, instant sleep.
func newRTTestTransport(t *testing.T, baseURL string, opts ...RequestOption) (*transport, *rtTestSleeps) {
	t.Helper()
	all := append([]RequestOption{WithAPIKey(rtTestKey), WithBaseURL(baseURL + "/api/v1")}, opts...)
	tr := newTransport(transportConfig{DefaultBaseURL: "https://invalid.example/api/v1", EnvPrefix: "WHOPTEST", UserAgent: "whop-go/test (whopgen)"}, all)
	sleeps := &rtTestSleeps{}
	tr.sleep = sleeps.sleep
	return tr, sleeps
}

// rtJSON writes a JSON response.
func rtJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}
