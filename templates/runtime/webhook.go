package whop

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Webhook verification errors. Each names the check that failed; none of them
// (nor the errors wrapping them) ever contains the secret. Like the other
// sentinels they carry no package prefix, since the package may be renamed.
var (
	ErrWebhookNoSecret            = errors.New("webhook secret not configured")
	ErrWebhookMalformedSecret     = errors.New("webhook secret is malformed (whsec_ secrets must be base64)")
	ErrWebhookMissingHeader       = errors.New("webhook header missing")
	ErrWebhookBadTimestamp        = errors.New("webhook timestamp is not an integer")
	ErrWebhookTimestampTooOld     = errors.New("webhook timestamp too old")
	ErrWebhookTimestampTooNew     = errors.New("webhook timestamp too far in the future")
	ErrWebhookBadSignature        = errors.New("webhook signature header malformed")
	ErrWebhookNoMatchingSignature = errors.New("no webhook signature matches")
)

const (
	// defaultWebhookTolerance bounds replays of captured deliveries while
	// allowing for ordinary clock skew; it is the Standard Webhooks default.
	defaultWebhookTolerance = 5 * time.Minute
	// defaultWebhookMaxBody caps what an unauthenticated sender can make us buffer.
	defaultWebhookMaxBody = 1 << 20
	// webhookSecretPrefix marks a Standard Webhooks secret whose remainder is
	// the base64 encoding of the key.
	webhookSecretPrefix = "whsec_"
)

// webhookVerifier verifies Standard Webhooks signatures.
type webhookVerifier struct {
	key       []byte
	keyErr    error // reported by verify, so construction never fails
	tolerance time.Duration
	now       func() time.Time
}

// newWebhookVerifier returns a verifier for secret. Whop's secret string is
// used as the raw HMAC key; a whsec_ secret is base64-decoded instead, as the
// Standard Webhooks libraries do. tolerance <= 0 selects 5 minutes.
func newWebhookVerifier(secret string, tolerance time.Duration) webhookVerifier {
	if tolerance <= 0 {
		tolerance = defaultWebhookTolerance
	}
	key, err := webhookKey(secret)
	return webhookVerifier{key: key, keyErr: err, tolerance: tolerance, now: time.Now}
}

// webhookKey derives the HMAC key from a configured secret.
func webhookKey(secret string) ([]byte, error) {
	if secret == "" {
		return nil, ErrWebhookNoSecret
	}
	enc, ok := strings.CutPrefix(secret, webhookSecretPrefix)
	if !ok {
		return []byte(secret), nil
	}
	key, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		// Some tools strip the padding; accept that too.
		key, err = base64.RawStdEncoding.DecodeString(enc)
	}
	if err != nil || len(key) == 0 {
		// The decoder's error quotes an offset into the secret; drop it.
		return nil, ErrWebhookMalformedSecret
	}
	return key, nil
}

// verify checks the signature headers in h against the raw request body.
func (v webhookVerifier) verify(body []byte, h http.Header) error {
	if v.keyErr != nil {
		return v.keyErr
	}
	if len(v.key) == 0 {
		// The zero value has no key; refuse rather than accept an empty one.
		return ErrWebhookNoSecret
	}
	id, ts, sigs, err := webhookHeaders(h)
	if err != nil {
		return err
	}
	secs, err := parseWebhookTimestamp(ts)
	if err != nil {
		return err
	}
	now := time.Now
	if v.now != nil {
		now = v.now
	}
	tolerance := v.tolerance
	if tolerance <= 0 {
		tolerance = defaultWebhookTolerance
	}
	if secs > maxWebhookUnix {
		// time.Unix would wrap around; no sane clock is this far behind.
		return ErrWebhookTimestampTooNew
	}
	t, sent := now(), time.Unix(secs, 0)
	if age := t.Sub(sent); age > tolerance {
		return fmt.Errorf("%w: sent %s ago, tolerance %s", ErrWebhookTimestampTooOld, age.Truncate(time.Second), tolerance)
	}
	if ahead := sent.Sub(t); ahead > tolerance {
		return fmt.Errorf("%w: %s ahead of local clock, tolerance %s", ErrWebhookTimestampTooNew, ahead.Truncate(time.Second), tolerance)
	}
	candidates, err := parseWebhookSignatures(sigs)
	if err != nil {
		return err
	}
	if len(candidates) == 0 {
		return fmt.Errorf("%w: no v1 signature present", ErrWebhookNoMatchingSignature)
	}
	want := webhookMAC(v.key, id, ts, body)
	for _, got := range candidates {
		if hmac.Equal(got, want) {
			return nil
		}
	}
	return ErrWebhookNoMatchingSignature
}

