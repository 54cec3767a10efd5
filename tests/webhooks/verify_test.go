package webhooks_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	whop "github.com/whopgen/whopgen/generated"
)

// body is a small valid delivery of payment.succeeded.
var body = []byte(`{"id":"msg_1","api_version":"v1","company_id":"biz_1","timestamp":"2025-06-01T12:00:00.000Z","type":"payment.succeeded","data":{"id":"pay_1"}}`)

// A published Standard Webhooks test vector: the key is the base64 part of
// the whsec_ secret. Checked against the HMAC computed here, then against
// the client.
func TestKnownVector(t *testing.T) {
	const (
		secret  = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
		id      = "msg_p5jXN8AQM9LWM0D4loKWxJek"
		ts      = "1614265330"
		payload = `{"test": 2432232314}`
		want    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
	)
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		t.Fatal(err)
	}
	if got := "v1," + mac(key, id, ts, []byte(payload)); got != want {
		t.Fatalf("independent HMAC = %s, want %s", got, want)
	}
	if got := whop.SignWebhook(secret, id, time.Unix(1614265330, 0), []byte(payload)); got != want {
		t.Errorf("SignWebhook = %s, want %s", got, want)
	}
	h := http.Header{"Webhook-Id": {id}, "Webhook-Timestamp": {ts}, "Webhook-Signature": {want}}
	// The vector is from 2021: widen the tolerance to accept it.
	client := whop.NewClient(whop.WithWebhookSecret(secret), whop.WithWebhookTolerance(100*365*24*time.Hour))
	if err := client.Webhooks.Verify([]byte(payload), h); err != nil {
		t.Errorf("Verify: %v", err)
	}
	if err := whop.NewClient(whop.WithWebhookSecret(secret)).Webhooks.Verify([]byte(payload), h); !errors.Is(err, whop.ErrWebhookTimestampTooOld) {
		t.Errorf("with the default tolerance: %v, want ErrWebhookTimestampTooOld", err)
	}
}

