package whop

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// This file decodes a 2xx body that encoding/json rejected, field by
// field, so that a server newer than the spec (a string where the spec
// said number) costs the caller one field, not the whole response. It runs
// only after json.Unmarshal has failed: the usual path never pays for it.

// rtResult returns what a generated method returns for out and the error of
// the call that filled it: out with no error or with a partial
// *DecodeError (the value decoded as far as it fits), and nil with any
// other error.
func rtResult[T any](out *T, err error) (*T, error) {
	if err == nil || rtIsPartial(err) {
		return out, err
	}
	return nil, err
}

// rtIsPartial reports whether err is a partial *DecodeError.
func rtIsPartial(err error) bool {
	var de *DecodeError
	return errors.As(err, &de) && de.Partial()
}

// rtRawJSONSetter is implemented by response types that keep the body they
// were decoded from. The transport hands them the whole body after a
// successful or partial decode.
type rtRawJSONSetter interface {
	setRawJSON(raw json.RawMessage)
}

// rtPresenter is implemented by *Opt: it marks the Opt as holding a value
// and returns a pointer to it, so the lenient decoder can fill it in place.
type rtPresenter interface {
	presentValue() any
}

// rtVariantHolder is implemented by generated unions: Variant returns the
// variant their UnmarshalJSON chose (a pointer), or nil.
type rtVariantHolder interface {
	Variant() any
}

var (
	rtUnmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	rtTextUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// rtDecodeLenient decodes data into out (a non-nil pointer) field by field,
// after json.Unmarshal failed with err, and returns the fields that did not
// fit. It reports false when there is nothing partial to return: data is
// not valid JSON, or its top level does not fit out at all (an array for a
// struct), or no single field can be blamed.
func rtDecodeLenient(data []byte, out any, err error) ([]FieldError, bool) {
	rv := reflect.ValueOf(out)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || !json.Valid(data) {
		return nil, false
	}
	dst := rv.Elem()
	dst.SetZero() // forget what the failed strict decode left behind
	var d rtLenient
	d.descend(data, dst, "", err)
	if len(d.fields) == 0 || d.failedAt(0, "") {
		return nil, false
	}
	return d.fields, true
}

// rtLenient collects the fields that did not fit.
type rtLenient struct {
	fields []FieldError
}

// fit decodes data into v, descending into its parts if v as a whole does
// not fit. v is addressable.
func (d *rtLenient) fit(data []byte, v reflect.Value, path string) {
	if err := json.Unmarshal(data, v.Addr().Interface()); err != nil {
		d.descend(data, v, path, err)
	}
}

// descend handles a value whose strict decode failed with err: it decodes
// the parts of data that fit and records the rest.
func (d *rtLenient) descend(data []byte, v reflect.Value, path string, err error) {
	ptr := v.Addr().Interface()
	if p, ok := ptr.(rtPresenter); ok {
		d.descendOpt(data, v, p, path, err)
		return
	}
	if u, ok := ptr.(rtVariantHolder); ok {
		d.descendUnion(data, v, u, path, err)
		return
	}
	if t := v.Addr().Type(); t.Implements(rtUnmarshalerType) || t.Implements(rtTextUnmarshalerType) {
		d.record(path, data, err) // its own decoding; nothing to look into
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		d.descendPointer(data, v, path, err)
	case reflect.Struct:
		d.descendStruct(data, v, path, err)
	case reflect.Slice, reflect.Array:
		d.descendList(data, v, path, err)
	case reflect.Map:
		d.descendMap(data, v, path, err)
	default:
		d.record(path, data, err)
	}
}

// descendOpt fills the value of an Opt. An Opt whose value does not fit at
// all is left unset rather than holding a zero it was never sent.
func (d *rtLenient) descendOpt(data []byte, v reflect.Value, p rtPresenter, path string, err error) {
	n := len(d.fields)
	d.descend(data, reflect.ValueOf(p.presentValue()).Elem(), path, err)
	if d.failedAt(n, path) {
		v.SetZero()
	}
}

// descendUnion decodes into the variant the union's UnmarshalJSON chose.
func (d *rtLenient) descendUnion(data []byte, v reflect.Value, u rtVariantHolder, path string, err error) {
	variant := reflect.ValueOf(u.Variant())
	if !variant.IsValid() || variant.Kind() != reflect.Pointer || variant.IsNil() {
		d.record(path, data, err)
		return
	}
	n := len(d.fields)
	d.fit(data, variant.Elem(), path)
	if d.failedAt(n, path) {
		v.SetZero()
	}
}

// descendPointer allocates the pointee and fills it; a pointer whose
// pointee does not fit at all is left nil.
func (d *rtLenient) descendPointer(data []byte, v reflect.Value, path string, err error) {
	if v.IsNil() {
		v.Set(reflect.New(v.Type().Elem()))
	}
	n := len(d.fields)
	d.descend(data, v.Elem(), path, err)
	if d.failedAt(n, path) {
		v.SetZero()
	}
}

// descendStruct decodes each member of a JSON object into the field its
// name selects, as encoding/json would; members without a field are
// ignored.
func (d *rtLenient) descendStruct(data []byte, v reflect.Value, path string, err error) {
	members, ok := rtObjectMembers(data)
	if !ok {
		d.record(path, data, err)
		return
	}
	fields := rtFieldsOf(v.Type())
	for _, m := range members {
		index, ok := fields.lookup(m.key)
		if !ok {
			continue
		}
		d.fit(data[m.start:m.end], v.FieldByIndex(index), rtJoinPath(path, m.key))
	}
}

// descendList decodes each element of a JSON array on its own.
func (d *rtLenient) descendList(data []byte, v reflect.Value, path string, err error) {
	elems, ok := rtArrayElements(data)
	if !ok {
		d.record(path, data, err)
		return
	}
	if v.Kind() == reflect.Slice {
		v.Set(reflect.MakeSlice(v.Type(), len(elems), len(elems)))
	} else {
		v.SetZero()
	}
	for i, raw := range elems[:min(len(elems), v.Len())] {
		d.fit(raw, v.Index(i), path+"["+strconv.Itoa(i)+"]")
	}
}

// descendMap decodes each member of a JSON object into a map with string
// keys. Maps with other keys are reported whole.
func (d *rtLenient) descendMap(data []byte, v reflect.Value, path string, err error) {
	members, ok := rtObjectMembers(data)
	if !ok || v.Type().Key().Kind() != reflect.String {
		d.record(path, data, err)
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(members))
	for _, member := range members {
		elem := reflect.New(v.Type().Elem()).Elem()
		d.fit(data[member.start:member.end], elem, rtJoinPath(path, member.key))
		m.SetMapIndex(reflect.ValueOf(member.key).Convert(v.Type().Key()), elem)
	}
	v.Set(m)
}

func (d *rtLenient) record(path string, raw []byte, err error) {
	d.fields = append(d.fields, FieldError{Path: path, Raw: json.RawMessage(raw), Err: err})
}

// failedAt reports whether a field error at exactly path was recorded
// since the first n: the value at path did not fit at all.
func (d *rtLenient) failedAt(n int, path string) bool {
	for _, f := range d.fields[n:] {
		if f.Path == path {
			return true
		}
	}
	return false
}

// rtJoinPath appends an object key to a path: .key for plain names, and
// ["key"] for names that would be ambiguous.
func rtJoinPath(path, key string) string {
	plain := key != "" && strings.IndexFunc(key, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0
	switch {
	case !plain:
		return path + "[" + rtQuoteSafe(key) + "]"
	case path == "":
		return key
	default:
		return path + "." + key
	}
}

// rtMember is one member of a JSON object: its key and where its value is.
type rtMember struct {
	key        string
	start, end int
}

// rtObjectMembers splits a JSON object into its members, in order.
func rtObjectMembers(data []byte) ([]rtMember, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var members []rtMember
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey {
			return nil, false
		}
		start, end, ok := rtNextValue(dec)
		if !ok {
			return nil, false
		}
		members = append(members, rtMember{key, start, end})
	}
	return members, true
}

// rtArrayElements splits a JSON array into its elements, in order. The
// elements share data's memory.
func rtArrayElements(data []byte) ([][]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, false
	}
	var elems [][]byte
	for dec.More() {
		start, end, ok := rtNextValue(dec)
		if !ok {
			return nil, false
		}
		elems = append(elems, data[start:end])
	}
	return elems, true
}

