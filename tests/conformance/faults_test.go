package conformance

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/mock"
)

// The fault tests call users.retrieve (GET, retried on any failure) and
// users.update (PATCH, retried only when the server cannot have acted).
const (
	retrieveUser = "retrieveUser"
	updateUser   = "updateUser"
	faultUserID  = "user_xxxxxxxxxxxxx"
)

// userJSON is a User the spec accepts, with bio as given.
func userJSON(bio string) map[string]any {
	return map[string]any{
		"id": faultUserID, "username": "jane", "name": "Jane", "bio": bio,
		"created_at": "2023-12-01T05:00:00.401Z", "profile_picture": nil,
	}
}

func userResponder(_ *openapi3.Operation, _ *mock.Hit) (any, error) { return userJSON("hello"), nil }

// faultHarness starts a mock whose requests are answered by fault, given
// the 1-based number of the request; fault returns false to let the mock
// answer normally.
func faultHarness(t *testing.T, fault func(w http.ResponseWriter, r *http.Request, n int) bool, clientOpts ...whop.RequestOption) *harness {
	t.Helper()
	var n atomic.Int32
	return newHarness(t, mock.Options{
		Respond: userResponder,
		Intercept: func(w http.ResponseWriter, r *http.Request, _ *mock.Hit) bool {
			return fault(w, r, int(n.Add(1)))
		},
	}, clientOpts...)
}

// retrieve calls users.retrieve and checks the invariants every fault
// test shares: no panic, no key in the error, and only valid requests.
func (h *harness) retrieve(t *testing.T, opts ...whop.RequestOption) (user *whop.User, err error) {
	t.Helper()
	noPanic(t, func() {
		user, err = h.client.Users.Retrieve(context.Background(), faultUserID, whop.UserRetrieveParams{}, opts...)
	})
	checkSecret(t, err)
	h.checkHits(t, retrieveUser)
	return user, err
}

func (h *harness) update(t *testing.T, opts ...whop.RequestOption) (user *whop.User, err error) {
	t.Helper()
	noPanic(t, func() {
		user, err = h.client.Users.Update(context.Background(), faultUserID, whop.UserUpdateParams{Bio: whop.Some("hi")}, opts...)
	})
	checkSecret(t, err)
	h.checkHits(t, updateUser)
	return user, err
}

// checkHits fails on any request that did not reach operation op valid.
func (h *harness) checkHits(t *testing.T, op string) {
	t.Helper()
	for _, hit := range h.srv.Hits() {
		if err := hit.Err(); err != nil {
			t.Errorf("request %d: %v", hit.Seq, err)
		} else if hit.OperationID != op {
			t.Errorf("request %d reached %s, want %s", hit.Seq, hit.OperationID, op)
		}
	}
}

func wantUser(t *testing.T, user *whop.User, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("want success, got %v", err)
	}
	if user == nil || user.ID != faultUserID {
		t.Fatalf("user = %+v", user)
	}
}

func wantHits(t *testing.T, h *harness, n int) {
	t.Helper()
	if got := len(h.srv.Hits()); got != n {
		t.Errorf("server saw %d requests, want %d", got, n)
	}
}

// retryAfterZeroDelay matches the retry log line of a Retry-After of 0,
// which the client turns into a wait of 100 to 200 ms.
var retryAfterZeroDelay = regexp.MustCompile(`reason="rate limited \(429\)" delay=(1\d\d(\.\d+)?ms|200ms)`)

func TestFault429RetryAfterThenSuccess(t *testing.T) {
	h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, n int) bool {
		if n > 1 {
			return false
		}
		w.Header().Set("Retry-After", "0")
		mock.WriteJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]any{"type": "rate_limited", "message": "slow down"}})
		return true
	})
	user, err := h.retrieve(t)
	wantUser(t, user, err)
	wantHits(t, h, 2)
	// Retry-After: 0 was honoured with the minimum wait of 100-200 ms (the
	// backoff alone would wait 375 ms or more).
	if logs := h.logs.String(); !retryAfterZeroDelay.MatchString(logs) {
		t.Errorf("no 100-200 ms retry logged for Retry-After: 0:\n%s", logs)
	}
}

