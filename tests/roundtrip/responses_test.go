package roundtrip

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/synth"
)

// maxReports bounds the failures reported per schema, so one broken type
// does not bury the rest of the output.
const maxReports = 3

// TestEverySchemaRoundTrips sends every synthesized instance of every 2xx
// response schema through the real client method (HTTP, decoding and
// all) and every webhook payload through Webhooks.Unwrap, re-encodes the
// result with encoding/json, and compares it with what was sent.
func TestEverySchemaRoundTrips(t *testing.T) {
	t.Parallel()
	f := setup(t)
	var total, passed int
	t.Run("responses", func(t *testing.T) {
		n, ok, instances := responsesRoundTrip(t, f)
		total, passed = total+n, passed+ok
		t.Logf("%d/%d response schemas round-trip (%d instances)", ok, n, instances)
	})
	t.Run("webhooks", func(t *testing.T) {
		n, ok, instances := webhooksRoundTrip(t, f)
		total, passed = total+n, passed+ok
		t.Logf("%d/%d webhook payload schemas round-trip (%d instances)", ok, n, instances)
	})
	t.Logf("%d/%d schemas round-trip", passed, total)
	if passed != total || total == 0 {
		t.Errorf("%d of %d schemas do not round-trip", total-passed, total)
	}
}

func responsesRoundTrip(t *testing.T, f *fixture) (schemas, passed, instances int) {
	srv := newSpecServer(t, f)
	methods := discover(t, f, srv)
	ctx := context.Background()
	for _, tg := range synth.Responses(f.doc) {
		schemas++
		m, ok := methods[tg.Method+" "+tg.Path]
		if !ok {
			continue // discover reported it
		}
		vs := f.synth.Instances(tg.Ref)
		instances += len(vs)
		if err := f.synth.ValidateAll(tg.Ref, vs); err != nil {
			t.Errorf("%s: %v", tg.Name, err)
			continue
		}
		fails := 0
		for i, v := range vs {
			body := mustJSON(t, v)
			srv.answer(body)
			out, err := m.call(ctx, reflect.Value{})
			srv.take()
			if d := roundTripDiff(body, out, err); d != "" {
				fails++
				if fails <= maxReports {
					t.Errorf("%s via %s, instance %d of %d: %s\nsent: %s", tg.Name, m.Name, i+1, len(vs), d, body)
				}
			}
		}
		if fails == 0 {
			passed++
		}
	}
	return schemas, passed, instances
}

// roundTripDiff describes how the decoded value out (or the error) differs
// from the JSON that was sent.
func roundTripDiff(sent []byte, out any, err error) string {
	if err != nil {
		return "decoding failed: " + err.Error()
	}
	got, err := json.Marshal(out)
	if err != nil {
		return "re-encoding failed: " + err.Error()
	}
	if d := jsonDiff(sent, got); d != "" {
		return fmt.Sprintf("%s\ngot:  %s", d, got)
	}
	return ""
}

// webhookSecret is a Standard Webhooks secret for tests.
var webhookSecret = "whsec_" + base64.StdEncoding.EncodeToString([]byte("roundtrip tests sign with this key"))

// signedHeaders returns the headers a sender would attach to body.
func signedHeaders(body []byte) http.Header {
	now := time.Now()
	h := http.Header{}
	h.Set("webhook-id", "msg_roundtrip")
	h.Set("webhook-timestamp", strconv.FormatInt(now.Unix(), 10))
	h.Set("webhook-signature", whop.SignWebhook(webhookSecret, "msg_roundtrip", now, body))
	return h
}

func webhooksRoundTrip(t *testing.T, f *fixture) (schemas, passed, instances int) {
	client := whop.NewClient(whop.WithWebhookSecret(webhookSecret))
	for _, tg := range synth.Webhooks(f.doc) {
		schemas++
		vs := f.synth.Instances(tg.Ref)
		instances += len(vs)
		if err := f.synth.ValidateAll(tg.Ref, vs); err != nil {
			t.Errorf("%s: %v", tg.Name, err)
			continue
		}
		want := eventType(tg.Ref)
		fails := 0
		for i, v := range vs {
			body := mustJSON(t, v)
			ev, err := client.Webhooks.Unwrap(body, signedHeaders(body))
			d := roundTripDiff(body, ev, err)
			if d == "" && ev.Variant() == nil {
				d = "decoded as an unknown event"
			}
			if d == "" && reflect.TypeOf(ev.Variant()).Elem().Name() != want {
				d = fmt.Sprintf("decoded as %T, want %s", ev.Variant(), want)
			}
			if d != "" {
				fails++
				if fails <= maxReports {
					t.Errorf("%s, instance %d of %d: %s\nsent: %s", tg.Name, i+1, len(vs), d, body)
				}
			}
		}
		if fails == 0 {
			passed++
		}
	}
	return schemas, passed, instances
}

// eventType is the Go type name the generator gives a webhook's payload:
// "invoice.created" becomes InvoiceCreatedEvent.
func eventType(ref *openapi3.SchemaRef) string {
	typ, _ := ref.Value.Properties["type"].Value.Const.(string)
	name := ""
	upper := true
	for _, r := range typ {
		switch {
		case r == '.' || r == '_':
			upper = true
		case upper:
			name += string(r - 'a' + 'A')
			upper = false
		default:
			name += string(r)
		}
	}
	return name + "Event"
}
