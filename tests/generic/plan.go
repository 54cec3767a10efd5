package generic

import (
	"encoding/json"
	"fmt"
	"maps"
	"mime"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/tests/synth"
)

// maxCover bounds the covering calls of one operation.
const maxCover = 12

// variantBudget bounds the covering calls of a whole spec, roughly: a
// spec with hundreds of operations (Discord's 242) gets fewer covering
// calls per operation, never fewer than minCover, so that the suite stays
// fast enough to run on every change. Modes first, nulls and last still
// call every operation.
const (
	variantBudget = 600
	minCover      = 3
)

// coverCalls is the most covering calls one operation of a spec with ops
// operations makes.
func coverCalls(ops int) int {
	if ops == 0 {
		return maxCover
	}
	return min(maxCover, max(minCover, variantBudget/ops))
}

// opPlan is one operation and the calls the driver makes to it.
type opPlan struct {
	op       operation
	spec     *openapi3.Operation
	calls    []*call
	problems []string // found while planning, reported with every call
}

// call is one call: what the driver passes, what the server expects to
// receive, and what it answers.
type call struct {
	Mode    string // first, nulls, last, or variants
	input   driverInput
	params  []sentParam
	body    any  // the request body the driver was given
	isJSON  bool // the body is JSON and valid, so the request can be compared with it
	hasBody bool
	// form lists the properties of an application/x-www-form-urlencoded
	// body as the parameters its encoding makes of them.
	form []sentParam
	resp response
}

// driverInput is what the driver fetches for a call: path arguments and
// Params fields as JSON, by Go name, or the whole Params value.
type driverInput struct {
	Path   []json.RawMessage          `json:"path"`
	Fields map[string]json.RawMessage `json:"fields"`
	Whole  json.RawMessage            `json:"whole,omitempty"`
}

// response is the answer the server gives a call.
type response struct {
	Status      int
	ContentType string
	Kind        string // "json", "text", "bytes" or "none"
	Body        []byte
	// Infinite is set when the schema requires itself, so no finite (and
	// valid) instance exists and the body sent is cut short.
	Infinite bool
}

// planner builds the calls for the operations of one spec.
type planner struct {
	doc   *openapi3.T
	synth *synth.Synth
	// covers caches the covering instances of each schema, by direction:
	// operations share schemas, and covering is the costly part of planning.
	covers map[coverKey][]any
	// maxCalls bounds the covering calls of one operation (coverCalls).
	maxCalls int
}

type coverKey struct {
	ref *openapi3.SchemaRef
	dir synth.Direction
}

func newPlanner(doc *openapi3.T, ops int) *planner {
	return &planner{doc: doc, synth: synth.New(doc), covers: map[coverKey][]any{}, maxCalls: coverCalls(ops)}
}

// cover returns the covering instances of ref for direction dir.
func (pl *planner) cover(ref *openapi3.SchemaRef, dir synth.Direction) []any {
	if ref == nil {
		return nil
	}
	k := coverKey{ref, dir}
	if _, ok := pl.covers[k]; !ok {
		pl.covers[k] = pl.synth.CoverUpTo(ref, dir, pl.maxCalls)
	}
	return pl.covers[k]
}

// plan builds the calls for one operation: first, nulls and last, then as
// many covering calls as the largest schema involved needs.
func (pl *planner) plan(op operation) *opPlan {
	p := &opPlan{op: op}
	item := pl.doc.Paths.Value(op.Path)
	if item == nil || item.GetOperation(op.HTTPMethod) == nil {
		p.problems = append(p.problems, "the spec has no operation "+op.ID)
		return p
	}
	p.spec = item.GetOperation(op.HTTPMethod)
	params := mergeParams(item.Parameters, p.spec.Parameters)
	bodyRef := pl.bodySchema(op, p.spec)
	respCode, respMedia, respRef := successResponse(p.spec)

	coverOf := pl.cover
	n := 0
	for _, prm := range params {
		n = max(n, len(coverOf(prm.Schema, synth.Request)))
	}
	n = max(n, len(coverOf(bodyRef, synth.Request)), len(coverOf(respRef, synth.Response)))
	n = min(n, pl.maxCalls)

	pick := func(ref *openapi3.SchemaRef, dir synth.Direction, mode string, k int) any {
		switch mode {
		case "first":
			return pl.synth.Make(ref, synth.First, dir)
		case "nulls":
			return pl.synth.Make(ref, synth.Nulls, dir)
		case "last":
			return pl.synth.Make(ref, synth.Last, dir)
		}
		all := coverOf(ref, dir)
		return all[k%len(all)]
	}
	modes := []string{"first", "nulls", "last"}
	for k := range n {
		modes = append(modes, "variants#"+strconv.Itoa(k))
	}
	for _, mode := range modes {
		k := 0
		if v, ok := strings.CutPrefix(mode, "variants#"); ok {
			k, _ = strconv.Atoi(v)
			mode = "variants"
		}
		c := &call{Mode: mode, input: driverInput{Fields: map[string]json.RawMessage{}}}
		for _, prm := range params {
			pl.setParam(p, c, prm, func(ref *openapi3.SchemaRef) any { return pick(ref, synth.Request, mode, k) })
		}
		if bodyRef != nil || op.Body != bodyNone {
			pl.setBody(p, c, bodyRef, func(ref *openapi3.SchemaRef) any { return pick(ref, synth.Request, mode, k) })
		}
		c.resp = makeResponse(respCode, respMedia, respRef, func(ref *openapi3.SchemaRef) any { return pick(ref, synth.Response, mode, k) })
		c.resp.Infinite = respRef != nil && !pl.synth.Finite(respRef)
		p.calls = append(p.calls, c)
	}
	p.problems = slices.Compact(p.problems)
	return p
}