func TestFault503ExhaustsRetries(t *testing.T) {
	h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, _ int) bool {
		w.Header().Set("Retry-After", "0")
		mock.WriteJSON(w, http.StatusServiceUnavailable, map[string]any{"error": map[string]any{"type": "unavailable", "message": "down"}})
		return true
	}, whop.WithMaxRetries(2))
	user, err := h.retrieve(t)
	var apiErr *whop.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable || user != nil {
		t.Fatalf("want *whop.Error 503, got %v (user %v)", err, user)
	}
	if apiErr.Operation != "users.retrieve" || apiErr.Message != "down" {
		t.Errorf("error = %+v", apiErr)
	}
	wantHits(t, h, 3)
}

// resetMidBody sends the headers and half of a body, then resets the
// connection.
func resetMidBody(t *testing.T, w http.ResponseWriter) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":\"user_")
	_ = buf.Flush()
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0) // close with RST rather than FIN
	}
	conn.Close()
}

func TestFaultConnectionResetMidBody(t *testing.T) {
	t.Run("GET is retried", func(t *testing.T) {
		h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, n int) bool {
			if n > 1 {
				return false
			}
			resetMidBody(t, w)
			return true
		}, whop.WithMaxRetries(1))
		user, err := h.retrieve(t)
		wantUser(t, user, err)
		wantHits(t, h, 2)
	})
	t.Run("GET fails when every attempt is reset", func(t *testing.T) {
		h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, _ int) bool {
			resetMidBody(t, w)
			return true
		}, whop.WithMaxRetries(1))
		user, err := h.retrieve(t)
		var apiErr *whop.Error
		var decErr *whop.DecodeError
		if err == nil || user != nil || errors.As(err, &apiErr) || errors.As(err, &decErr) {
			t.Fatalf("want a read error, got %v (user %v)", err, user)
		}
		if !strings.Contains(err.Error(), "users.retrieve") {
			t.Errorf("error does not name the operation: %v", err)
		}
		wantHits(t, h, 2)
	})
	t.Run("PATCH is not retried", func(t *testing.T) {
		h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, _ int) bool {
			resetMidBody(t, w)
			return true
		}, whop.WithMaxRetries(2))
		user, err := h.update(t)
		if err == nil || user != nil {
			t.Fatalf("want an error, got user %v", user)
		}
		wantHits(t, h, 1)
	})
}

// stall blocks until the client gives up on the request.
func stall(r *http.Request) { <-r.Context().Done() }

func TestFaultStallPastRequestTimeout(t *testing.T) {
	t.Run("before the headers", func(t *testing.T) {
		h := faultHarness(t, func(_ http.ResponseWriter, r *http.Request, n int) bool {
			if n > 1 {
				return false
			}
			stall(r)
			return true
		}, whop.WithRequestTimeout(200*time.Millisecond), whop.WithMaxRetries(1))
		user, err := h.retrieve(t)
		wantUser(t, user, err)
		wantHits(t, h, 2)
		if !strings.Contains(h.logs.String(), `retry_reason="attempt timed out"`) {
			t.Errorf("the first attempt did not time out:\n%s", h.logs.String())
		}
	})
	t.Run("in the body", func(t *testing.T) {
		h := faultHarness(t, func(w http.ResponseWriter, r *http.Request, _ int) bool {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", "1000")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`{"id":"user_`))
			_ = http.NewResponseController(w).Flush()
			stall(r)
			return true
		}, whop.WithRequestTimeout(200*time.Millisecond), whop.WithMaxRetries(0))
		user, err := h.retrieve(t)
		if !errors.Is(err, context.DeadlineExceeded) || user != nil {
			t.Fatalf("want a deadline error, got %v (user %v)", err, user)
		}
		wantHits(t, h, 1)
	})
}

// wantDecodeError checks a 2xx answer that cannot be decoded: a
// *whop.DecodeError, not retried.
func wantDecodeError(t *testing.T, h *harness, user *whop.User, err error, contains string) {
	t.Helper()
	var decErr *whop.DecodeError
	if !errors.As(err, &decErr) || user != nil {
		t.Fatalf("want *whop.DecodeError, got %v (user %v)", err, user)
	}
	if decErr.StatusCode != http.StatusOK || decErr.Operation != "users.retrieve" || !strings.Contains(err.Error(), contains) {
		t.Errorf("error = %v", err)
	}
	wantHits(t, h, 1)
}

func TestFaultMalformedJSON(t *testing.T) {
	h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, _ int) bool {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id": "user_x", "username": `))
		return true
	})
	user, err := h.retrieve(t)
	wantDecodeError(t, h, user, err, "unexpected end of JSON input")
}

