package whop

import (
	"encoding/base64"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func FuzzParseWebhookSignatures(f *testing.F) {
	f.Add("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	f.Add("v1,AAAA v1a,BBBB v2,?? v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	f.Add("")
	f.Add("  ,  v1, ,v1 v1,,")
	f.Add("v1,AB== v1,@@@ v1,AAA")
	f.Add("v1,\xff\xfe v1,A\r\nA==")
	f.Fuzz(func(t *testing.T, header string) {
		sigs, err := parseWebhookSignatures(header)
		if err != nil {
			if !errors.Is(err, ErrWebhookBadSignature) {
				t.Fatalf("error %v is not ErrWebhookBadSignature", err)
			}
			if sigs != nil {
				t.Fatalf("signatures returned along with error %v", err)
			}
			return
		}
		// Decoding is strict, so every result must appear verbatim as a v1 entry.
		entries := strings.Fields(header)
		for _, sig := range sigs {
			want := "v1," + base64.StdEncoding.EncodeToString(sig)
			found := false
			for _, e := range entries {
				if e == want {
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("signature %x is not spelled %q in %q", sig, want, header)
			}
		}
	})
}

func FuzzWebhookVerify(f *testing.F) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	f.Add("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", []byte(`{"test": 2432232314}`))
	f.Add("", "", "", []byte(nil))
	f.Add("msg_1", "99999999999999999999", "v1,AAAA", []byte("{}"))
	f.Add("msg_1", "9223372036854775807", "v1a,AAAA", []byte("{}"))
	f.Add("msg.1", "1614265330.5", "v1,AAAA v1,", []byte("\x00\xff"))
	now := time.Unix(1614265330, 0)
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		f.Fatal(err)
	}
	v := verifierAt(secret, 0, now)
	f.Fuzz(func(t *testing.T, id, ts, sig string, body []byte) {
		h := http.Header{}
		h.Set("webhook-id", id)
		h.Set("webhook-timestamp", ts)
		h.Set("webhook-signature", sig)
		if err := v.verify(body, h); err == nil {
			// Accepting means one entry is the HMAC of exactly these inputs;
			// anything else would be a forgery found by the fuzzer.
			if !slices.Contains(strings.Fields(sig), handSign(key, id, ts, body)) {
				t.Fatalf("verify accepted id %q ts %q sig %q", id, ts, sig)
			}
		}

		// Whatever the id and body, a signature we make must verify.
		if id == "" {
			return
		}
		h.Set("webhook-timestamp", strconv.FormatInt(now.Unix(), 10))
		h.Set("webhook-signature", SignWebhook(secret, id, now, body))
		if err := v.verify(body, h); err != nil {
			t.Fatalf("round trip with id %q: %v", id, err)
		}
	})
}
