package whop

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"
)

type rtEncEnum string

type rtEncText struct{ v string }

func (t rtEncText) MarshalText() ([]byte, error) { return []byte("<" + t.v + ">"), nil }

type rtEncPtrText struct{ v string }

func (t *rtEncPtrText) MarshalText() ([]byte, error) { return []byte("p:" + t.v), nil }

type rtEncSpaced struct{}

func (rtEncSpaced) MarshalJSON() ([]byte, error) { return []byte(`{ "a" : [ 1, 2 ] }`), nil }

type rtEncEmbedded struct{ Inner string }

type rtEncWithEmbedded struct {
	rtEncEmbedded
	Outer string `json:"outer"`
}

type rtEncNode struct {
	Name     string          `json:"name"`
	Children []*rtEncNode    `json:"children,omitempty"`
	Next     Opt[*rtEncNode] `json:"next,omitzero"`
}

type rtEncInner struct {
	City  Opt[string]    `json:"city,omitzero"`
	Zip   string         `json:"zip"`
	Level Opt[rtEncEnum] `json:"level,omitzero"`
}

type rtEncAll struct {
	S      string              `json:"s"`
	SE     string              `json:"se,omitempty"`
	B      bool                `json:"b"`
	I      int64               `json:"i"`
	I8     int8                `json:"i8,omitempty"`
	U      uint32              `json:"u"`
	F      float64             `json:"f"`
	F32    float32             `json:"f32"`
	E      rtEncEnum           `json:"e"`
	P      *string             `json:"p"`
	PE     *int64              `json:"pe,omitempty"`
	T      time.Time           `json:"t"`
	TZ     time.Time           `json:"tz,omitzero"`
	TP     *time.Time          `json:"tp,omitempty"`
	Bytes  []byte              `json:"bytes"`
	List   []string            `json:"list"`
	Nil    []int               `json:"nil"`
	Arr    [2]bool             `json:"arr"`
	Map    map[string]any      `json:"map"`
	Any    any                 `json:"any"`
	Raw    json.RawMessage     `json:"raw,omitempty"`
	Text   rtEncText           `json:"text"`
	PText  rtEncPtrText        `json:"ptext"`
	Spaced rtEncSpaced         `json:"spaced"`
	Inner  rtEncInner          `json:"inner"`
	Inners []rtEncInner        `json:"inners,omitempty"`
	OS     Opt[string]         `json:"os,omitzero"`
	ON     Opt[string]         `json:"on,omitzero"`
	OU     Opt[string]         `json:"ou,omitzero"`
	OF     Opt[float64]        `json:"of,omitzero"`
	OI     Opt[rtEncInner]     `json:"oi,omitzero"`
	OL     Opt[[]rtEncInner]   `json:"ol,omitzero"`
	OM     Opt[map[string]any] `json:"om,omitzero"`
	OT     Opt[time.Time]      `json:"ot,omitzero"`
	ONoTag Opt[int]
	Skip   string `json:"-"`
	Dash   string `json:"-,"`
	hidden string
	Num    int `json:"num,string"`
}

type rtEncStringTag struct {
	N int `json:"n,string"`
}

func rtEncSample() rtEncAll {
	s := "pointed <&>"
	at := time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)
	return rtEncAll{
		S: "Ünïcödé \"q\" <b>&amp;</b>\n\u2028 \xff", B: true, I: -42, U: 7, F: 1e-7, F32: 0.1, E: "visible",
		P: &s, T: at, TP: &at, Bytes: []byte("hello"), List: []string{"a", "<b>"}, Arr: [2]bool{true, false},
		Map: map[string]any{"z": 1, "a": []any{"x", nil, 2.5}, "<k>": map[string]any{}}, Any: 3,
		Raw: json.RawMessage(`{"kept": true}`), Text: rtEncText{"t&"}, PText: rtEncPtrText{"x"},
		Inner:  rtEncInner{City: Some("Berlin"), Zip: "10115", Level: Some[rtEncEnum]("gold")},
		Inners: []rtEncInner{{Zip: "1"}, {City: Null[string](), Zip: "2"}},
		OS:     Some("set"), ON: Null[string](), OF: Some(19.99),
		OI: Some(rtEncInner{Zip: "z"}), OL: Some([]rtEncInner{{Zip: "l"}}), OM: Some(map[string]any{"k": "v"}),
		OT: Some(at), ONoTag: Some(0), Skip: "no", Dash: "dash", hidden: "h", Num: 5,
	}
}

