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
	query              []rtQueryEdit // WithQuery and WithQueryAdd, in order
	jsonSet            []rtJSONField // WithJSONSet, in order
	maxRetries         int
	requestTimeout     time.Duration
	maxResponseBytes   int64
	responseInto       **http.Response
	middleware         []Middleware
	logger             *slog.Logger
	retryNonIdempotent bool
	webhookSecret      string
	webhookTolerance   time.Duration
}

// rtQueryEdit is one WithQuery (set) or WithQueryAdd (add).
type rtQueryEdit struct {
	key, value string
	add        bool
}

// rtJSONField is one WithJSONSet.
type rtJSONField struct {
	key   string
	value any
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
// key replaces the earlier value, and the option replaces a header
// parameter of the same name, as WithQuery does in the query.
func WithHeader(key, value string) RequestOption {
	return func(c *requestConfig) {
		if c.header == nil {
			c.header = make(http.Header)
		}
		c.header.Set(key, value)
	}
}

// WithQuery sets the query parameter key to value, replacing any value the
// call's own parameters give it. Use it for parameters this client does
// not know yet.
func WithQuery(key, value string) RequestOption {
	return func(c *requestConfig) {
		c.query = append(slices.Clip(c.query), rtQueryEdit{key: key, value: value})
	}
}

// WithQueryAdd adds value to the query parameter key, after any values the
// call's own parameters give it.
func WithQueryAdd(key, value string) RequestOption {
	return func(c *requestConfig) {
		c.query = append(slices.Clip(c.query), rtQueryEdit{key: key, value: value, add: true})
	}
}

// WithJSONSet sets the top-level field key of a JSON request body to value
// (encoded as JSON), beside the fields the params set; a field the params
// set is replaced in place. A call without a body sends {key: value}. The
// call fails before sending anything when its body is not a JSON object (a
// form, a file, a JSON array) or value cannot be encoded. Use it for fields
// this client does not know yet.
func WithJSONSet(key string, value any) RequestOption {
	return func(c *requestConfig) {
		c.jsonSet = append(slices.Clip(c.jsonSet), rtJSONField{key: key, value: value})
	}
}

// WithResponseInto stores the HTTP response of the call's last attempt in
// *dst, also when the call fails with an *Error or a *DecodeError, and nil
// when no response arrived. The body has been read and closed by then; in
// its place is a reader over the bytes that were read (decompressed, and
// for an error at most 64 KiB), so it can be read again. For a streamed
// body it is the stream the method returned. Pass it to a single call:
// calls sharing dst would race.
func WithResponseInto(dst **http.Response) RequestOption {
	return func(c *requestConfig) { c.responseInto = dst }
}

// WithMaxResponseBytes bounds the size of a 2xx body read into memory,
// after decompression; a larger body is a *DecodeError. The default is 32
// MiB; n <= 0 restores it.
func WithMaxResponseBytes(n int64) RequestOption {
	return func(c *requestConfig) { c.maxResponseBytes = n }
}

// WithMaxRetries sets how many times a failed request is retried. The
// default is 2, so 3 attempts at most; negative values mean 0.
func WithMaxRetries(n int) RequestOption {
	return func(c *requestConfig) { c.maxRetries = max(n, 0) }
}

// WithRequestTimeout bounds each attempt, including reading the response
// body (for a streamed body, until it is closed). The default is one
// minute; zero means no per-attempt timeout. The context bounds the whole
// call, retries and waits included. An attempt that runs out of this time
// fails with an error matching both ErrRequestTimeout and
// context.DeadlineExceeded, and is retried like a dropped connection.
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
	c.query = slices.Clip(c.query)
	c.jsonSet = slices.Clip(c.jsonSet)
	for _, opt := range opts {
		if opt != nil {
			opt(&c)
		}
	}
	return c
}

// String describes the configuration without secrets.
func (c requestConfig) String() string {
	return fmt.Sprintf("{apiKey:%s baseURL:%q maxRetries:%d requestTimeout:%s maxResponseBytes:%d headers:%d query:%d jsonSet:%d middleware:%d webhookSecret:%s webhookTolerance:%s}",
		rtRedact(c.apiKey), c.baseURL, c.maxRetries, c.requestTimeout, c.maxResponseBytes,
		len(c.header), len(c.query), len(c.jsonSet), len(c.middleware), rtRedact(c.webhookSecret), c.webhookTolerance)
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
