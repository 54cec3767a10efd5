package examples_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	whop "github.com/whopgen/whopgen/generated"
)

// A complete webhook receiver: Handler reads the body (up to 1 MiB),
// verifies the Standard Webhooks signature, decodes the event and calls
// the function; it answers 400 to a bad delivery, 500 when the function
// fails (so Whop retries) and 200 otherwise.
func Example_webhooks() {
	const secret = "whop-webhook-secret" // default: $WHOP_WEBHOOK_SECRET
	client := whop.NewClient(whop.WithWebhookSecret(secret))

	mux := http.NewServeMux()
	mux.Handle("POST /webhooks/whop", client.Webhooks.Handler(func(ctx context.Context, ev whop.Event) error {
		switch e := ev.Variant().(type) {
		case *whop.PaymentSucceededEvent:
			fmt.Println("payment succeeded:", e.Data.ID)
		case *whop.MembershipActivatedEvent:
			fmt.Println("membership activated:", e.Data.ID)
		case nil:
			fmt.Printf("an event type this client does not know: %s\n", ev.RawJSON())
		default:
			fmt.Printf("not handled here: %T\n", e)
		}
		return nil
	}))
	receiver := httptest.NewServer(mux)
	defer receiver.Close()

	// What Whop does: sign the raw body, then POST it.
	deliver := func(id, signingSecret, body string) {
		now := time.Now()
		req, _ := http.NewRequest(http.MethodPost, receiver.URL+"/webhooks/whop", strings.NewReader(body))
		req.Header.Set("webhook-id", id)
		req.Header.Set("webhook-timestamp", strconv.FormatInt(now.Unix(), 10))
		req.Header.Set("webhook-signature", whop.SignWebhook(signingSecret, id, now, []byte(body)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		defer resp.Body.Close()
		reason, _ := io.ReadAll(resp.Body)
		fmt.Println(strings.TrimSpace(strconv.Itoa(resp.StatusCode) + " " + string(reason)))
	}
	deliver("msg_1", secret, `{"id":"msg_1","api_version":"v1","timestamp":"2025-06-01T12:00:00Z","type":"payment.succeeded","data":{"id":"pay_1"}}`)
	deliver("msg_2", secret, `{"id":"msg_2","api_version":"v1","timestamp":"2025-06-01T12:00:00Z","type":"refund.created","data":{"id":"rf_1"}}`)
	deliver("msg_3", secret, `{"id":"msg_3","api_version":"v1","timestamp":"2025-06-01T12:00:00Z","type":"galaxy.created","data":{}}`)
	deliver("msg_4", "not-the-secret", `{"id":"msg_4","api_version":"v1","timestamp":"2025-06-01T12:00:00Z","type":"payment.succeeded","data":{"id":"pay_2"}}`)
	// Output:
	// payment succeeded: pay_1
	// 200
	// not handled here: *whop.RefundCreatedEvent
	// 200
	// an event type this client does not know: {"id":"msg_3","api_version":"v1","timestamp":"2025-06-01T12:00:00Z","type":"galaxy.created","data":{}}
	// 200
	// 400 no webhook signature matches
}

// Unwrap verifies and decodes a delivery received some other way (a queue,
// a serverless function); Verify only checks the signature.
func Example_webhooksUnwrap() {
	const secret = "whop-webhook-secret"
	client := whop.NewClient(whop.WithWebhookSecret(secret))

	body := []byte(`{"id":"msg_1","api_version":"v1","timestamp":"2025-06-01T12:00:00Z","type":"membership.activated","data":{"id":"mem_1"}}`)
	now := time.Now()
	headers := http.Header{}
	headers.Set("webhook-id", "msg_1")
	headers.Set("webhook-timestamp", strconv.FormatInt(now.Unix(), 10))
	headers.Set("webhook-signature", whop.SignWebhook(secret, "msg_1", now, body))

	ev, err := client.Webhooks.Unwrap(body, headers)
	if err != nil {
		fmt.Println(err)
		return
	}
	if ev.MembershipActivated != nil {
		fmt.Println("membership activated:", ev.MembershipActivated.Data.ID, ev.MembershipActivated.Timestamp.Format(time.DateOnly))
	}

	tampered := bytes.Replace(body, []byte("mem_1"), []byte("mem_2"), 1)
	_, err = client.Webhooks.Unwrap(tampered, headers)
	fmt.Println(errors.Is(err, whop.ErrWebhookNoMatchingSignature), err)

	headers.Set("webhook-timestamp", strconv.FormatInt(now.Add(-time.Hour).Unix(), 10))
	err = client.Webhooks.Verify(body, headers)
	fmt.Println(errors.Is(err, whop.ErrWebhookTimestampTooOld))
	// Output:
	// membership activated: mem_1 2025-06-01
	// true no webhook signature matches
	// true
}
