package conformance

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen"
	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/model"
	"github.com/whopgen/whopgen/tests/mock"
	"github.com/whopgen/whopgen/tests/synth"
)

// expectedCall is one operation as the generator's model describes it: the
// table of calls the generated client must offer.
type expectedCall struct {
	method   *model.Method
	fields   []string // Client field path to the service: Affiliates, Overrides
	op       *openapi3.Operation
	specPath string
}

func (c expectedCall) String() string {
	return fmt.Sprintf("%s (client.%s.%s, %s %s)", c.method.OperationID, strings.Join(c.fields, "."), c.method.Name, c.method.HTTPMethod, c.specPath)
}

// expectedCalls builds the generator's model of the embedded spec and
// pairs every method with its operation in the spec.
func expectedCalls(t *testing.T, doc *openapi3.T) []expectedCall {
	t.Helper()
	res, err := generator.Generate(generator.Options{SpecFile: "spec/openapi.yml", Spec: whopgen.Spec})
	if err != nil || res.API == nil {
		t.Fatalf("building the model: %v %v", err, res.Diags)
	}
	ops := map[string]expectedCall{}
	for path, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			ops[op.OperationID] = expectedCall{op: op, specPath: path}
		}
	}
	var out []expectedCall
	var walk func(rs []*model.Resource, fields []string)
	walk = func(rs []*model.Resource, fields []string) {
		for _, r := range rs {
			path := append(fields[:len(fields):len(fields)], r.Field)
			for _, m := range r.Methods {
				c, ok := ops[m.OperationID]
				if !ok {
					t.Errorf("the model has %s.%s for operation %q, which the spec lacks", r.TypeName, m.Name, m.OperationID)
					continue
				}
				c.method, c.fields = m, path
				out = append(out, c)
			}
			walk(r.Children, path)
		}
	}
	walk(res.API.Resources, nil)
	sort.Slice(out, func(i, j int) bool { return out[i].method.OperationID < out[j].method.OperationID })
	return out
}

// conformance drives one operation through the generated client.
type conformance struct {
	t      *testing.T
	doc    *openapi3.T
	synth  *synth.Synth
	client reflect.Value
	srv    *mock.Server

	// responses holds the body to answer each request id with.
	responses  sync.Map
	queryCache map[*openapi3.Parameter][]any
	variants   variantSeen // unions in the params sent and results received
}

func TestConformance(t *testing.T) {
	doc, err := mock.Spec()
	if err != nil {
		t.Fatal(err)
	}
	c := &conformance{t: t, doc: doc, synth: synth.New(doc), queryCache: map[*openapi3.Parameter][]any{}, variants: variantSeen{}}
	h := newHarness(t, mock.Options{Respond: c.respond}, whop.WithMaxRetries(0))
	c.srv, c.client = h.srv, reflect.ValueOf(h.client)

	calls := expectedCalls(t, doc)
	passed, requests := 0, 0
	seen := map[string]bool{}
	for _, call := range calls {
		seen[call.method.OperationID] = true
		n, err := c.run(call)
		requests += n
		if err != nil {
			t.Errorf("%s: %v", call, err)
			continue
		}
		passed++
	}
	total := 0
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			total++
			if !seen[op.OperationID] {
				t.Errorf("operation %s has no method in the client", op.OperationID)
			}
		}
	}
	missing, unions, variants := c.variants.missing()
	for _, m := range missing {
		t.Errorf("union variant %s never went through the client", m)
	}
	t.Logf("union variants exercised: %d/%d in %d unions", variants-len(missing), variants, unions)
	t.Logf("conformance: %d/%d operations (%d requests)", passed, total, requests)
	if passed != total {
		t.Errorf("conformance: %d/%d operations", passed, total)
	}
}

func (c *conformance) respond(_ *openapi3.Operation, hit *mock.Hit) (any, error) {
	v, ok := c.responses.Load(hit.RequestID)
	if !ok {
		return nil, fmt.Errorf("no response prepared for request %q", hit.RequestID)
	}
	return v, nil
}

// run calls the operation once per request-body shape and once per
// response shape (whichever is more), so every union variant and every
// nullable position, null and not, is sent and received at least once.
func (c *conformance) run(call expectedCall) (int, error) {
	method, err := c.lookup(call)
	if err != nil {
		return 0, err
	}
	respSchema, _ := synth.SuccessResponse(call.op)
	if respSchema == nil {
		return 0, errors.New("the spec gives no 2xx JSON response")
	}
	mt := method.Type()
	responses := shapeCover(c.synth.Instances(respSchema), func(v any) []string {
		if mt.NumOut() != 2 {
			return nil
		}
		out := reflect.New(mt.Out(0))
		decodeInto(v, out.Interface())
		return variantNames(out)
	})
	var bodies []any
	if ref := synth.RequestBody(call.op); ref != nil && call.method.Params != nil {
		paramsType := mt.In(1 + len(call.method.PathParams))
		bodies = shapeCover(c.synth.Instances(ref), func(v any) []string {
			params := reflect.New(paramsType).Elem()
			_ = setBody(call, params, v)
			return variantNames(params)
		})
	}
	n := max(len(bodies), len(responses), 1)
	for k := range n {
		var body any
		if len(bodies) > 0 {
			body = bodies[k%len(bodies)]
		}
		if err := c.callOnce(call, method, k, body, responses[k%len(responses)]); err != nil {
			return k + 1, fmt.Errorf("call %d of %d: %w", k+1, n, err)
		}
	}
	return n, nil
}

