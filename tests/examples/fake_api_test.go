package examples_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// fakeAPI stands in for api.whop.com. It prints each request it receives
// (so the examples show what went over the wire) and answers from routes,
// keyed by "METHOD /path?query"; each route's responses are used in turn,
// the last one repeating.
func fakeAPI(routes map[string][]response) *httptest.Server {
	var mu sync.Mutex
	calls := map[string]int{}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Method + " " + r.URL.Path
		if r.URL.RawQuery != "" {
			key += "?" + r.URL.RawQuery
		}
		answers := routes[key]
		if len(answers) == 0 {
			answers = []response{{status: 404, body: `{"error":{"type":"not_found","message":"Resource not found"}}`}}
		}
		mu.Lock()
		resp := answers[min(calls[key], len(answers)-1)]
		calls[key]++
		mu.Unlock()
		fmt.Printf("server: %s -> %d\n", key, resp.status)
		if resp.showBody {
			body, _ := io.ReadAll(r.Body)
			fmt.Printf("server: body %s\n", body)
		}
		if resp.delay > 0 {
			select {
			case <-r.Context().Done(): // the client gave up
				return
			case <-time.After(resp.delay):
			}
		}
		for k, v := range resp.header {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(resp.status)
		io.WriteString(w, resp.body)
	}))
}

// response is one canned answer of fakeAPI.
type response struct {
	status   int
	header   map[string]string
	body     string
	showBody bool          // print the request body
	delay    time.Duration // wait this long before answering
}

// member is the JSON of a member with the given ID.
func member(id string) string {
	return strings.ReplaceAll(`{"id":"ID","access_level":"customer","status":"joined","company_token_balance":0,"usd_total_spent":0,`+
		`"created_at":"2024-01-02T03:04:05Z","joined_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:05Z",`+
		`"most_recent_action":null,"most_recent_action_at":null,"phone":null,"user":null,"company":{"id":"biz_1","route":"acme","title":"Acme"}}`,
		"ID", id)
}
