package generic

// The style check: kin-openapi reads a parameter it cannot parse in its
// declared style as absent, so a client that writes the wrong style can
// pass validation. This file reads each parameter back from the raw
// request in the style the spec declares and compares it with the value
// the driver was given.

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// sentParam is a parameter and the value the driver set; nil means the
// parameter must not be sent.
type sentParam struct {
	P     *openapi3.Parameter
	Value any
}

// flat is a parameter value reduced to what a style can carry: a
// primitive, a list of primitives, or an object of primitives.
type flat struct {
	kind string // "primitive", "array" or "object"
	prim string
	arr  []string
	obj  map[string]string
}

// flatten reduces a decoded JSON value; ok is false for nested values,
// which no style defines.
func flatten(v any) (f flat, ok bool) {
	switch x := v.(type) {
	case []any:
		f.kind = "array"
		for _, item := range x {
			s, ok := scalar(item)
			if !ok {
				return f, false
			}
			f.arr = append(f.arr, s)
		}
		return f, true
	case map[string]any:
		f.kind, f.obj = "object", map[string]string{}
		for k, item := range x {
			s, ok := scalar(item)
			if !ok {
				return f, false
			}
			f.obj[k] = s
		}
		return f, true
	}
	s, ok := scalar(v)
	return flat{kind: "primitive", prim: s}, ok
}

// scalar spells a JSON scalar the way parameters carry it.
func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}

// sameScalar compares two spellings of a value: equal text, or two
// RFC 3339 date-times for the same instant.
func sameScalar(want, got string) bool {
	if want == got {
		return true
	}
	x, err1 := time.Parse(time.RFC3339Nano, want)
	y, err2 := time.Parse(time.RFC3339Nano, got)
	return err1 == nil && err2 == nil && x.Equal(y)
}

func (f flat) empty() bool {
	return f.kind == "array" && len(f.arr) == 0 || f.kind == "object" && len(f.obj) == 0
}

func sameFlat(want, got flat) bool {
	switch want.kind {
	case "primitive":
		return got.kind == "primitive" && sameScalar(want.prim, got.prim)
	case "array":
		return got.kind == "array" && slices.EqualFunc(want.arr, got.arr, sameScalar)
	}
	return got.kind == "object" && maps.EqualFunc(want.obj, got.obj, sameScalar)
}

