package whop

import (
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"time"
)

// RequestOption configures a client or a single call. Options given to the
// client apply to every call; options given to a call are applied after them
// and win.
type RequestOption func(*requestConfig)

// Middleware wraps every HTTP attempt (retries included). It may inspect or
// change the request, and must call next to send it unless it answers itself.
type Middleware func(req *http.Request, next MiddlewareNext) (*http.Response, error)

// MiddlewareNext sends the request to the next middleware or the network.
type MiddlewareNext func(req *http.Request) (*http.Response, error)

// requestConfig holds everything the options can set. It holds the API key,
// so it formats itself with the key redacted.
type requestConfig struct {
	apiKey             string
	baseURL            string
	httpClient         *http.Client
	header             http.Header
	maxRetries         int
	requestTimeout     time.Duration
	middleware         []Middleware
	logger             *slog.Logger
	retryNonIdempotent bool
	webhookSecret      string
	webhookTolerance   time.Duration
}

// WithAPIKey sets the API key sent as a bearer token.
func WithAPIKey(key string) RequestOption {
	return func(c *requestConfig) { c.apiKey = key }
}

// WithBaseURL sets the API base URL, e.g. "https://api.whop.com/api/v1".
func WithBaseURL(u string) RequestOption {
	return func(c *requestConfig) { c.baseURL = u }
}

// WithHTTPClient sets the HTTP client used to send requests.
func WithHTTPClient(hc *http.Client) RequestOption {
	return func(c *requestConfig) { c.httpClient = hc }
}

// WithHeader sets an extra request header. A later WithHeader for the same
// key replaces the earlier value.
func WithHeader(key, value string) RequestOption {
	return func(c *requestConfig) {
		if c.header == nil {
			c.header = make(http.Header)
		}
		c.header.Set(key, value)
	}
}

// WithMaxRetries sets how many times a failed request is retried. The
// default is 2, so 3 attempts at most; negative values mean 0.
func WithMaxRetries(n int) RequestOption {
	return func(c *requestConfig) { c.maxRetries = max(n, 0) }
}

// WithRequestTimeout bounds each attempt, including reading the response
// body (for a streamed body, until it is closed). Zero means no per-attempt
// timeout; the context still applies.
func WithRequestTimeout(d time.Duration) RequestOption {
	return func(c *requestConfig) { c.requestTimeout = max(d, 0) }
}

// WithMiddleware appends middleware. The first one given is the outermost.
func WithMiddleware(mw ...Middleware) RequestOption {
	return func(c *requestConfig) {
		// Clip so that appending never writes into a slice shared with the
		// client configuration.
		c.middleware = append(slices.Clip(c.middleware), mw...)
	}
}

// WithLogger logs every attempt at Debug level and every retry at Warn
// level. Logs never contain the API key, headers or bodies.
func WithLogger(l *slog.Logger) RequestOption {
	return func(c *requestConfig) { c.logger = l }
}

// WithRetryNonIdempotent makes POST and PATCH requests retry on every
// retryable failure, as GET does. By default they are retried only when the
// server cannot have acted on them (connection refused, 429, 503). Enable it
// only when duplicate side effects are acceptable.
func WithRetryNonIdempotent(enabled bool) RequestOption {
	return func(c *requestConfig) { c.retryNonIdempotent = enabled }
}

// WithWebhookSecret sets the secret used to verify webhook signatures.
func WithWebhookSecret(secret string) RequestOption {
	return func(c *requestConfig) { c.webhookSecret = secret }
}

// WithWebhookTolerance sets how far a webhook timestamp may be from now.
// The default is 5 minutes.
func WithWebhookTolerance(d time.Duration) RequestOption {
	return func(c *requestConfig) { c.webhookTolerance = d }
}

// withOptions returns a copy of c with opts applied, leaving c unchanged.
func (c requestConfig) withOptions(opts []RequestOption) requestConfig {
	c.header = c.header.Clone()
	c.middleware = slices.Clip(c.middleware)
	for _, opt := range opts {
		if opt != nil {
			opt(&c)
		}
	}
	return c
}

// String describes the configuration without secrets.
func (c requestConfig) String() string {
	return fmt.Sprintf("{apiKey:%s baseURL:%q maxRetries:%d requestTimeout:%s headers:%d middleware:%d webhookSecret:%s webhookTolerance:%s}",
		rtRedact(c.apiKey), c.baseURL, c.maxRetries, c.requestTimeout,
		len(c.header), len(c.middleware), rtRedact(c.webhookSecret), c.webhookTolerance)
}

// GoString makes %#v as safe as %v.
func (c requestConfig) GoString() string { return "requestConfig" + c.String() }

// rtRedact tells whether a secret is set without revealing it.
func rtRedact(secret string) string {
	if secret == "" {
		return "<unset>"
	}
	return "<redacted>"
}