// Each way a delivery can be wrong is rejected with the error that names
// the failed check; the right variations pass.
func TestVerifyCases(t *testing.T) {
	key := []byte(testSecret)
	now := time.Now()
	ts := strconv.FormatInt(now.Unix(), 10)
	good := "v1," + mac(key, "msg_1", ts, body)
	wrong := "v1," + mac([]byte("another secret"), "msg_1", ts, body)
	changed := bytes.Clone(body)
	changed[bytes.IndexByte(changed, '1')] = '2' // "msg_1" -> "msg_2" in the body only

	headers := func(id, ts, sig string) http.Header {
		h := http.Header{}
		for k, v := range map[string]string{"webhook-id": id, "webhook-timestamp": ts, "webhook-signature": sig} {
			if v != "" {
				h.Set(k, v)
			}
		}
		return h
	}
	at := func(d time.Duration, secret []byte) (string, string) {
		ts := strconv.FormatInt(now.Add(d).Unix(), 10)
		return ts, "v1," + mac(secret, "msg_1", ts, body)
	}
	oldTS, oldSig := at(-6*time.Minute, key)
	newTS, newSig := at(6*time.Minute, key)
	edgeTS, edgeSig := at(-4*time.Minute, key)

	tests := []struct {
		name    string
		body    []byte
		h       http.Header
		opts    []whop.RequestOption
		want    error  // nil: passes
		message string // the error must contain it
	}{
		{"good", body, headers("msg_1", ts, good), nil, nil, ""},
		{"changed body byte", changed, headers("msg_1", ts, good), nil, whop.ErrWebhookNoMatchingSignature, ""},
		{"changed id", body, headers("msg_2", ts, good), nil, whop.ErrWebhookNoMatchingSignature, ""},
		{"wrong secret", body, headers("msg_1", ts, wrong), nil, whop.ErrWebhookNoMatchingSignature, ""},
		{"timestamp too old", body, headers("msg_1", oldTS, oldSig), nil, whop.ErrWebhookTimestampTooOld, "tolerance"},
		{"timestamp too new", body, headers("msg_1", newTS, newSig), nil, whop.ErrWebhookTimestampTooNew, "tolerance"},
		{"inside the tolerance", body, headers("msg_1", edgeTS, edgeSig), nil, nil, ""},
		{"wider tolerance", body, headers("msg_1", oldTS, oldSig), []whop.RequestOption{whop.WithWebhookTolerance(10 * time.Minute)}, nil, ""},
		{"narrower tolerance", body, headers("msg_1", edgeTS, edgeSig), []whop.RequestOption{whop.WithWebhookTolerance(time.Minute)}, whop.ErrWebhookTimestampTooOld, ""},
		{"timestamp not a number", body, headers("msg_1", ts+"x", good), nil, whop.ErrWebhookBadTimestamp, ""},
		{"missing webhook-id", body, headers("", ts, good), nil, whop.ErrWebhookMissingHeader, "webhook-id"},
		{"missing webhook-timestamp", body, headers("msg_1", "", good), nil, whop.ErrWebhookMissingHeader, "webhook-timestamp"},
		{"missing webhook-signature", body, headers("msg_1", ts, ""), nil, whop.ErrWebhookMissingHeader, "webhook-signature"},
		{"no headers", body, http.Header{}, nil, whop.ErrWebhookMissingHeader, ""},
		{"signature without version", body, headers("msg_1", ts, strings.TrimPrefix(good, "v1,")), nil, whop.ErrWebhookBadSignature, ""},
		{"signature not base64", body, headers("msg_1", ts, "v1,%%%not-base64%%%"), nil, whop.ErrWebhookBadSignature, ""},
		{"empty entry", body, headers("msg_1", ts, "v1,"), nil, whop.ErrWebhookBadSignature, ""},
		{"malformed entry among good ones", body, headers("msg_1", ts, good+" garbage"), nil, whop.ErrWebhookBadSignature, ""},
		{"only another version", body, headers("msg_1", ts, "v2,"+strings.TrimPrefix(good, "v1,")), nil, whop.ErrWebhookNoMatchingSignature, ""},
		{"several, only the last matches", body, headers("msg_1", ts, wrong+" v1,"+mac(key, "msg_0", ts, body)+" "+good), nil, nil, ""},
		{"several, only the first matches", body, headers("msg_1", ts, good+" "+wrong), nil, nil, ""},
		{"unknown version before v1", body, headers("msg_1", ts, "v1a,abc "+good), nil, nil, ""},
		{"lower-case header names", body, http.Header{"webhook-id": {"msg_1"}, "webhook-timestamp": {ts}, "webhook-signature": {good}}, nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := whop.NewClient(append([]whop.RequestOption{whop.WithWebhookSecret(testSecret)}, tt.opts...)...)
			verr := client.Webhooks.Verify(tt.body, tt.h)
			ev, uerr := client.Webhooks.Unwrap(tt.body, tt.h)
			for what, err := range map[string]error{"Verify": verr, "Unwrap": uerr} {
				switch {
				case tt.want == nil && err != nil:
					t.Errorf("%s: %v, want success", what, err)
				case tt.want != nil && !errors.Is(err, tt.want):
					t.Errorf("%s: %v, want %v", what, err, tt.want)
				case err != nil && !strings.Contains(err.Error(), tt.message):
					t.Errorf("%s: %q does not mention %q", what, err, tt.message)
				case err != nil && strings.Contains(err.Error(), testSecret):
					t.Errorf("%s: the error shows the secret: %v", what, err)
				}
			}
			if tt.want == nil && ev.PaymentSucceeded == nil {
				t.Errorf("Unwrap decoded %T, want a payment.succeeded event", ev.Variant())
			}
			if tt.want != nil && ev.Variant() != nil {
				t.Errorf("Unwrap returned an event with a failed verification: %T", ev.Variant())
			}
		})
	}
}

// The secret comes from WHOP_WEBHOOK_SECRET unless WithWebhookSecret
// says otherwise; without either, the error says how to set it.
func TestSecretSources(t *testing.T) {
	h := signed([]byte(testSecret), "msg_1", time.Now(), body)

	t.Run("environment", func(t *testing.T) {
		t.Setenv("WHOP_WEBHOOK_SECRET", testSecret+"\n")
		if _, err := whop.NewClient().Webhooks.Unwrap(body, h); err != nil {
			t.Error(err)
		}
	})
	t.Run("option over environment", func(t *testing.T) {
		t.Setenv("WHOP_WEBHOOK_SECRET", "stale secret")
		if err := whop.NewClient().Webhooks.Verify(body, h); !errors.Is(err, whop.ErrWebhookNoMatchingSignature) {
			t.Errorf("with the stale secret: %v", err)
		}
		if _, err := whop.NewClient(whop.WithWebhookSecret(testSecret)).Webhooks.Unwrap(body, h); err != nil {
			t.Error(err)
		}
	})
	t.Run("missing", func(t *testing.T) {
		t.Setenv("WHOP_WEBHOOK_SECRET", "")
		for _, client := range []*whop.Client{whop.NewClient(), whop.NewClient(whop.WithWebhookSecret(""))} {
			_, err := client.Webhooks.Unwrap(body, h)
			if !errors.Is(err, whop.ErrWebhookNoSecret) || !strings.Contains(err.Error(), "WHOP_WEBHOOK_SECRET") || !strings.Contains(err.Error(), "WithWebhookSecret") {
				t.Errorf("err = %v, want ErrWebhookNoSecret naming WHOP_WEBHOOK_SECRET and WithWebhookSecret", err)
			}
		}
	})
	t.Run("whsec_ base64 key", func(t *testing.T) {
		key := make([]byte, 24)
		rand.Read(key)
		secret := "whsec_" + base64.StdEncoding.EncodeToString(key)
		h := signed(key, "msg_1", time.Now(), body)
		if _, err := whop.NewClient(whop.WithWebhookSecret(secret)).Webhooks.Unwrap(body, h); err != nil {
			t.Errorf("whsec_ secret: %v", err)
		}
		// The same string without the prefix is a different key.
		if err := whop.NewClient(whop.WithWebhookSecret(strings.TrimPrefix(secret, "whsec_"))).Webhooks.Verify(body, h); !errors.Is(err, whop.ErrWebhookNoMatchingSignature) {
			t.Errorf("base64 text as raw key: %v, want no match", err)
		}
		if err := whop.NewClient(whop.WithWebhookSecret("whsec_***")).Webhooks.Verify(body, h); !errors.Is(err, whop.ErrWebhookMalformedSecret) || strings.Contains(err.Error(), "***") {
			t.Errorf("malformed whsec_ secret: %v", err)
		}
	})
}

