package whop

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const (
	testWebhookSecret = "ws_5f3c9a1e7b2d4068a9e1c3b5d7f90246"
	testWebhookID     = "msg_2xKq9LmN4pR7sT1vW3yZ5aB8"
	testWebhookTS     = int64(1727606400)
	testWebhookBody   = `{"id":"msg_2xKq9LmN4pR7sT1vW3yZ5aB8","api_version":"v1","company_id":"biz_123","timestamp":"2024-09-29T10:40:00Z","type":"payment.succeeded","data":{"id":"pay_1"}}`
)

// verifierAt returns a verifier whose clock is frozen at now.
func verifierAt(secret string, tolerance time.Duration, now time.Time) webhookVerifier {
	v := newWebhookVerifier(secret, tolerance)
	v.now = func() time.Time { return now }
	return v
}

func webhookTestHeader(id, ts, sig string) http.Header {
	h := http.Header{}
	h.Set("webhook-id", id)
	h.Set("webhook-timestamp", ts)
	h.Set("webhook-signature", sig)
	return h
}

// handSign signs with crypto/hmac directly, independently of the code under test.
func handSign[B string | []byte](key []byte, id, ts string, body B) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id + "." + ts + "." + string(body)))
	return "v1," + base64.StdEncoding.EncodeToString(m.Sum(nil))
}

func TestWebhookVerifyIndependentVector(t *testing.T) {
	// Computed once with Python's hmac module for this id, timestamp and body.
	const fromPython = "v1,TG7UVnWsLipFBv4e/mhRGmXaxliiX3aES/rI1egqEpM="
	const secret, id, ts, body = "ws_test_secret", "msg_1", "1700000000", `{"type":"payment.succeeded"}`
	want := handSign([]byte(secret), id, ts, body)
	if want != fromPython {
		t.Fatalf("hand-computed signature %q, Python computed %q", want, fromPython)
	}
	v := verifierAt(secret, 0, time.Unix(1700000000, 0))
	if err := v.verify([]byte(body), webhookTestHeader(id, ts, want)); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if got := SignWebhook(secret, id, time.Unix(1700000000, 0), []byte(body)); got != want {
		t.Errorf("SignWebhook = %q, want %q", got, want)
	}
}

func TestWebhookVerifyStandardWebhooksVector(t *testing.T) {
	const (
		secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
		id     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
		ts     = "1614265330"
		body   = `{"test": 2432232314}`
		sig    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
	)
	v := verifierAt(secret, 0, time.Unix(1614265330, 0).Add(time.Minute))
	if err := v.verify([]byte(body), webhookTestHeader(id, ts, sig)); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if got := SignWebhook(secret, id, time.Unix(1614265330, 0), []byte(body)); got != sig {
		t.Errorf("SignWebhook = %q, want %q", got, sig)
	}
}

// Whop's secret is the raw key; whsec_ + base64(secret) names the same key,
// which is what Whop's TypeScript SDK hands to the Standard Webhooks library.
func TestWebhookSecretForms(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	sig := handSign([]byte(testWebhookSecret), testWebhookID, strconv.FormatInt(testWebhookTS, 10), testWebhookBody)
	h := webhookTestHeader(testWebhookID, strconv.FormatInt(testWebhookTS, 10), sig)
	for _, secret := range []string{
		testWebhookSecret,
		"whsec_" + base64.StdEncoding.EncodeToString([]byte(testWebhookSecret)),
		"whsec_" + base64.RawStdEncoding.EncodeToString([]byte(testWebhookSecret)),
	} {
		if err := verifierAt(secret, 0, now).verify([]byte(testWebhookBody), h); err != nil {
			t.Errorf("secret form %.12s...: %v", secret, err)
		}
		if got := SignWebhook(secret, testWebhookID, now, []byte(testWebhookBody)); got != sig {
			t.Errorf("SignWebhook with secret form %.12s... = %q, want %q", secret, got, sig)
		}
	}
}

