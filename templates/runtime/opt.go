package whop

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// optState records which of the three states an Opt is in. The zero value
// means "not set" so that a zero Opt is omitted by `json:",omitzero"`.
type optState uint8

const (
	optUnset optState = iota
	optNull
	optValue
)

// Opt is an optional value with three states: not set (the zero value,
// omitted from requests via `json:",omitzero"`), explicitly null, or a value.
// Use Some and Null to build one; the zero value is "not set".
type Opt[T any] struct {
	value T
	state optState
}

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{value: v, state: optValue} }

// Null returns an Opt that is sent as JSON null.
func Null[T any]() Opt[T] { return Opt[T]{state: optNull} }

// Int returns an Opt holding v, for integer fields: Some(10) would be an
// Opt[int], which an Opt[int64] field does not take.
func Int(v int64) Opt[int64] { return Some(v) }

// Float returns an Opt holding v, for number fields.
func Float(v float64) Opt[float64] { return Some(v) }

// String returns an Opt holding v, for string fields.
func String(v string) Opt[string] { return Some(v) }

// Bool returns an Opt holding v, for boolean fields.
func Bool(v bool) Opt[bool] { return Some(v) }

// IsZero reports whether o is not set. encoding/json uses it for omitzero.
// Its receiver is a pointer so that encoding/json can call it on a field in
// place; with a value receiver it copies every optional field to the heap.
func (o *Opt[T]) IsZero() bool { return o.state == optUnset }

// The accessors below have pointer receivers, so they can be called on any
// variable, field or slice element, but not on a value that is not
// addressable: write v := Some(1); v.Get(), not Some(1).Get(). Value
// receivers would make the compiler add a pointer method for each of them
// for every Opt type in the package: with about 200 Opt types in the Whop
// client, they made compiling it 15% slower and its archive 15% larger.

// IsSet reports whether o holds a value or an explicit null.
func (o *Opt[T]) IsSet() bool { return o.state != optUnset }

// IsNull reports whether o is an explicit null.
func (o *Opt[T]) IsNull() bool { return o.state == optNull }

// Get returns the value and whether there is one; it is false for both
// unset and null.
func (o *Opt[T]) Get() (T, bool) { return o.value, o.state == optValue }

// Or returns the value, or fallback when there is none.
func (o *Opt[T]) Or(fallback T) T {
	if o.state == optValue {
		return o.value
	}
	return fallback
}

// Ptr returns a pointer to a copy of the value, or nil when there is none.
func (o *Opt[T]) Ptr() *T {
	if o.state != optValue {
		return nil
	}
	v := o.value
	return &v
}

// MarshalJSON encodes the value, or null when o is null or unset. Unset
// fields are normally skipped earlier by omitzero.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if o.state != optValue {
		return []byte("null"), nil
	}
	if reflect.TypeFor[T]().Kind() != reflect.Struct {
		if b, ok := appendScalarJSON(nil, o.value); ok {
			return b, nil
		}
	}
	return json.Marshal(o.value)
}

// presentValue marks o as holding a value and returns a pointer to it, so
// that a lenient decode can fill the value in place.
func (o *Opt[T]) presentValue() any {
	o.state = optValue
	return &o.value
}

// UnmarshalJSON sets o to null for a JSON null and to the decoded value
// otherwise. A field absent from the JSON leaves o untouched (unset).
func (o *Opt[T]) UnmarshalJSON(b []byte) error {
	// The conversion in a comparison does not allocate.
	if string(b) == "null" {
		*o = Opt[T]{state: optNull}
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*o = Opt[T]{value: v, state: optValue}
	return nil
}

// String formats o for humans: "<unset>", "null" or the value. Unlike the
// accessors it has a value receiver, so that fmt finds it on an Opt value.
func (o Opt[T]) String() string {
	switch o.state {
	case optNull:
		return "null"
	case optValue:
		return fmt.Sprint(o.value)
	default:
		return "<unset>"
	}
}

// Ptr returns a pointer to v. Required nullable fields are plain pointers,
// and Go has no literal syntax for a pointer to a constant.
func Ptr[T any](v T) *T { return &v }
