package conformance

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/mock"
)

// hostile are parameter values that would change the request if they were
// not escaped: path traversal, separators, escapes, spaces, CR/LF and
// non-ASCII text.
var hostile = []string{
	"../../etc/passwd",
	"..",
	".",
	"a/b",
	"/leading",
	"trailing/",
	"a?b=c",
	"a#frag",
	"100%",
	"%2F",
	"%2e%2e",
	"a b",
	"a+b",
	"a;b",
	"a&b=c",
	"@evil.example",
	"http://evil.example/x",
	"ünïcødé 日本語 🙂",
	"a\r\nX-Injected: 1",
	"a\x00b",
}

// securityResponder answers the operations the security tests call.
func securityResponder(op *openapi3.Operation, _ *mock.Hit) (any, error) {
	switch op.OperationID {
	case retrieveUser:
		return userJSON("hello"), nil
	case "checkAccess":
		return map[string]any{"access_level": "customer", "has_access": true}, nil
	case "listLead":
		return map[string]any{
			"data":      []any{},
			"page_info": map[string]any{"end_cursor": nil, "start_cursor": nil, "has_next_page": false, "has_previous_page": false},
		}, nil
	}
	return nil, fmt.Errorf("no answer for %s", op.OperationID)
}

// lastHit returns the only request the server saw since the last reset,
// checking that kin-openapi accepted it for operation op.
func lastHit(t *testing.T, h *harness, op string) *mock.Hit {
	t.Helper()
	hits := h.srv.Hits()
	h.srv.Reset()
	if len(hits) != 1 {
		t.Fatalf("server saw %d requests, want 1", len(hits))
	}
	hit := hits[0]
	if err := hit.Err(); err != nil {
		t.Fatal(err)
	}
	if hit.OperationID != op {
		t.Fatalf("request reached %q, want %q", hit.OperationID, op)
	}
	if got := hit.Header.Get("X-Injected"); got != "" {
		t.Fatalf("a header was injected: X-Injected: %q", got)
	}
	return hit
}

// pathParam returns the router's value of a path parameter, unescaped.
func pathParam(t *testing.T, hit *mock.Hit, name string) string {
	t.Helper()
	raw, ok := hit.PathParams[name]
	if !ok {
		t.Fatalf("path parameter %q missing from %v", name, hit.PathParams)
	}
	v, err := url.PathUnescape(raw)
	if err != nil {
		t.Fatalf("path parameter %q = %q: %v", name, raw, err)
	}
	return v
}

func TestSecurityPathParamsStayOneSegment(t *testing.T) {
	h := newHarness(t, mock.Options{Respond: securityResponder})
	ctx := context.Background()
	for _, v := range hostile {
		t.Run(fmt.Sprintf("%q", v), func(t *testing.T) {
			h.srv.Reset()
			user, err := h.client.Users.Retrieve(ctx, v, whop.UserRetrieveParams{})
			checkSecret(t, err)
			wantUser(t, user, err)
			hit := lastHit(t, h, retrieveUser)
			if got := pathParam(t, hit, "id"); got != v {
				t.Errorf("id arrived as %q (path %s)", got, hit.EscapedPath)
			}
			if rest, ok := strings.CutPrefix(hit.EscapedPath, mock.BasePath+"/users/"); !ok || strings.Contains(rest, "/") {
				t.Errorf("path %s is not one segment below /users/", hit.EscapedPath)
			}

			// Two parameters: neither may spill into the other.
			other := "res_" + v
			access, err := h.client.Users.CheckAccess(ctx, v, other)
			checkSecret(t, err)
			if err != nil || !access.HasAccess {
				t.Fatalf("CheckAccess: %v, %+v", err, access)
			}
			hit = lastHit(t, h, "checkAccess")
			if got := pathParam(t, hit, "id"); got != v {
				t.Errorf("id arrived as %q (path %s)", got, hit.EscapedPath)
			}
			if got := pathParam(t, hit, "resource_id"); got != other {
				t.Errorf("resource_id arrived as %q (path %s)", got, hit.EscapedPath)
			}
		})
	}
}

func TestSecurityQueryValuesRoundTrip(t *testing.T) {
	h := newHarness(t, mock.Options{Respond: securityResponder})
	ctx := context.Background()
	for _, v := range hostile {
		t.Run(fmt.Sprintf("%q", v), func(t *testing.T) {
			h.srv.Reset()
			user, err := h.client.Users.Retrieve(ctx, faultUserID, whop.UserRetrieveParams{CompanyID: whop.Some(v)})
			checkSecret(t, err)
			wantUser(t, user, err)
			hit := lastHit(t, h, retrieveUser)
			if got := hit.Query["company_id"]; len(got) != 1 || got[0] != v {
				t.Errorf("company_id arrived as %q", got)
			}
			if len(hit.Query) != 1 {
				t.Errorf("query has extra keys: %v", hit.Query)
			}

			// A list parameter: each element arrives whole, in order.
			ids := []string{v, "prod_" + v, "&" + v + "="}
			_, err = h.client.Leads.List(ctx, whop.LeadListParams{CompanyID: v, ProductIDs: ids})
			checkSecret(t, err)
			if err != nil {
				t.Fatal(err)
			}
			hit = lastHit(t, h, "listLead")
			if got := hit.Query["product_ids"]; strings.Join(got, "|") != strings.Join(ids, "|") {
				t.Errorf("product_ids arrived as %q, want %q", got, ids)
			}
			if got := hit.Query["company_id"]; len(got) != 1 || got[0] != v {
				t.Errorf("company_id arrived as %q", got)
			}
		})
	}
}

