package whop

import (
	"encoding/json"
	"math"
	"testing"
	"time"
)

type rtScalarEnum string

type rtScalarText string

func (t rtScalarText) MarshalText() ([]byte, error) { return []byte("text:" + t), nil }

// TestAppendScalarJSONMatchesEncodingJSON checks the fast path byte for
// byte against encoding/json, and that it declines what it must not
// encode itself.
func TestAppendScalarJSONMatchesEncodingJSON(t *testing.T) {
	values := []any{
		"", "plain", `quote " backslash \ slash /`, "<b>&amp;</b>", "tab\t nl\n cr\r bs\b ff\f nul\x00 us\x1f del\x7f",
		"Ünïcödé € 😀", "line\u2028sep\u2029", "bad \xff utf8 \xc3", rtScalarEnum("visible"),
		true, false, int64(-42), int64(math.MaxInt64), 7, int32(-3), uint8(200), uint64(math.MaxUint64),
		0.0, math.Copysign(0, -1), 1.5, 19.99, -1234.5678, 1e-6, 1e-7, 123456789e-15, 1e20, 1e21, 1.2345e300, math.SmallestNonzeroFloat64,
		float32(0.1), float32(1e-7), float32(3.4e38), float32(1e21),
	}
	for _, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := appendScalarJSON(nil, v)
		if !ok || string(got) != string(want) {
			t.Errorf("%T %#v: got %s (%v), want %s", v, v, got, ok, want)
		}
	}
	for _, v := range []any{rtScalarText("x"), time.Unix(0, 0), math.NaN(), math.Inf(1), []string{"a"}, map[string]any{}} {
		if got, ok := appendScalarJSON(nil, v); ok {
			t.Errorf("%T %v: encoded as %s; it should be left to encoding/json", v, v, got)
		}
	}
}

// FuzzAppendJSONString compares string quoting with encoding/json.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "a<b>&c", "\x00\x1f\u2028", "\xff\xfe", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}

// FuzzAppendJSONFloat compares float formatting with encoding/json.
func FuzzAppendJSONFloat(f *testing.F) {
	for _, x := range []float64{0, 1e-7, 1e21, -3.25, 123456.789} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		want, err := json.Marshal(x)
		got, ok := appendJSONFloat(nil, x, 64)
		if err != nil {
			if ok {
				t.Errorf("%v: encoded as %s; encoding/json refuses it", x, got)
			}
			return
		}
		if !ok || string(got) != string(want) {
			t.Errorf("%v: got %s, want %s", x, got, want)
		}
	})
}
