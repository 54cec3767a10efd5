package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	whop "github.com/whopgen/whopgen/generated"
)

// TestNextPage walks three pages of GET /users by hand: each page fetches
// its successor with the caller's parameters and the previous end cursor,
// and the last page has none.
func TestNextPage(t *testing.T) {
	var requests atomic.Int32
	var afters, queries []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := requests.Add(1)
		afters = append(afters, r.URL.Query().Get("after"))
		queries = append(queries, r.URL.Query().Get("query"))
		w.Header().Set("Content-Type", "application/json")
		end, more := fmt.Sprintf(`"c%d"`, n), n < 3
		if !more {
			end = "null"
		}
		fmt.Fprintf(w, `{"data":[{"id":"user_%d","username":"u%d","name":null,"bio":null,"created_at":"2024-01-01T00:00:00Z","profile_picture":null}],
			"page_info":{"end_cursor":%s,"start_cursor":null,"has_next_page":%t,"has_previous_page":false}}`, n, n, end, more)
	}))
	defer srv.Close()
	client := whop.NewClient(whop.WithAPIKey("k"), whop.WithBaseURL(srv.URL))

	page, err := client.Users.List(context.Background(), whop.UserListParams{Query: whop.Some("jane")})
	var ids []string
	for ; page != nil; page, err = page.NextPage(context.Background()) {
		for _, u := range page.Data {
			ids = append(ids, u.ID)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids) != "[user_1 user_2 user_3]" || requests.Load() != 3 {
		t.Errorf("got %v in %d requests, want 3 users in 3", ids, requests.Load())
	}
	if fmt.Sprint(afters) != "[ c1 c2]" || fmt.Sprint(queries) != "[jane jane jane]" {
		t.Errorf("after = %q, query = %q", afters, queries)
	}
	var none *whop.UserListPage
	if next, err := none.NextPage(context.Background()); next != nil || err != nil {
		t.Errorf("NextPage of nil = %v, %v", next, err)
	}
}
