package mock

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// RequestIDHeader carries a caller-chosen id that the server records and
// echoes in the response, so concurrent callers can match answers to calls.
const RequestIDHeader = "X-Request-Id"

// Responder returns the value the server encodes as the 200 body of an
// operation. It must be safe for concurrent use.
type Responder func(op *openapi3.Operation, hit *Hit) (any, error)

// Interceptor runs after a request was routed and validated, before the
// normal answer. It may answer itself (to inject a fault) and then returns
// true. It must be safe for concurrent use.
type Interceptor func(w http.ResponseWriter, r *http.Request, hit *Hit) bool

// Options configures a Server.
type Options struct {
	// APIKey is the bearer token the server accepts.
	APIKey string
	// Respond builds 200 bodies. Required.
	Respond Responder
	// Intercept, if set, may answer requests itself.
	Intercept Interceptor
	// SkipResponseValidation sends 200 bodies without checking them
	// against the spec (load tests send a cheap fixed body).
	SkipResponseValidation bool
}

// Hit is one request as the server saw it.
type Hit struct {
	Seq         int    // 1 for the first request the server saw
	OperationID string // "" when no operation matched
	Method      string
	EscapedPath string            // the path as sent, escapes kept
	PathParams  map[string]string // as the router split them, still escaped
	Query       url.Values
	Header      http.Header
	Body        []byte
	RequestID   string // the RequestIDHeader value

	Response []byte // the 200 body the server built

	RouteErr    error // no operation matched
	RequestErr  error // kin-openapi rejected the request
	ResponseErr error // kin-openapi rejected the 200 body the server built
	Status      int   // the status the server chose (0 when intercepted)
}

// Err returns the first thing that went wrong with this hit, naming the
// operation.
func (h *Hit) Err() error {
	for _, err := range []error{h.RouteErr, h.RequestErr, h.ResponseErr} {
		if err != nil {
			return fmt.Errorf("%s %s (%s): %w", h.Method, h.EscapedPath, h.OperationID, err)
		}
	}
	return nil
}

// Server is a running mock of the API.
type Server struct {
	*httptest.Server
	opts   Options
	router routers.Router

	seq    atomic.Int64
	mu     sync.Mutex
	hits   []*Hit
	active int        // requests being answered
	idle   *sync.Cond // signalled when active drops to 0
}

// New starts a mock server and stops it when the test ends.
func New(tb interface {
	Helper()
	Fatal(...any)
	Cleanup(func())
}, opts Options) *Server {
	tb.Helper()
	s, err := Start(opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	return s
}

// Start starts a mock server; the caller closes it.
func Start(opts Options) (*Server, error) {
	if opts.Respond == nil {
		return nil, errors.New("mock: Options.Respond is required")
	}
	r, err := router()
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, router: r}
	s.idle = sync.NewCond(&s.mu)
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s, nil
}

// BaseURL is the URL to give the client: the server followed by BasePath.
func (s *Server) BaseURL() string { return s.URL + BasePath }

// Hits returns every request seen so far, in arrival order. It first
// waits for the requests in progress to be answered, so that a client
// that gave up on a request early still finds it here.
func (s *Server) Hits() []*Hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.active > 0 {
		s.idle.Wait()
	}
	hits := append([]*Hit(nil), s.hits...)
	slices.SortFunc(hits, func(a, b *Hit) int { return a.Seq - b.Seq })
	return hits
}

// HitsFor returns the requests that carried the request id.
func (s *Server) HitsFor(requestID string) []*Hit {
	var out []*Hit
	for _, h := range s.Hits() {
		if h.RequestID == requestID {
			out = append(out, h)
		}
	}
	return out
}

// Reset forgets the recorded hits.
func (s *Server) Reset() {
	s.mu.Lock()
	s.hits = nil
	s.mu.Unlock()
}

func (s *Server) begin() {
	s.mu.Lock()
	s.active++
	s.mu.Unlock()
}

