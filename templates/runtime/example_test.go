package whop

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"
)

// Client options apply to every call; the same options passed to a single
// call override them for that call only.
func ExampleRequestOption() {
	clientOptions := []RequestOption{
		WithAPIKey(os.Getenv("WHOP_API_KEY")),
		WithMaxRetries(4),
		WithRequestTimeout(20 * time.Second),
		WithLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))),
	}
	perCall := []RequestOption{
		WithHeader("Idempotency-Key", "order-42"),
		WithRetryNonIdempotent(true), // safe here: the server deduplicates by key
	}
	_, _ = clientOptions, perCall
}

// A middleware sees every attempt, retries included. The first middleware
// given is the outermost.
func ExampleMiddleware() {
	timing := func(req *http.Request, next MiddlewareNext) (*http.Response, error) {
		start := time.Now()
		resp, err := next(req)
		slog.Info("whop call", "method", req.Method, "path", req.URL.Path, "took", time.Since(start))
		return resp, err
	}
	tracing := func(req *http.Request, next MiddlewareNext) (*http.Response, error) {
		req.Header.Set("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
		return next(req)
	}
	_ = WithMiddleware(timing, tracing)
}

// Every non-2xx response is an *Error; errors.Is matches common statuses.
func ExampleError() {
	// In real code err comes from a client method.
	var err error = &Error{StatusCode: 404, Type: "not_found", Message: "Resource not found", Method: "GET", Path: "/api/v1/users/u_1"}

	var apiErr *Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Message)
	}
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, ErrServer))
	// Output:
	// 404 Resource not found
	// true false
}

// Opt distinguishes "leave unchanged" (unset) from "clear" (null) and from
// zero values, which are sent as they are.
func ExampleOpt() {
	type updateUser struct {
		Name  Opt[string] `json:"name,omitzero"`
		Bio   Opt[string] `json:"bio,omitzero"`
		Admin Opt[bool]   `json:"admin,omitzero"`
	}
	b, _ := json.Marshal(updateUser{Bio: Null[string](), Admin: Some(false)})
	fmt.Println(string(b))

	var u updateUser
	_ = json.Unmarshal([]byte(`{"name":"Ann","bio":null}`), &u)
	fmt.Println(u.Name.Or("anonymous"), u.Bio.IsNull(), u.Admin.IsSet())
	// Output:
	// {"bio":null,"admin":false}
	// Ann true false
}
