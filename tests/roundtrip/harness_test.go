// Package roundtrip proves that the generated client loses nothing: every
// response and webhook payload the spec describes decodes into the
// generated types and re-encodes to the same JSON, and every request the
// client builds is one the spec accepts.
//
// The tests call the real client methods, found by reflection, against an
// httptest server that routes each request to its operation with
// kin-openapi, validates it, and answers with a synthesized instance.
package roundtrip

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/whopgen/whopgen"
	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/synth"
)

// fixture is what every test shares: the spec, the synthesizer and the
// router. Loading the 3.6 MB spec takes a moment, so it happens once.
type fixture struct {
	doc    *openapi3.T
	synth  *synth.Synth
	router routers.Router
}

var loadFixture = sync.OnceValues(func() (*fixture, error) {
	doc, err := synth.LoadSpec("spec/openapi.yml", whopgen.Spec)
	if err != nil {
		return nil, err
	}
	// The router validates requests against its own copy of the spec,
	// adjusted for a gap in kin-openapi's parameter decoder.
	vdoc, err := synth.LoadSpec("spec/openapi.yml", whopgen.Spec)
	if err != nil {
		return nil, err
	}
	dropNullFromQueryCollections(vdoc)
	router, err := legacy.NewRouter(vdoc, openapi3.DisableExamplesValidation())
	if err != nil {
		return nil, fmt.Errorf("building the router: %w", err)
	}
	return &fixture{doc: doc, synth: synth.New(doc), router: router}, nil
})

// dropNullFromQueryCollections turns `type: [array, null]` and
// `type: [object, null]` query parameters into plain arrays and objects.
// kin-openapi's query decoder reads neither form when null is listed: it
// tries "null" as a scalar type for arrays and rejects deepObject style
// for objects. A query string cannot carry null anyway: a null parameter
// is one the client leaves out, which the spec accepts since none of
// these is required.
func dropNullFromQueryCollections(doc *openapi3.T) {
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				s := p.Value.Schema.Value
				if p.Value.In != "query" || s.Type == nil || !s.Type.IncludesNull() {
					continue
				}
				if slices.Contains(s.Type.Slice(), openapi3.TypeArray) || slices.Contains(s.Type.Slice(), openapi3.TypeObject) {
					p.Value.Schema = openapi3.NewSchemaRef("", withoutNull(s))
				}
			}
		}
	}
}

func withoutNull(s *openapi3.Schema) *openapi3.Schema {
	c := *s
	types := s.Type.Clone()
	types.Without(openapi3.TypeNull)
	c.Type = &types
	return &c
}

