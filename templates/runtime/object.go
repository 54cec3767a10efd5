package whop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// This file encodes and decodes the objects a struct tag cannot describe
// whole: properties the spec fixes (written by the encoder, not held in a
// field) and properties whose names a struct tag cannot hold ("", "a,b",
// names with quotes or backslashes), carried in fields tagged json:"-".

// rtProperty is one property written or read beside a struct's own
// fields.
type rtProperty struct {
	name  string
	value any  // encoding: the value; decoding: a pointer to the field
	omit  bool // encoding: leave the property out (an unset optional)
}

// marshalObject encodes v, a struct without methods, and adds the
// properties the spec fixes (consts, a JSON fragment such as
// `"type":"card"`, written first) and props, each in the place byte order
// gives its name among v's properties.
func marshalObject(v any, consts string, props ...rtProperty) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(b) < 2 || b[0] != '{' {
		return nil, fmt.Errorf("encoding %T: want a JSON object", v)
	}
	if len(props) == 0 {
		return withConsts(b, consts), nil
	}
	members, err := rtEncodedMembers(b)
	if err != nil {
		return nil, err
	}
	for _, p := range props {
		if p.omit {
			continue
		}
		raw, err := json.Marshal(p.value)
		if err != nil {
			return nil, fmt.Errorf("encoding property %q: %w", p.name, err)
		}
		i, _ := slices.BinarySearchFunc(members, p.name, func(m rtEncodedMember, name string) int { return strings.Compare(m.name, name) })
		members = slices.Insert(members, i, rtEncodedMember{name: p.name, raw: raw})
	}
	var out bytes.Buffer
	out.WriteByte('{')
	out.WriteString(consts)
	for i, m := range members {
		if i > 0 || consts != "" {
			out.WriteByte(',')
		}
		name, _ := json.Marshal(m.name)
		out.Write(name)
		out.WriteByte(':')
		out.Write(m.raw)
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// withConsts puts the consts fragment first in the object b.
func withConsts(b []byte, consts string) []byte {
	if consts == "" {
		return b
	}
	out := make([]byte, 0, len(b)+len(consts)+1)
	out = append(out, '{')
	out = append(out, consts...)
	if len(b) > 2 {
		out = append(out, ',')
	}
	return append(out, b[1:]...)
}

// rtEncodedMember is one property of an encoded object.
type rtEncodedMember struct {
	name string
	raw  json.RawMessage
}

// rtEncodedMembers lists the properties of the object b in order.
func rtEncodedMembers(b []byte) ([]rtEncodedMember, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return nil, err
	}
	var out []rtEncodedMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		out = append(out, rtEncodedMember{name: tok.(string), raw: raw})
	}
	return out, nil
}

// unmarshalObject decodes data into v (a pointer to a struct without
// methods), then each of props from the property of its name.
func unmarshalObject(data []byte, v any, props ...rtProperty) error {
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return err
	}
	for _, p := range props {
		if raw, ok := obj[p.name]; ok {
			if err := json.Unmarshal(raw, p.value); err != nil {
				return fmt.Errorf("decoding property %q: %w", p.name, err)
			}
		}
	}
	return nil
}

// rtIsZero reports whether v is its type's zero value, as omitzero asks
// of a required read-only object a request leaves out.
func rtIsZero(v any) bool {
	if z, ok := v.(interface{ IsZero() bool }); ok {
		return z.IsZero()
	}
	rv := reflect.ValueOf(v)
	return !rv.IsValid() || rv.IsZero()
}