// lookup finds the generated method by walking the Client's fields.
func (c *conformance) lookup(call expectedCall) (reflect.Value, error) {
	v := c.client
	for _, f := range call.fields {
		v = reflect.Indirect(v).FieldByName(f)
		if !v.IsValid() || v.IsNil() {
			return reflect.Value{}, fmt.Errorf("client has no service field %s", f)
		}
	}
	m := v.MethodByName(call.method.Name)
	if !m.IsValid() {
		return reflect.Value{}, fmt.Errorf("%s has no method %s", v.Type(), call.method.Name)
	}
	return m, nil
}

// callOnce makes call number k with the given request body instance and
// checks what the server saw and what the client returned.
func (c *conformance) callOnce(call expectedCall, method reflect.Value, k int, body, response any) error {
	id := fmt.Sprintf("%s-%d", call.method.OperationID, k)
	c.responses.Store(id, response)
	defer c.responses.Delete(id)

	mt := method.Type()
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	wantPath := map[string]string{}
	for _, p := range call.method.PathParams {
		v, err := c.pathValue(call, p.JSONName, k)
		if err != nil {
			return err
		}
		wantPath[p.JSONName] = v
		args = append(args, reflect.ValueOf(v))
	}
	var setQuery []string
	if call.method.Params != nil {
		params := reflect.New(mt.In(len(args))).Elem()
		var err error
		if setQuery, err = c.fillParams(call, params, body, k); err != nil {
			return err
		}
		args = append(args, params)
		c.variants.collect(params)
	}
	if got, want := mt.NumIn(), len(args)+1; got != want || !mt.IsVariadic() {
		return fmt.Errorf("method %s has %d parameters, want %d (ctx, path parameters, params, opts...)", mt, got, want)
	}
	args = append(args, reflect.ValueOf(whop.WithHeader(mock.RequestIDHeader, id)))

	out := method.Call(args)
	callErr, _ := out[len(out)-1].Interface().(error)

	hits := c.srv.HitsFor(id)
	if len(hits) != 1 {
		return fmt.Errorf("server saw %d requests, want 1 (client error: %v)", len(hits), callErr)
	}
	hit := hits[0]
	if err := hit.Err(); err != nil {
		return err
	}
	if hit.OperationID != call.method.OperationID {
		return fmt.Errorf("request reached operation %q", hit.OperationID)
	}
	if callErr != nil {
		return fmt.Errorf("client: %w", callErr)
	}
	if err := checkPathParams(hit, wantPath); err != nil {
		return err
	}
	for _, name := range setQuery {
		if !hasQuery(hit, name) {
			return fmt.Errorf("query parameter %q was set but not sent (query %s)", name, hit.Query.Encode())
		}
	}
	if body != nil {
		if err := sameJSON("request body", body, hit.Body); err != nil {
			return err
		}
	}
	if len(out) == 2 {
		c.variants.collect(out[0])
		return checkResult(out[0], hit.Response)
	}
	return nil
}

// pathValue picks a realistic value for a path parameter: its example,
// else a synthesized string, made unique per call.
func (c *conformance) pathValue(call expectedCall, name string, k int) (string, error) {
	p := findParam(call.op, openapi3.ParameterInPath, name)
	if p == nil || p.Schema == nil {
		return "", fmt.Errorf("path parameter %q is not in the spec", name)
	}
	v := p.Example
	if v == nil {
		v = p.Schema.Value.Example
	}
	if v == nil {
		v = c.synth.One(p.Schema)
	}
	s, ok := v.(string)
	if !ok || s == "" {
		return "", fmt.Errorf("path parameter %q: no string value (%v)", name, v)
	}
	if k > 0 {
		s = fmt.Sprintf("%s%d", s, k)
	}
	return s, nil
}

func findParam(op *openapi3.Operation, in, name string) *openapi3.Parameter {
	for _, ref := range op.Parameters {
		if ref.Value != nil && ref.Value.In == in && ref.Value.Name == name {
			return ref.Value
		}
	}
	return nil
}