// The handler answers 400 to a bad delivery without calling handle, and
// 200 after handle succeeds with the decoded event.
func TestHandler(t *testing.T) {
	var (
		mu      sync.Mutex
		got     []whop.Event
		failing bool
	)
	calls := func() []whop.Event {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(got)
	}
	client := whop.NewClient(whop.WithWebhookSecret(testSecret))
	srv := httptest.NewServer(client.Webhooks.Handler(func(ctx context.Context, ev whop.Event) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, ev)
		if failing {
			return errors.New("database down: password=hunter2")
		}
		return nil
	}))
	defer srv.Close()

	post := func(b []byte, h http.Header) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(b))
		for k, v := range h {
			req.Header[k] = v
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		reply, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, strings.TrimSpace(string(reply))
	}

	good := signed([]byte(testSecret), "msg_1", time.Now(), body)
	forged := signed([]byte("not the secret"), "msg_1", time.Now(), body)
	if status, reply := post(body, forged); status != 400 || reply != whop.ErrWebhookNoMatchingSignature.Error() {
		t.Errorf("bad signature: %d %q, want 400 %q", status, reply, whop.ErrWebhookNoMatchingSignature)
	}
	if status, reply := post(body, http.Header{}); status != 400 || !strings.Contains(reply, "webhook-id") {
		t.Errorf("no headers: %d %q, want 400 naming webhook-id", status, reply)
	}
	if n := len(calls()); n != 0 {
		t.Fatalf("handle was called %d times for rejected deliveries", n)
	}
	if status, _ := post(body, good); status != 200 {
		t.Errorf("good delivery: status %d, want 200", status)
	}
	if got := calls(); len(got) != 1 || got[0].PaymentSucceeded == nil || got[0].PaymentSucceeded.Data.ID != "pay_1" || got[0].PaymentSucceeded.ID != "msg_1" {
		t.Fatalf("handle got %+v, want the payment.succeeded event", got)
	}
	mu.Lock()
	failing = true
	mu.Unlock()
	if status, reply := post(body, good); status != 500 || strings.Contains(reply, "hunter2") {
		t.Errorf("failing handle: %d %q, want 500 without the handler's error", status, reply)
	}

	// A receiver without a secret is at fault itself: 500, so Whop retries.
	t.Setenv("WHOP_WEBHOOK_SECRET", "")
	unconfigured := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
	req.Header = good
	whop.NewClient().Webhooks.Handler(func(context.Context, whop.Event) error { return nil }).ServeHTTP(unconfigured, req)
	if unconfigured.Code != 500 || strings.Contains(unconfigured.Body.String(), "WHOP_WEBHOOK_SECRET") {
		t.Errorf("no secret: %d %q, want 500 without configuration details", unconfigured.Code, unconfigured.Body)
	}

	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d, want 405", resp.StatusCode)
	}
}

// FuzzVerify feeds arbitrary headers and bodies to the client: it never
// panics, and never accepts what the test did not sign.
func FuzzVerify(f *testing.F) {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	f.Add("msg_1", ts, "v1,"+mac([]byte(testSecret), "msg_1", ts, body), body)
	f.Add("msg_1", ts, "v1,abc v2,def v1,", []byte("{}"))
	f.Add("", "-1", " ,,, v1", []byte(nil))
	f.Add("msg_1", "99999999999999999999", "v1,====", []byte(`{"type":"x"}`))
	client := whop.NewClient(whop.WithWebhookSecret(testSecret))
	f.Fuzz(func(t *testing.T, id, ts, sig string, b []byte) {
		h := http.Header{"Webhook-Id": {id}, "Webhook-Timestamp": {ts}, "Webhook-Signature": {sig}}
		_, err := client.Webhooks.Unwrap(b, h)
		if err == nil && !strings.Contains(sig, mac([]byte(testSecret), id, ts, b)) {
			t.Errorf("accepted a delivery without its signature: id %q ts %q sig %q", id, ts, sig)
		}
	})
}
