package roundtrip

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/tests/synth"
)

// TestEveryRequestMatchesTheSpec builds the params value of every
// operation from synthesized instances (the body by decoding an instance
// into the params type, query parameters by setting their fields), sends
// it through the client, and checks on the server that the request
// validates against the operation with kin-openapi, that the body is the
// instance (nothing dropped or added), and that the query holds exactly
// the parameters that were set.
func TestEveryRequestMatchesTheSpec(t *testing.T) {
	t.Parallel()
	f := setup(t)
	srv := newSpecServer(t, f)
	methods := discover(t, f, srv)
	srv.validate = true
	ctx := context.Background()

	var bodies, bodiesOK, querySets, querySetsOK, requests, requestsOK int
	for _, op := range synth.Operations(f.doc) {
		m, ok := methods[op.String()]
		if !ok {
			continue
		}
		plan, err := planRequests(f, op)
		if err != nil {
			t.Errorf("%s: %v", op, err)
			continue
		}
		if plan.n == 0 {
			continue
		}
		if m.params == nil {
			t.Errorf("%s has a body or query parameters, but %s takes no params", op, m.Name)
			continue
		}
		fields, err := queryFields(m.params, plan.query)
		if err != nil {
			t.Errorf("%s (%s): %v", op, m.Name, err)
			continue
		}
		fails := 0
		for k := range plan.n {
			requests++
			if d := sendOne(ctx, srv, m, plan, fields, k); d != "" {
				fails++
				if fails <= maxReports {
					t.Errorf("%s via %s, request %d of %d: %s", op, m.Name, k+1, plan.n, d)
				}
				continue
			}
			requestsOK++
		}
		if plan.body != nil {
			bodies++
			if fails == 0 {
				bodiesOK++
			}
		}
		if len(plan.query) > 0 {
			querySets++
			if fails == 0 {
				querySetsOK++
			}
		}
	}
	t.Logf("%d/%d request bodies and %d/%d query parameter sets encode as the spec says (%d/%d requests valid)",
		bodiesOK, bodies, querySetsOK, querySets, requestsOK, requests)
}

// requestPlan is what to send to one operation: request k uses body
// instance k and, for each query parameter, instance k (cycling through
// the shorter lists), so every instance is sent at least once.
type requestPlan struct {
	body   *openapi3.SchemaRef
	bodies []any
	query  []*openapi3.Parameter
	values [][]any // per query parameter
	n      int
}

func planRequests(f *fixture, op synth.Operation) (requestPlan, error) {
	var p requestPlan
	if ref := synth.RequestBody(op.Op); ref != nil {
		p.body = ref
		p.bodies = f.synth.Instances(ref)
		if err := f.synth.ValidateAll(ref, p.bodies); err != nil {
			return p, fmt.Errorf("body: %w", err)
		}
		p.n = len(p.bodies)
	}
	for _, pr := range op.Op.Parameters {
		if pr.Value == nil || pr.Value.In != "query" {
			continue
		}
		vs := f.synth.Instances(pr.Value.Schema)
		if err := f.synth.ValidateAll(pr.Value.Schema, vs); err != nil {
			return p, fmt.Errorf("query parameter %s: %w", pr.Value.Name, err)
		}
		if pr.Value.Style == openapi3.SerializationDeepObject {
			vs = flatObjects(vs)
		}
		p.query = append(p.query, pr.Value)
		p.values = append(p.values, vs)
		p.n = max(p.n, len(vs))
	}
	return p, nil
}

// flatObjects keeps the scalar entries of free-form objects: deepObject
// style (filters[key]=value) defines no encoding for nested values.
func flatObjects(vs []any) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		m, ok := v.(map[string]any)
		if !ok {
			out[i] = v
			continue
		}
		flat := map[string]any{}
		for k, e := range m {
			switch e.(type) {
			case string, float64, bool:
				flat[k] = e
			}
		}
		out[i] = flat
	}
	return out
}