func (f flat) String() string {
	switch f.kind {
	case "primitive":
		return strconv.Quote(f.prim)
	case "array":
		return fmt.Sprintf("%q", f.arr)
	}
	keys := slices.Sorted(maps.Keys(f.obj))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%q:%q", k, f.obj[k])
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func styleOf(p *openapi3.Parameter) (style string, explode bool) {
	style = p.Style
	if style == "" {
		style = "simple"
		if p.In == "query" || p.In == "cookie" {
			style = "form"
		}
	}
	explode = style == "form"
	if p.Explode != nil {
		explode = *p.Explode
	}
	return style, explode
}

// checkParams reads every parameter back from the request in its declared
// style and returns one problem per parameter that does not hold the value
// sent, and per query key or cookie that no parameter explains. path is the
// request path after the base URL's, escapes kept; ignoreQuery is the query
// key the client's credentials use, if any.
func checkParams(r *http.Request, template, path string, params []sentParam, ignoreQuery string) []string {
	var problems []string
	query, err := rawPairs(r.URL.RawQuery, "&")
	if err != nil {
		problems = append(problems, "query: "+err.Error())
	}
	cookies := cookiePairs(r.Header.Values("Cookie"))
	segments, pathErr := pathValues(template, path)
	for _, sp := range params {
		if sp.P.Schema == nil {
			continue // a content parameter: its value is a document, not a style
		}
		var msg string
		switch sp.P.In {
		case "path":
			if pathErr != nil {
				msg = pathErr.Error()
			} else {
				msg = checkPath(sp, segments[sp.P.Name])
			}
		case "query":
			msg = checkPairs(sp, query, "query")
		case "cookie":
			msg = checkPairs(sp, cookies, "cookie")
		case "header":
			msg = checkHeader(sp, r.Header.Values(sp.P.Name))
		}
		if msg != "" {
			problems = append(problems, fmt.Sprintf("%s parameter %q: %s", sp.P.In, sp.P.Name, msg))
		}
	}
	for _, k := range query.unused() {
		if k != ignoreQuery {
			problems = append(problems, fmt.Sprintf("query key %q is no parameter's", k))
		}
	}
	for _, k := range cookies.unused() {
		problems = append(problems, fmt.Sprintf("cookie %q is no parameter's", k))
	}
	return problems
}

// pairs are the key=value pairs of a query or a Cookie header, decoded, in
// order, with a record of which keys a parameter has claimed.
type pairs struct {
	keys    []string
	values  map[string][]string
	claimed map[string]bool
}

func newPairs() *pairs {
	return &pairs{values: map[string][]string{}, claimed: map[string]bool{}}
}

func (p *pairs) add(k, v string) {
	if _, ok := p.values[k]; !ok {
		p.keys = append(p.keys, k)
	}
	p.values[k] = append(p.values[k], v)
}

// take returns the values of key and claims it.
func (p *pairs) take(key string) ([]string, bool) {
	v, ok := p.values[key]
	if ok {
		p.claimed[key] = true
	}
	return v, ok
}

func (p *pairs) unused() []string {
	var out []string
	for _, k := range p.keys {
		if !p.claimed[k] {
			out = append(out, k)
		}
	}
	return out
}

// rawPairs splits a raw query at its literal separators and unescapes
// each key and value.
func rawPairs(raw, sep string) (*pairs, error) {
	out := newPairs()
	if raw == "" {
		return out, nil
	}
	for _, part := range strings.Split(raw, sep) {
		k, v, _ := strings.Cut(part, "=")
		k, err1 := url.QueryUnescape(k)
		v, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			return out, fmt.Errorf("bad escape in %q", part)
		}
		out.add(k, v)
	}
	return out, nil
}

// cookiePairs reads Cookie headers: pairs separated by ";", values
// unquoted and unescaped.
func cookiePairs(headers []string) *pairs {
	out := newPairs()
	for _, h := range headers {
		for _, part := range strings.Split(h, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
			if k == "" {
				continue
			}
			v = strings.Trim(v, `"`)
			if u, err := url.QueryUnescape(v); err == nil {
				v = u
			}
			out.add(k, v)
		}
	}
	return out
}

// checkPairs reads a query or cookie parameter in its style.
func checkPairs(sp sentParam, got *pairs, where string) string {
	name := sp.P.Name
	style, explode := styleOf(sp.P)
	if sp.Value == nil {
		if v, ok := got.take(name); ok {
			return fmt.Sprintf("sent %q, want it left out", v)
		}
		if style == "deepObject" {
			for _, k := range got.keys {
				if strings.HasPrefix(k, name+"[") {
					return fmt.Sprintf("sent %s, want it left out", k)
				}
			}
		}
		return ""
	}
	want, ok := flatten(sp.Value)
	if !ok {
		claimNested(sp, got, style, explode)
		return "" // nested: no style defines it
	}
	if want.empty() {
		// An empty list or object is undefined in RFC 6570: left out, or
		// sent with an empty value.
		v, ok := got.take(name)
		if ok && !slices.Equal(v, []string{""}) {
			return fmt.Sprintf("sent %q for an empty %s", v, want.kind)
		}
		return ""
	}
	var read flat
	var err error
	switch {
	case style == "deepObject":
		read, err = readDeepObject(name, got)
	case want.kind == "object" && explode:
		read, err = readExplodedObject(want, got)
	case want.kind == "array" && explode:
		v, ok := got.take(name)
		if !ok {
			return fmt.Sprintf("missing, want %s", want)
		}
		read = flat{kind: "array", arr: v}
	default:
		v, ok := got.take(name)
		if !ok {
			return fmt.Sprintf("missing, want %s", want)
		}
		if len(v) != 1 {
			return fmt.Sprintf("sent %d times: %q", len(v), v)
		}
		read, err = splitValue(want.kind, v[0], delimiter(style))
	}
	if err != nil {
		return err.Error()
	}
	if !sameFlat(want, read) {
		return fmt.Sprintf("%s (%s, explode %v) reads as %s, want %s", where, style, explode, read, want)
	}
	return ""
}

