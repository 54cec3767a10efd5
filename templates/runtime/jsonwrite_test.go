package whop

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

// rtWriterAll exercises every writer method; its writeJSON is what the
// generator would emit for it.
type rtWriterAll struct {
	S    string           `json:"s"`
	I    int64            `json:"i"`
	F    float64          `json:"f"`
	B    bool             `json:"b"`
	T    time.Time        `json:"t"`
	A    any              `json:"a"`
	P    *rtColor         `json:"p"`
	L    []string         `json:"l"`
	LS   []rtColor        `json:"ls"`
	OS   Opt[string]      `json:"os,omitzero"`
	OI   Opt[int64]       `json:"oi,omitzero"`
	OF   Opt[float64]     `json:"of,omitzero"`
	OB   Opt[bool]        `json:"ob,omitzero"`
	OT   Opt[time.Time]   `json:"ot,omitzero"`
	OA   Opt[any]         `json:"oa,omitzero"`
	OE   Opt[rtParamEnum] `json:"oe,omitzero"`
	F32  float32          `json:"f32"`
	OF32 Opt[float32]     `json:"of32,omitzero"`
	Last string           `json:"last"`
}

func (p *rtWriterAll) writeJSON(w *rtJSONWriter) {
	w.open()
	w.str(`"s":`, p.S)
	w.int(`"i":`, p.I)
	w.float(`"f":`, p.F)
	w.bool(`"b":`, p.B)
	w.time(`"t":`, p.T)
	w.any(`"a":`, p.A)
	if p.P == nil {
		w.null(`"p":`)
	} else {
		w.key(`"p":`)
		p.P.writeJSON(w)
	}
	w.strs(`"l":`, p.L)
	w.key(`"ls":`)
	if p.LS == nil {
		w.nullValue()
	} else {
		w.openList()
		for i := range p.LS {
			w.elem()
			p.LS[i].writeJSON(w)
		}
		w.closeList()
	}
	w.optStr(`"os":`, p.OS.state, p.OS.value)
	w.optInt(`"oi":`, p.OI.state, p.OI.value)
	w.optFloat(`"of":`, p.OF.state, p.OF.value)
	w.optBool(`"ob":`, p.OB.state, p.OB.value)
	w.optTime(`"ot":`, p.OT.state, p.OT.value)
	w.optAny(`"oa":`, p.OA.state, p.OA.value)
	w.optStr(`"oe":`, p.OE.state, string(p.OE.value))
	w.float32(`"f32":`, p.F32)
	w.optFloat32(`"of32":`, p.OF32.state, p.OF32.value)
	w.str(`"last":`, p.Last)
	w.close()
}

func (c *rtColor) writeJSON(w *rtJSONWriter) {
	w.open()
	w.int(`"R":`, int64(c.R))
	w.int(`"G":`, int64(c.G))
	w.int(`"B":`, int64(c.B))
	w.close()
}

func rtWrite(v interface{ writeJSON(*rtJSONWriter) }) ([]byte, error) {
	w := rtNewJSONWriter()
	v.writeJSON(w)
	return w.finish()
}

func TestJSONWriterMatchesEncodingJSON(t *testing.T) {
	at := time.Date(2025, 6, 15, 12, 30, 45, 123456789, time.FixedZone("", -(3*3600+30*60)))
	for _, v := range []rtWriterAll{
		{},
		{S: "<a & \"b\">\u2028", I: math.MinInt64, F: 1e-7, B: true, T: at, A: map[string]any{"z": []any{1.5, nil, "x", map[string]any{}}, "a": true, "m": []any{}},
			P: &rtColor{1, 2, 3}, L: []string{"x", ""}, LS: []rtColor{{1, 2, 3}, {}},
			OS: Some(""), OI: Some[int64](0), OF: Some(-0.0), OB: Some(false), OT: Some(time.Time{}), OA: Some[any](json.RawMessage(`{"raw": [1, 2]}`)), OE: Some(rtParamEnum("e")), F32: 1e21, OF32: Some[float32](0.1), Last: "end"},
		{L: []string{}, LS: []rtColor{}, OS: Null[string](), OI: Null[int64](), OF: Null[float64](), OB: Null[bool](), OT: Null[time.Time](), OA: Null[any](), OE: Null[rtParamEnum](), A: []any{int64(7), 3, "s"}},
	} {
		want, err := json.Marshal(&v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := rtWrite(&v)
		if err != nil || string(got) != string(want) {
			t.Errorf("got  %s (%v)\nwant %s", got, err, want)
		}
	}
}

func TestJSONWriterConstants(t *testing.T) {
	w := rtNewJSONWriter()
	w.open()
	w.lit(`"typename":`, `"Card"`)
	w.str(`"id":`, "x")
	w.close()
	if out, err := w.finish(); err != nil || string(out) != `{"typename":"Card","id":"x"}` {
		t.Errorf("%s, %v", out, err)
	}
}

func TestJSONWriterErrors(t *testing.T) {
	cyclic := map[string]any{}
	cyclic["self"] = cyclic
	for _, c := range []struct {
		name string
		v    rtWriterAll
		want string
	}{
		{"NaN", rtWriterAll{F: math.NaN()}, "json: unsupported value: NaN"},
		{"infinite Opt", rtWriterAll{OF: Some(math.Inf(1))}, "json: unsupported value: +Inf"},
		{"year 10000", rtWriterAll{T: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, "Time.MarshalJSON"},
		{"a cycle", rtWriterAll{A: cyclic}, "encountered a cycle"},
		{"a channel", rtWriterAll{A: make(chan int)}, "unsupported type: chan int"},
	} {
		out, err := rtWrite(&c.v)
		if err == nil || out != nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %s, %v; want an error with %q", c.name, out, err, c.want)
		}
		if _, jerr := json.Marshal(&c.v); jerr == nil {
			t.Errorf("%s: encoding/json accepts it", c.name)
		}
	}
	// The first error wins and a failed writer does not poison the next.
	w := rtNewJSONWriter()
	w.floatValue(math.NaN(), 64)
	w.timeValue(time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC))
	if _, err := w.finish(); err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Errorf("err = %v", err)
	}
	if out, err := rtWrite(&rtColor{1, 2, 3}); err != nil || string(out) != `{"R":1,"G":2,"B":3}` {
		t.Errorf("after a failure: %s, %v", out, err)
	}
}

