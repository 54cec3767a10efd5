package whop

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// rtEcho answers every request with its query and body, and records them.
type rtEcho struct {
	*rtTestServer
	query, body, contentType []string
}

func newRTEcho(t *testing.T) *rtEcho {
	e := &rtEcho{}
	e.rtTestServer = newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		b, _ := io.ReadAll(r.Body)
		e.query = append(e.query, r.URL.RawQuery)
		e.body = append(e.body, string(b))
		e.contentType = append(e.contentType, r.Header.Get("Content-Type"))
		rtJSON(w, 200, `{}`)
	})
	return e
}

func TestWithQuery(t *testing.T) {
	e := newRTEcho(t)
	tr, _ := newRTTestTransport(t, e.URL, WithQuery("client", "1"))
	params := &rtParams{}
	params.query("limit", 10, rtForm)
	params.query("tag", []string{"a"}, rtForm|rtExplode)
	req := &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Params: params, Options: []RequestOption{
		WithQuery("limit", "20"),     // replaces the call's own value
		WithQueryAdd("tag", "b"),     // adds to it
		WithQueryAdd("new", "x"),     // a parameter the call does not have
		WithQuery("client", "2"),     // replaces the client's option
		WithQuery("space", "a b&c"),  // escaped
		WithQueryAdd("client", "3"),  // added after the replacement
		WithQuery("absent-then", ""), // an empty value is still sent
	}}
	if err := tr.do(context.Background(), req, nil); err != nil {
		t.Fatal(err)
	}
	// The call's parameters keep their order; the options' follow, sorted.
	want := "tag=a&absent-then=&client=2&client=3&limit=20&new=x&space=a+b%26c&tag=b"
	if e.query[0] != want {
		t.Errorf("query = %q\nwant    %q", e.query[0], want)
	}
	if q, _, _ := params.encoded(); q != "limit=10&tag=a" {
		t.Errorf("the call's parameters were changed: %v", q)
	}
	// Without per-call options the client's applies alone.
	if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil); err != nil {
		t.Fatal(err)
	}
	if e.query[1] != "client=1" {
		t.Errorf("query = %q, want client=1", e.query[1])
	}
}

func TestWithJSONSet(t *testing.T) {
	type params struct {
		Name  string      `json:"name"`
		Count Opt[int64]  `json:"count,omitzero"`
		Bio   Opt[string] `json:"bio,omitzero"`
	}
	tests := []struct {
		name     string
		req      apiRequest
		opts     []RequestOption
		wantBody string
		wantCT   string
	}{
		{
			name:     "beside the params, replacing one in place",
			req:      apiRequest{Method: "POST", Body: params{Name: "Ann", Count: Int(1)}},
			opts:     []RequestOption{WithJSONSet("beta", true), WithJSONSet("count", 2), WithJSONSet("extra", map[string]int{"a": 1})},
			wantBody: `{"name":"Ann","count":2,"beta":true,"extra":{"a":1}}`,
			wantCT:   "application/json",
		},
		{
			name:     "an Opt value and null",
			req:      apiRequest{Method: "PATCH", Body: params{Name: "Ann"}},
			opts:     []RequestOption{WithJSONSet("bio", Null[string]()), WithJSONSet("nick", String("A")), WithJSONSet("gone", nil)},
			wantBody: `{"name":"Ann","bio":null,"nick":"A","gone":null}`,
			wantCT:   "application/json",
		},
		{
			name:     "a call without a body",
			req:      apiRequest{Method: "POST"},
			opts:     []RequestOption{WithJSONSet("reason", "duplicate"), WithJSONSet("at", 5)},
			wantBody: `{"reason":"duplicate","at":5}`,
			wantCT:   "application/json",
		},
		{
			name:     "an empty object",
			req:      apiRequest{Method: "POST", Body: struct{}{}},
			opts:     []RequestOption{WithJSONSet("a", 1)},
			wantBody: `{"a":1}`,
			wantCT:   "application/json",
		},
		{
			name:     "a raw JSON object with spaces",
			req:      apiRequest{Method: "POST", RawBody: []byte(` { "a" : 1 , "b" : [1, 2] } `), ContentType: "application/merge-patch+json"},
			opts:     []RequestOption{WithJSONSet("b", "x"), WithJSONSet("c", 3)},
			wantBody: ` { "a" : 1 , "b" : "x" ,"c":3} `,
			wantCT:   "application/merge-patch+json",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newRTEcho(t)
			tr, _ := newRTTestTransport(t, e.URL)
			req := tc.req
			req.Operation, req.Path, req.Options = "a.b", "/x", tc.opts
			raw := string(req.RawBody)
			if err := tr.do(context.Background(), &req, nil); err != nil {
				t.Fatal(err)
			}
			if e.body[0] != tc.wantBody || e.contentType[0] != tc.wantCT {
				t.Errorf("sent %s (%s)\nwant %s (%s)", e.body[0], e.contentType[0], tc.wantBody, tc.wantCT)
			}
			if string(req.RawBody) != raw {
				t.Errorf("the caller's raw body was changed: %s", req.RawBody)
			}
		})
	}
}