// addressableJSON is json.Marshal of a pointer to a copy of v, which is
// what encodeJSON matches: methods on pointers count, as they do for
// every field of a value encoding/json reaches through a pointer.
func addressableJSON(v any) ([]byte, error) {
	if v == nil {
		return json.Marshal(v)
	}
	p := reflect.New(reflect.TypeOf(v))
	p.Elem().Set(reflect.ValueOf(v))
	return json.Marshal(p.Interface())
}

// TestEncodeJSONMatchesEncodingJSON checks encodeJSON against encoding/json
// byte for byte.
func TestEncodeJSONMatchesEncodingJSON(t *testing.T) {
	three := 3
	tree := &rtEncNode{Name: "root", Children: []*rtEncNode{{Name: "a"}, {Name: "b", Next: Some(&rtEncNode{Name: "c"})}}, Next: Null[*rtEncNode]()}
	values := []any{
		rtEncSample(), rtEncAll{}, tree, rtEncWithEmbedded{rtEncEmbedded{"in"}, "out"}, rtEncStringTag{N: 4},
		"plain", 3.5, true, nil, []any{1, "x"}, map[string]int{"b": 2, "a": 1}, &three, []rtEncInner(nil),
		Some("opt"), Null[int](), Opt[int]{}, Some(rtEncInner{Zip: "1"}),
	}
	for _, v := range values {
		want, err := addressableJSON(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeJSON(v)
		if err != nil {
			t.Fatalf("%T: %v", v, err)
		}
		if string(got) != string(want) {
			t.Errorf("%T:\ngot  %s\nwant %s", v, got, want)
		}
	}
}

func TestEncodeJSONErrors(t *testing.T) {
	for _, v := range []any{
		rtEncAll{F: math.NaN()},
		rtEncInner{City: Some("x")}, // fine; the next ones are not
		struct {
			O Opt[float64] `json:"o"`
		}{Some(math.Inf(1))},
		struct{ C chan int }{make(chan int)},
	} {
		_, want := addressableJSON(v)
		_, got := encodeJSON(v)
		if (want == nil) != (got == nil) {
			t.Errorf("%T: encoding/json says %v, encodeJSON says %v", v, want, got)
		}
	}
	cycle := &rtEncNode{Name: "loop"}
	cycle.Children = []*rtEncNode{cycle}
	if _, err := encodeJSON(cycle); err == nil {
		t.Error("a cyclic value encoded without error")
	}
}

// FuzzEncodeJSON compares encodeJSON with encoding/json on values built
// from the fuzzer's strings and numbers.
func FuzzEncodeJSON(f *testing.F) {
	f.Add("a<b>", "\u2028\xff", int64(-1), 1.5, uint8(0))
	f.Fuzz(func(t *testing.T, s1, s2 string, n int64, x float64, mask uint8) {
		v := rtEncAll{S: s1, SE: s2, I: n, F: x, E: rtEncEnum(s2), List: []string{s1, s2}, Map: map[string]any{s1: s2}}
		if mask&1 != 0 {
			v.OS = Some(s1)
		}
		if mask&2 != 0 {
			v.ON = Null[string]()
		}
		if mask&4 != 0 {
			v.OI = Some(rtEncInner{City: Some(s2), Zip: s1})
		}
		if mask&8 != 0 {
			v.OF = Some(x)
		}
		want, werr := addressableJSON(v)
		got, gerr := encodeJSON(v)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("encoding/json says %v, encodeJSON says %v", werr, gerr)
		}
		if string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}

// TestEncodeJSONConcurrent builds the encoders of a recursive type from
// several goroutines at once (run with -race).
func TestEncodeJSONConcurrent(t *testing.T) {
	type node struct {
		Name string        `json:"name"`
		Kids []node        `json:"kids,omitempty"`
		Opt  Opt[*node]    `json:"opt,omitzero"`
		Any  Opt[rtEncAll] `json:"any,omitzero"`
	}
	v := node{Name: "a", Kids: []node{{Name: "b", Opt: Some(&node{Name: "c"})}}, Any: Some(rtEncSample())}
	want, err := addressableJSON(v)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string)
	for range 8 {
		go func() {
			got, err := encodeJSON(v)
			if err != nil {
				done <- err.Error()
				return
			}
			done <- string(got)
		}()
	}
	for range 8 {
		if got := <-done; got != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

// rtEncUnion is shaped like a generated union.
type rtEncUnion struct {
	Inner *rtEncInner
	Text  *string
	raw   json.RawMessage
}

func (u rtEncUnion) Variant() any {
	switch {
	case u.Inner != nil:
		return u.Inner
	case u.Text != nil:
		return u.Text
	}
	return nil
}

func (u rtEncUnion) RawJSON() json.RawMessage { return u.raw }

func (u rtEncUnion) MarshalJSON() ([]byte, error) { return unionJSON(u.raw, u.Inner, u.Text) }

func TestEncodeJSONUnions(t *testing.T) {
	text := "<t>"
	type holder struct {
		U  rtEncUnion      `json:"u"`
		OU Opt[rtEncUnion] `json:"ou,omitzero"`
		PU *rtEncUnion     `json:"pu"`
	}
	for _, v := range []any{
		rtEncUnion{Inner: &rtEncInner{City: Some("c"), Zip: "z"}},
		rtEncUnion{Text: &text},
		rtEncUnion{raw: json.RawMessage(`{ "future" : [1, 2] }`)},
		holder{U: rtEncUnion{Text: &text}, OU: Some(rtEncUnion{Inner: &rtEncInner{}}), PU: &rtEncUnion{Text: &text}},
	} {
		want, err := addressableJSON(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := encodeJSON(v)
		if err != nil || string(got) != string(want) {
			t.Errorf("%T: got %s (%v), want %s", v, got, err, want)
		}
	}
	_, want := json.Marshal(rtEncUnion{})
	_, got := encodeJSON(rtEncUnion{})
	if want == nil || got == nil {
		t.Errorf("a union with no variant: encoding/json says %v, encodeJSON says %v", want, got)
	}
}

// The shape of a PATCH /users/{id} body, as generated and as plain Go.
type rtBenchPicture struct {
	ID string `json:"id"`
}

type rtBenchUserUpdate struct {
	Bio            Opt[string]         `json:"bio,omitzero"`
	CompanyID      Opt[string]         `json:"company_id,omitzero"`
	Name           Opt[string]         `json:"name,omitzero"`
	ProfilePicture Opt[rtBenchPicture] `json:"profile_picture,omitzero"`
	Username       Opt[string]         `json:"username,omitzero"`
}

type rtBenchPlainUserUpdate struct {
	Bio            *string         `json:"bio"`
	CompanyID      *string         `json:"company_id,omitempty"`
	Name           *string         `json:"name,omitempty"`
	ProfilePicture *rtBenchPicture `json:"profile_picture,omitempty"`
	Username       *string         `json:"username,omitempty"`
}

// BenchmarkEncodeBody encodes a flat params struct the way the transport
// does (the value arrives boxed in an interface), against encoding/json
// on the plain struct. tests/bench compares the generated types.
func BenchmarkEncodeBody(b *testing.B) {
	name := "Jane Doe"
	var body any = rtBenchUserUpdate{Bio: Null[string](), Name: Some(name), ProfilePicture: Some(rtBenchPicture{ID: "file_xxxxxxxxxxxxx"})}
	plain := &rtBenchPlainUserUpdate{Name: &name, ProfilePicture: &rtBenchPicture{ID: "file_xxxxxxxxxxxxx"}}
	want, _ := json.Marshal(plain)
	if got, _ := encodeJSON(body); string(got) != string(want) {
		b.Fatalf("got %s, want %s", got, want)
	}
	b.Run("impl=plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(plain); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=whop", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := encodeJSON(body); err != nil {
				b.Fatal(err)
			}
		}
	})
}
