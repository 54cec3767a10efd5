package generic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// server serves every spec of the suite under /ID/: the driver's plan,
// inputs and results under /ID/_plan, /ID/_input/OP/CALL and
// /ID/_result/OP/CALL, and the API itself under /ID/api/.
type server struct {
	*httptest.Server
	specs map[string]*specState // fixed before the server starts
}

// specState is one spec's plan and what happened to its calls. A driver
// makes its calls one at a time, so the call it fetched last is the one
// its API requests belong to.
type specState struct {
	id         string
	router     *router
	ops        []*opPlan
	queryKey   string // the query parameter carrying the API key, if any
	mu         sync.Mutex
	current    *outcome
	outcomes   [][]*outcome // by operation, then call
	orphanHits []string     // API requests that arrived with no call current
}

// outcome is what happened to one call.
type outcome struct {
	op        *opPlan
	c         *call
	fetched   bool     // the driver fetched the call's input
	reached   bool     // an API request for this call arrived at its operation
	request   []string // problems with the request
	notes     []string // what could not be checked, and why
	response  string   // "ok", "not compared: why", or what was lost
	driverErr string   // the driver could not make the call as planned
	clientErr string   // the method's error
	resulted  bool
}

func newServer() *server {
	return &server{specs: map[string]*specState{}}
}

// add registers a spec before the server starts. doc is the router's own
// copy of the spec, which it rewrites (see newRouter).
func (s *server) add(id string, doc *openapi3.T, ops []*opPlan, queryKey string) error {
	router, err := newRouter(doc, "/"+id+"/api")
	if err != nil {
		return err
	}
	st := &specState{id: id, router: router, ops: ops, queryKey: queryKey}
	for _, op := range ops {
		var row []*outcome
		for _, c := range op.calls {
			row = append(row, &outcome{op: op, c: c})
		}
		st.outcomes = append(st.outcomes, row)
	}
	s.specs[id] = st
	return nil
}

func (s *server) start() {
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	id, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	st := s.specs[id]
	if st == nil {
		http.Error(w, "no spec "+id, http.StatusNotFound)
		return
	}
	switch {
	case rest == "_plan":
		st.servePlan(w)
	case strings.HasPrefix(rest, "_input/"):
		st.serveInput(w, strings.TrimPrefix(rest, "_input/"))
	case strings.HasPrefix(rest, "_result/"):
		st.serveResult(w, r, strings.TrimPrefix(rest, "_result/"))
	case strings.HasPrefix(rest, "api/"):
		st.serveAPI(w, r)
	default:
		http.Error(w, "unknown path "+r.URL.Path, http.StatusNotFound)
	}
}

// planOp is what the driver learns about an operation.
type planOp struct {
	Service []string `json:"service"`
	Method  string   `json:"method"`
	Calls   int      `json:"calls"`
}

func (st *specState) servePlan(w http.ResponseWriter) {
	var out []planOp
	for _, op := range st.ops {
		out = append(out, planOp{Service: op.op.Service, Method: op.op.Method, Calls: len(op.calls)})
	}
	writeJSON(w, out)
}

// lookup finds the outcome named by "OP/CALL".
func (st *specState) lookup(ref string) *outcome {
	a, b, _ := strings.Cut(ref, "/")
	i, err1 := strconv.Atoi(a)
	k, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || i < 0 || i >= len(st.outcomes) || k < 0 || k >= len(st.outcomes[i]) {
		return nil
	}
	return st.outcomes[i][k]
}

func (st *specState) serveInput(w http.ResponseWriter, ref string) {
	st.mu.Lock()
	o := st.lookup(ref)
	if o != nil {
		o.fetched = true
		st.current = o
	}
	st.mu.Unlock()
	if o == nil {
		http.Error(w, "no call "+ref, http.StatusNotFound)
		return
	}
	writeJSON(w, o.c.input)
}

// driverResult is what the driver reports after a call.
type driverResult struct {
	Driver    string          `json:"driver"`
	Err       string          `json:"err"`
	Kind      string          `json:"kind"` // none, value or bytes
	JSON      json.RawMessage `json:"json"`
	Text      *string         `json:"text"`
	Bytes     []byte          `json:"bytes"`
	EncodeErr string          `json:"encodeErr"`
}

