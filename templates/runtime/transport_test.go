package whop

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestDoSendsRequest(t *testing.T) {
	var got *http.Request
	var gotBody string
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		got = r
		b, _ := io.ReadAll(r.Body)
		gotBody = string(b)
		rtJSON(w, 200, `{"id":"u_1","name":"Ann"}`)
	})
	// A trailing slash on the base URL must not double the slash.
	tr, _ := newRTTestTransport(t, srv.URL, WithBaseURL(srv.URL+"/api/v1/"), WithHeader("X-Extra", "client"))
	var out struct{ ID, Name string }
	err := tr.do(context.Background(), &apiRequest{
		Operation: "users.update",
		Method:    http.MethodPatch,
		Path:      "/users/u%2F1",
		Params:    rtTestParams(),
		Body:      map[string]string{"name": "Ann"},
	}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if out.ID != "u_1" || out.Name != "Ann" {
		t.Errorf("out = %+v", out)
	}
	checks := map[string]string{
		"method":        got.Method,
		"path":          got.URL.EscapedPath(),
		"query":         got.URL.RawQuery,
		"body":          gotBody,
		"Authorization": got.Header.Get("Authorization"),
		"Accept":        got.Header.Get("Accept"),
		"Content-Type":  got.Header.Get("Content-Type"),
		"User-Agent":    got.Header.Get("User-Agent"),
		"X-Param":       got.Header.Get("X-Param"),
		"X-Extra":       strings.Join(got.Header.Values("X-Extra"), ","),
	}
	want := map[string]string{
		"method":        "PATCH",
		"path":          "/api/v1/users/u%2F1",
		"query":         "expand=a&expand=b",
		"body":          `{"name":"Ann"}`,
		"Authorization": "Bearer " + rtTestKey,
		"Accept":        "application/json",
		"Content-Type":  "application/json",
		"User-Agent":    "whop-go/test (whopgen)",
		"X-Param":       "p",
		"X-Extra":       "client", // an option wins over a parameter
	}
	for k, w := range want {
		if checks[k] != w {
			t.Errorf("%s = %q, want %q", k, checks[k], w)
		}
	}
}

func TestDoRawBodyAndOutputs(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write([]byte(r.Header.Get("Content-Type") + "|" + string(b)))
	})
	tr, _ := newRTTestTransport(t, srv.URL)
	req := func() *apiRequest {
		return &apiRequest{Operation: "files.upload", Method: "POST", Path: "/files", RawBody: []byte("a=1"), ContentType: "application/x-www-form-urlencoded"}
	}
	ctx := context.Background()

	var raw []byte
	if err := tr.do(ctx, req(), &raw); err != nil || string(raw) != "application/x-www-form-urlencoded|a=1" {
		t.Errorf("raw = %q, err = %v", raw, err)
	}

	var stream io.ReadCloser
	if err := tr.do(ctx, req(), &stream); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(stream)
	stream.Close()
	if err != nil || string(b) != "application/x-www-form-urlencoded|a=1" {
		t.Errorf("stream = %q, err = %v", b, err)
	}

	if err := tr.do(ctx, req(), nil); err != nil {
		t.Errorf("nil out: %v", err)
	}
}

func TestDoMissingAPIKey(t *testing.T) {
	t.Setenv("WHOPTEST_API_KEY", "")
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {})
	tr := newTransport(transportConfig{DefaultBaseURL: srv.URL, EnvPrefix: "WHOPTEST"}, nil)
	err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil)
	if !errors.Is(err, ErrMissingAPIKey) {
		t.Fatalf("err = %v, want ErrMissingAPIKey", err)
	}
	for _, want := range []string{"WithAPIKey", "WHOPTEST_API_KEY"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	if srv.hits.Load() != 0 {
		t.Error("a request was sent without a key")
	}
}

