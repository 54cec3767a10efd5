package mock

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

const key = "sk_mock_test"

var validUser = map[string]any{
	"id": "user_1", "username": "jane", "name": nil, "bio": nil,
	"created_at": "2023-12-01T05:00:00.401Z", "profile_picture": nil,
}

// The mock is only as good as its validation: these requests break the
// spec in one way each, and the server must say so.
func TestServerRejectsWhatTheSpecForbids(t *testing.T) {
	srv := New(t, Options{APIKey: key, Respond: func(*openapi3.Operation, *Hit) (any, error) { return validUser, nil }})
	tests := []struct {
		name, method, path, body string
		header                   http.Header
		status                   int
		routeErr                 bool
	}{
		{name: "valid", method: "GET", path: "/users/user_1", status: 200},
		{name: "unknown path", method: "GET", path: "/nope", status: 404, routeErr: true},
		{name: "outside the base path", method: "GET", path: "/../users/user_1", status: 404, routeErr: true},
		{name: "wrong method", method: "PUT", path: "/users/user_1", status: 404, routeErr: true},
		{name: "no key", method: "GET", path: "/users/user_1", header: http.Header{"Authorization": {""}}, status: 401},
		{name: "wrong key", method: "GET", path: "/users/user_1", header: http.Header{"Authorization": {"Bearer other"}}, status: 401},
		{name: "not bearer", method: "GET", path: "/users/user_1", header: http.Header{"Authorization": {"Basic " + key}}, status: 401},
		{name: "undeclared query parameter", method: "GET", path: "/users/user_1?limit=3", status: 400},
		{name: "missing required query parameter", method: "GET", path: "/leads", status: 400},
		{name: "query value of the wrong type", method: "GET", path: "/leads?company_id=biz_1&first=many", status: 400},
		{name: "query value outside the enum", method: "GET", path: "/leads?company_id=biz_1&order=sideways", status: 400},
		{name: "body on a GET", method: "GET", path: "/users/user_1", body: `{}`, status: 400},
		{name: "body of the wrong type", method: "PATCH", path: "/users/user_1", body: `{"bio": 7}`, status: 400},
		{name: "body not JSON", method: "PATCH", path: "/users/user_1", body: `{"bio": `, status: 400},
		{name: "valid body", method: "PATCH", path: "/users/user_1", body: `{"bio": "hi"}`, status: 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv.Reset()
			req, err := http.NewRequest(tc.method, srv.URL+BasePath+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+key)
			if tc.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			for k, v := range tc.header {
				req.Header[k] = v
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			hits := srv.Hits()
			if len(hits) != 1 {
				t.Fatalf("%d hits", len(hits))
			}
			hit := hits[0]
			if (hit.RouteErr != nil) != tc.routeErr {
				t.Errorf("route error: %v", hit.RouteErr)
			}
			if (hit.Err() == nil) != (tc.status == 200) {
				t.Errorf("hit error: %v", hit.Err())
			}
			if bytes.Contains(body, []byte(key)) {
				t.Errorf("the answer repeats the key: %s", body)
			}
		})
	}
}

// The server checks its own answers: a body the spec does not allow is
// recorded as a response error.
func TestServerValidatesItsResponses(t *testing.T) {
	bad := map[string]any{"id": 7}
	srv := New(t, Options{APIKey: key, Respond: func(*openapi3.Operation, *Hit) (any, error) { return bad, nil }})
	req, _ := http.NewRequest("GET", srv.BaseURL()+"/users/user_1", nil)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	hit := srv.Hits()[0]
	var respErr *openapi3filter.ResponseError
	if !errors.As(hit.ResponseErr, &respErr) {
		t.Errorf("response error = %v", hit.ResponseErr)
	}
	if hit.RequestErr != nil || hit.OperationID != "retrieveUser" {
		t.Errorf("hit = %+v", hit)
	}
}

// The router matches the escaped path, so an escaped slash stays inside
// its parameter instead of selecting another operation.
func TestServerRoutesEscapedPath(t *testing.T) {
	srv := New(t, Options{APIKey: key, Respond: func(*openapi3.Operation, *Hit) (any, error) {
		return map[string]any{"access_level": "customer", "has_access": true}, nil
	}})
	req, _ := http.NewRequest("GET", srv.BaseURL()+"/users/a%2Faccess%2Fb/access/c", nil)
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set(RequestIDHeader, "r1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get(RequestIDHeader); got != "r1" {
		t.Errorf("request id echoed as %q", got)
	}
	hits := srv.HitsFor("r1")
	if len(hits) != 1 || hits[0].Err() != nil {
		t.Fatalf("hits = %+v", hits)
	}
	if hit := hits[0]; hit.OperationID != "checkAccess" || hit.PathParams["id"] != "a%2Faccess%2Fb" || hit.PathParams["resource_id"] != "c" {
		t.Errorf("routed to %s with %v", hit.OperationID, hit.PathParams)
	}
}