// A body without top-level fields to set fails before anything is sent.
func TestWithJSONSetRejectsOtherBodies(t *testing.T) {
	tests := map[string]struct {
		req     apiRequest
		opt     RequestOption
		message string
	}{
		"JSON array":  {apiRequest{Body: []int{1, 2}}, WithJSONSet("a", 1), `not a JSON object but a JSON array`},
		"JSON string": {apiRequest{RawBody: []byte(`"x"`), ContentType: "application/json"}, WithJSONSet("a", 1), `not a JSON object but a JSON string`},
		"form": {apiRequest{Body: struct {
			A string `json:"a"`
		}{"x"}, ContentType: "application/x-www-form-urlencoded"}, WithJSONSet("b", 1), `needs a JSON body, and this one is "application/x-www-form-urlencoded"`},
		"bytes":        {apiRequest{RawBody: []byte("abc"), ContentType: "application/octet-stream"}, WithJSONSet("b", 1), `needs a JSON body`},
		"unencodable":  {apiRequest{}, WithJSONSet("ch", make(chan int)), `WithJSONSet("ch"): json: unsupported type: chan int`},
		"no body type": {apiRequest{RawBody: []byte("{}")}, WithJSONSet("b", 1), `needs a JSON body, and this one is ""`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			e := newRTEcho(t)
			tr, _ := newRTTestTransport(t, e.URL)
			req := tc.req
			req.Operation, req.Method, req.Path, req.Options = "a.b", "POST", "/x", []RequestOption{tc.opt}
			err := tr.do(context.Background(), &req, nil)
			if err == nil || !strings.Contains(err.Error(), tc.message) || !strings.HasPrefix(err.Error(), "whoptest: a.b: ") {
				t.Errorf("err = %v, want it to say %q", err, tc.message)
			}
			if e.hits.Load() != 0 {
				t.Errorf("%d requests sent", e.hits.Load())
			}
		})
	}
}