func TestDefaultsFromEnvironment(t *testing.T) {
	var auth string
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		auth = r.Header.Get("Authorization")
		w.WriteHeader(204)
	})
	t.Setenv("WHOPTEST_API_KEY", "env-key\n")
	t.Setenv("WHOPTEST_BASE_URL", srv.URL+"/api/v1")
	t.Setenv("WHOPTEST_WEBHOOK_SECRET", "whsec_env")
	tr := newTransport(transportConfig{DefaultBaseURL: "https://invalid.example", EnvPrefix: "WHOPTEST"}, nil)

	// The environment is read once, when the transport is built.
	t.Setenv("WHOPTEST_API_KEY", "changed")
	if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil); err != nil {
		t.Fatal(err)
	}
	if auth != "Bearer env-key" {
		t.Errorf("Authorization = %q", auth)
	}
	if secret, tol := tr.webhookSettings(); secret != "whsec_env" || tol.Minutes() != 5 {
		t.Errorf("webhookSettings = %q, %v", secret, tol)
	}
	if tr.cfg.maxRetries != 2 {
		t.Errorf("maxRetries = %d, want 2", tr.cfg.maxRetries)
	}

	// Options beat the environment.
	tr = newTransport(transportConfig{EnvPrefix: "WHOPTEST"}, []RequestOption{WithWebhookSecret("opt"), WithWebhookTolerance(90e9), WithBaseURL("https://opt.example")})
	if secret, tol := tr.webhookSettings(); secret != "opt" || tol.Seconds() != 90 || tr.cfg.baseURL != "https://opt.example" {
		t.Errorf("got %q, %v, %q", secret, tol, tr.cfg.baseURL)
	}
}

func TestPerCallOptionsOverrideClient(t *testing.T) {
	var seen []string
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		seen = append(seen, r.Header.Get("Authorization")+"|"+r.Header.Get("X-A"))
		rtJSON(w, 500, `{}`)
	})
	tr, _ := newRTTestTransport(t, srv.URL, WithHeader("X-A", "client"))
	call := func(opts ...RequestOption) {
		_ = tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: opts}, nil)
	}
	call(WithHeader("X-A", "call"), WithAPIKey("call-key"), WithMaxRetries(0))
	call()
	want := []string{"Bearer call-key|call", "Bearer " + rtTestKey + "|client", "Bearer " + rtTestKey + "|client", "Bearer " + rtTestKey + "|client"}
	if strings.Join(seen, " ") != strings.Join(want, " ") {
		t.Errorf("seen = %q\nwant   %q", seen, want)
	}
}

func TestMiddlewareOrder(t *testing.T) {
	var trace []string
	mw := func(name string) Middleware {
		return func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
			trace = append(trace, name+">")
			r.Header.Add("X-Trace", name)
			resp, err := next(r)
			trace = append(trace, "<"+name)
			return resp, err
		}
	}
	var hdr []string
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		hdr = r.Header.Values("X-Trace")
		w.WriteHeader(204)
	})
	tr, _ := newRTTestTransport(t, srv.URL, WithMiddleware(mw("a"), mw("b")))
	req := &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: []RequestOption{WithMiddleware(mw("c"))}}
	if err := tr.do(context.Background(), req, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(trace, " "); got != "a> b> c> <c <b <a" {
		t.Errorf("trace = %s", got)
	}
	if got := strings.Join(hdr, ","); got != "a,b,c" {
		t.Errorf("headers = %s", got)
	}

	// The per-call middleware must not stick to the client.
	trace = nil
	if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(trace, " "); got != "a> b> <b <a" {
		t.Errorf("second call trace = %s", got)
	}
}

func TestMiddlewareCanAnswer(t *testing.T) {
	tr, _ := newRTTestTransport(t, rtClosedURL(t), WithMiddleware(func(r *http.Request, next MiddlewareNext) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(strings.NewReader(`{"id":"cached"}`))}, nil
	}))
	var out struct{ ID string }
	if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, &out); err != nil || out.ID != "cached" {
		t.Errorf("out = %+v, err = %v", out, err)
	}
}

func TestHeaderInjectionRejected(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { w.WriteHeader(204) })
	tests := map[string]struct {
		opts []RequestOption
		req  apiRequest
	}{
		"option value": {opts: []RequestOption{WithHeader("X-A", "v\r\nX-Injected: 1")}},
		"option name":  {opts: []RequestOption{WithHeader("X-A\r\nX-B", "v")}},
		"param header": {req: apiRequest{Params: rtHeaderParam("X-Id", "a\nb")}},
		"path":         {req: apiRequest{Path: "/x\r\nHost: evil"}},
		"api key":      {opts: []RequestOption{WithAPIKey(rtTestKey + "\r\nX-Injected: 1")}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tr, _ := newRTTestTransport(t, srv.URL, tc.opts...)
			req := tc.req
			req.Operation, req.Method = "a.b", "GET"
			if req.Path == "" {
				req.Path = "/x"
			}
			err := tr.do(context.Background(), &req, nil)
			if err == nil {
				t.Fatal("want an error")
			}
			if strings.Contains(err.Error(), rtTestKey) {
				t.Errorf("error leaks the key: %v", err)
			}
		})
	}
	if srv.hits.Load() != 0 {
		t.Errorf("%d requests were sent", srv.hits.Load())
	}
}

