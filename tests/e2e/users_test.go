// Package e2e calls the generated client against httptest servers and
// checks what goes over the wire.
package e2e

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
)

// captured is what the test server saw of one request.
type captured struct {
	method, rawPath string
	body            map[string]json.RawMessage
	auth            string
}

// userServer answers every request with a user and records the request.
func userServer(t *testing.T, got *captured) *whop.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.method, got.rawPath, got.auth = r.Method, r.URL.EscapedPath(), r.Header.Get("Authorization")
		data, _ := io.ReadAll(r.Body)
		got.body = nil
		if err := json.Unmarshal(data, &got.body); err != nil {
			t.Errorf("request body is not a JSON object: %q", data)
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"user_1","username":"jane","name":"Jane","bio":null,"created_at":"2023-12-01T05:00:00.401Z","profile_picture":null}`)
	}))
	t.Cleanup(srv.Close)
	return whop.NewClient(whop.WithAPIKey("test-key"), whop.WithBaseURL(srv.URL+"/api/v1"), whop.WithMaxRetries(0))
}

// TestUpdateUserBodyStates checks the three states of each optional
// nullable field of PATCH /users/{id}: not sent, null, and a value (a zero
// value included).
func TestUpdateUserBodyStates(t *testing.T) {
	tests := []struct {
		name   string
		params whop.UserUpdateParams
		want   map[string]string // key -> raw JSON; keys not listed must be absent
	}{
		{"nothing set", whop.UserUpdateParams{}, map[string]string{}},
		{"values", whop.UserUpdateParams{Name: whop.Some("Jane"), Bio: whop.Some("Hi"), Username: whop.Some("jane")},
			map[string]string{"name": `"Jane"`, "bio": `"Hi"`, "username": `"jane"`}},
		{"nulls", whop.UserUpdateParams{Bio: whop.Null[string](), ProfilePicture: whop.Null[whop.UserUpdateParamsProfilePicture](), CompanyID: whop.Null[string]()},
			map[string]string{"bio": `null`, "profile_picture": `null`, "company_id": `null`}},
		{"zero value is sent", whop.UserUpdateParams{Bio: whop.Some("")}, map[string]string{"bio": `""`}},
		{"nested object", whop.UserUpdateParams{ProfilePicture: whop.Some(whop.UserUpdateParamsProfilePicture{ID: "file_1"})},
			map[string]string{"profile_picture": `{"id":"file_1"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got captured
			client := userServer(t, &got)
			user, err := client.Users.Update(context.Background(), "user_1", tt.params)
			if err != nil {
				t.Fatal(err)
			}
			if got.method != http.MethodPatch || got.rawPath != "/api/v1/users/user_1" {
				t.Errorf("request = %s %s, want PATCH /api/v1/users/user_1", got.method, got.rawPath)
			}
			if got.auth != "Bearer test-key" {
				t.Errorf("Authorization = %q", got.auth)
			}
			if len(got.body) != len(tt.want) {
				t.Errorf("body has keys %v, want exactly %v", keys(got.body), tt.want)
			}
			for k, want := range tt.want {
				if string(got.body[k]) != want {
					t.Errorf("body[%q] = %s, want %s", k, got.body[k], want)
				}
			}
			if user.ID != "user_1" || user.Name == nil || *user.Name != "Jane" || user.Bio != nil || user.ProfilePicture != nil {
				t.Errorf("decoded user = %+v", user)
			}
			if user.CreatedAt.Nanosecond() != 401_000_000 {
				t.Errorf("created_at lost its milliseconds: %v", user.CreatedAt)
			}
		})
	}
}

// TestUpdateUserEscapesPath checks that a path parameter stays one
// segment whatever it holds.
func TestUpdateUserEscapesPath(t *testing.T) {
	var got captured
	client := userServer(t, &got)
	if _, err := client.Users.Update(context.Background(), "a/b c?d#e%f", whop.UserUpdateParams{}); err != nil {
		t.Fatal(err)
	}
	if want := "/api/v1/users/a%2Fb%20c%3Fd%23e%25f"; got.rawPath != want {
		t.Errorf("path = %s, want %s", got.rawPath, want)
	}
}

func keys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
