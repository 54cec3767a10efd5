package bench

import (
	"encoding/json"
	"testing"
	"time"

	whop "github.com/whopgen/whopgen/generated"
)

// BenchmarkPaired runs the whop and the plain side of each comparison in
// the same iteration, in batches, timing each batch: on a busy machine a
// slow spell then falls on both sides alike, and the ratio it reports
// (whop/plain) holds where the separate benchmarks above swing. The
// allocation counts of the separate benchmarks are exact and need no
// pairing.
func BenchmarkPaired(b *testing.B) {
	page, user := readPayload(b, "payments_page.json"), readPayload(b, "user.json")
	payment, plainPayment := paymentBody(), plainPaymentBody()
	update, plainUpdate := userBody(), plainUserBody()
	for _, c := range []struct {
		name        string
		whop, plain func() error
	}{
		{"decode-payment-page",
			func() error { var p whop.PaymentListPage; return json.Unmarshal(page, &p) },
			func() error { var p plainPaymentListPage; return json.Unmarshal(page, &p) }},
		{"decode-user",
			func() error { var u whop.User; return json.Unmarshal(user, &u) },
			func() error { var u plainUser; return json.Unmarshal(user, &u) }},
		{"encode-payment-create",
			func() error { _, err := payment.MarshalJSON(); return err },
			func() error { _, err := json.Marshal(&plainPayment); return err }},
		{"encode-user-update",
			func() error { _, err := update.MarshalJSON(); return err },
			func() error { _, err := json.Marshal(&plainUpdate); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			const batch = 8
			var whopTime, plainTime time.Duration
			sides := []struct {
				run   func() error
				total *time.Duration
			}{{c.plain, &plainTime}, {c.whop, &whopTime}}
			for b.Loop() {
				// Each side goes first every other iteration, so that
				// neither always finds the caches the other warmed.
				sides[0], sides[1] = sides[1], sides[0]
				for _, side := range sides {
					start := time.Now()
					for range batch {
						if err := side.run(); err != nil {
							b.Fatal(err)
						}
					}
					*side.total += time.Since(start)
				}
			}
			n := float64(b.N * batch)
			b.ReportMetric(float64(plainTime.Nanoseconds())/n, "plain-ns/op")
			b.ReportMetric(float64(whopTime.Nanoseconds())/n, "whop-ns/op")
			b.ReportMetric(float64(whopTime)/float64(plainTime), "whop/plain")
		})
	}
}