// setParam gives the driver a parameter's value: a path argument or a
// Params field. A required parameter is never null: it cannot be left out.
func (pl *planner) setParam(p *opPlan, c *call, prm *openapi3.Parameter, pick func(*openapi3.SchemaRef) any) {
	ref := prm.Schema
	if ref == nil {
		for _, mt := range prm.Content {
			ref = mt.Schema
			break
		}
	}
	var v any = "x"
	if ref != nil {
		v = expressible(prm, pick(ref))
		if v == nil && (prm.Required || prm.In == "path") || v == "" && prm.In == "path" {
			v = expressible(prm, pl.synth.Make(ref, synth.First, synth.Request))
		}
	}
	c.params = append(c.params, sentParam{P: prm, Value: v})
	if prm.In == "path" {
		i := slices.Index(p.op.PathParams, prm.Name)
		if i < 0 {
			p.problems = append(p.problems, fmt.Sprintf("path parameter %q is no argument of the method", prm.Name))
			return
		}
		for len(c.input.Path) <= i {
			c.input.Path = append(c.input.Path, nil)
		}
		c.input.Path[i] = mustJSON(v)
		return
	}
	i := slices.IndexFunc(p.op.Fields, func(f paramField) bool { return f.In == prm.In && f.Name == prm.Name })
	if i < 0 {
		p.problems = append(p.problems, fmt.Sprintf("%s parameter %q is no field of the method's params", prm.In, prm.Name))
		c.params[len(c.params)-1].Value = nil
		return
	}
	c.input.Fields[p.op.Fields[i].GoName] = mustJSON(v)
}

// delimiters are the characters a parameter's style uses to separate the
// items of a list or object. Kin-openapi and the style check unescape a
// value before splitting it, so an item holding one could not be told
// from two.
func delimiters(prm *openapi3.Parameter) string {
	style, explode := styleOf(prm)
	switch {
	case prm.In == "cookie":
		return ",;= "
	case style == "simple":
		return ",="
	case style == "label":
		return ".,="
	case style == "matrix":
		return ";,="
	case style == "spaceDelimited":
		return " "
	case style == "pipeDelimited":
		return "|"
	case style == "form" && !explode:
		return ","
	}
	return "" // exploded form and deepObject: one pair per item
}

