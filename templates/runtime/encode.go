package whop

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// encodeJSON encodes v exactly as json.Marshal encodes a pointer to a copy
// of v (so methods on pointers count, as they do for fields), in one pass. With
// encoding/json every Opt field is a separate MarshalJSON call, which
// allocates its result and is then scanned again; here an Opt is read in
// place and written straight into the output, so a request body costs
// about what the same JSON costs with plain structs. Values whose types
// have their own encoding (unions, time.Time) and maps and interfaces are
// handed to encoding/json.
func encodeJSON(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return []byte("null"), nil
	}
	if rv.Kind() != reflect.Pointer {
		// Addressable values let Opt fields be read in place: encode a copy
		// held in a reusable variable of v's type.
		pool := scratchPool(rv.Type())
		p := pool.Get() // a pointer to a zero value
		pv := reflect.ValueOf(p).Elem()
		pv.Set(rv)
		defer func() {
			pv.SetZero() // keep nothing alive
			pool.Put(p)
		}()
		rv = pv
	}
	e := encoderPool.Get().(*encoder)
	defer encoderPool.Put(e)
	e.depth = 0
	b, err := encoderFor(rv.Type())(e, e.buf[:0], rv)
	if err != nil {
		return nil, err
	}
	if cap(b) <= 64<<10 {
		e.buf = b // reuse the buffer, unless it grew for an unusually large body
	}
	return bytes.Clone(b), nil
}

var scratch sync.Map // reflect.Type -> *sync.Pool of pointers to values of the type

func scratchPool(t reflect.Type) *sync.Pool {
	if p, ok := scratch.Load(t); ok {
		return p.(*sync.Pool)
	}
	p, _ := scratch.LoadOrStore(t, &sync.Pool{New: func() any { return reflect.New(t).Interface() }})
	return p.(*sync.Pool)
}

type encoder struct {
	buf   []byte
	depth int
}

var encoderPool = sync.Pool{New: func() any { return new(encoder) }}

// maxDepth stops a cyclic value, as encoding/json does.
const maxDepth = 1000

type encodeFunc func(e *encoder, b []byte, v reflect.Value) ([]byte, error)

// optional is how the encoder finds an Opt of any type; it reads the
// state from the field and reaches the value through jsonValue.
type optional interface {
	jsonValue() any // a pointer to the value
}

// union is what every generated union type has: the variant that is set
// (a pointer), or the JSON of a variant this client does not know.
type union interface {
	Variant() any
	RawJSON() json.RawMessage
}

var (
	encoders        sync.Map // reflect.Type -> encodeFunc
	optionalType    = reflect.TypeFor[optional]()
	unionType       = reflect.TypeFor[union]()
	marshalerType   = reflect.TypeFor[json.Marshaler]()
	textMarshalType = reflect.TypeFor[encoding.TextMarshaler]()
	isZeroerType    = reflect.TypeFor[interface{ IsZero() bool }]()
)

func encoderFor(t reflect.Type) encodeFunc {
	if f, ok := encoders.Load(t); ok {
		return f.(encodeFunc)
	}
	// A recursive type finds this forwarder while its encoder is built.
	var (
		wg sync.WaitGroup
		f  encodeFunc
	)
	wg.Add(1)
	fi, loaded := encoders.LoadOrStore(t, encodeFunc(func(e *encoder, b []byte, v reflect.Value) ([]byte, error) {
		wg.Wait()
		return f(e, b, v)
	}))
	if loaded {
		return fi.(encodeFunc)
	}
	f = newEncoder(t)
	wg.Done()
	encoders.Store(t, f)
	return f
}

