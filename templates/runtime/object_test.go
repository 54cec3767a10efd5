package whop

import (
	"encoding/json"
	"testing"
)

// oddNames has properties a struct tag cannot name: "", "a,b" and `q"x`.
type oddNames struct {
	Alpha string      `json:"alpha"`
	Zeta  Opt[int64]  `json:"zeta,omitzero"`
	Empty string      `json:"-"`
	AB    Opt[string] `json:"-"`
	QX    []int64     `json:"-"`
}

func (o oddNames) MarshalJSON() ([]byte, error) {
	type plain oddNames
	return marshalObject(plain(o), `"kind":"odd"`,
		rtProperty{name: "", value: o.Empty},
		rtProperty{name: "a,b", value: o.AB, omit: !o.AB.IsSet()},
		rtProperty{name: `q"x`, value: o.QX, omit: o.QX == nil})
}

func (o *oddNames) UnmarshalJSON(data []byte) error {
	type plain oddNames
	return unmarshalObject(data, (*plain)(o),
		rtProperty{name: "", value: &o.Empty},
		rtProperty{name: "a,b", value: &o.AB},
		rtProperty{name: `q"x`, value: &o.QX})
}

func TestObjectRoundTripsOddNames(t *testing.T) {
	for _, in := range []string{
		`{"kind":"odd","":"e","a,b":"x","alpha":"a","q\"x":[1,2],"zeta":3}`,
		`{"kind":"odd","":"","a,b":null,"alpha":"a"}`,
		`{"kind":"odd","":"e","alpha":""}`,
	} {
		var o oddNames
		if err := json.Unmarshal([]byte(in), &o); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		out, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != in {
			t.Errorf("round trip:\n in  %s\n out %s", in, out)
		}
	}
}

func TestObjectDecodeErrorNamesTheProperty(t *testing.T) {
	var o oddNames
	err := json.Unmarshal([]byte(`{"alpha":"a","a,b":42}`), &o)
	if err == nil || err.Error() != `decoding property "a,b": json: cannot unmarshal number into Go value of type string` {
		t.Errorf("err = %v", err)
	}
}

func TestMarshalObjectWithConstsOnly(t *testing.T) {
	type plain struct {
		A string `json:"a"`
	}
	for _, tc := range []struct {
		v      any
		consts string
		want   string
	}{
		{plain{A: "x"}, `"t":"c"`, `{"t":"c","a":"x"}`},
		{struct{}{}, `"t":"c"`, `{"t":"c"}`},
		{plain{A: "x"}, ``, `{"a":"x"}`},
	} {
		got, err := marshalObject(tc.v, tc.consts)
		if err != nil || string(got) != tc.want {
			t.Errorf("marshalObject(%v, %q) = %s, %v; want %s", tc.v, tc.consts, got, err, tc.want)
		}
	}
	if _, err := marshalObject([]int{1}, `"t":"c"`); err == nil {
		t.Error("a non-object must be an error")
	}
}