func TestFaultWrongContentType(t *testing.T) {
	h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, _ int) bool {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<html><body>Gateway says hi</body></html>`))
		return true
	})
	user, err := h.retrieve(t)
	wantDecodeError(t, h, user, err, `unexpected content type "text/html; charset=utf-8"`)
}

func TestFaultEmptyBody(t *testing.T) {
	h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, _ int) bool {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		return true
	})
	user, err := h.retrieve(t)
	wantDecodeError(t, h, user, err, "empty response body")
}

func TestFaultLargeBody(t *testing.T) {
	const size = 10 << 20
	bio := strings.Repeat("é", size/2) // 10 MiB of UTF-8
	h := newHarness(t, mock.Options{
		Respond: func(*openapi3.Operation, *mock.Hit) (any, error) { return userJSON(bio), nil },
	})
	user, err := h.retrieve(t)
	wantUser(t, user, err)
	if user.Bio == nil || len(*user.Bio) != size || *user.Bio != bio {
		t.Errorf("bio arrived with %d bytes, want %d", len(deref(user.Bio)), size)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestFaultRedirectToAnotherHost(t *testing.T) {
	var otherAuth atomic.Value
	var otherHits atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otherHits.Add(1)
		otherAuth.Store(r.Header.Get("Authorization"))
		mock.WriteJSON(w, http.StatusOK, userJSON("from the other host"))
	}))
	defer other.Close()
	h := faultHarness(t, func(w http.ResponseWriter, r *http.Request, _ int) bool {
		http.Redirect(w, r, other.URL+"/landing", http.StatusFound)
		return true
	})
	user, err := h.retrieve(t)
	wantUser(t, user, err)
	if deref(user.Bio) != "from the other host" {
		t.Errorf("bio = %q", deref(user.Bio))
	}
	if otherHits.Load() != 1 || otherAuth.Load() != "" {
		t.Errorf("other host got %d requests with Authorization %q", otherHits.Load(), otherAuth.Load())
	}
	wantHits(t, h, 1)
}

// The retry count in the log and in the error agree with the attempts the
// server saw, for every configured number of retries.
func TestFaultRetriesAreBounded(t *testing.T) {
	for _, retries := range []int{0, 1, 3} {
		t.Run(strconv.Itoa(retries), func(t *testing.T) {
			h := faultHarness(t, func(w http.ResponseWriter, _ *http.Request, _ int) bool {
				w.Header().Set("Retry-After-Ms", "1")
				mock.WriteJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]any{"type": "rate_limited", "message": "slow down"}})
				return true
			}, whop.WithMaxRetries(retries))
			_, err := h.update(t)
			var apiErr *whop.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusTooManyRequests {
				t.Fatalf("want *whop.Error 429, got %v", err)
			}
			wantHits(t, h, retries+1)
			if got := strings.Count(h.logs.String(), "msg=\"retrying request\""); got != retries {
				t.Errorf("logged %d retries, want %d", got, retries)
			}
		})
	}
}
