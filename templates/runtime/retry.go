package whop

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const (
	retryInitialDelay  = 500 * time.Millisecond
	retryMaxDelay      = 8 * time.Second
	retryMaxRetryAfter = 60 * time.Second
	// retryMinDelay is the least a retry waits, whatever the server says:
	// a Retry-After of 0 or of a past date sent to many clients at once
	// would otherwise bring them all back at once, and at once again.
	retryMinDelay = 100 * time.Millisecond
)

// retryDelay returns the wait before retry number n (0 for the first): what
// the response asks for with Retry-After-Ms or Retry-After, else
// exponential backoff. A requested wait under retryMinDelay becomes a
// random one between retryMinDelay and twice that, so that clients told
// "now" together spread out.
func retryDelay(h http.Header, now time.Time, n int) time.Duration {
	d, ok := retryAfter(h, now)
	switch {
	case !ok:
		return retryBackoff(n)
	case d < retryMinDelay:
		return retryMinDelay + rand.N(retryMinDelay)
	}
	return d
}

// retryIdempotent reports whether repeating a request with this method
// cannot cause extra side effects.
func retryIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete, http.MethodTrace:
		return true
	}
	return false
}

// retryStatus reports whether a response status is worth retrying, and why.
// Non-idempotent requests are retried only on statuses that mean the server
// did not act: 429 and 503.
func retryStatus(status int, idempotent bool) (string, bool) {
	switch {
	case status == http.StatusTooManyRequests:
		return "rate limited (429)", true
	case status == http.StatusServiceUnavailable:
		return "service unavailable (503)", true
	case !idempotent:
		return "", false
	case status == http.StatusRequestTimeout:
		return "request timeout (408)", true
	case status >= 500 && status <= 599:
		return "server error (" + strconv.Itoa(status) + ")", true
	}
	return "", false
}

// retryTransportError reports whether an error from sending a request is
// worth retrying. A failed dial is always safe to retry because nothing was
// sent. Other network failures may have reached the server, so they are
// retried only for idempotent requests. Errors made up by a middleware are
// not network failures and are returned as they are.
func retryTransportError(err error, idempotent bool) (string, bool) {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return "connection failed: " + opErr.Err.Error(), true
	}
	if !idempotent {
		return "", false
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "attempt timed out", true
	}
	var urlErr *url.Error // what http.Client returns for network failures
	if errors.As(err, &urlErr) {
		return "connection error", true
	}
	return "", false
}

// retryBackoff returns the delay before retry number n (0 for the first):
// 0.5 s doubling up to 8 s, with the upper quarter jittered away so that
// clients that failed together do not retry together.
func retryBackoff(n int) time.Duration {
	d := retryMaxDelay
	if n < 5 {
		d = min(retryInitialDelay<<n, retryMaxDelay)
	}
	return d - rand.N(d/4+1)
}

// retryAfter reads the server's requested delay from Retry-After-Ms or
// Retry-After (seconds or an HTTP date), capped at one minute. Missing,
// negative or malformed values report false.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			ms = min(ms, float64(retryMaxRetryAfter/time.Millisecond))
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return min(time.Duration(min(secs, 1<<20))*time.Second, retryMaxRetryAfter), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), retryMaxRetryAfter), true
	}
	return 0, false
}

// retrySleep waits for d or until ctx is done, whichever comes first.
func retrySleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