func newEncoder(t reflect.Type) encodeFunc {
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(optionalType):
		return optEncoder(t)
	case t.Kind() == reflect.Struct && t.Implements(unionType):
		return unionEncoder
	case t.Implements(marshalerType) || pt.Implements(marshalerType):
		return marshalerEncoder
	case t.Implements(textMarshalType) || pt.Implements(textMarshalType):
		return fallbackEncoder
	}
	switch t.Kind() {
	case reflect.String:
		return func(_ *encoder, b []byte, v reflect.Value) ([]byte, error) {
			return appendJSONString(b, v.String()), nil
		}
	case reflect.Bool:
		return func(_ *encoder, b []byte, v reflect.Value) ([]byte, error) {
			return strconv.AppendBool(b, v.Bool()), nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(_ *encoder, b []byte, v reflect.Value) ([]byte, error) {
			return strconv.AppendInt(b, v.Int(), 10), nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(_ *encoder, b []byte, v reflect.Value) ([]byte, error) {
			return strconv.AppendUint(b, v.Uint(), 10), nil
		}
	case reflect.Float32, reflect.Float64:
		bits := t.Bits()
		return func(_ *encoder, b []byte, v reflect.Value) ([]byte, error) {
			f := v.Float()
			out, ok := appendJSONFloat(b, f, bits)
			if !ok {
				return b, &json.UnsupportedValueError{Value: v, Str: strconv.FormatFloat(f, 'g', -1, bits)}
			}
			return out, nil
		}
	case reflect.Pointer:
		return pointerEncoder(t)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return fallbackEncoder // base64
		}
		return sliceEncoder(t)
	case reflect.Array:
		return sliceEncoder(t)
	case reflect.Struct:
		return structEncoder(t)
	}
	return fallbackEncoder // maps, interfaces and anything else
}

// fallbackEncoder appends what encoding/json writes for v.
func fallbackEncoder(_ *encoder, b []byte, v reflect.Value) ([]byte, error) {
	if v.CanAddr() {
		v = v.Addr() // so that methods on the pointer are found, as json.Marshal finds them on fields
	}
	out, err := json.Marshal(v.Interface())
	if err != nil {
		return b, err
	}
	return append(b, out...), nil
}

// marshalerEncoder calls a type's MarshalJSON and appends the result
// compacted, as encoding/json does. (The generated types' marshalers
// produce HTML-escaped output already, being built on encoding/json.)
func marshalerEncoder(_ *encoder, b []byte, v reflect.Value) ([]byte, error) {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return append(b, "null"...), nil
	}
	if v.CanAddr() && v.Kind() != reflect.Pointer {
		v = v.Addr()
	}
	m, ok := v.Interface().(json.Marshaler)
	if !ok {
		return fallbackEncoder(nil, b, v)
	}
	out, err := m.MarshalJSON()
	if err != nil {
		return b, &json.MarshalerError{Type: v.Type(), Err: err}
	}
	buf := bytes.NewBuffer(b)
	if err := json.Compact(buf, out); err != nil {
		return b, &json.MarshalerError{Type: v.Type(), Err: err}
	}
	return buf.Bytes(), nil
}

// unionEncoder writes a union as its MarshalJSON does, without the
// round trip through encoding/json that a MarshalJSON call costs.
func unionEncoder(e *encoder, b []byte, v reflect.Value) ([]byte, error) {
	if v.CanAddr() {
		v = v.Addr()
	}
	u := v.Interface().(union)
	if variant := u.Variant(); variant != nil {
		rv := reflect.ValueOf(variant)
		return encoderFor(rv.Type())(e, b, rv)
	}
	raw := u.RawJSON()
	if raw == nil {
		return b, &json.MarshalerError{Type: v.Type(), Err: errNoVariant}
	}
	buf := bytes.NewBuffer(b)
	if err := json.Compact(buf, raw); err != nil {
		return b, &json.MarshalerError{Type: v.Type(), Err: err}
	}
	return buf.Bytes(), nil
}

func optEncoder(t reflect.Type) encodeFunc {
	vt := t.Field(optValueField).Type
	elem := encoderFor(vt)
	if isScalar(vt) {
		// Scalars are read straight from the fields: reflect allows that for
		// unexported fields, and it spares two interface calls.
		return func(e *encoder, b []byte, v reflect.Value) ([]byte, error) {
			if optState(v.Field(optStateField).Uint()) != optValue {
				return append(b, "null"...), nil
			}
			return elem(e, b, v.Field(optValueField))
		}
	}
	return func(e *encoder, b []byte, v reflect.Value) ([]byte, error) {
		if optState(v.Field(optStateField).Uint()) != optValue {
			return append(b, "null"...), nil
		}
		return elem(e, b, reflect.ValueOf(v.Addr().Interface().(optional).jsonValue()).Elem())
	}
}