func TestWebhookVerifyRejects(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	ts := strconv.FormatInt(testWebhookTS, 10)
	good := handSign([]byte(testWebhookSecret), testWebhookID, ts, testWebhookBody)
	signedAt := func(sec int64) (string, string) {
		s := strconv.FormatInt(sec, 10)
		return s, handSign([]byte(testWebhookSecret), testWebhookID, s, testWebhookBody)
	}
	oldTS, oldSig := signedAt(testWebhookTS - 301)
	newTS, newSig := signedAt(testWebhookTS + 301)
	edgeOldTS, edgeOldSig := signedAt(testWebhookTS - 300)
	edgeNewTS, edgeNewSig := signedAt(testWebhookTS + 300)
	changed := []byte(testWebhookBody)
	changed[len(changed)-3] ^= 1
	without := func(name string) http.Header {
		h := webhookTestHeader(testWebhookID, ts, good)
		h.Del(name)
		return h
	}

	tests := []struct {
		name   string
		secret string
		body   []byte
		h      http.Header
		want   error // nil: must verify
	}{
		{"good", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts, good), nil},
		{"changed body byte", testWebhookSecret, changed, webhookTestHeader(testWebhookID, ts, good), ErrWebhookNoMatchingSignature},
		{"trailing newline added", testWebhookSecret, []byte(testWebhookBody + "\n"), webhookTestHeader(testWebhookID, ts, good), ErrWebhookNoMatchingSignature},
		{"changed id", testWebhookSecret, nil, webhookTestHeader("msg_other", ts, good), ErrWebhookNoMatchingSignature},
		{"wrong secret", "ws_not_the_secret", nil, webhookTestHeader(testWebhookID, ts, good), ErrWebhookNoMatchingSignature},
		{"too old", testWebhookSecret, nil, webhookTestHeader(testWebhookID, oldTS, oldSig), ErrWebhookTimestampTooOld},
		{"too new", testWebhookSecret, nil, webhookTestHeader(testWebhookID, newTS, newSig), ErrWebhookTimestampTooNew},
		{"oldest allowed", testWebhookSecret, nil, webhookTestHeader(testWebhookID, edgeOldTS, edgeOldSig), nil},
		{"newest allowed", testWebhookSecret, nil, webhookTestHeader(testWebhookID, edgeNewTS, edgeNewSig), nil},
		{"timestamp far past", testWebhookSecret, nil, webhookTestHeader(testWebhookID, "0", good), ErrWebhookTimestampTooOld},
		{"timestamp max int64", testWebhookSecret, nil, webhookTestHeader(testWebhookID, "9223372036854775807", good), ErrWebhookTimestampTooNew},
		{"timestamp overflows", testWebhookSecret, nil, webhookTestHeader(testWebhookID, "99999999999999999999", good), ErrWebhookBadTimestamp},
		{"timestamp not a number", testWebhookSecret, nil, webhookTestHeader(testWebhookID, "yesterday", good), ErrWebhookBadTimestamp},
		{"timestamp in milliseconds style float", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts+".5", good), ErrWebhookBadTimestamp},
		{"timestamp negative", testWebhookSecret, nil, webhookTestHeader(testWebhookID, "-1", good), ErrWebhookBadTimestamp},
		{"timestamp with plus", testWebhookSecret, nil, webhookTestHeader(testWebhookID, "+"+ts, good), ErrWebhookBadTimestamp},
		{"missing id", testWebhookSecret, nil, without("webhook-id"), ErrWebhookMissingHeader},
		{"missing timestamp", testWebhookSecret, nil, without("webhook-timestamp"), ErrWebhookMissingHeader},
		{"missing signature", testWebhookSecret, nil, without("webhook-signature"), ErrWebhookMissingHeader},
		{"no headers", testWebhookSecret, nil, http.Header{}, ErrWebhookMissingHeader},
		{"signature without version", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts, strings.TrimPrefix(good, "v1,")), ErrWebhookBadSignature},
		{"signature not base64", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts, "v1,not*base64!"), ErrWebhookBadSignature},
		{"signature list with junk entry", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts, good+" junk"), ErrWebhookBadSignature},
		{"signature list blank", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts, "   "), ErrWebhookBadSignature},
		{"only non-v1 entry", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts, "v1a,"+strings.TrimPrefix(good, "v1,")), ErrWebhookNoMatchingSignature},
		{"truncated signature", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts, "v1,"+base64.StdEncoding.EncodeToString([]byte("short"))), ErrWebhookNoMatchingSignature},
		{"last of several matches", testWebhookSecret, nil, webhookTestHeader(testWebhookID, ts,
			"v1,"+base64.StdEncoding.EncodeToString(make([]byte, 32))+" v1a,c29tZXRoaW5nIGVsc2U= v2,zzz "+good), nil},
		{"empty secret", "", nil, webhookTestHeader(testWebhookID, ts, good), ErrWebhookNoSecret},
		{"malformed whsec secret", "whsec_not base64!", nil, webhookTestHeader(testWebhookID, ts, good), ErrWebhookMalformedSecret},
		{"empty whsec secret", "whsec_", nil, webhookTestHeader(testWebhookID, ts, good), ErrWebhookMalformedSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.body
			if body == nil {
				body = []byte(testWebhookBody)
			}
			err := verifierAt(tt.secret, 0, now).verify(body, tt.h)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("verify: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("verify = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestWebhookMissingHeaderNamesHeader(t *testing.T) {
	ts := strconv.FormatInt(testWebhookTS, 10)
	for _, name := range []string{"webhook-id", "webhook-timestamp", "webhook-signature"} {
		h := webhookTestHeader(testWebhookID, ts, "v1,AAAA")
		h.Del(name)
		err := verifierAt(testWebhookSecret, 0, time.Unix(testWebhookTS, 0)).verify([]byte(testWebhookBody), h)
		if !errors.Is(err, ErrWebhookMissingHeader) || !strings.Contains(err.Error(), name) {
			t.Errorf("without %s: verify = %v, want ErrWebhookMissingHeader naming it", name, err)
		}
	}
}

func TestWebhookTimestampErrorsSayWhich(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	for _, tc := range []struct {
		ts   int64
		want string
	}{{testWebhookTS - 3600, "too old"}, {testWebhookTS + 3600, "future"}} {
		s := strconv.FormatInt(tc.ts, 10)
		err := verifierAt(testWebhookSecret, 0, now).verify([]byte(testWebhookBody), webhookTestHeader(testWebhookID, s, "v1,AAAA"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("timestamp %s: verify = %v, want message containing %q", s, err, tc.want)
		}
	}
}

func TestWebhookVerifyTolerance(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	sign := func(at time.Time) http.Header {
		return webhookTestHeader(testWebhookID, strconv.FormatInt(at.Unix(), 10), SignWebhook(testWebhookSecret, testWebhookID, at, []byte(testWebhookBody)))
	}
	v := verifierAt(testWebhookSecret, time.Minute, now)
	if err := v.verify([]byte(testWebhookBody), sign(now.Add(-30*time.Second))); err != nil {
		t.Errorf("30s old with 1m tolerance: %v", err)
	}
	if err := v.verify([]byte(testWebhookBody), sign(now.Add(-2*time.Minute))); !errors.Is(err, ErrWebhookTimestampTooOld) {
		t.Errorf("2m old with 1m tolerance: %v, want ErrWebhookTimestampTooOld", err)
	}
	if err := v.verify([]byte(testWebhookBody), sign(now.Add(2*time.Minute))); !errors.Is(err, ErrWebhookTimestampTooNew) {
		t.Errorf("2m ahead with 1m tolerance: %v, want ErrWebhookTimestampTooNew", err)
	}
	for _, tol := range []time.Duration{0, -time.Second} {
		if got := newWebhookVerifier(testWebhookSecret, tol).tolerance; got != 5*time.Minute {
			t.Errorf("newWebhookVerifier(_, %v).tolerance = %v, want 5m", tol, got)
		}
	}
}

func TestWebhookVerifyRealClock(t *testing.T) {
	now := time.Now()
	h := webhookTestHeader(testWebhookID, strconv.FormatInt(now.Unix(), 10), SignWebhook(testWebhookSecret, testWebhookID, now, []byte(testWebhookBody)))
	if err := newWebhookVerifier(testWebhookSecret, 0).verify([]byte(testWebhookBody), h); err != nil {
		t.Fatalf("verify with the real clock: %v", err)
	}
}

func TestWebhookVerifyZeroValue(t *testing.T) {
	var v webhookVerifier
	ts := strconv.FormatInt(testWebhookTS, 10)
	// HMAC with an empty key is computable, so the zero value must refuse outright.
	sig := handSign(nil, testWebhookID, ts, testWebhookBody)
	if err := v.verify([]byte(testWebhookBody), webhookTestHeader(testWebhookID, ts, sig)); !errors.Is(err, ErrWebhookNoSecret) {
		t.Fatalf("zero verifier: %v, want ErrWebhookNoSecret", err)
	}
}

func TestWebhookHeaderLookup(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	ts := strconv.FormatInt(testWebhookTS, 10)
	sig := handSign([]byte(testWebhookSecret), testWebhookID, ts, testWebhookBody)
	tests := map[string]http.Header{
		// Built by hand, as from a serverless event, not canonicalized.
		"raw lower-case keys": {"webhook-id": {testWebhookID}, "webhook-timestamp": {ts}, "webhook-signature": {sig}},
		"raw upper-case keys": {"WEBHOOK-ID": {testWebhookID}, "WEBHOOK-TIMESTAMP": {ts}, "WEBHOOK-SIGNATURE": {sig}},
		"svix names":          {"Svix-Id": {testWebhookID}, "Svix-Timestamp": {ts}, "Svix-Signature": {sig}},
	}
	for name, h := range tests {
		if err := verifierAt(testWebhookSecret, 0, now).verify([]byte(testWebhookBody), h); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A partial webhook-* set is not completed from svix-*.
	mixed := http.Header{"Webhook-Id": {testWebhookID}, "Svix-Timestamp": {ts}, "Svix-Signature": {sig}}
	if err := verifierAt(testWebhookSecret, 0, now).verify([]byte(testWebhookBody), mixed); !errors.Is(err, ErrWebhookMissingHeader) {
		t.Errorf("mixed header names: %v, want ErrWebhookMissingHeader", err)
	}
}

func TestParseWebhookSignatures(t *testing.T) {
	a := []byte("first signature bytes, 32 long!")
	b := []byte{0xff, 0xfe, 0x00, 0x01}
	ea, eb := base64.StdEncoding.EncodeToString(a), base64.StdEncoding.EncodeToString(b)
	tests := []struct {
		header  string
		want    [][]byte
		wantErr bool
	}{
		{header: "v1," + ea, want: [][]byte{a}},
		{header: "v1," + ea + " v1," + eb, want: [][]byte{a, b}},
		{header: "  v1," + ea + "   v1," + eb + " ", want: [][]byte{a, b}},
		{header: "v1a," + ea + " v1," + eb, want: [][]byte{b}},
		{header: "v2,anything-goes-here", want: nil},
		{header: "", wantErr: true},
		{header: " \t ", wantErr: true},
		{header: ea, wantErr: true},
		{header: "v1,", wantErr: true},
		{header: "," + ea, wantErr: true},
		{header: "v1," + ea + " garbage", wantErr: true},
		{header: "v1,@@@@", wantErr: true},
		{header: "v1," + strings.TrimRight(eb, "="), wantErr: true},
		{header: "v1,AB==", wantErr: true}, // non-canonical: stray bits after the last byte
	}
	for _, tt := range tests {
		got, err := parseWebhookSignatures(tt.header)
		if tt.wantErr {
			if !errors.Is(err, ErrWebhookBadSignature) {
				t.Errorf("parseWebhookSignatures(%q) error = %v, want ErrWebhookBadSignature", tt.header, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseWebhookSignatures(%q): %v", tt.header, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("parseWebhookSignatures(%q) = %d signatures, want %d", tt.header, len(got), len(tt.want))
			continue
		}
		for i := range got {
			if !hmac.Equal(got[i], tt.want[i]) {
				t.Errorf("parseWebhookSignatures(%q)[%d] = %x, want %x", tt.header, i, got[i], tt.want[i])
			}
		}
	}
}

func TestSignWebhookRejectsUnusableSecret(t *testing.T) {
	for _, secret := range []string{"", "whsec_", "whsec_***"} {
		if got := SignWebhook(secret, testWebhookID, time.Unix(testWebhookTS, 0), []byte(testWebhookBody)); got != "" {
			t.Errorf("SignWebhook(%q, ...) = %q, want empty", secret, got)
		}
	}
}

// The secrets below are distinctive so that any leak is unambiguous.
func TestWebhookErrorsNeverContainSecret(t *testing.T) {
	rawKey := "hunter2-RAW-KEY-0123456789"
	secrets := []string{
		"ws_SUPERSECRET_abcdef0123456789",
		"whsec_" + base64.StdEncoding.EncodeToString([]byte(rawKey)),
		"whsec_SECRET*not*base64*SECRET",
		"whsec_U0VDUkVUU0VDUkVUU0VDUkVU=bad",
	}
	ts := strconv.FormatInt(testWebhookTS, 10)
	good := SignWebhook(secrets[0], testWebhookID, time.Unix(testWebhookTS, 0), []byte(testWebhookBody))
	headers := []http.Header{
		{},
		webhookTestHeader(testWebhookID, ts, good),
		webhookTestHeader(testWebhookID, "soon", good),
		webhookTestHeader(testWebhookID, "1", good),
		webhookTestHeader(testWebhookID, "99999999999", good),
		webhookTestHeader(testWebhookID, ts, "v1,%%%"),
		webhookTestHeader(testWebhookID, ts, "v1a,AAAA"),
		webhookTestHeader(testWebhookID, ts, "v1,AAAA"),
	}
	for _, secret := range secrets {
		forbidden := []string{secret, strings.TrimPrefix(secret, "whsec_"), rawKey, "SECRET"}
		v := verifierAt(secret, 0, time.Unix(testWebhookTS, 0))
		for _, h := range headers {
			err := v.verify([]byte(testWebhookBody+"x"), h)
			if err == nil {
				t.Fatalf("verify unexpectedly succeeded with headers %v", h)
			}
			for _, f := range forbidden {
				if strings.Contains(err.Error(), f) {
					t.Errorf("error %q contains secret material %q", err, f)
				}
			}
		}
	}
}

// testEvent stands in for the generated event union.
type testEvent struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

func testUnwrap(v webhookVerifier) func([]byte, http.Header) (testEvent, error) {
	return func(body []byte, h http.Header) (testEvent, error) {
		var e testEvent
		if err := v.verify(body, h); err != nil {
			return e, err
		}
		err := json.Unmarshal(body, &e)
		return e, err
	}
}

func signedRequest(secret, body string, at time.Time) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/webhooks/whop", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("webhook-id", testWebhookID)
	r.Header.Set("webhook-timestamp", strconv.FormatInt(at.Unix(), 10))
	r.Header.Set("webhook-signature", SignWebhook(secret, testWebhookID, at, []byte(body)))
	return r
}

func TestWebhookHandler(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	v := verifierAt(testWebhookSecret, 0, now)
	type ctxKey struct{}

	t.Run("good delivery", func(t *testing.T) {
		var calls atomic.Int32
		var got testEvent
		h := webhookHandler(testUnwrap(v), func(ctx context.Context, e testEvent) error {
			calls.Add(1)
			got = e
			if ctx.Value(ctxKey{}) != "request" {
				t.Error("handle did not get the request's context")
			}
			return nil
		}, 0)
		rec := httptest.NewRecorder()
		r := signedRequest(testWebhookSecret, testWebhookBody, now)
		h.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), ctxKey{}, "request")))
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d, body %q", rec.Code, rec.Body)
		}
		if n := calls.Load(); n != 1 {
			t.Fatalf("handle called %d times, want 1", n)
		}
		if got.Type != "payment.succeeded" || got.ID != testWebhookID {
			t.Errorf("handled event %+v", got)
		}
	})

	rejected := []struct {
		name       string
		req        func() *http.Request
		maxBody    int64
		handleErr  error
		wantStatus int
		wantReason string
	}{
		{
			name:       "bad signature",
			req:        func() *http.Request { return signedRequest("ws_other", testWebhookBody, now) },
			wantStatus: http.StatusBadRequest,
			wantReason: "no webhook signature matches",
		},
		{
			name: "missing header",
			req: func() *http.Request {
				r := signedRequest(testWebhookSecret, testWebhookBody, now)
				r.Header.Del("webhook-timestamp")
				return r
			},
			wantStatus: http.StatusBadRequest,
			wantReason: "webhook-timestamp",
		},
		{
			name:       "stale",
			req:        func() *http.Request { return signedRequest(testWebhookSecret, testWebhookBody, now.Add(-time.Hour)) },
			wantStatus: http.StatusBadRequest,
			wantReason: "too old",
		},
		{
			name:       "signed but not JSON",
			req:        func() *http.Request { return signedRequest(testWebhookSecret, "{not json", now) },
			wantStatus: http.StatusBadRequest,
			wantReason: "malformed webhook payload",
		},
		{
			name:       "oversized body",
			req:        func() *http.Request { return signedRequest(testWebhookSecret, testWebhookBody, now) },
			maxBody:    int64(len(testWebhookBody) - 1),
			wantStatus: http.StatusRequestEntityTooLarge,
			wantReason: "too large",
		},
		{
			name:       "handle fails",
			req:        func() *http.Request { return signedRequest(testWebhookSecret, testWebhookBody, now) },
			handleErr:  errors.New("database is down at 10.0.0.7"),
			wantStatus: http.StatusInternalServerError,
			wantReason: "webhook handler failed",
		},
		{
			name:       "wrong method",
			req:        func() *http.Request { return httptest.NewRequest(http.MethodGet, "/webhooks/whop", nil) },
			wantStatus: http.StatusMethodNotAllowed,
			wantReason: "POST",
		},
	}
	for _, tt := range rejected {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int32
			h := webhookHandler(testUnwrap(v), func(context.Context, testEvent) error {
				calls.Add(1)
				return tt.handleErr
			}, tt.maxBody)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, tt.req())
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d (body %q)", rec.Code, tt.wantStatus, rec.Body)
			}
			body := rec.Body.String()
			if !strings.Contains(body, tt.wantReason) {
				t.Errorf("body %q does not contain %q", body, tt.wantReason)
			}
			if strings.Contains(body, "10.0.0.7") {
				t.Errorf("body %q leaks the handler's error", body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("Content-Type %q, want text/plain", ct)
			}
			want := int32(0)
			if tt.handleErr != nil {
				want = 1
			}
			if n := calls.Load(); n != want {
				t.Errorf("handle called %d times, want %d", n, want)
			}
		})
	}
}

