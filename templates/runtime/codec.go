package whop

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file holds the encoding helpers the generated types and methods
// call: constant properties, unions, query and path parameters.

// marshalWithConsts encodes v (a struct without methods) and adds the
// properties whose value the API fixes, such as a union's "typename".
// consts is a JSON fragment: `"typename":"CardPaymentMethod"`.
func marshalWithConsts(v any, consts string) ([]byte, error) {
	b, err := encodeJSON(v)
	if err != nil {
		return nil, err
	}
	if len(b) < 2 || b[0] != '{' {
		return nil, fmt.Errorf("encoding %T: want a JSON object", v)
	}
	out := make([]byte, 0, len(b)+len(consts)+1)
	out = append(out, '{')
	out = append(out, consts...)
	if len(b) > 2 {
		out = append(out, ',')
	}
	return append(out, b[1:]...), nil
}

// unionShape describes one union variant, so that untagged unions can be
// told apart by the JSON they receive.
type unionShape struct {
	kind     string            // the JSON kind: object, string, number, integer, boolean, array
	consts   map[string]string // properties with fixed values
	required []string          // properties that must be present
}

// unionTag returns the string value of the discriminator property prop.
func unionTag(data []byte, prop string) (string, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return "", err
	}
	raw, ok := probe[prop]
	if !ok {
		return "", nil
	}
	var tag string
	if err := json.Unmarshal(raw, &tag); err != nil {
		return "", nil
	}
	return tag, nil
}

// unionMatch picks the variant whose shape fits data best: for an object,
// every fixed property must match and every required property be present,
// and the variant with the most required properties wins (so "plan" with
// its extra fields beats "plan_id"). It returns -1 when nothing fits.
func unionMatch(data []byte, shapes []unionShape) int {
	kind := jsonKind(data)
	if kind != "object" {
		for i, s := range shapes {
			if s.kind == kind || (s.kind == "number" && kind == "integer") {
				return i
			}
		}
		return -1
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return -1
	}
	best, bestScore := -1, -1
	for i, s := range shapes {
		if s.kind != "object" || !shapeFits(probe, s) {
			continue
		}
		score := len(s.required) + len(s.consts)
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

func shapeFits(probe map[string]json.RawMessage, s unionShape) bool {
	for prop, want := range s.consts {
		raw, ok := probe[prop]
		if !ok {
			return false
		}
		var got string
		if json.Unmarshal(raw, &got) != nil || got != want {
			return false
		}
	}
	for _, prop := range s.required {
		if _, ok := probe[prop]; !ok {
			return false
		}
	}
	return true
}

// jsonKind names the kind of the JSON value in data.
func jsonKind(data []byte) string {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return ""
	}
	switch c := data[0]; {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	case bytes.ContainsAny(data, ".eE"):
		return "number"
	default:
		return "integer"
	}
}

// errNoVariant is returned when encoding a union with no variant set.
var errNoVariant = errors.New("union has no variant set")

// unionJSON encodes the one variant that is set, or the raw JSON of an
// unknown variant that was decoded.
func unionJSON(raw json.RawMessage, variants ...any) ([]byte, error) {
	for _, v := range variants {
		if !reflect.ValueOf(v).IsNil() {
			return encodeJSON(v)
		}
	}
	if raw != nil {
		return raw, nil
	}
	return nil, errNoVariant
}

// formatParam renders a parameter value the way OpenAPI's form and simple
// styles expect: strings as they are, numbers and booleans in their JSON
// spelling, date-times in RFC 3339, anything else as JSON.
func formatParam(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case fmt.Stringer:
		return x.String()
	case nil:
		return ""
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return rv.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10)
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(rv.Float(), 'f', -1, 64)
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool())
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// addList adds a list parameter: repeated keys when exploded
// (ids=a&ids=b), else one comma-separated value (ids=a,b).
func addList[T any](q url.Values, key string, values []T, explode bool) {
	if explode {
		for _, v := range values {
			q.Add(key, formatParam(v))
		}
		return
	}
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = formatParam(v)
	}
	q.Set(key, strings.Join(parts, ","))
}

// addObject adds an object parameter: deepObject style writes
// key[name]=value, exploded form style writes name=value, and plain form
// style writes key=name,value,... Keys are sorted so URLs are stable.
func addObject[T any](q url.Values, key string, m map[string]T, style string, explode bool) {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	var flat []string
	for _, k := range names {
		v := formatParam(m[k])
		switch {
		case style == "deepObject":
			q.Set(key+"["+k+"]", v)
		case explode:
			q.Set(k, v)
		default:
			flat = append(flat, k, v)
		}
	}
	if flat != nil {
		q.Set(key, strings.Join(flat, ","))
	}
}

// pathParam escapes one simple-style path parameter; see rtPathParam.
func pathParam(s string) string { return rtPathParam("", s, rtSimple) }

// addCookie appends a cookie parameter to the Cookie header.
func addCookie(h http.Header, name, value string) {
	c := (&http.Cookie{Name: name, Value: value}).String()
	if prev := h.Get("Cookie"); prev != "" {
		c = prev + "; " + c
	}
	h.Set("Cookie", c)
}