// Header values are checked before anything is sent: a CR or LF in a
// header set by an option is an error, whether the option is given to the
// client or to one call, and the error does not repeat the value.
func TestSecurityHeaderInjectionRejected(t *testing.T) {
	cases := map[string]struct {
		client, call []whop.RequestOption
	}{
		"client header value":   {client: []whop.RequestOption{whop.WithHeader("X-Tenant", "a\r\nX-Injected: 1")}},
		"call header value":     {call: []whop.RequestOption{whop.WithHeader("X-Tenant", "a\r\nX-Injected: 1")}},
		"call header value LF":  {call: []whop.RequestOption{whop.WithHeader("X-Tenant", "a\nX-Injected: 1")}},
		"call header value NUL": {call: []whop.RequestOption{whop.WithHeader("X-Tenant", "a\x00b")}},
		"call header name":      {call: []whop.RequestOption{whop.WithHeader("X-Tenant\r\nX-Injected", "1")}},
		"request id":            {call: []whop.RequestOption{whop.WithHeader(mock.RequestIDHeader, "id\r\nX-Injected: 1")}},
		"API key":               {call: []whop.RequestOption{whop.WithAPIKey(testKey + "\r\nX-Injected: 1")}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, mock.Options{Respond: securityResponder}, tc.client...)
			var err error
			noPanic(t, func() {
				_, err = h.client.Users.Retrieve(context.Background(), faultUserID, whop.UserRetrieveParams{}, tc.call...)
			})
			if err == nil {
				t.Fatal("want an error")
			}
			checkSecret(t, err)
			if strings.Contains(err.Error(), "X-Injected: 1") {
				t.Errorf("error repeats the header value: %v", err)
			}
			wantHits(t, h, 0)
		})
	}
}

// Parameters never become headers: CR/LF in path and query values is
// escaped, so it reaches the server as data (checked by lastHit) and not as
// a header line.
func TestSecurityParamsCannotSplitHeaders(t *testing.T) {
	h := newHarness(t, mock.Options{Respond: securityResponder})
	const v = "x\r\nX-Injected: 1\r\n\r\nGET / HTTP/1.1"
	user, err := h.client.Users.Retrieve(context.Background(), v, whop.UserRetrieveParams{CompanyID: whop.Some(v)})
	checkSecret(t, err)
	wantUser(t, user, err)
	hit := lastHit(t, h, retrieveUser)
	if got := pathParam(t, hit, "id"); got != v {
		t.Errorf("id arrived as %q", got)
	}
	if got := hit.Query.Get("company_id"); got != v {
		t.Errorf("company_id arrived as %q", got)
	}
	if got := hit.Header.Get("Authorization"); got != "Bearer "+testKey {
		t.Errorf("Authorization = %q", got)
	}
	if got := len(h.srv.Hits()); got != 0 {
		t.Errorf("a smuggled second request arrived")
	}
}

// Every request carries the key as a bearer token, and the mock rejects a
// wrong one with 401, which the client reports without the key.
func TestSecurityWrongKeyIsUnauthorized(t *testing.T) {
	h := newHarness(t, mock.Options{Respond: securityResponder})
	const wrong = "sk_wrong_Zx9Q7wAlsoSecret"
	_, err := h.client.Users.Retrieve(context.Background(), faultUserID, whop.UserRetrieveParams{}, whop.WithAPIKey(wrong))
	var apiErr *whop.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized {
		t.Fatalf("want *whop.Error 401, got %v", err)
	}
	if strings.Contains(err.Error(), wrong) || strings.Contains(h.logs.String(), wrong) {
		t.Errorf("the wrong key leaks: %v", err)
	}
	hits := h.srv.Hits()
	if len(hits) != 1 || hits[0].RequestErr == nil || hits[0].OperationID != retrieveUser {
		t.Errorf("hits = %+v", hits)
	}
}

// An empty path parameter would leave an empty segment and reach another
// operation (GET /users/ is "list users"), so it is an error before
// anything is sent.
func TestSecurityEmptyPathParamRejected(t *testing.T) {
	h := newHarness(t, mock.Options{Respond: securityResponder})
	ctx := context.Background()
	calls := map[string]func() error{
		"last segment": func() error {
			_, err := h.client.Users.Retrieve(ctx, "", whop.UserRetrieveParams{})
			return err
		},
		"middle segment": func() error {
			_, err := h.client.Users.CheckAccess(ctx, "", "res_x")
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			var err error
			noPanic(t, func() { err = call() })
			if err == nil || !strings.Contains(err.Error(), "path parameter") || !strings.Contains(err.Error(), "is empty") {
				t.Errorf("want an empty path parameter error, got %v", err)
			}
			checkSecret(t, err)
		})
	}
	wantHits(t, h, 0)
}