func TestJSONWriterRawIsCompacted(t *testing.T) {
	w := rtNewJSONWriter()
	w.raw([]byte(" {\"a\" : [1, 2],\n \"b\":\"<\"} "))
	if out, err := w.finish(); err != nil || string(out) != `{"a":[1,2],"b":"\u003c"}` {
		t.Errorf("%s, %v", out, err)
	}
	w = rtNewJSONWriter()
	w.raw([]byte(`{"a":`))
	if _, err := w.finish(); err == nil {
		t.Error("truncated raw JSON: want an error")
	}
}

func TestJSONWriterOutputIsItsOwn(t *testing.T) {
	a, _ := rtWrite(&rtColor{1, 2, 3})
	b, _ := rtWrite(&rtColor{4, 5, 6})
	if string(a) != `{"R":1,"G":2,"B":3}` || string(b) != `{"R":4,"G":5,"B":6}` {
		t.Errorf("outputs share a buffer: %s %s", a, b)
	}
}

// FuzzAppendTime compares times with time.Time.MarshalJSON, including
// the years and zone offsets it refuses.
func FuzzAppendTime(f *testing.F) {
	f.Add(int64(0), int64(0), 0)
	f.Add(int64(1750000000), int64(123456789), -12600)
	f.Add(int64(253402300800), int64(0), 0)     // year 10000
	f.Add(int64(-62135596801), int64(0), 0)     // year 0 minus a second
	f.Add(int64(1750000000), int64(1), 24*3600) // a 24-hour offset
	f.Fuzz(func(t *testing.T, sec, nsec int64, offset int) {
		tm := time.Unix(sec, nsec).In(time.FixedZone("", offset%(200*3600)))
		want, err := tm.MarshalJSON()
		got, ok := rtAppendTime([]byte("x"), tm)
		if err != nil {
			if ok || string(got) != "x" {
				t.Errorf("%v: wrote %s; MarshalJSON refuses it: %v", tm, got, err)
			}
			return
		}
		if !ok || string(got) != "x"+string(want) {
			t.Errorf("%v: got %s, want x%s", tm, got, want)
		}
	})
}

// FuzzJSONWriterAny compares free-form values, as decoded from any JSON,
// with encoding/json.
func FuzzJSONWriterAny(f *testing.F) {
	for _, s := range []string{`{"b":1,"a":[true,null,"x<y"],"c":{"d":1e300}}`, `[]`, `"\u2028"`, `-0.0`, `{"":{"":[[]]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		if json.Unmarshal(data, &v) != nil {
			return
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err) // values decoded from JSON always encode
		}
		w := rtNewJSONWriter()
		w.anyValue(v)
		got, err := w.finish()
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: got %s (%v), want %s", data, got, err, want)
		}
	})
}

// FuzzAppendJSONFloat32 compares float32 fields, which round at 32 bits,
// with encoding/json.
func FuzzAppendJSONFloat32(f *testing.F) {
	for _, x := range []float32{0, 0.1, 1e-7, 1e21, -3.4e38, 16777217} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float32) {
		want, err := json.Marshal(x)
		w := rtNewJSONWriter()
		w.floatValue(float64(x), 32)
		got, werr := w.finish()
		if (err != nil) != (werr != nil) || err == nil && string(got) != string(want) {
			t.Errorf("%v: got %s (%v), want %s (%v)", x, got, werr, want, err)
		}
	})
}

// TestBodyJSONNilPointer: a required body that may be null is sent even
// when nil; a nil pointer to a type with a generated writer is null, not
// a call of the writer on nil.
func TestBodyJSONNilPointer(t *testing.T) {
	for _, body := range []any{(*rtWriterAll)(nil), []rtWriterAll(nil), map[string]rtWriterAll(nil)} {
		got, err := rtBodyJSON(body)
		if err != nil || string(got) != "null" {
			t.Errorf("rtBodyJSON(%T(nil)) = %s, %v; want null", body, got, err)
		}
	}
}