func (st *specState) serveResult(w http.ResponseWriter, r *http.Request, ref string) {
	var res driverResult
	if err := json.NewDecoder(r.Body).Decode(&res); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	o := st.lookup(ref)
	if o == nil {
		http.Error(w, "no call "+ref, http.StatusNotFound)
		return
	}
	o.resulted = true
	o.driverErr, o.clientErr = res.Driver, res.Err
	if o.reached {
		o.response = compareResponse(o.c.resp, res)
	}
	st.current = nil
	w.WriteHeader(http.StatusNoContent)
}

// compareResponse says whether the method gave back everything the
// server sent.
func compareResponse(sent response, got driverResult) string {
	switch {
	case got.Err != "":
		return "error: " + got.Err
	case got.EncodeErr != "":
		return "re-encoding the result failed: " + got.EncodeErr
	case sent.Kind == "none":
		return "ok"
	case sent.Infinite:
		return "not compared: the schema requires itself, so no finite instance exists"
	case got.Kind == "none":
		return "not compared: the method returns no value"
	case got.Kind == "bytes":
		if !bytes.Equal(got.Bytes, sent.Body) {
			return fmt.Sprintf("body bytes %q, want %q", truncate(got.Bytes), truncate(sent.Body))
		}
		return "ok"
	case sent.Kind == "text":
		if got.Text == nil || *got.Text != string(sent.Body) {
			return fmt.Sprintf("text %s, want %q", got.JSON, truncate(sent.Body))
		}
		return "ok"
	case sent.Kind == "bytes":
		return "not compared: binary response decoded as a value"
	}
	if d := jsonDiff(sent.Body, got.JSON); d != "" {
		return d
	}
	return "ok"
}

func truncate(b []byte) string {
	if len(b) > 80 {
		return string(b[:77]) + "..."
	}
	return string(b)
}

// serveAPI checks an API request against the current call and answers
// with the call's response.
func (st *specState) serveAPI(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	st.mu.Lock()
	o := st.current
	st.mu.Unlock()
	if o == nil {
		st.mu.Lock()
		st.orphanHits = append(st.orphanHits, r.Method+" "+r.URL.String())
		st.mu.Unlock()
		http.Error(w, "no call is current", http.StatusConflict)
		return
	}
	chk := st.check(r, body, o)
	st.mu.Lock()
	o.reached = o.reached || chk.reached
	o.request = append(o.request, chk.problems...)
	o.notes = append(o.notes, chk.notes...)
	st.mu.Unlock()
	resp := o.c.resp
	if resp.ContentType != "" {
		w.Header().Set("Content-Type", resp.ContentType)
	}
	w.WriteHeader(resp.Status)
	_, _ = w.Write(resp.Body)
}

// checked is what check found out about a request.
type checked struct {
	reached  bool     // it reached the call's operation
	problems []string // what is wrong with it
	notes    []string // what could not be checked
}

// check routes and validates a request and compares its parameters and
// body with the call's. It only reads o's plan, which does not change.
func (st *specState) check(r *http.Request, body []byte, o *outcome) (c checked) {
	route, pathParams, err := st.router.findRoute(r)
	if err != nil {
		c.problems = []string{fmt.Sprintf("%s %s matches no operation: %v", r.Method, r.URL.EscapedPath(), err)}
		return c
	}
	if want := o.op.op; route.Method != want.HTTPMethod || route.Path != want.Path {
		c.problems = []string{fmt.Sprintf("reached %s %s, want %s", route.Method, route.Path, want.ID)}
		return c
	}
	c.reached = true
	unescapePrimitives(route, pathParams)
	for _, err := range splitErrors(validate(r, route, pathParams)) {
		if why := notTheClients(err, route, o); why != "" {
			c.notes = append(c.notes, why)
		} else {
			c.problems = append(c.problems, "invalid: "+firstLines(err.Error(), 3))
		}
	}
	path := strings.TrimPrefix(r.URL.EscapedPath(), "/"+st.id+"/api")
	c.problems = append(c.problems, checkParams(r, o.op.op.Path, path, o.c.params, st.queryKey)...)
	if o.c.hasBody && o.c.isJSON {
		if d := jsonDiff(mustJSON(o.c.body), body); d != "" {
			c.problems = append(c.problems, "request body: "+d)
		}
	}
	if o.c.form != nil {
		for _, p := range checkForm(body, o.c.form) {
			c.problems = append(c.problems, "form body: "+p)
		}
	}
	return c
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, " | ")
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
