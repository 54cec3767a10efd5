package examples_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	whop "github.com/whopgen/whopgen/generated"
)

// A handler that switches on the event type (the API's own WebhookEvent
// enum), reads what every event has (ID, Timestamp) without a type
// switch, and drops a delivery it has seen: a retried delivery keeps its
// webhook-id, which WebhookDeliveryFromContext gives, with the raw body.
func Example_webhooksTypeAndDuplicates() {
	const secret = "whop-webhook-secret"
	client := whop.NewClient(whop.WithWebhookSecret(secret))
	var mu sync.Mutex
	seen := map[string]bool{}
	handler := client.Webhooks.Handler(func(ctx context.Context, ev whop.Event) error {
		d, _ := whop.WebhookDeliveryFromContext(ctx)
		mu.Lock()
		dup := seen[d.ID]
		seen[d.ID] = true
		mu.Unlock()
		if dup {
			fmt.Println("duplicate delivery", d.ID, "dropped")
			return nil
		}
		switch ev.Type() {
		case whop.WebhookEventPaymentSucceeded:
			fmt.Println("payment succeeded:", ev.PaymentSucceeded.Data.ID, "event", ev.ID(), ev.Timestamp().Format(time.DateOnly))
		default:
			fmt.Println("event", ev.Type(), ev.ID(), len(d.Body), "bytes")
		}
		return nil
	})
	receiver := httptest.NewServer(handler)
	defer receiver.Close()

	deliver := func(id, body string) {
		now := time.Now()
		req, _ := http.NewRequest(http.MethodPost, receiver.URL, strings.NewReader(body))
		req.Header.Set("webhook-id", id)
		req.Header.Set("webhook-timestamp", strconv.FormatInt(now.Unix(), 10))
		req.Header.Set("webhook-signature", whop.SignWebhook(secret, id, now, []byte(body)))
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}
	paid := `{"id":"evt_1","api_version":"v1","timestamp":"2025-06-01T12:00:00Z","type":"payment.succeeded","data":{"id":"pay_1"}}`
	deliver("msg_1", paid)
	deliver("msg_1", paid) // Whop retried: same webhook-id
	deliver("msg_2", `{"id":"evt_2","api_version":"v1","timestamp":"2025-06-01T12:00:00Z","type":"refund.created","data":{"id":"rf_1"}}`)
	// Output:
	// payment succeeded: pay_1 event evt_1 2025-06-01
	// duplicate delivery msg_1 dropped
	// event refund.created evt_2 113 bytes
}