func setup(t *testing.T) *fixture {
	t.Helper()
	f, err := loadFixture()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// specServer stands in for the API. For each request it finds the
// operation, validates the request against it, records both, and answers
// with whatever respond returns for that operation.
type specServer struct {
	*httptest.Server
	f *fixture

	// validate turns on request validation, which costs a schema
	// compilation per request; response tests leave it off.
	validate bool

	mu      sync.Mutex
	respond func(op *openapi3.Operation, route *routers.Route) []byte
	last    *received
}

// received is one request as the server saw it.
type received struct {
	Route    *routers.Route
	Method   string
	Path     string
	Query    url.Values
	Body     []byte
	Invalid  error // the request does not match its operation
	NotFound error // no operation matches the request
}

// specBase is the spec's server URL; requests are routed as if sent there.
const specBase = "https://api.whop.com/api/v1"

func newSpecServer(t *testing.T, f *fixture) *specServer {
	s := &specServer{f: f}
	s.respond = func(op *openapi3.Operation, _ *routers.Route) []byte {
		ref, _ := synth.SuccessResponse(op)
		if ref == nil {
			return []byte("{}")
		}
		b, _ := json.Marshal(f.synth.One(ref))
		return b
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *specServer) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec := &received{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Body: body}

	// Route and validate a copy addressed to the spec's server.
	rel := strings.TrimPrefix(r.URL.RequestURI(), "/api/v1")
	vr, err := http.NewRequestWithContext(r.Context(), r.Method, specBase+rel, bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	vr.Header = r.Header.Clone()
	route, pathParams, err := s.f.router.FindRoute(vr)
	if err != nil {
		rec.NotFound = err
		s.record(rec)
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	rec.Route = route
	if s.validate {
		rec.Invalid = validateRequest(vr, route, pathParams)
	}
	s.mu.Lock()
	respond := s.respond
	s.mu.Unlock()
	out := respond(route.Operation, route)
	s.record(rec)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(out)
}

// validateRequest checks a request against its operation: parameters,
// body and content type. Authentication is not the point here.
func validateRequest(r *http.Request, route *routers.Route, pathParams map[string]string) error {
	return openapi3filter.ValidateRequest(r.Context(), &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: pathParams,
		Route:      route,
		Options: &openapi3filter.Options{
			AuthenticationFunc: func(context.Context, *openapi3filter.AuthenticationInput) error { return nil },
			MultiError:         true,
		},
	})
}

func (s *specServer) record(rec *received) {
	s.mu.Lock()
	s.last = rec
	s.mu.Unlock()
}

// answer makes the server reply with body to every request.
func (s *specServer) answer(body []byte) {
	s.mu.Lock()
	s.respond = func(*openapi3.Operation, *routers.Route) []byte { return body }
	s.mu.Unlock()
}

// take returns the last request and forgets it.
func (s *specServer) take() *received {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.last
	s.last = nil
	return r
}

func (s *specServer) client() *whop.Client {
	return whop.NewClient(
		whop.WithBaseURL(s.URL+"/api/v1"),
		whop.WithAPIKey("test_key"),
		whop.WithMaxRetries(0),
	)
}

// apiMethod is one client method that calls one operation.
type apiMethod struct {
	Name   string        // "Users.Update"
	fn     reflect.Value // bound to a client
	nPath  int           // leading string path parameters
	params reflect.Type  // the params struct, or nil
	out    reflect.Type  // the decoded result
}

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
	optsType    = reflect.TypeFor[[]whop.RequestOption]()
)

// clientMethods lists the operation methods of every service of c,
// nested services included: those shaped (ctx, path..., [params], opts...)
// (T, error). AutoPaging iterators and webhook helpers are left out.
func clientMethods(c *whop.Client) []apiMethod {
	var out []apiMethod
	var walk func(v reflect.Value, prefix string)
	walk = func(v reflect.Value, prefix string) {
		st := v.Elem().Type()
		for i := range st.NumField() {
			fld := st.Field(i)
			fv := v.Elem().Field(i)
			if !fld.IsExported() || fld.Type.Kind() != reflect.Pointer || fld.Type.Elem().Kind() != reflect.Struct ||
				!strings.HasSuffix(fld.Type.Elem().Name(), "Service") {
				continue
			}
			name := prefix + fld.Name
			for j := range fv.NumMethod() {
				m := fv.Type().Method(j)
				if am, ok := asAPIMethod(name+"."+m.Name, fv.Method(j)); ok {
					out = append(out, am)
				}
			}
			walk(fv, name+".")
		}
	}
	walk(reflect.ValueOf(c), "")
	return out
}

func asAPIMethod(name string, fn reflect.Value) (apiMethod, bool) {
	mt := fn.Type()
	n := mt.NumIn()
	if n < 2 || !mt.IsVariadic() || mt.In(0) != contextType || mt.In(n-1) != optsType ||
		mt.NumOut() != 2 || mt.Out(1) != errorType {
		return apiMethod{}, false
	}
	am := apiMethod{Name: name, fn: fn, out: mt.Out(0)}
	for i := 1; i < n-1; i++ {
		switch in := mt.In(i); {
		case in.Kind() == reflect.String && am.params == nil:
			am.nPath++
		case in.Kind() == reflect.Struct && i == n-2:
			am.params = in
		default:
			panic(fmt.Sprintf("%s: unexpected parameter %d of type %s", name, i, in))
		}
	}
	return am, true
}

// pathArgs are the path parameter values tests send: plain, so any
// route matches them.
var pathArgs = []string{"id_1", "id_2", "id_3"}

// call invokes the method with params (nil for its zero value) and returns
// the result as JSON-encodable value.
func (m apiMethod) call(ctx context.Context, params reflect.Value) (any, error) {
	args := []reflect.Value{reflect.ValueOf(ctx)}
	for i := range m.nPath {
		args = append(args, reflect.ValueOf(pathArgs[i]))
	}
	if m.params != nil {
		if !params.IsValid() {
			params = placeholderParams(m.params)
		}
		args = append(args, params)
	}
	res := m.fn.Call(args)
	err, _ := res[1].Interface().(error)
	return res[0].Interface(), err
}

// placeholderParams is the zero value of a params type, except that a
// union body, whose zero value has nothing to send, gets its first
// variant (itself zero).
func placeholderParams(t reflect.Type) reflect.Value {
	v := reflect.New(t).Elem()
	if _, ok := v.Addr().Interface().(json.Unmarshaler); !ok {
		return v
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.Pointer {
			v.Field(i).Set(reflect.New(f.Type.Elem()))
			break
		}
	}
	return v
}

// boundMethod is a client method with the operation it calls.
type boundMethod struct {
	apiMethod
	op    synth.Operation
	route *routers.Route
}

// discover calls every client method once and lets the server tell which
// operation it reached. It fails the test unless the methods and the
// spec's operations match one to one.
func discover(t *testing.T, f *fixture, srv *specServer) map[string]boundMethod {
	t.Helper()
	byOp := map[string]boundMethod{}
	ctx := context.Background()
	for _, m := range clientMethods(srv.client()) {
		if _, err := m.call(ctx, reflect.Value{}); err != nil {
			t.Errorf("%s: %v", m.Name, err)
		}
		rec := srv.take()
		switch {
		case rec == nil:
			t.Errorf("%s sent no request", m.Name)
			continue
		case rec.NotFound != nil:
			t.Errorf("%s: %s %s matches no operation: %v", m.Name, rec.Method, rec.Path, rec.NotFound)
			continue
		}
		op := synth.Operation{Method: rec.Route.Method, Path: rec.Route.Path, Op: rec.Route.Operation}
		if prev, dup := byOp[op.String()]; dup {
			t.Errorf("%s and %s both call %s", prev.Name, m.Name, op)
			continue
		}
		byOp[op.String()] = boundMethod{apiMethod: m, op: op, route: rec.Route}
	}
	for _, op := range synth.Operations(f.doc) {
		if _, ok := byOp[op.String()]; !ok {
			t.Errorf("no client method calls %s", op)
		}
	}
	return byOp
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
