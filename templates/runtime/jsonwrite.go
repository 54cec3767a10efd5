package whop

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"
)

// rtJSONWriter is what a generated MarshalJSON writes into: one method
// call per field, no reflection, the output byte for byte what
// encoding/json writes for the same struct (fields in declaration order,
// unset Opt fields left out, HTML-safe strings). The first error (a NaN,
// a time outside RFC 3339, a union with no variant) is kept and returned
// by finish, so the generated code needs no error checks between fields.
//
// Keys are passed pre-quoted with their colon, `"name":`, as constants.
type rtJSONWriter struct {
	b     []byte
	err   error
	depth int // of nested free-form values
	// request is set when the output is a request body: read-only
	// properties, which the server sets, are left out.
	request bool
}

var rtJSONWriters = sync.Pool{New: func() any { return &rtJSONWriter{b: make([]byte, 0, 1024)} }}

// rtNewJSONWriter returns a writer with a reused buffer.
func rtNewJSONWriter() *rtJSONWriter {
	w := rtJSONWriters.Get().(*rtJSONWriter)
	w.b, w.err, w.depth, w.request = w.b[:0], nil, 0, false
	return w
}

// rtJSONValue is a type whose JSON generated code writes.
type rtJSONValue interface {
	writeJSON(w *rtJSONWriter)
}

// rtRequestJSON encodes v as a request body: without its read-only
// properties.
func rtRequestJSON(v rtJSONValue) ([]byte, error) {
	w := rtNewJSONWriter()
	w.request = true
	v.writeJSON(w)
	return w.finish()
}

// rtBodyJSON encodes a request body: through its generated writer when it
// has one, else with encoding/json.
func rtBodyJSON(body any) ([]byte, error) {
	// A required body that may be null is sent when nil: null.
	if rv := reflect.ValueOf(body); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return []byte("null"), nil
	}
	if v, ok := body.(rtJSONValue); ok {
		return rtRequestJSON(v)
	}
	// The writer has a pointer receiver: a value is written through a
	// pointer to a copy.
	if rv := reflect.ValueOf(body); rv.IsValid() && rv.Kind() != reflect.Pointer {
		p := reflect.New(rv.Type())
		p.Elem().Set(rv)
		if v, ok := p.Interface().(rtJSONValue); ok {
			return rtRequestJSON(v)
		}
	}
	return json.Marshal(body)
}

// finish returns a copy of the output, or the first error, and puts the
// writer back for reuse.
func (w *rtJSONWriter) finish() ([]byte, error) {
	out, err := bytes.Clone(w.b), w.err
	if err != nil {
		out = nil
	}
	if cap(w.b) <= 64<<10 { // keep no unusually large buffer alive
		rtJSONWriters.Put(w)
	}
	return out, err
}

func (w *rtJSONWriter) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// open and close write an object's braces.
func (w *rtJSONWriter) open()  { w.b = append(w.b, '{') }
func (w *rtJSONWriter) close() { w.b = append(w.b, '}') }

// openList and closeList write a list's brackets; elem separates members.
func (w *rtJSONWriter) openList()  { w.b = append(w.b, '[') }
func (w *rtJSONWriter) closeList() { w.b = append(w.b, ']') }
func (w *rtJSONWriter) elem()      { w.sep() }

// sep writes a comma unless a member is the first of its object or list.
func (w *rtJSONWriter) sep() {
	if n := len(w.b); n > 0 && w.b[n-1] != '{' && w.b[n-1] != '[' {
		w.b = append(w.b, ',')
	}
}

// key writes a member's key; the value follows.
func (w *rtJSONWriter) key(k string) {
	w.sep()
	w.b = append(w.b, k...)
}

// Required fields: the key and the value.
func (w *rtJSONWriter) str(k, v string)             { w.key(k); w.strValue(v) }
func (w *rtJSONWriter) int(k string, v int64)       { w.key(k); w.intValue(v) }
func (w *rtJSONWriter) float(k string, v float64)   { w.key(k); w.floatValue(v, 64) }
func (w *rtJSONWriter) float32(k string, v float32) { w.key(k); w.floatValue(float64(v), 32) }
func (w *rtJSONWriter) bool(k string, v bool)       { w.key(k); w.boolValue(v) }
func (w *rtJSONWriter) time(k string, v time.Time)  { w.key(k); w.timeValue(v) }
func (w *rtJSONWriter) any(k string, v any)         { w.key(k); w.anyValue(v) }
func (w *rtJSONWriter) null(k string)               { w.key(k); w.nullValue() }

// lit writes a property whose JSON the API fixes, such as a union's
// "typename":"Card"; literal is already JSON.
func (w *rtJSONWriter) lit(k, literal string) { w.key(k); w.b = append(w.b, literal...) }

// optKey writes the key of a set Opt and reports whether its value must
// follow: nothing is written for an unset Opt, and null for a null one.
func (w *rtJSONWriter) optKey(k string, s optState) bool {
	switch s {
	case optUnset:
		return false
	case optNull:
		w.null(k)
		return false
	}
	w.key(k)
	return true
}

// Opt fields, passed as their state and value so that one non-generic
// method serves every Opt of a kind (named types are converted).
func (w *rtJSONWriter) optStr(k string, s optState, v string) {
	if w.optKey(k, s) {
		w.strValue(v)
	}
}

func (w *rtJSONWriter) optInt(k string, s optState, v int64) {
	if w.optKey(k, s) {
		w.intValue(v)
	}
}