// record stores an answered request.
func (s *Server) record(h *Hit) {
	s.mu.Lock()
	s.hits = append(s.hits, h)
	if s.active--; s.active == 0 {
		s.idle.Broadcast()
	}
	s.mu.Unlock()
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.begin()
	body, err := io.ReadAll(r.Body)
	r.Body.Close()
	hit := &Hit{
		Seq:         int(s.seq.Add(1)),
		Method:      r.Method,
		EscapedPath: r.URL.EscapedPath(),
		Query:       r.URL.Query(),
		Header:      r.Header.Clone(),
		Body:        body,
		RequestID:   r.Header.Get(RequestIDHeader),
	}
	defer s.record(hit)
	if hit.RequestID != "" {
		w.Header().Set(RequestIDHeader, hit.RequestID)
	}
	if err != nil {
		hit.RequestErr = fmt.Errorf("reading the request body: %w", err)
		writeError(w, hit, http.StatusBadRequest, "invalid_request_error", hit.RequestErr)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))

	route, params, err := s.router.FindRoute(r)
	if err != nil {
		hit.RouteErr = err
		writeError(w, hit, http.StatusNotFound, "not_found", err)
		return
	}
	hit.OperationID = route.Operation.OperationID
	hit.PathParams = params

	in := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      route,
		Options: &openapi3filter.Options{
			AuthenticationFunc:                s.authenticate,
			RejectWhenRequestBodyNotSpecified: true,
		},
	}
	if err := validateRequest(r.Context(), in); err != nil {
		hit.RequestErr = err
		status, kind := http.StatusBadRequest, "invalid_request_error"
		var secErr *openapi3filter.SecurityRequirementsError
		if errors.As(err, &secErr) {
			status, kind = http.StatusUnauthorized, "unauthorized"
		}
		writeError(w, hit, status, kind, err)
		return
	}
	// kin-openapi consumed the body; give the interceptor a fresh one.
	r.Body = io.NopCloser(bytes.NewReader(body))
	if s.opts.Intercept != nil && s.opts.Intercept(w, r, hit) {
		return
	}
	s.answer(w, r, in, hit)
}

// validateRequest runs kin-openapi's validation and then rejects query
// parameters the operation does not declare, which kin-openapi allows.
func validateRequest(ctx context.Context, in *openapi3filter.RequestValidationInput) error {
	if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
		return err
	}
	declared := map[string]*openapi3.Parameter{}
	for _, p := range in.Route.Operation.Parameters {
		if p.Value != nil && p.Value.In == openapi3.ParameterInQuery {
			declared[p.Value.Name] = p.Value
		}
	}
	for key := range in.Request.URL.Query() {
		name, _, deep := strings.Cut(key, "[")
		p, ok := declared[name]
		if !ok || deep != (p.Style == openapi3.SerializationDeepObject) {
			return fmt.Errorf("query parameter %q is not declared by the operation", key)
		}
	}
	return nil
}

func (s *Server) authenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	scheme := in.SecurityScheme
	if scheme == nil || scheme.Type != "http" || !strings.EqualFold(scheme.Scheme, "bearer") {
		return in.NewError(fmt.Errorf("unsupported security scheme %q", in.SecuritySchemeName))
	}
	got := in.RequestValidationInput.Request.Header.Get("Authorization")
	token, ok := strings.CutPrefix(got, "Bearer ")
	if !ok || token == "" || token != s.opts.APIKey {
		// The header is not quoted: it may hold a real key.
		return in.NewError(errors.New("missing or wrong bearer token"))
	}
	return nil
}

// answer sends the operation's 200 body after checking it against the
// spec with kin-openapi.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, in *openapi3filter.RequestValidationInput, hit *Hit) {
	v, err := s.opts.Respond(in.Route.Operation, hit)
	var body []byte
	if err == nil {
		body, err = json.Marshal(v)
	}
	if err != nil {
		hit.ResponseErr = fmt.Errorf("building the response: %w", err)
		writeError(w, hit, http.StatusInternalServerError, "server_error", hit.ResponseErr)
		return
	}
	hit.Response = body
	header := http.Header{"Content-Type": {"application/json"}}
	if !s.opts.SkipResponseValidation {
		out := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: in,
			Status:                 http.StatusOK,
			Header:                 header,
			Body:                   io.NopCloser(bytes.NewReader(body)),
			Options:                &openapi3filter.Options{IncludeResponseStatus: true},
		}
		if err := openapi3filter.ValidateResponse(r.Context(), out); err != nil {
			hit.ResponseErr = err
		}
	}
	w.Header().Set("Content-Type", "application/json")
	hit.Status = http.StatusOK
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// writeError answers with the spec's error shape.
func writeError(w http.ResponseWriter, hit *Hit, status int, kind string, err error) {
	hit.Status = status
	WriteJSON(w, status, map[string]any{"error": map[string]any{"type": kind, "message": err.Error()}})
}

// WriteJSON writes v as a JSON response.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
