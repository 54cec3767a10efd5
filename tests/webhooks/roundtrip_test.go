package webhooks_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/synth"
)

// TestEveryWebhookRoundTrips sends one synthesized, signed payload of each
// webhook of the spec through Unwrap: it must verify, set exactly the
// variant named after its type, and encode back to the same JSON.
func TestEveryWebhookRoundTrips(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	targets := synth.Webhooks(d)
	if len(targets) != len(d.Webhooks) || len(targets) != variantFields() {
		t.Fatalf("spec has %d webhooks, %d with a JSON body; whop.Event has %d variants", len(d.Webhooks), len(targets), variantFields())
	}
	client := whop.NewClient(whop.WithWebhookSecret(testSecret))

	passed := 0
	for _, tg := range targets {
		eventType := strings.TrimPrefix(tg.Name, "webhook ")
		t.Run(eventType, func(t *testing.T) {
			payload := s.One(tg.Ref)
			if err := s.Validate(tg.Ref, payload); err != nil {
				t.Fatal(err)
			}
			if got := payload.(map[string]any)["type"]; got != eventType {
				t.Fatalf("payload type = %v, want the webhook's name %q", got, eventType)
			}
			body, err := json.Marshal(payload)
			if err != nil {
				t.Fatal(err)
			}
			id := "msg_" + strings.ReplaceAll(eventType, ".", "_")

			ev, err := client.Webhooks.Unwrap(body, signed([]byte(testSecret), id, time.Now(), body))
			if err != nil {
				t.Fatalf("Unwrap: %v\npayload: %s", err, body)
			}
			want := goName(eventType)
			if got := setVariants(ev); len(got) != 1 || got[0] != want {
				t.Fatalf("variants set = %v, want [%s]", got, want)
			}
			field := reflect.ValueOf(ev).FieldByName(want)
			variant := reflect.ValueOf(ev.Variant())
			if !variant.IsValid() || variant.Pointer() != field.Pointer() {
				t.Errorf("Variant() = %T, want the %s field", ev.Variant(), want)
			}
			if got := variant.Type().Elem().Name(); got != want+"Event" {
				t.Errorf("variant type = %s, want %sEvent", got, want)
			}
			if ev.RawJSON() != nil {
				t.Errorf("RawJSON() = %s, want nil for a known type", ev.RawJSON())
			}

			for what, v := range map[string]any{"Event": ev, "variant": ev.Variant()} {
				again, err := json.Marshal(v)
				if err != nil {
					t.Fatalf("encoding the %s: %v", what, err)
				}
				if same, err := sameJSON(body, again); err != nil || !same {
					t.Errorf("the %s does not re-encode to the payload (err %v):\n sent %s\n  got %s", what, err, body, again)
				}
			}
			if !t.Failed() {
				passed++
			}
		})
	}
	fmt.Printf("webhooks: %d/%d events round-trip\n", passed, len(targets))
}

// Every instance the synthesizer writes for a webhook (nulls, each
// variant, each enum value) decodes and re-encodes unchanged, not only
// the first.
func TestEveryWebhookInstanceRoundTrips(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	client := whop.NewClient(whop.WithWebhookSecret(testSecret))
	instances, passed := 0, 0
	for _, tg := range synth.Webhooks(d) {
		eventType := strings.TrimPrefix(tg.Name, "webhook ")
		for i, payload := range s.Instances(tg.Ref) {
			instances++
			body, _ := json.Marshal(payload)
			ev, err := client.Webhooks.Unwrap(body, signed([]byte(testSecret), "msg_1", time.Now(), body))
			if err != nil {
				t.Errorf("%s instance %d: Unwrap: %v\n%s", eventType, i, err, body)
				continue
			}
			if got := setVariants(ev); len(got) != 1 || got[0] != goName(eventType) {
				t.Errorf("%s instance %d: variants set = %v", eventType, i, got)
				continue
			}
			again, err := json.Marshal(ev)
			if same, _ := sameJSON(body, again); err != nil || !same {
				t.Errorf("%s instance %d does not round-trip (err %v):\n sent %s\n  got %s", eventType, i, err, body, again)
				continue
			}
			passed++
		}
	}
	t.Logf("webhooks: %d/%d synthesized instances round-trip", passed, instances)
}

// An event type this client does not know decodes without error, keeps
// its JSON and writes it back byte for byte.
func TestUnknownEventType(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	payload := s.One(synth.Webhooks(d)[0].Ref).(map[string]any)
	payload["type"] = "invoice.teleported"
	payload["data"] = map[string]any{"id": "inv_1", "new_field": []any{1.0, "two", nil}}
	body, _ := json.Marshal(payload)

	client := whop.NewClient(whop.WithWebhookSecret(testSecret))
	ev, err := client.Webhooks.Unwrap(body, signed([]byte(testSecret), "msg_1", time.Now(), body))
	if err != nil {
		t.Fatal(err)
	}
	if got := setVariants(ev); len(got) != 0 || ev.Variant() != nil {
		t.Errorf("variants set = %v, Variant() = %v; want none", got, ev.Variant())
	}
	if !bytes.Equal(ev.RawJSON(), body) {
		t.Errorf("RawJSON() = %s, want %s", ev.RawJSON(), body)
	}
	again, err := json.Marshal(ev)
	if err != nil || !bytes.Equal(again, body) {
		t.Errorf("re-encoded (err %v):\n%s\nwant\n%s", err, again, body)
	}
}