func TestRedirectToOtherHostDropsAuthorization(t *testing.T) {
	var otherAuth, sameAuth string
	other := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		otherAuth = r.Header.Get("Authorization")
		w.WriteHeader(204)
	})
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		switch r.URL.Path {
		case "/api/v1/away":
			http.Redirect(w, r, other.URL+"/landing", http.StatusFound)
		case "/api/v1/near":
			http.Redirect(w, r, "/api/v1/landing", http.StatusFound)
		default:
			sameAuth = r.Header.Get("Authorization")
			w.WriteHeader(204)
		}
	})
	tr, _ := newRTTestTransport(t, srv.URL)
	for _, p := range []string{"/away", "/near"} {
		if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: p}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if other.hits.Load() != 1 || otherAuth != "" {
		t.Errorf("other host got %d requests, Authorization %q", other.hits.Load(), otherAuth)
	}
	if sameAuth != "Bearer "+rtTestKey {
		t.Errorf("same-host redirect lost Authorization: %q", sameAuth)
	}
}

func TestInvalidBaseURL(t *testing.T) {
	for _, base := range []string{"api.whop.com", "://x", "ftp://x"} {
		tr := newTransport(transportConfig{}, []RequestOption{WithAPIKey("k"), WithBaseURL(base)})
		if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil); err == nil {
			t.Errorf("base %q accepted", base)
		}
	}
}

// Bodies are read and closed on every path, so one keep-alive connection
// serves a run of successes, errors and retries.
func TestConnectionsAreReused(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v1/missing":
			rtJSON(w, 404, `{"error":{"type":"not_found","message":"`+strings.Repeat("x", 10000)+`"}}`)
		case "/api/v1/flaky":
			rtJSON(w, 503, `{}`)
		default:
			rtJSON(w, 200, `{"id":"x"}`)
		}
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	tr, _ := newRTTestTransport(t, srv.URL, WithHTTPClient(&http.Client{Transport: &http.Transport{}}))
	ctx := context.Background()
	for _, path := range []string{"/ok", "/missing", "/flaky", "/ok", "/missing"} {
		var out struct{ ID string }
		_ = tr.do(ctx, &apiRequest{Operation: "a.b", Method: "GET", Path: path}, &out)
		_ = tr.do(ctx, &apiRequest{Operation: "a.b", Method: "GET", Path: path}, nil)
		var raw []byte
		_ = tr.do(ctx, &apiRequest{Operation: "a.b", Method: "GET", Path: path}, &raw)
	}
	if conns.Load() != 1 {
		t.Errorf("opened %d connections, want 1", conns.Load())
	}
}

func TestEmptyPathParameterRejected(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { w.WriteHeader(204) })
	tr, _ := newRTTestTransport(t, srv.URL)
	// An empty parameter would reach another operation: GET /users/ lists
	// users instead of retrieving one.
	for _, path := range []string{"/users/" + pathParam(""), "/users/" + pathParam("") + "/access/x"} {
		if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: path}, nil); err == nil || !strings.Contains(err.Error(), "is empty") {
			t.Errorf("path %q: err %v, want an empty path parameter error", path, err)
		}
	}
	if srv.hits.Load() != 0 {
		t.Errorf("%d requests were sent", srv.hits.Load())
	}
	// A template that ends in "/" itself is sent as it is.
	if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/items/"}, nil); err != nil {
		t.Errorf("/items/: %v", err)
	}
	if srv.hits.Load() != 1 {
		t.Errorf("%d requests were sent, want 1", srv.hits.Load())
	}
}

// rtTestParams are the parameters of TestDoSendsRequest: a query list and
// two headers, one of which a WithHeader option also sets.
func rtTestParams() *rtParams {
	p := &rtParams{}
	p.query("expand", []string{"a", "b"}, rtForm|rtExplode)
	p.header("X-Param", "p", rtSimple)
	p.header("X-Extra", "param", rtSimple)
	return p
}

func rtHeaderParam(name, value string) *rtParams {
	p := &rtParams{}
	p.header(name, value, rtSimple)
	return p
}
