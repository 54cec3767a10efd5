// Package webhooks_test checks webhook verification and decoding on the
// real spec: a synthesized payload for each of its webhooks, signed here
// with crypto/hmac (independently of the runtime), goes through
// client.Webhooks and must come back as the right Go type and the same
// JSON.
package webhooks_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen"
	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/synth"
)

var (
	loadOnce sync.Once
	doc      *openapi3.T
	loadErr  error
)

// spec loads spec/openapi.yml once for the package.
func spec(t testing.TB) *openapi3.T {
	t.Helper()
	loadOnce.Do(func() { doc, loadErr = synth.LoadSpec("spec/openapi.yml", whopgen.Spec) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return doc
}

// testSecret is the webhook secret as Whop shows it: its bytes are the key.
const testSecret = "whop_webhook_test_secret_7Hq2"

// mac is the Standard Webhooks signature, computed here without the
// runtime: base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)).
func mac(key []byte, id, ts string, body []byte) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id + "." + ts + "."))
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// signed returns the headers of a delivery of body signed with key at t.
func signed(key []byte, id string, t time.Time, body []byte) http.Header {
	ts := strconv.FormatInt(t.Unix(), 10)
	h := http.Header{}
	h.Set("webhook-id", id)
	h.Set("webhook-timestamp", ts)
	h.Set("webhook-signature", "v1,"+mac(key, id, ts, body))
	return h
}

// goName is the Event field for an event type:
// "membership.cancel_at_period_end_changed" -> "MembershipCancelAtPeriodEndChanged".
func goName(eventType string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(eventType, func(r rune) bool { return r == '.' || r == '_' }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// setVariants returns the names of the Event's variant fields that are set.
func setVariants(ev whop.Event) []string {
	var set []string
	v := reflect.ValueOf(ev)
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.Pointer && !v.Field(i).IsNil() {
			set = append(set, f.Name)
		}
	}
	return set
}

// variantFields counts the Event's variant fields.
func variantFields() int {
	n := 0
	for f := range reflect.TypeFor[whop.Event]().Fields() {
		if f.IsExported() && f.Type.Kind() == reflect.Pointer {
			n++
		}
	}
	return n
}

// sameJSON reports whether a and b hold the same JSON value, comparing
// strings that are RFC 3339 date-times as instants (the encoder may write
// "2025-01-01T00:00:00Z" for "2025-01-01T00:00:00.000Z").
func sameJSON(a, b []byte) (bool, error) {
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		return false, err
	}
	if err := json.Unmarshal(b, &y); err != nil {
		return false, err
	}
	return reflect.DeepEqual(normalize(x), normalize(y)), nil
}

func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalize(e)
		}
		return out
	case string:
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return t.UTC().Format(time.RFC3339Nano)
		}
	}
	return v
}