// webhookHeaders returns the id, timestamp and signature headers. The
// webhook-* names are the standard; svix-* is accepted when none of them is
// present, since Standard Webhooks grew out of Svix and some proxies still
// emit those names.
func webhookHeaders(h http.Header) (id, ts, sigs string, err error) {
	prefix := "webhook-"
	if webhookHeader(h, "webhook-id") == "" && webhookHeader(h, "webhook-timestamp") == "" && webhookHeader(h, "webhook-signature") == "" &&
		(webhookHeader(h, "svix-id") != "" || webhookHeader(h, "svix-timestamp") != "" || webhookHeader(h, "svix-signature") != "") {
		prefix = "svix-"
	}
	vals := [3]string{}
	for i, name := range [3]string{"id", "timestamp", "signature"} {
		vals[i] = webhookHeader(h, prefix+name)
		if vals[i] == "" {
			return "", "", "", webhookMissingHeaderError{prefix + name}
		}
	}
	return vals[0], vals[1], vals[2], nil
}

// webhookHeader is h.Get(name), falling back to a case-insensitive scan: maps
// built by hand (say, from a serverless event) need not use canonical keys.
func webhookHeader(h http.Header, name string) string {
	if v := h.Get(name); v != "" {
		return v
	}
	for k, vs := range h {
		if len(vs) > 0 && vs[0] != "" && strings.EqualFold(k, name) {
			return vs[0]
		}
	}
	return ""
}

// webhookMissingHeaderError is ErrWebhookMissingHeader naming the header, kept
// as a type so the handler can report the name without trusting err.Error().
type webhookMissingHeaderError struct{ name string }

func (e webhookMissingHeaderError) Error() string {
	return ErrWebhookMissingHeader.Error() + ": " + e.name
}

func (e webhookMissingHeaderError) Is(target error) bool { return target == ErrWebhookMissingHeader }

// parseWebhookTimestamp parses unix seconds. Only plain digits are accepted:
// the header is signed verbatim, so there is no reason to be lenient.
func parseWebhookTimestamp(s string) (int64, error) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, ErrWebhookBadTimestamp
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, ErrWebhookBadTimestamp
	}
	return n, nil
}

// maxWebhookUnix (year 36812) keeps time.Unix and Time.Sub well inside range.
const maxWebhookUnix = 1 << 40

// parseWebhookSignatures decodes the v1 entries of a webhook-signature header:
// space-separated "<version>,<base64>" pairs. Entries of other versions are
// skipped so that senders can add schemes without breaking older receivers.
// An empty list or an entry that is not a version,signature pair is an error,
// as is a v1 entry that is not valid base64.
func parseWebhookSignatures(header string) ([][]byte, error) {
	entries := strings.Fields(header)
	if len(entries) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrWebhookBadSignature)
	}
	var sigs [][]byte
	for i, e := range entries {
		version, enc, ok := strings.Cut(e, ",")
		if !ok || version == "" || enc == "" {
			return nil, fmt.Errorf("%w: entry %d is not of the form version,signature", ErrWebhookBadSignature, i+1)
		}
		if version != "v1" {
			continue
		}
		// Strict, so each signature has exactly one accepted spelling.
		sig, err := base64.StdEncoding.Strict().DecodeString(enc)
		if err != nil {
			return nil, fmt.Errorf("%w: entry %d is not valid base64", ErrWebhookBadSignature, i+1)
		}
		sigs = append(sigs, sig)
	}
	return sigs, nil
}

// webhookMAC computes HMAC-SHA256(key, id.timestamp.body).
func webhookMAC(key []byte, id, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	io.WriteString(m, id)
	io.WriteString(m, ".")
	io.WriteString(m, ts)
	io.WriteString(m, ".")
	m.Write(body)
	return m.Sum(nil)
}