func TestWebhookHandlerDefaultLimit(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	h := webhookHandler(testUnwrap(verifierAt(testWebhookSecret, 0, now)), func(context.Context, testEvent) error { return nil }, 0)
	big := `{"id":"x","pad":"` + strings.Repeat("a", 1<<20) + `"}`
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, signedRequest(testWebhookSecret, big, now))
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("body over 1 MiB: status %d, want 413", rec.Code)
	}
	fits := `{"id":"x","pad":"` + strings.Repeat("a", 1<<20-64) + `"}`
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, signedRequest(testWebhookSecret, fits, now))
	if rec.Code != http.StatusOK {
		t.Errorf("body under 1 MiB: status %d, want 200 (body %q)", rec.Code, rec.Body)
	}
}

func TestWebhookHandlerMisconfigured(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	for _, secret := range []string{"", "whsec_SECRET*SECRET"} {
		h := webhookHandler(testUnwrap(verifierAt(secret, 0, now)), func(context.Context, testEvent) error {
			t.Error("handle called without a usable secret")
			return nil
		}, 0)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, signedRequest(testWebhookSecret, testWebhookBody, now))
		// The sender is not at fault, so ask it to retry later.
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("secret %q: status %d, want 500", secret, rec.Code)
		}
		if body := rec.Body.String(); !strings.Contains(body, "not configured") || strings.Contains(body, "SECRET") {
			t.Errorf("secret %q: body %q", secret, body)
		}
	}
}