// claimNested claims the keys a nested value was sent under, which no
// style defines, so they are not taken for stray keys.
func claimNested(sp sentParam, got *pairs, style string, explode bool) {
	got.take(sp.P.Name)
	obj, _ := sp.Value.(map[string]any)
	for _, k := range slices.Clone(got.keys) {
		if style == "deepObject" && strings.HasPrefix(k, sp.P.Name+"[") {
			got.take(k)
		}
		if _, ok := obj[k]; ok && explode && style == "form" {
			got.take(k)
		}
	}
}

func delimiter(style string) string {
	switch style {
	case "spaceDelimited":
		return " "
	case "pipeDelimited":
		return "|"
	}
	return ","
}

// splitValue reads one value holding a list (a,b) or an object (k,v,k,v).
func splitValue(kind, v, sep string) (flat, error) {
	switch kind {
	case "primitive":
		return flat{kind: kind, prim: v}, nil
	case "array":
		if v == "" {
			return flat{kind: kind}, nil
		}
		return flat{kind: kind, arr: strings.Split(v, sep)}, nil
	}
	obj := map[string]string{}
	if v == "" {
		return flat{kind: kind, obj: obj}, nil
	}
	parts := strings.Split(v, sep)
	if len(parts)%2 != 0 {
		return flat{}, fmt.Errorf("%q is not key%svalue pairs", v, sep)
	}
	for i := 0; i < len(parts); i += 2 {
		obj[parts[i]] = parts[i+1]
	}
	return flat{kind: kind, obj: obj}, nil
}

// splitAssignments reads k=v items separated by sep.
func splitAssignments(v, sep string) (flat, error) {
	obj := map[string]string{}
	if v == "" {
		return flat{kind: "object", obj: obj}, nil
	}
	for _, part := range strings.Split(v, sep) {
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			return flat{}, fmt.Errorf("%q is not key=value", part)
		}
		obj[k] = val
	}
	return flat{kind: "object", obj: obj}, nil
}

func readDeepObject(name string, got *pairs) (flat, error) {
	obj := map[string]string{}
	for _, k := range got.keys {
		prop, ok := strings.CutPrefix(k, name+"[")
		if !ok || !strings.HasSuffix(prop, "]") {
			continue
		}
		v, _ := got.take(k)
		if len(v) != 1 {
			return flat{}, fmt.Errorf("%s sent %d times", k, len(v))
		}
		obj[strings.TrimSuffix(prop, "]")] = v[0]
	}
	return flat{kind: "object", obj: obj}, nil
}

// readExplodedObject reads form style, exploded: one key per property.
func readExplodedObject(want flat, got *pairs) (flat, error) {
	obj := map[string]string{}
	for k := range want.obj {
		v, ok := got.take(k)
		if !ok {
			continue
		}
		if len(v) != 1 {
			return flat{}, fmt.Errorf("%s sent %d times", k, len(v))
		}
		obj[k] = v[0]
	}
	return flat{kind: "object", obj: obj}, nil
}

func checkHeader(sp sentParam, got []string) string {
	if sp.Value == nil {
		if len(got) > 0 {
			return fmt.Sprintf("sent %q, want it left out", got)
		}
		return ""
	}
	want, ok := flatten(sp.Value)
	if !ok {
		return ""
	}
	if len(got) != 1 {
		return fmt.Sprintf("sent %d times (%q), want %s once", len(got), got, want)
	}
	_, explode := styleOf(sp.P)
	read, err := readSimple(want.kind, explode, got[0])
	if err != nil {
		return err.Error()
	}
	if !sameFlat(want, read) {
		return fmt.Sprintf("%q reads as %s, want %s", got[0], read, want)
	}
	return ""
}

func readSimple(kind string, explode bool, v string) (flat, error) {
	if kind == "object" && explode {
		return splitAssignments(v, ",")
	}
	return splitValue(kind, v, ",")
}

