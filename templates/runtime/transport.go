package whop

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

const (
	rtDefaultWebhookTolerance = 5 * time.Minute
	// rtDefaultRequestTimeout bounds each attempt unless WithRequestTimeout
	// says otherwise: one minute, as Whop's own SDKs do.
	rtDefaultRequestTimeout = time.Minute
)

// transportConfig is filled in by the generated client.
type transportConfig struct {
	DefaultBaseURL string // the spec's first server, e.g. "https://api.whop.com/api/v1"
	EnvPrefix      string // "WHOP" reads WHOP_API_KEY, WHOP_BASE_URL and WHOP_WEBHOOK_SECRET
	UserAgent      string // e.g. "whop-go/1.0.0 (whopgen)"
	Auth           authScheme
}

// authScheme says how the API key is sent. The zero value is a bearer
// token in the Authorization header.
type authScheme struct {
	In   string // "" or "bearer"; "basic" (the key is "user:password"); "header" or "query" for an API key
	Name string // the header or query parameter of an "header" or "query" key
}

// transport sends API requests with authentication, retries, logging and
// error decoding. It is safe for concurrent use.
type transport struct {
	cfg       requestConfig // client-level options over environment defaults
	envPrefix string
	userAgent string
	prefix    string // error message prefix, the lowercased EnvPrefix
	auth      authScheme

	// Replaceable in tests so retries need not wait in real time.
	sleep func(ctx context.Context, d time.Duration) error
	now   func() time.Time
}

// apiRequest describes one API call, as built by a generated method.
type apiRequest struct {
	Operation   string    // e.g. "users.update", used in errors and logs
	Method      string    // http.MethodGet, ...
	Path        string    // escaped, starting with "/", relative to the base URL
	Params      *rtParams // query, header and cookie parameters in their styles; may be nil
	Body        any       // JSON-encoded once when RawBody is nil
	RawBody     []byte    // a non-JSON body, sent with ContentType
	ContentType string
	Encoding    rtEncoding      // how the properties of a form or multipart body are sent; may be nil
	Options     []RequestOption // per-call options
	NoAuth      bool            // the operation needs no credentials
}

// newTransport builds a transport from the environment and then opts. The
// environment is read only here.
func newTransport(cfg transportConfig, opts []RequestOption) *transport {
	base := requestConfig{
		baseURL:          cfg.DefaultBaseURL,
		maxRetries:       2,
		requestTimeout:   rtDefaultRequestTimeout,
		maxResponseBytes: rtMaxBodyBytes,
		webhookTolerance: rtDefaultWebhookTolerance,
	}
	if p := cfg.EnvPrefix; p != "" {
		// Trim so that a key read from a file with a trailing newline works.
		base.apiKey = strings.TrimSpace(os.Getenv(p + "_API_KEY"))
		base.webhookSecret = strings.TrimSpace(os.Getenv(p + "_WEBHOOK_SECRET"))
		if u := strings.TrimSpace(os.Getenv(p + "_BASE_URL")); u != "" {
			base.baseURL = u
		}
	}
	return &transport{
		cfg:       base.withOptions(opts),
		envPrefix: cfg.EnvPrefix,
		userAgent: cfg.UserAgent,
		prefix:    strings.ToLower(cfg.EnvPrefix),
		auth:      cfg.Auth,
		sleep:     retrySleep,
		now:       time.Now,
	}
}

// webhookSettings returns the secret and tolerance for verifying webhooks.
func (t *transport) webhookSettings() (secret string, tolerance time.Duration) {
	tolerance = t.cfg.webhookTolerance
	if tolerance <= 0 {
		tolerance = rtDefaultWebhookTolerance
	}
	return t.cfg.webhookSecret, tolerance
}

// String describes the transport without secrets. The value receiver
// makes formatting a copy just as safe as formatting a pointer.
func (t transport) String() string {
	return fmt.Sprintf("transport{envPrefix:%q userAgent:%q config:%s}", t.envPrefix, t.userAgent, t.cfg.String())
}

// GoString makes %#v as safe as %v.
func (t transport) GoString() string { return t.String() }

// errorf formats an error with the package prefix, e.g. "whop: ...".
func (t *transport) errorf(format string, args ...any) error {
	if t.prefix != "" {
		format = t.prefix + ": " + format
	}
	return fmt.Errorf(format, args...)
}

// missingKeyError explains how to configure the API key.
func (t *transport) missingKeyError() error {
	if t.envPrefix == "" {
		return t.errorf("%w: pass WithAPIKey", ErrMissingAPIKey)
	}
	return t.errorf("%w: pass WithAPIKey or set the %s_API_KEY environment variable", ErrMissingAPIKey, t.envPrefix)
}