// The handler's function learns the delivery: its id (to drop duplicates),
// its timestamp and the raw body; svix-* headers count as webhook-* ones.
func TestWebhookHandlerPassesDelivery(t *testing.T) {
	now := time.Unix(testWebhookTS, 0)
	for _, prefix := range []string{"webhook-", "svix-"} {
		t.Run(prefix, func(t *testing.T) {
			var got WebhookDelivery
			var found bool
			h := webhookHandler(testUnwrap(verifierAt(testWebhookSecret, 0, now)), func(ctx context.Context, e testEvent) error {
				got, found = WebhookDeliveryFromContext(ctx)
				return nil
			}, 0)
			r := signedRequest(testWebhookSecret, testWebhookBody, now)
			if prefix == "svix-" {
				for _, name := range []string{"id", "timestamp", "signature"} {
					r.Header.Set("svix-"+name, r.Header.Get("webhook-"+name))
					r.Header.Del("webhook-" + name)
				}
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if rec.Code != http.StatusOK || !found {
				t.Fatalf("status %d, delivery found %v", rec.Code, found)
			}
			if got.ID != testWebhookID || !got.Timestamp.Equal(now) || string(got.Body) != testWebhookBody {
				t.Errorf("delivery = %+v", got)
			}
		})
	}
	if d, ok := WebhookDeliveryFromContext(context.Background()); ok || d.ID != "" {
		t.Errorf("a plain context has delivery %+v", d)
	}
}