func (w *rtJSONWriter) optFloat(k string, s optState, v float64) {
	if w.optKey(k, s) {
		w.floatValue(v, 64)
	}
}

func (w *rtJSONWriter) optFloat32(k string, s optState, v float32) {
	if w.optKey(k, s) {
		w.floatValue(float64(v), 32)
	}
}

func (w *rtJSONWriter) optBool(k string, s optState, v bool) {
	if w.optKey(k, s) {
		w.boolValue(v)
	}
}

func (w *rtJSONWriter) optTime(k string, s optState, v time.Time) {
	if w.optKey(k, s) {
		w.timeValue(v)
	}
}

func (w *rtJSONWriter) optAny(k string, s optState, v any) {
	if w.optKey(k, s) {
		w.anyValue(v)
	}
}

// Values, for list members and union variants.
func (w *rtJSONWriter) strValue(v string) { w.b = appendJSONString(w.b, v) }
func (w *rtJSONWriter) intValue(v int64)  { w.b = strconv.AppendInt(w.b, v, 10) }
func (w *rtJSONWriter) boolValue(v bool)  { w.b = strconv.AppendBool(w.b, v) }
func (w *rtJSONWriter) nullValue()        { w.b = append(w.b, "null"...) }

func (w *rtJSONWriter) floatValue(v float64, bits int) {
	b, ok := appendJSONFloat(w.b, v, bits)
	if !ok {
		w.fail(&json.UnsupportedValueError{Str: strconv.FormatFloat(v, 'g', -1, bits)})
		w.b = append(w.b, '0') // keep the output well formed; it is discarded
		return
	}
	w.b = b
}

func (w *rtJSONWriter) timeValue(v time.Time) {
	b, ok := rtAppendTime(w.b, v)
	if !ok {
		w.fail(errors.New("Time.MarshalJSON: " + v.String() + " cannot be written in RFC 3339"))
		w.b = append(w.b, `""`...)
		return
	}
	w.b = b
}

// anyValue writes a free-form value (an any or map[string]any field): the
// shapes JSON decodes into directly, anything else with encoding/json.
func (w *rtJSONWriter) anyValue(v any) {
	switch x := v.(type) {
	case nil:
		w.nullValue()
	case string:
		w.strValue(x)
	case bool:
		w.boolValue(x)
	case float64:
		w.floatValue(x, 64)
	case int64:
		w.intValue(x)
	case int:
		w.intValue(int64(x))
	case map[string]any:
		w.mapValue(x)
	case []any:
		w.listValue(x)
	default:
		data, err := json.Marshal(v)
		if err != nil {
			w.fail(err)
			w.nullValue()
			return
		}
		w.b = append(w.b, data...)
	}
}

// rtMaxDepth stops a map or list that contains itself, as encoding/json does.
const rtMaxDepth = 1000

func (w *rtJSONWriter) mapValue(m map[string]any) {
	if m == nil {
		w.nullValue()
		return
	}
	if !w.enter() {
		return
	}
	var small [16]string // most maps here are small metadata: sort their keys on the stack
	keys := small[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys) // as encoding/json does
	w.open()
	for _, k := range keys {
		w.sep()
		w.strValue(k)
		w.b = append(w.b, ':')
		w.anyValue(m[k])
	}
	w.close()
	w.depth--
}

func (w *rtJSONWriter) listValue(l []any) {
	if l == nil {
		w.nullValue()
		return
	}
	if !w.enter() {
		return
	}
	w.openList()
	for _, v := range l {
		w.elem()
		w.anyValue(v)
	}
	w.closeList()
	w.depth--
}

func (w *rtJSONWriter) enter() bool {
	if w.depth++; w.depth > rtMaxDepth {
		w.depth--
		w.fail(errors.New("json: unsupported value: encountered a cycle"))
		w.nullValue()
		return false
	}
	return true
}

// raw writes JSON kept from a decoded value (a union variant this client
// does not know), compacted and HTML-escaped as encoding/json writes a
// MarshalJSON result.
func (w *rtJSONWriter) raw(data []byte) {
	var compact bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		w.fail(err)
		w.nullValue()
		return
	}
	buf := bytes.NewBuffer(w.b)
	json.HTMLEscape(buf, compact.Bytes())
	w.b = buf.Bytes()
}

// strs writes a list of strings, the commonest list in request bodies.
func (w *rtJSONWriter) strs(k string, v []string) {
	w.key(k)
	if v == nil {
		w.nullValue()
		return
	}
	w.openList()
	for i, s := range v {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.strValue(s)
	}
	w.closeList()
}

// rtAppendTime appends t as time.Time.MarshalJSON writes it, reporting
// false where that fails: a year outside 0-9999 or a zone offset of 24
// hours or more, which RFC 3339 cannot express.
func rtAppendTime(b []byte, t time.Time) ([]byte, bool) {
	start := len(b) + 1
	b = t.AppendFormat(append(b, '"'), time.RFC3339Nano)
	if len(b)-start < len("0000-00-00T00:00:00Z") || b[start+4] != '-' {
		return b[:start-1], false
	}
	if b[len(b)-1] != 'Z' {
		zone := b[len(b)-len("+07:00"):]
		hour := zone[1:3]
		if zone[0] != '+' && zone[0] != '-' || hour[0] > '2' || hour[0] == '2' && hour[1] >= '4' {
			return b[:start-1], false
		}
	}
	return append(b, '"'), true
}