func pointerEncoder(t reflect.Type) encodeFunc {
	elem := encoderFor(t.Elem())
	return func(e *encoder, b []byte, v reflect.Value) ([]byte, error) {
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		if e.depth++; e.depth > maxDepth {
			return b, &json.UnsupportedValueError{Value: v, Str: fmt.Sprintf("encountered a cycle via %s", v.Type())}
		}
		b, err := elem(e, b, v.Elem())
		e.depth--
		return b, err
	}
}

func sliceEncoder(t reflect.Type) encodeFunc {
	elem := encoderFor(t.Elem())
	return func(e *encoder, b []byte, v reflect.Value) ([]byte, error) {
		if v.Kind() == reflect.Slice && v.IsNil() {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = elem(e, b, v.Index(i)); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	}
}

// field is how one struct field is written.
type field struct {
	index     int
	key       string // `"name":`
	omitEmpty bool
	isZero    func(v reflect.Value) bool // for omitzero; nil without it
	encode    encodeFunc
}

func structEncoder(t reflect.Type) encodeFunc {
	var fields []field
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if sf.Anonymous || strings.Contains(tag, ",string") {
			return fallbackEncoder // rules this encoder does not repeat
		}
		if !sf.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		key, _ := json.Marshal(name)
		f := field{index: i, key: string(key) + ":", encode: encoderFor(sf.Type)}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "omitempty":
				f.omitEmpty = true
			case "omitzero":
				f.isZero = zeroTest(sf.Type)
			}
		}
		fields = append(fields, f)
	}
	return func(e *encoder, b []byte, v reflect.Value) ([]byte, error) {
		b = append(b, '{')
		first := true
		for i := range fields {
			f := &fields[i]
			fv := v.Field(f.index)
			if f.omitEmpty && isEmpty(fv) || f.isZero != nil && f.isZero(fv) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, f.key...)
			var err error
			if b, err = f.encode(e, b, fv); err != nil {
				return b, err
			}
		}
		return append(b, '}'), nil
	}
}

// zeroTest says when a field tagged omitzero is left out, as encoding/json
// decides it: by the type's IsZero method when it has one.
func zeroTest(t reflect.Type) func(v reflect.Value) bool {
	switch {
	case reflect.PointerTo(t).Implements(optionalType):
		return func(v reflect.Value) bool { return optState(v.Field(optStateField).Uint()) == optUnset }
	case t.Kind() == reflect.Interface && t.Implements(isZeroerType):
		return func(v reflect.Value) bool {
			return v.IsNil() || v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() ||
				v.Interface().(interface{ IsZero() bool }).IsZero()
		}
	case t.Kind() == reflect.Pointer && t.Implements(isZeroerType):
		return func(v reflect.Value) bool { return v.IsNil() || v.Interface().(interface{ IsZero() bool }).IsZero() }
	case t.Implements(isZeroerType):
		return func(v reflect.Value) bool { return v.Interface().(interface{ IsZero() bool }).IsZero() }
	case reflect.PointerTo(t).Implements(isZeroerType):
		return func(v reflect.Value) bool { return v.Addr().Interface().(interface{ IsZero() bool }).IsZero() }
	}
	return reflect.Value.IsZero
}

// The positions of Opt's fields, which the encoder reads directly.
const (
	optValueField = 0
	optStateField = 1
)

// isScalar reports whether t is written by this encoder from its kind
// alone: a string, bool or number type without JSON or text methods.
func isScalar(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	if t.Implements(marshalerType) || pt.Implements(marshalerType) || t.Implements(textMarshalType) || pt.Implements(textMarshalType) {
		return false
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
