// Package conformance proves the generated client against the spec: every
// operation through the validating mock server, fault injection, hostile
// parameters, and concurrent load.
package conformance

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/mock"
)

// testKey is the API key every test client sends. No error string or log
// line may contain it.
const testKey = "sk_test_conformance_Zx9Q7wMustNeverLeak"

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is a mock server and a client with its own HTTP transport and a
// debug logger on a buffer.
type harness struct {
	t      testing.TB
	srv    *mock.Server
	client *whop.Client
	http   *http.Transport
	logs   *syncBuffer
}

// newHarness starts a mock server and a client for it. When the test ends
// it stops both, then checks that no goroutine outlived them and that the
// key appears in no log line.
func newHarness(t testing.TB, opts mock.Options, clientOpts ...whop.RequestOption) *harness {
	t.Helper()
	if _, err := mock.Spec(); err != nil { // loaded before the goroutine baseline
		t.Fatal(err)
	}
	baseline := runtime.NumGoroutine()
	opts.APIKey = testKey
	srv, err := mock.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	// Enough idle connections for the load test's goroutines, so they are
	// reused rather than redialled.
	h := &harness{t: t, srv: srv, http: &http.Transport{MaxIdleConnsPerHost: 64}, logs: &syncBuffer{}}
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	all := append([]whop.RequestOption{
		whop.WithAPIKey(testKey),
		whop.WithBaseURL(srv.BaseURL()),
		whop.WithHTTPClient(&http.Client{Transport: h.http}),
		whop.WithLogger(logger),
	}, clientOpts...)
	h.client = whop.NewClient(all...)
	t.Cleanup(func() {
		srv.Close()
		h.http.CloseIdleConnections()
		checkGoroutines(t, baseline)
		if logs := h.logs.String(); strings.Contains(logs, testKey) {
			t.Errorf("the API key appears in the log:\n%s", logs)
		}
	})
	return h
}

// checkGoroutines waits for goroutines started during the test to end.
// Connections close asynchronously, so it polls before failing.
func checkGoroutines(t testing.TB, baseline int) {
	t.Helper()
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); n > baseline && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	if n > baseline {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Errorf("%d goroutines left behind (%d before, %d after):\n%s", n-baseline, baseline, n, buf)
	}
}

// checkSecret fails when err, however it is formatted, contains the key.
func checkSecret(t testing.TB, err error) {
	t.Helper()
	if err == nil {
		return
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		if s := fmt.Sprintf(verb, err); strings.Contains(s, testKey) {
			t.Errorf("error formatted with %s contains the API key: %s", verb, s)
		}
	}
}

// noPanic runs f and turns a panic into a test failure.
func noPanic(t testing.TB, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic: %v", r)
		}
	}()
	f()
}