// expressible adjusts a synthesized parameter value to what the parameter
// can carry at all: items of lists and objects without the delimiters of
// its style, and header values without control characters or surrounding
// spaces, which HTTP drops. Primitive values keep everything else:
// escaping them is the client's job.
func expressible(prm *openapi3.Parameter, v any) any {
	delims := delimiters(prm)
	clean := func(s string, item bool) string {
		s = strings.Map(func(r rune) rune {
			if item && strings.ContainsRune(delims, r) || prm.In == "header" && (r < 0x20 || r == 0x7f) {
				return -1
			}
			return r
		}, s)
		if prm.In == "header" {
			s = strings.TrimSpace(s)
			if s == "" {
				s = "x"
			}
		}
		return s
	}
	switch x := v.(type) {
	case string:
		return clean(x, false)
	case []any:
		out := make([]any, len(x))
		for i, item := range x {
			if s, ok := item.(string); ok {
				item = clean(s, true)
			}
			out[i] = item
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, item := range x {
			if s, ok := item.(string); ok {
				item = clean(s, true)
			}
			out[k] = item
		}
		return out
	}
	return v
}

// setBody gives the driver the request body: the Params fields of its
// properties, the body field, or the whole Params value.
func (pl *planner) setBody(p *opPlan, c *call, ref *openapi3.SchemaRef, pick func(*openapi3.SchemaRef) any) {
	media := p.op.BodyMedia
	var body any = "request payload"
	if ref != nil {
		body = pick(ref)
	}
	c.body, c.hasBody = body, true
	c.isJSON = isJSONMedia(media) && (ref == nil || pl.synth.Finite(ref))
	if m, _, _ := mime.ParseMediaType(media); m == "application/x-www-form-urlencoded" {
		body = pl.formExpressible(ref, body)
		c.body = body
		c.form = formFields(p.spec.RequestBody.Value.Content.Get(media), body)
	}
	switch p.op.Body {
	case bodyWhole:
		c.input.Whole = mustJSON(body)
	case bodyInField:
		c.input.Fields[p.op.BodyField] = mustJSON(body)
	case bodyFlat:
		obj, _ := body.(map[string]any)
		for _, f := range p.op.Fields {
			if v, ok := obj[f.Name]; ok && f.In == "body" {
				c.input.Fields[f.GoName] = mustJSON(v)
			}
		}
	default:
		p.problems = append(p.problems, "the spec has a request body the method does not send")
		c.hasBody = false
	}
}

// formExpressible adjusts a form body to what the media type can carry:
// it has no null, so the client leaves a null property out, which a
// required property cannot be; such a property gets a value instead.
func (pl *planner) formExpressible(ref *openapi3.SchemaRef, body any) any {
	obj, ok := body.(map[string]any)
	if !ok || ref == nil || ref.Value == nil {
		return body
	}
	out := maps.Clone(obj)
	for _, name := range ref.Value.Required {
		if v, ok := out[name]; ok && v == nil && ref.Value.Properties[name] != nil {
			out[name] = pl.synth.Make(ref.Value.Properties[name], synth.First, synth.Request)
		}
	}
	return out
}

// formFields turns the properties of a form body into the query
// parameters its encoding describes: form style, exploded, unless the
// encoding object says otherwise.
func formFields(mt *openapi3.MediaType, body any) []sentParam {
	obj, _ := body.(map[string]any)
	var out []sentParam
	for _, name := range slices.Sorted(maps.Keys(obj)) {
		prm := &openapi3.Parameter{Name: name, In: "query", Style: "form"}
		if enc := mt.Encoding[name]; enc != nil {
			if enc.Style != "" {
				prm.Style = enc.Style
			}
			prm.Explode = enc.Explode
		}
		// A schema makes the check read the value; its content does not matter.
		prm.Schema = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
		out = append(out, sentParam{P: prm, Value: obj[name]})
	}
	return out
}

// bodySchema is the schema of the request body in the media type the
// method sends.
func (pl *planner) bodySchema(op operation, spec *openapi3.Operation) *openapi3.SchemaRef {
	if spec.RequestBody == nil || spec.RequestBody.Value == nil {
		return nil
	}
	if mt := spec.RequestBody.Value.Content.Get(op.BodyMedia); mt != nil {
		return mt.Schema
	}
	return nil
}

// successResponse is the response the generated method decodes: the
// lowest 2xx code, in its JSON media type if it has one.
func successResponse(op *openapi3.Operation) (code, media string, ref *openapi3.SchemaRef) {
	if op.Responses == nil {
		return "", "", nil
	}
	var codes []string
	for _, c := range op.Responses.Keys() {
		if r := op.Responses.Value(c); strings.HasPrefix(c, "2") && r != nil && r.Value != nil {
			codes = append(codes, c)
		}
	}
	if len(codes) == 0 {
		return "", "", nil
	}
	slices.Sort(codes)
	content := op.Responses.Value(codes[0]).Value.Content
	media = pickMedia(content)
	if mt := content[media]; mt != nil {
		ref = mt.Schema
	}
	return codes[0], media, ref
}

func pickMedia(content openapi3.Content) string {
	keys := slices.Sorted(maps.Keys(content))
	for _, k := range keys {
		if isJSONMedia(k) {
			return k
		}
	}
	if len(keys) > 0 {
		return keys[0]
	}
	return ""
}

func isJSONMedia(media string) bool {
	m, _, _ := mime.ParseMediaType(media)
	return m == "application/json" || strings.HasSuffix(m, "+json") || m == "*/*"
}

// makeResponse builds the answer: the instance as JSON, text, or bytes.
func makeResponse(code, media string, ref *openapi3.SchemaRef, pick func(*openapi3.SchemaRef) any) response {
	status, err := strconv.Atoi(code)
	if err != nil {
		status = 200 // 2XX
	}
	r := response{Status: status, ContentType: media, Kind: "none"}
	switch {
	case media == "":
	case isJSONMedia(media):
		var v any = map[string]any{"free": []any{"form", 1.5, nil}}
		if ref != nil {
			v = pick(ref)
		}
		r.Kind, r.Body = "json", mustJSON(v)
	case strings.HasPrefix(media, "text/"):
		r.Kind, r.Body = "text", []byte("plain text response")
		if ref != nil {
			if s, ok := pick(ref).(string); ok {
				r.Body = []byte(s)
			}
		}
	default:
		r.Kind, r.Body = "bytes", []byte("\x00binary\xffpayload")
	}
	return r
}

// mergeParams applies operation parameters over path-level ones, as the
// generator does.
func mergeParams(pathLevel, opLevel openapi3.Parameters) []*openapi3.Parameter {
	var out []*openapi3.Parameter
	seen := map[string]bool{}
	for _, list := range []openapi3.Parameters{opLevel, pathLevel} {
		for _, ref := range list {
			if ref == nil || ref.Value == nil || seen[ref.Value.In+":"+ref.Value.Name] {
				continue
			}
			seen[ref.Value.In+":"+ref.Value.Name] = true
			out = append(out, ref.Value)
		}
	}
	return out
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("synthesized value does not encode: %v", err))
	}
	return b
}