// fillParams sets every field of the Params value: the body from the
// instance, the way the model says it is carried, and each query
// parameter from a non-null instance of its schema. It returns the names
// of the query parameters it set.
func (c *conformance) fillParams(call expectedCall, params reflect.Value, body any, k int) ([]string, error) {
	m := call.method
	if err := setBody(call, params, body); err != nil {
		return nil, err
	}
	var set []string
	for _, f := range m.Params.Fields {
		if !f.In.IsParameter() {
			continue
		}
		if f.In != model.InQuery {
			return nil, fmt.Errorf("parameter %q in %s is not supported by this test", f.JSONName, f.In)
		}
		p := findParam(call.op, f.In.String(), f.JSONName)
		if p == nil {
			return nil, fmt.Errorf("query parameter %q is not in the spec", f.JSONName)
		}
		values := c.queryValues(p)
		if len(values) == 0 {
			return nil, fmt.Errorf("query parameter %q: no non-null instance", f.JSONName)
		}
		field := params.FieldByName(f.Name)
		if !field.IsValid() {
			return nil, fmt.Errorf("%s has no field %s for query parameter %q", params.Type(), f.Name, f.JSONName)
		}
		raw, err := json.Marshal(values[k%len(values)])
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, field.Addr().Interface()); err != nil {
			return nil, fmt.Errorf("query parameter %q: decoding %s into %s: %w", f.JSONName, raw, field.Type(), err)
		}
		set = append(set, f.JSONName)
	}
	return set, nil
}

// setBody decodes the body instance into params, the way the model says
// the body is carried.
func setBody(call expectedCall, params reflect.Value, body any) error {
	if body == nil {
		return nil
	}
	target := params.Addr().Interface()
	if call.method.Body == model.BodyInField {
		f := params.FieldByName(call.method.BodyField.Name)
		if !f.IsValid() {
			return fmt.Errorf("%s has no field %s", params.Type(), call.method.BodyField.Name)
		}
		target = f.Addr().Interface()
	}
	if err := decodeInto(body, target); err != nil {
		return fmt.Errorf("decoding the spec's request body instance into %T: %w", target, err)
	}
	return nil
}

// decodeInto decodes a JSON instance into a Go value.
func decodeInto(v any, target any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, target); err != nil {
		return fmt.Errorf("%w\n%s", err, raw)
	}
	return nil
}

// queryValues returns the non-null instances of a query parameter's
// schema that a form-style query can show.
func (c *conformance) queryValues(p *openapi3.Parameter) []any {
	if v, ok := c.queryCache[p]; ok {
		return v
	}
	var values []any
	for _, v := range c.synth.Instances(p.Schema) {
		if v != nil && !isEmpty(v) {
			values = append(values, v)
		}
	}
	c.queryCache[p] = values
	return values
}

// isEmpty reports an empty list or object: a valid instance that a
// form-style query cannot show.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

func hasQuery(hit *mock.Hit, name string) bool {
	for key := range hit.Query {
		if key == name || strings.HasPrefix(key, name+"[") {
			return true
		}
	}
	return false
}

func checkPathParams(hit *mock.Hit, want map[string]string) error {
	for name, v := range want {
		raw := hit.PathParams[name]
		if got, err := url.PathUnescape(raw); err != nil || got != v {
			return fmt.Errorf("path parameter %q arrived as %q, want %q", name, raw, v)
		}
	}
	return nil
}

// checkResult checks that the client decoded the response and that
// encoding the decoded value gives back the JSON the server sent.
func checkResult(result reflect.Value, sent []byte) error {
	if result.Kind() == reflect.Pointer && result.IsNil() {
		return errors.New("client returned a nil result without an error")
	}
	got, err := json.Marshal(result.Interface())
	if err != nil {
		return fmt.Errorf("encoding the decoded %s: %w", result.Type(), err)
	}
	var v any
	if err := json.Unmarshal(sent, &v); err != nil {
		return err
	}
	return sameJSON("response re-encoded from "+result.Type().String(), v, got)
}

// sameJSON compares a decoded instance with JSON bytes.
func sameJSON(what string, want any, gotRaw []byte) error {
	var got any
	if err := json.Unmarshal(gotRaw, &got); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	wantRaw, _ := json.Marshal(want)
	var norm any
	_ = json.Unmarshal(wantRaw, &norm)
	if path, ok := jsonDiff(norm, got, ""); !ok {
		return fmt.Errorf("%s differs at %q\nwant %s\ngot  %s", what, path, wantRaw, gotRaw)
	}
	return nil
}

// jsonDiff returns the first path where two decoded JSON values differ.
func jsonDiff(a, b any, path string) (string, bool) {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return path, false
		}
		keys := map[string]bool{}
		for k := range x {
			keys[k] = true
		}
		for k := range y {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			xv, xok := x[k]
			yv, yok := y[k]
			if xok != yok {
				return path + "/" + k, false
			}
			if p, ok := jsonDiff(xv, yv, path+"/"+k); !ok {
				return p, false
			}
		}
		return "", true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return path, false
		}
		for i := range x {
			if p, ok := jsonDiff(x[i], y[i], fmt.Sprintf("%s/%d", path, i)); !ok {
				return p, false
			}
		}
		return "", true
	case string:
		// Go writes date-times in their shortest form: .400Z as .4Z.
		if y, ok := b.(string); ok && x != y {
			tx, errX := time.Parse(time.RFC3339Nano, x)
			ty, errY := time.Parse(time.RFC3339Nano, y)
			return path, errX == nil && errY == nil && tx.Equal(ty)
		}
		return path, reflect.DeepEqual(a, b)
	default:
		return path, reflect.DeepEqual(a, b)
	}
}