// queryFields finds the params field of each query parameter. Query
// fields are the ones tagged `json:"-"`; their Go names are the parameter
// names in Go case, so they match once case and underscores are ignored.
// Every parameter must have a field and every such field a parameter.
func queryFields(params reflect.Type, query []*openapi3.Parameter) ([]int, error) {
	byKey := map[string]int{}
	for i := range params.NumField() {
		f := params.Field(i)
		if f.IsExported() && f.Tag.Get("json") == "-" {
			byKey[fold(f.Name)] = i
		}
	}
	out := make([]int, len(query))
	for j, q := range query {
		i, ok := byKey[fold(q.Name)]
		if !ok {
			return nil, fmt.Errorf("no field of %s is the query parameter %q", params.Name(), q.Name)
		}
		delete(byKey, fold(q.Name))
		out[j] = i
	}
	if len(byKey) > 0 {
		return nil, fmt.Errorf("%s has query fields the spec does not list: %v", params.Name(), slices.Sorted(maps.Keys(byKey)))
	}
	return out, nil
}

func fold(name string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "", "[", "", "]", "", ".", "").Replace(name))
}

// sendOne builds request k, sends it and describes what is wrong with
// what the server received, or returns "".
func sendOne(ctx context.Context, srv *specServer, m boundMethod, plan requestPlan, fields []int, k int) string {
	params := reflect.New(m.params)
	var sentBody []byte
	if plan.body != nil {
		sentBody, _ = json.Marshal(plan.bodies[k%len(plan.bodies)])
		if err := json.Unmarshal(sentBody, params.Interface()); err != nil {
			return fmt.Sprintf("decoding the body instance into %s: %v\nbody: %s", m.params.Name(), err, sentBody)
		}
	}
	want := map[string][]string{}
	for j, q := range plan.query {
		v := plan.values[j][k%len(plan.values[j])]
		if v == nil {
			continue // a null parameter is not sent
		}
		field := params.Elem().Field(fields[j])
		raw, _ := json.Marshal(v)
		if err := json.Unmarshal(raw, field.Addr().Interface()); err != nil {
			return fmt.Sprintf("setting %s.%s to %s: %v", m.params.Name(), m.params.Field(fields[j]).Name, raw, err)
		}
		addExpected(want, q, v)
	}
	if _, err := m.call(ctx, params.Elem()); err != nil {
		return "call failed: " + err.Error()
	}
	rec := srv.take()
	switch {
	case rec == nil:
		return "no request arrived"
	case rec.NotFound != nil:
		return "request matches no operation: " + rec.NotFound.Error()
	case rec.Invalid != nil:
		return fmt.Sprintf("request does not match the spec: %v\nquery: %s\nbody: %s", rec.Invalid, rec.Query.Encode(), rec.Body)
	}
	if plan.body != nil {
		if d := jsonDiff(sentBody, rec.Body); d != "" {
			return fmt.Sprintf("body changed on the way: %s\nwant: %s\ngot:  %s", d, sentBody, rec.Body)
		}
	}
	if d := queryDiff(want, rec.Query); d != "" {
		return fmt.Sprintf("query: %s\ngot: %s", d, rec.Query.Encode())
	}
	return ""
}

// addExpected records how OpenAPI serializes v for parameter q: form
// style repeats the key for each item when exploded, deepObject style
// writes key[name]=value, everything else is one key=value.
func addExpected(want map[string][]string, q *openapi3.Parameter, v any) {
	explode := q.Explode == nil || *q.Explode
	switch x := v.(type) {
	case []any:
		if len(x) == 0 {
			return
		}
		items := make([]string, len(x))
		for i, e := range x {
			items[i] = formatScalar(e)
		}
		if explode {
			want[q.Name] = append(want[q.Name], items...)
		} else {
			want[q.Name] = append(want[q.Name], strings.Join(items, ","))
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			key := q.Name + "[" + k + "]"
			want[key] = append(want[key], formatScalar(x[k]))
		}
	default:
		want[q.Name] = append(want[q.Name], formatScalar(v))
	}
}

func formatScalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// queryDiff compares query values; date-times compare as instants.
func queryDiff(want, got map[string][]string) string {
	for _, k := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[k]
		if !ok {
			return fmt.Sprintf("%s missing (want %q)", k, want[k])
		}
		if len(g) != len(want[k]) {
			return fmt.Sprintf("%s = %q, want %q", k, g, want[k])
		}
		for i := range g {
			if g[i] != want[k][i] && !sameInstant(g[i], want[k][i]) {
				return fmt.Sprintf("%s = %q, want %q", k, g, want[k])
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			return fmt.Sprintf("%s = %q was not set", k, got[k])
		}
	}
	return ""
}
