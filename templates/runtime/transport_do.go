package whop

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

// apiAttempt is the outcome of one HTTP attempt.
type apiAttempt struct {
	err         error
	resp        *http.Response // nil when no response arrived
	status      int            // 0 when no response arrived
	header      http.Header    // response header, for Retry-After
	retryReason string         // non-empty when the attempt will be retried
}

// rtAttemptKey is the context key of the attempt number.
type rtAttemptKey struct{}

// AttemptFromContext returns the number of the attempt a request belongs
// to, 1 for the first and 2 for the first retry, when ctx is the context
// of a request the client sends (as a Middleware sees it:
// AttemptFromContext(req.Context())). It returns 0 for any other context.
func AttemptFromContext(ctx context.Context) int {
	n, _ := ctx.Value(rtAttemptKey{}).(int)
	return n
}

// do sends req, retrying as the policy allows, and stores the response in
// out: nil discards the body, *[]byte receives it raw, *io.ReadCloser
// receives the open stream (the caller closes it), and anything else is
// decoded from JSON. A body that decodes only in part leaves out filled as
// far as it fits and returns a partial *DecodeError.
func (t *transport) do(ctx context.Context, req *apiRequest, out any) error {
	cfg := t.cfg.withOptions(req.Options)
	var last *http.Response
	if cfg.responseInto != nil {
		defer func() { *cfg.responseInto = last }()
	}
	if cfg.apiKey == "" && !req.NoAuth {
		return t.missingKeyError()
	}
	p, err := t.plan(&cfg, req)
	if err != nil {
		return err
	}
	hc := cfg.httpClient
	if hc == nil {
		hc = rtSharedClient()
	}
	hc = rtHTTPClient(hc)
	send := rtChain(cfg.middleware, hc.Do)
	idempotent := retryIdempotent(req.Method) || cfg.retryNonIdempotent

	for attempt := 1; ; attempt++ {
		start := time.Now()
		a := t.attempt(ctx, &cfg, p, send, req.Operation, attempt, idempotent, out)
		last = a.resp
		if attempt > cfg.maxRetries || ctx.Err() != nil {
			a.retryReason = ""
		}
		t.logAttempt(ctx, cfg.logger, req.Operation, p, attempt, a, time.Since(start))
		if a.err == nil || a.retryReason == "" {
			return a.err
		}
		delay := retryDelay(a.header, t.now(), attempt-1)
		if cfg.logger != nil {
			cfg.logger.LogAttrs(ctx, slog.LevelWarn, "retrying request",
				slog.String("operation", req.Operation),
				slog.String("method", p.method),
				slog.String("path", p.path),
				slog.Int("attempt", attempt),
				slog.String("reason", a.retryReason),
				slog.Duration("delay", delay))
		}
		if err := t.sleep(ctx, delay); err != nil {
			return t.errorf("%s: %s %s: stopped retrying: %w (last error: %w)", req.Operation, p.method, p.path, err, a.err)
		}
	}
}

// rtAttemptContext returns the context of one attempt: it carries the
// attempt number and, unless disabled, the per-attempt timeout, whose
// cause tells it from the caller's own deadline.
func rtAttemptContext(ctx context.Context, cfg *requestConfig, attempt int) (context.Context, context.CancelFunc) {
	actx := context.WithValue(ctx, rtAttemptKey{}, attempt)
	if cfg.requestTimeout <= 0 {
		return actx, func() {}
	}
	return context.WithTimeoutCause(actx, cfg.requestTimeout, &rtAttemptTimeout{after: cfg.requestTimeout})
}

// rtWithTimeoutCause makes sure an error caused by the attempt's own
// timeout says so, even when a middleware or RoundTripper returned the bare
// context.DeadlineExceeded instead of the context's cause.
func rtWithTimeoutCause(actx context.Context, err error) error {
	if errors.Is(err, ErrRequestTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if cause := context.Cause(actx); errors.Is(cause, ErrRequestTimeout) {
		return fmt.Errorf("%w: %w", cause, err)
	}
	return err
}

// attempt sends one request and reads its response into out.
func (t *transport) attempt(ctx context.Context, cfg *requestConfig, p *apiRequestPlan, send MiddlewareNext, op string, attempt int, idempotent bool, out any) apiAttempt {
	actx, cancel := rtAttemptContext(ctx, cfg, attempt)
	hreq, err := p.newRequest(actx)
	if err != nil {
		cancel()
		return apiAttempt{err: t.errorf("%s: %w", op, err)}
	}
	resp, err := send(hreq)
	if err == nil && resp == nil {
		err = errors.New("middleware returned neither response nor error")
	}
	if err != nil {
		if resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
		err = rtWithTimeoutCause(actx, err)
		cancel()
		return t.sendFailed(ctx, p, op, idempotent, err)
	}
	rtDecompress(resp)
	a := apiAttempt{resp: resp, status: resp.StatusCode, header: resp.Header}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer cancel()
		a.err = t.errorResponse(resp, cfg, op, p)
		a.retryReason, _ = retryStatus(resp.StatusCode, idempotent)
		return a
	}
	if stream, ok := out.(*io.ReadCloser); ok {
		resp.Body = &rtStreamBody{ReadCloser: resp.Body, cancel: cancel}
		*stream = resp.Body
		return a
	}
	defer cancel()
	if err := t.decodeSuccess(resp, cfg, op, out); err != nil {
		a.err = rtWithTimeoutCause(actx, err)
		if _, ok := errors.AsType[*rtReadError](err); ok {
			a.err = t.errorf("%s: %s %s: %w", op, p.method, p.path, a.err)
			if idempotent && ctx.Err() == nil {
				a.retryReason = "response body interrupted"
			}
		}
	}
	return a
}

// sendFailed describes an attempt that got no response.
func (t *transport) sendFailed(ctx context.Context, p *apiRequestPlan, op string, idempotent bool, err error) apiAttempt {
	// net/http puts the whole URL in its errors; the query may hold an API
	// key, so only the path is kept.
	if ue, ok := errors.AsType[*url.Error](err); ok {
		ue.URL = p.path
	}
	a := apiAttempt{err: t.errorf("%s: %s %s: %w", op, p.method, p.path, err)}
	if ctx.Err() == nil {
		a.retryReason, _ = retryTransportError(err, idempotent)
	}
	return a
}

// errorResponse reads a non-2xx response into an *Error, leaving the body
// readable again for WithResponseInto.
func (t *transport) errorResponse(resp *http.Response, cfg *requestConfig, op string, p *apiRequestPlan) *Error {
	e := t.newError(resp, op, p)
	if cfg.responseInto != nil {
		resp.Body = io.NopCloser(bytes.NewReader(e.Body))
	}
	return e
}

// logAttempt records one attempt at Debug level. It never logs headers,
// bodies or the key.
func (t *transport) logAttempt(ctx context.Context, l *slog.Logger, op string, p *apiRequestPlan, attempt int, a apiAttempt, d time.Duration) {
	if l == nil || !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("operation", op),
		slog.String("method", p.method),
		slog.String("path", p.path),
		slog.Int("status", a.status),
		slog.Int("attempt", attempt),
		slog.Duration("duration", d),
	}
	if a.retryReason != "" {
		attrs = append(attrs, slog.String("retry_reason", a.retryReason))
	}
	if a.err != nil && a.status == 0 {
		attrs = append(attrs, slog.String("error", a.err.Error()))
	}
	l.LogAttrs(ctx, slog.LevelDebug, "request attempt", attrs...)
}
