package client_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
)

// With no options, NewClient reads the key and base URL from the
// environment.
func TestConfigFromEnvironment(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, memberJSON) })
	t.Setenv("WHOP_API_KEY", testKey+"\n") // as read from a file: trimmed
	t.Setenv("WHOP_BASE_URL", srv.baseURL())

	member, err := whop.NewClient().Members.Retrieve(context.Background(), "mber_1")
	if err != nil {
		t.Fatal(err)
	}
	if member.ID != "mber_1" || member.Company.Title != "Acme" {
		t.Errorf("member = %+v", member)
	}
	reqs := srv.requests()
	if len(reqs) != 1 {
		t.Fatalf("server saw %d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodGet || r.Path != "/api/v1/members/mber_1" {
		t.Errorf("request = %s %s, want GET /api/v1/members/mber_1", r.Method, r.Path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+testKey {
		t.Errorf("Authorization = %q, want the key from WHOP_API_KEY", got)
	}
}

// Options given to NewClient beat the environment.
func TestClientOptionsOverEnvironment(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, memberJSON) })
	t.Setenv("WHOP_API_KEY", "from-env")
	t.Setenv("WHOP_BASE_URL", "http://127.0.0.1:1/never-used")

	client := whop.NewClient(whop.WithAPIKey(testKey), whop.WithBaseURL(srv.baseURL()))
	if _, err := client.Members.Retrieve(context.Background(), "mber_1"); err != nil {
		t.Fatal(err)
	}
	if got := srv.requests()[0].Header.Get("Authorization"); got != "Bearer "+testKey {
		t.Errorf("Authorization = %q, want the option's key", got)
	}
}

// Options given to a call beat the client's, for that call only.
func TestPerCallOptionsOverClientOptions(t *testing.T) {
	clientSrv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, memberJSON) })
	callSrv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { replyNow(w, 500, serverError) })
	client := whop.NewClient(
		whop.WithAPIKey("client-key"),
		whop.WithBaseURL(clientSrv.baseURL()),
		whop.WithHeader("X-Trace", "client"),
		whop.WithHeader("X-Client-Only", "yes"),
		whop.WithMaxRetries(2),
	)
	ctx := context.Background()

	_, err := client.Members.Retrieve(ctx, "mber_1",
		whop.WithAPIKey(testKey),
		whop.WithBaseURL(callSrv.baseURL()),
		whop.WithHeader("X-Trace", "call"),
		whop.WithMaxRetries(0),
	)
	if _, ok := errors.AsType[*whop.Error](err); !ok {
		t.Fatalf("err = %v, want the 500 as *whop.Error", err)
	}
	if n := clientSrv.count(); n != 0 {
		t.Errorf("the client's base URL got %d requests, want 0", n)
	}
	reqs := callSrv.requests()
	if len(reqs) != 1 {
		t.Fatalf("per-call WithMaxRetries(0): server saw %d attempts, want 1", len(reqs))
	}
	h := reqs[0].Header
	if got := h.Get("Authorization"); got != "Bearer "+testKey {
		t.Errorf("Authorization = %q, want the per-call key", got)
	}
	if got := h.Values("X-Trace"); len(got) != 1 || got[0] != "call" {
		t.Errorf("X-Trace = %q, want [call]", got)
	}
	if got := h.Get("X-Client-Only"); got != "yes" {
		t.Errorf("X-Client-Only = %q: client headers must still apply", got)
	}

	// The next call without options is back to the client's settings.
	if _, err := client.Members.Retrieve(ctx, "mber_1"); err != nil {
		t.Fatal(err)
	}
	reqs = clientSrv.requests()
	if len(reqs) != 1 || reqs[0].Header.Get("Authorization") != "Bearer client-key" || reqs[0].Header.Get("X-Trace") != "client" {
		t.Errorf("the per-call options leaked into the client: %+v", reqs)
	}
}

// Every request names the library and carries the JSON headers.
func TestStandardHeaders(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodPost {
			reply(w, 200, paymentJSON)
			return
		}
		reply(w, 200, memberJSON)
	})
	client := srv.client()
	ctx := context.Background()
	if _, err := client.Members.Retrieve(ctx, "mber_1"); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Payments.Create(ctx, paymentParams()); err != nil {
		t.Fatal(err)
	}
	reqs := srv.requests()
	for _, r := range reqs {
		ua := r.Header.Get("User-Agent")
		if !strings.HasPrefix(ua, "whop-go/"+whop.SpecVersion) {
			t.Errorf("%s User-Agent = %q, want whop-go/%s...", r.Method, ua, whop.SpecVersion)
		}
		if got := r.Header.Get("Accept"); got != "application/json" {
			t.Errorf("%s Accept = %q", r.Method, got)
		}
	}
	if got := reqs[0].Header.Get("Content-Type"); got != "" {
		t.Errorf("GET without a body has Content-Type %q", got)
	}
	if got := reqs[1].Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("POST Content-Type = %q", got)
	}
	if want := `{"company_id":"biz_1","member_id":"mber_1","payment_method_id":"pm_1","plan_id":"plan_1"}`; string(reqs[1].Body) != want {
		t.Errorf("POST body = %s, want %s", reqs[1].Body, want)
	}
}

// Without a key the call fails before any traffic, and the error says how
// to configure one.
func TestMissingAPIKey(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { reply(w, 200, memberJSON) })
	t.Setenv("WHOP_API_KEY", "")
	client := whop.NewClient(whop.WithBaseURL(srv.baseURL()))

	_, err := client.Members.Retrieve(context.Background(), "mber_1")
	if !errors.Is(err, whop.ErrMissingAPIKey) {
		t.Fatalf("err = %v, want ErrMissingAPIKey", err)
	}
	for _, want := range []string{"WithAPIKey", "WHOP_API_KEY"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	for page, err := range client.Members.ListAutoPaging(context.Background(), whop.MemberListParams{}) {
		if !errors.Is(err, whop.ErrMissingAPIKey) {
			t.Errorf("auto-paging yielded (%v, %v), want ErrMissingAPIKey", page, err)
		}
	}
	if n := srv.count(); n != 0 {
		t.Errorf("server saw %d requests without a key, want 0", n)
	}

	// A key given to the call is enough.
	if _, err := client.Members.Retrieve(context.Background(), "mber_1", whop.WithAPIKey(testKey)); err != nil {
		t.Errorf("with a per-call key: %v", err)
	}
}