// rtNextValue skips the decoder's next value and returns where it is in
// the input.
func rtNextValue(dec *json.Decoder) (start, end int, ok bool) {
	var skip json.RawMessage
	if err := dec.Decode(&skip); err != nil {
		return 0, 0, false
	}
	end = int(dec.InputOffset())
	return end - len(skip), end, true
}

// rtFields maps JSON member names to struct field indexes.
type rtFields struct {
	byName map[string][]int
	names  []string // for the case-insensitive fallback, in field order
}

// lookup finds the field for a member name: an exact match first, then
// one that differs only in case, as encoding/json does.
func (f *rtFields) lookup(key string) ([]int, bool) {
	if index, ok := f.byName[key]; ok {
		return index, true
	}
	for _, name := range f.names {
		if strings.EqualFold(name, key) {
			return f.byName[name], true
		}
	}
	return nil, false
}

var rtFieldCache sync.Map // reflect.Type -> *rtFields

// rtFieldsOf lists the fields encoding/json decodes into: exported fields
// by their json tag name or Go name, and the fields of embedded structs
// (not pointers) promoted unless a shallower field has the name.
func rtFieldsOf(t reflect.Type) *rtFields {
	if f, ok := rtFieldCache.Load(t); ok {
		return f.(*rtFields)
	}
	f := &rtFields{byName: map[string][]int{}}
	rtCollectFields(f, t, nil)
	cached, _ := rtFieldCache.LoadOrStore(t, f)
	return cached.(*rtFields)
}

func rtCollectFields(f *rtFields, t reflect.Type, prefix []int) {
	var embedded []reflect.StructField
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			embedded = append(embedded, sf)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if _, taken := f.byName[name]; !taken {
			f.byName[name] = append(append([]int(nil), prefix...), i)
			f.names = append(f.names, name)
		}
	}
	// Shallower fields win, so embedded structs come last.
	for _, sf := range embedded {
		rtCollectFields(f, sf.Type, append(append([]int(nil), prefix...), sf.Index...))
	}
}
