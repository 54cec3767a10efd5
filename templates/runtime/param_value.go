package whop

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"time"
)

// rtValueKind says which column of OpenAPI's style tables a value falls in.
type rtValueKind uint8

const (
	rtUndefined rtValueKind = iota // nil or null: the parameter is not sent
	rtPrimitive
	rtList
	rtObject
)

// rtValue is a parameter or form field reduced to what the serialization
// styles can write: a primitive's text, or the members of a list or object
// in order (struct fields as declared, map keys sorted, as encoding/json
// writes them). Null members are left out, as RFC 6570 leaves out
// undefined ones.
type rtValue struct {
	kind  rtValueKind
	text  string    // a primitive: a string as it is, numbers and booleans in their JSON spelling
	json  []byte    // the value as JSON: how a list or object nested in another value is written; nil for primitives not read from JSON
	items []rtValue // the list's members, or the object's member values
	keys  []string  // the object's member names, parallel to items
}

// empty reports whether v is written as OpenAPI's "undefined" column: an
// empty string, list or object.
func (v rtValue) empty() bool {
	if v.kind == rtPrimitive {
		return v.text == ""
	}
	return len(v.items) == 0
}

// nestedText is how a member of a list or object is written by the styles
// that only go one level deep: a primitive as its text, anything deeper
// as its JSON.
func (v rtValue) nestedText() string {
	if v.kind == rtPrimitive {
		return v.text
	}
	return string(v.json)
}

func rtPrimitiveValue(s string) rtValue { return rtValue{kind: rtPrimitive, text: s} }

var errRtNotFinite = errors.New("NaN and infinite numbers cannot be sent")

// rtValueOf reduces a Go value: strings, booleans, numbers, time.Time (RFC
// 3339) and named types of them are primitives; slices and arrays are
// lists; anything else (structs, maps, unions, types with their own JSON)
// is read from its JSON encoding. nil, nil pointers, nil slices and nil
// maps are undefined.
func rtValueOf(v any) (rtValue, error) {
	switch x := v.(type) {
	case nil:
		return rtValue{}, nil
	case string:
		return rtPrimitiveValue(x), nil
	case bool:
		return rtPrimitiveValue(strconv.FormatBool(x)), nil
	case int64:
		return rtPrimitiveValue(strconv.FormatInt(x, 10)), nil
	case int:
		return rtPrimitiveValue(strconv.Itoa(x)), nil
	case float64:
		return rtFloatValue(x, 64)
	case time.Time:
		return rtPrimitiveValue(x.Format(time.RFC3339Nano)), nil
	case []string:
		return rtStringsValue(x), nil
	}
	return rtReflectValue(reflect.ValueOf(v))
}

func rtStringsValue(list []string) rtValue {
	if list == nil {
		return rtValue{}
	}
	out := rtValue{kind: rtList, items: make([]rtValue, len(list))}
	for i, s := range list {
		out.items[i] = rtPrimitiveValue(s)
	}
	return out
}

func rtFloatValue(f float64, bits int) (rtValue, error) {
	b, ok := appendJSONFloat(nil, f, bits)
	if !ok {
		return rtValue{}, errRtNotFinite
	}
	return rtPrimitiveValue(string(b)), nil
}

var (
	rtMarshalerType     = reflect.TypeFor[json.Marshaler]()
	rtTextMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

func rtReflectValue(rv reflect.Value) (rtValue, error) {
	if !rv.IsValid() {
		return rtValue{}, nil
	}
	t := rv.Type()
	if t.Implements(rtMarshalerType) || t.Implements(rtTextMarshalerType) {
		if rv.Kind() == reflect.Pointer && rv.IsNil() {
			return rtValue{}, nil
		}
		return rtJSONValueOf(rv.Interface())
	}
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return rtValue{}, nil
		}
		return rtReflectValue(rv.Elem())
	case reflect.String:
		return rtPrimitiveValue(rv.String()), nil
	case reflect.Bool:
		return rtPrimitiveValue(strconv.FormatBool(rv.Bool())), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rtPrimitiveValue(strconv.FormatInt(rv.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rtPrimitiveValue(strconv.FormatUint(rv.Uint(), 10)), nil
	case reflect.Float32, reflect.Float64:
		return rtFloatValue(rv.Float(), t.Bits())
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return rtValue{}, nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return rtJSONValueOf(rv.Interface()) // bytes travel as base64 text
		}
		return rtReflectList(rv)
	case reflect.Map, reflect.Struct:
		if rv.Kind() == reflect.Map && rv.IsNil() {
			return rtValue{}, nil
		}
		return rtJSONValueOf(rv.Interface())
	}
	return rtValue{}, fmt.Errorf("cannot send a %s as a parameter", t)
}

func rtReflectList(rv reflect.Value) (rtValue, error) {
	out := rtValue{kind: rtList, items: make([]rtValue, 0, rv.Len())}
	for i := range rv.Len() {
		item, err := rtReflectValue(rv.Index(i))
		if err != nil {
			return rtValue{}, err
		}
		if item.kind == rtList && item.json == nil {
			// A list nested in a list is written as JSON.
			if item.json, err = json.Marshal(rv.Index(i).Interface()); err != nil {
				return rtValue{}, err
			}
		}
		if item.kind != rtUndefined {
			out.items = append(out.items, item)
		}
	}
	return out, nil
}

// rtJSONValueOf reduces v through its JSON encoding.
func rtJSONValueOf(v any) (rtValue, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return rtValue{}, err
	}
	return rtValueFromJSON(data)
}

// rtValueFromJSON reduces a JSON document, keeping object members in the
// order they appear.
func rtValueFromJSON(data []byte) (rtValue, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return rtValue{}, errors.New("empty JSON value")
	}
	switch data[0] {
	case 'n':
		return rtValue{}, nil
	case '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return rtValue{}, err
		}
		return rtValue{kind: rtPrimitive, text: s, json: data}, nil
	case '{', '[':
		return rtCompoundFromJSON(data)
	}
	if !json.Valid(data) {
		return rtValue{}, fmt.Errorf("invalid JSON value %.40q", data)
	}
	return rtValue{kind: rtPrimitive, text: string(data), json: data}, nil // a number, true or false
}

func rtCompoundFromJSON(data []byte) (rtValue, error) {
	out := rtValue{kind: rtList, json: data}
	if data[0] == '{' {
		out.kind = rtObject
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the opening bracket
		return rtValue{}, err
	}
	for dec.More() {
		var key string
		if out.kind == rtObject {
			tok, err := dec.Token()
			if err != nil {
				return rtValue{}, err
			}
			key, _ = tok.(string)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return rtValue{}, err
		}
		item, err := rtValueFromJSON(raw)
		if err != nil {
			return rtValue{}, err
		}
		if item.kind == rtUndefined {
			continue
		}
		out.items = append(out.items, item)
		if out.kind == rtObject {
			out.keys = append(out.keys, key)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		return rtValue{}, err
	}
	return out, nil
}