// checkPath reads a path parameter from its segment text (unescaped).
func checkPath(sp sentParam, seg string) string {
	want, ok := flatten(sp.Value)
	if !ok || sp.Value == nil || want.empty() {
		return "" // nested, or empty: RFC 6570 leaves both undefined
	}
	style, explode := styleOf(sp.P)
	read, err := readPath(style, explode, sp.P.Name, want.kind, seg)
	if err != nil {
		return err.Error()
	}
	if !sameFlat(want, read) {
		return fmt.Sprintf("%q (%s, explode %v) reads as %s, want %s", seg, style, explode, read, want)
	}
	return ""
}

func readPath(style string, explode bool, name, kind, seg string) (flat, error) {
	switch style {
	case "label":
		rest, ok := strings.CutPrefix(seg, ".")
		if !ok {
			return flat{}, fmt.Errorf("%q lacks the leading . of label style", seg)
		}
		if explode && kind == "array" {
			return flat{kind: kind, arr: strings.Split(rest, ".")}, nil
		}
		if explode && kind == "object" {
			return splitAssignments(rest, ".")
		}
		return splitValue(kind, rest, ",")
	case "matrix":
		rest, ok := strings.CutPrefix(seg, ";")
		if !ok {
			return flat{}, fmt.Errorf("%q lacks the leading ; of matrix style", seg)
		}
		if explode && kind != "primitive" {
			return readMatrixExploded(name, kind, rest)
		}
		// An empty value is the name alone (RFC 6570: ;name).
		if rest == name {
			return splitValue(kind, "", ",")
		}
		rest, ok = strings.CutPrefix(rest, name+"=")
		if !ok {
			return flat{}, fmt.Errorf("%q lacks the leading ;%s= of matrix style", seg, name)
		}
		return splitValue(kind, rest, ",")
	}
	return readSimple(kind, explode, seg)
}

// readMatrixExploded reads an exploded list (id=1;id=2) or object
// (a=1;b=2) of matrix style, after its leading ";". A member with an empty
// value is its name alone (RFC 6570: ;id;id=2 holds "" and "2").
func readMatrixExploded(name, kind, rest string) (flat, error) {
	out := flat{kind: kind}
	if kind == "object" {
		out.obj = map[string]string{}
	}
	for _, part := range strings.Split(rest, ";") {
		k, v, _ := strings.Cut(part, "=")
		if kind == "object" {
			out.obj[k] = v
			continue
		}
		if k != name {
			return flat{}, fmt.Errorf(";%s: %q is not %s", rest, k, name)
		}
		out.arr = append(out.arr, v)
	}
	return out, nil
}

var templateParam = regexp.MustCompile(`\{([^}]+)\}`)

// pathValues matches the escaped request path against the template and
// returns each parameter's text, unescaped.
func pathValues(template, path string) (map[string]string, error) {
	var re strings.Builder
	re.WriteString("^")
	var names []string
	last := 0
	for _, m := range templateParam.FindAllStringSubmatchIndex(template, -1) {
		re.WriteString(regexp.QuoteMeta(template[last:m[0]]))
		re.WriteString("([^/]*)")
		names = append(names, template[m[2]:m[3]])
		last = m[1]
	}
	re.WriteString(regexp.QuoteMeta(template[last:]) + "$")
	m := regexp.MustCompile(re.String()).FindStringSubmatch(path)
	if m == nil {
		return nil, fmt.Errorf("path %s does not match the template %s", path, template)
	}
	out := map[string]string{}
	for i, name := range names {
		v, err := url.PathUnescape(m[i+1])
		if err != nil {
			return nil, fmt.Errorf("path %s: %v", path, err)
		}
		out[name] = v
	}
	return out, nil
}

// checkForm reads an application/x-www-form-urlencoded body back, field by
// field, as checkParams reads a query.
func checkForm(body []byte, fields []sentParam) []string {
	got, err := rawPairs(string(body), "&")
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for _, f := range fields {
		if msg := checkPairs(f, got, "form"); msg != "" {
			problems = append(problems, fmt.Sprintf("field %q: %s", f.P.Name, msg))
		}
	}
	for _, k := range got.unused() {
		problems = append(problems, fmt.Sprintf("key %q is no field's", k))
	}
	return problems
}