// SignWebhook computes a webhook-signature header value ("v1,<base64>") for
// the given secret, message id, timestamp and raw body, as Whop would send it.
// It is meant for tests of webhook receivers. The secret is interpreted as
// for verification; an empty or malformed secret yields "".
func SignWebhook(secret, id string, timestamp time.Time, body []byte) string {
	key, err := webhookKey(secret)
	if err != nil {
		return ""
	}
	mac := webhookMAC(key, id, strconv.FormatInt(timestamp.Unix(), 10), body)
	return "v1," + base64.StdEncoding.EncodeToString(mac)
}

// WebhookDelivery describes the delivery a webhook event came in: what the
// handler of a webhook Handler finds in its context with
// WebhookDeliveryFromContext.
type WebhookDelivery struct {
	// ID is the webhook-id header: the same for every delivery of one
	// message, retries included, so it is the key for dropping duplicates.
	ID string
	// Timestamp is the webhook-timestamp header: when this delivery attempt
	// was signed.
	Timestamp time.Time
	// Body is the raw, verified request body. It must not be modified.
	Body []byte
}

// rtWebhookKey is the context key of a WebhookDelivery.
type rtWebhookKey struct{}

// WebhookDeliveryFromContext returns the delivery of the event being
// handled, when ctx is (or derives from) the context a webhook Handler
// passes to its function; it reports false for any other context.
func WebhookDeliveryFromContext(ctx context.Context) (WebhookDelivery, bool) {
	d, ok := ctx.Value(rtWebhookKey{}).(*WebhookDelivery)
	if !ok {
		return WebhookDelivery{}, false
	}
	return *d, true
}

// rtWithWebhookDelivery adds the delivery of a verified webhook to ctx. The
// headers were checked by verification, so they are present and valid.
func rtWithWebhookDelivery(ctx context.Context, body []byte, h http.Header) context.Context {
	id, ts, _, _ := webhookHeaders(h)
	secs, _ := parseWebhookTimestamp(ts)
	return context.WithValue(ctx, rtWebhookKey{}, &WebhookDelivery{ID: id, Timestamp: time.Unix(secs, 0), Body: body})
}

// webhookHandler serves webhook deliveries: it reads the body (at most maxBody
// bytes; <= 0 means 1 MiB), passes it to unwrap for verification and decoding,
// and hands the event to handle. Rejected deliveries get 400 with a short
// plain-text reason, an oversized body 413, a missing or malformed secret and
// a failing handle 500 (so the sender retries once the fault is fixed), and
// anything else 200. handle's context carries the WebhookDelivery.
func webhookHandler[E any](unwrap func(body []byte, h http.Header) (E, error), handle func(ctx context.Context, event E) error, maxBody int64) http.Handler {
	if maxBody <= 0 {
		maxBody = defaultWebhookMaxBody
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "webhooks must be POSTed", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				http.Error(w, "webhook body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read webhook body", http.StatusBadRequest)
			return
		}
		event, err := unwrap(body, r.Header)
		if err != nil {
			status, reason := webhookRejection(err)
			http.Error(w, reason, status)
			return
		}
		if err := handle(rtWithWebhookDelivery(r.Context(), body, r.Header), event); err != nil {
			// The handler's error may carry internals; keep it off the wire.
			http.Error(w, "webhook handler failed", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// webhookRejection maps an unwrap error to a status and a short reason. The
// reason is the sentinel's fixed text rather than err.Error(), which may carry
// decoder detail or whatever the caller wrapped around it.
func webhookRejection(err error) (int, string) {
	for _, s := range []error{ErrWebhookNoSecret, ErrWebhookMalformedSecret} {
		if errors.Is(err, s) {
			// Our configuration, not the delivery, is at fault; the sender
			// will retry, and strangers need not learn the details.
			return http.StatusInternalServerError, "webhook receiver not configured"
		}
	}
	if e, ok := errors.AsType[webhookMissingHeaderError](err); ok {
		return http.StatusBadRequest, e.Error()
	}
	for _, s := range []error{
		ErrWebhookMissingHeader,
		ErrWebhookBadTimestamp,
		ErrWebhookTimestampTooOld,
		ErrWebhookTimestampTooNew,
		ErrWebhookBadSignature,
		ErrWebhookNoMatchingSignature,
	} {
		if errors.Is(err, s) {
			return http.StatusBadRequest, s.Error()
		}
	}
	return http.StatusBadRequest, "malformed webhook payload"
}