func TestWithResponseInto(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		w.Header().Set("X-Request-Id", "req_"+strings.TrimPrefix(r.URL.Path, "/api/v1/"))
		switch r.URL.Path {
		case "/api/v1/ok":
			rtJSON(w, 200, `{"id":"u_1"}`)
		case "/api/v1/partial":
			rtJSON(w, 200, `{"id":5}`)
		default:
			rtJSON(w, 404, `{"error":{"message":"gone"}}`)
		}
	})
	tr, _ := newRTTestTransport(t, srv.URL)
	call := func(path string, out any) (*http.Response, error) {
		resp := &http.Response{Status: "left over"} // must be replaced
		err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: path, Options: []RequestOption{WithResponseInto(&resp)}}, out)
		return resp, err
	}
	for _, tc := range []struct {
		path, wantBody string
		status         int
		out            any
	}{
		{"/ok", `{"id":"u_1"}`, 200, new(struct{ ID string })},
		{"/ok", `{"id":"u_1"}`, 200, nil}, // a body the call discards is kept for the caller
		{"/partial", `{"id":5}`, 200, new(struct{ ID string })},
		{"/missing", `{"error":{"message":"gone"}}`, 404, nil},
	} {
		resp, err := call(tc.path, tc.out)
		if resp == nil || resp.StatusCode != tc.status || resp.Header.Get("X-Request-Id") != "req_"+strings.TrimPrefix(tc.path, "/") {
			t.Fatalf("%s: response %+v (err %v)", tc.path, resp, err)
		}
		b, readErr := io.ReadAll(resp.Body)
		if readErr != nil || string(b) != tc.wantBody {
			t.Errorf("%s: body %q, %v; want %q", tc.path, b, readErr, tc.wantBody)
		}
	}

	// No response at all: nil, also when the call fails before sending.
	resp := &http.Response{}
	tr2, _ := newRTTestTransport(t, rtClosedURL(t), WithMaxRetries(0))
	_ = tr2.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: []RequestOption{WithResponseInto(&resp)}}, nil)
	if resp != nil {
		t.Errorf("connection refused: response %+v, want nil", resp)
	}
	resp = &http.Response{}
	_ = tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: []RequestOption{WithAPIKey(""), WithResponseInto(&resp)}}, nil)
	if resp != nil {
		t.Errorf("missing key: response %+v, want nil", resp)
	}
}

// The last attempt's response is the one stored.
func TestWithResponseIntoAfterRetries(t *testing.T) {
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, n int32) {
		if n < 3 {
			rtJSON(w, 503, `{}`)
			return
		}
		rtJSON(w, 200, `"third"`)
	})
	tr, _ := newRTTestTransport(t, srv.URL)
	var resp *http.Response
	var out string
	if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: []RequestOption{WithResponseInto(&resp)}}, &out); err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(resp.Body); resp.StatusCode != 200 || string(b) != `"third"` || out != "third" {
		t.Errorf("response %d %q, out %q", resp.StatusCode, b, out)
	}
}

func TestWithMaxResponseBytes(t *testing.T) {
	body := `{"data":"` + strings.Repeat("x", 100) + `"}` // 111 bytes
	srv := newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) { rtJSON(w, 200, body) })
	tr, _ := newRTTestTransport(t, srv.URL)
	get := func(opts ...RequestOption) error {
		var out struct{ Data string }
		return tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: opts}, &out)
	}
	if err := get(WithMaxResponseBytes(int64(len(body)))); err != nil {
		t.Errorf("a body of exactly the limit: %v", err)
	}
	err := get(WithMaxResponseBytes(int64(len(body) - 1)))
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "response body exceeds 110 bytes (WithMaxResponseBytes)") {
		t.Errorf("err = %v", err)
	}
	for _, n := range []int64{0, -1} {
		if err := get(WithMaxResponseBytes(n)); err != nil {
			t.Errorf("WithMaxResponseBytes(%d) (the default): %v", n, err)
		}
	}
	if tr.cfg.maxResponseBytes != 32<<20 {
		t.Errorf("default limit = %d", tr.cfg.maxResponseBytes)
	}
}

func TestLiteralHelpers(t *testing.T) {
	i, f, str, b := Int(-3), Float(1.5), String(""), Bool(false)
	if v, ok := i.Get(); !ok || v != -3 {
		t.Errorf("Int: %v", i)
	}
	if v, ok := f.Get(); !ok || v != 1.5 {
		t.Errorf("Float: %v", f)
	}
	if v, ok := str.Get(); !ok || v != "" {
		t.Errorf("String: %v", str)
	}
	if v, ok := b.Get(); !ok || v {
		t.Errorf("Bool: %v", b)
	}
	data, err := json.Marshal(struct {
		A Opt[int64]   `json:"a,omitzero"`
		B Opt[float64] `json:"b,omitzero"`
		C Opt[string]  `json:"c,omitzero"`
		D Opt[bool]    `json:"d,omitzero"`
	}{Int(0), Float(0), String(""), Bool(false)})
	if err != nil || string(data) != `{"a":0,"b":0,"c":"","d":false}` {
		t.Errorf("zero values must be sent: %s, %v", data, err)
	}
}
