package whop

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

type rtOptAddress struct {
	City Opt[string] `json:"city,omitzero"`
}

type rtOptParams struct {
	Name    Opt[string]       `json:"name,omitzero"`
	Count   Opt[int]          `json:"count,omitzero"`
	Active  Opt[bool]         `json:"active,omitzero"`
	Note    Opt[string]       `json:"note,omitzero"`
	Address Opt[rtOptAddress] `json:"address,omitzero"`
	Tags    Opt[[]string]     `json:"tags,omitzero"`
	At      Opt[time.Time]    `json:"at,omitzero"`
}

func TestOptMarshalOmitsUnsetAndSendsNullAndZeros(t *testing.T) {
	p := rtOptParams{
		Name:   Some(""),
		Count:  Some(0),
		Active: Some(false),
		Note:   Null[string](),
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"name":"","count":0,"active":false,"note":null}`; string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	if b, _ := json.Marshal(rtOptParams{}); string(b) != `{}` {
		t.Errorf("unset fields sent: %s", b)
	}
}

func TestOptRoundTrip(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 123456789, time.UTC)
	in := rtOptParams{
		Name:    Some("Ann"),
		Note:    Null[string](),
		Address: Some(rtOptAddress{City: Some("Oslo")}),
		Tags:    Some([]string{"a", "b"}),
		At:      Some(at),
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out rtOptParams
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if v, ok := out.Name.Get(); !ok || v != "Ann" {
		t.Errorf("Name = %v", out.Name)
	}
	if !out.Note.IsNull() || !out.Note.IsSet() || out.Note.IsZero() {
		t.Errorf("Note = %v, want null", out.Note)
	}
	if out.Count.IsSet() || !out.Count.IsZero() {
		t.Errorf("Count = %v, want unset", out.Count)
	}
	if addr, _ := out.Address.Get(); addr.City.Or("") != "Oslo" {
		t.Errorf("Address = %v", out.Address)
	}
	if tags := out.Tags.Or(nil); len(tags) != 2 || tags[1] != "b" {
		t.Errorf("Tags = %v", out.Tags)
	}
	if got, _ := out.At.Get(); !got.Equal(at) || got.Nanosecond() != 123456789 {
		t.Errorf("At = %v, want %v", got, at)
	}
}

func TestOptUnmarshalReplacesPreviousValue(t *testing.T) {
	o := Some([]string{"old", "values"})
	if err := json.Unmarshal([]byte(`["new"]`), &o); err != nil {
		t.Fatal(err)
	}
	if v, _ := o.Get(); len(v) != 1 || v[0] != "new" {
		t.Errorf("got %v", v)
	}
	if err := json.Unmarshal([]byte(`null`), &o); err != nil || !o.IsNull() {
		t.Errorf("null: %v, %v", o, err)
	}
	if err := json.Unmarshal([]byte(`"x"`), &o); err == nil {
		t.Error("wrong type accepted")
	}
}

func TestOptAccessors(t *testing.T) {
	var unset Opt[int]
	null := Null[int]()
	val := Some(7)

	for _, tc := range []struct {
		o                 Opt[int]
		zero, set, isNull bool
		or                int
		str               string
		hasPtr, hasGet    bool
	}{
		{unset, true, false, false, -1, "<unset>", false, false},
		{null, false, true, true, -1, "null", false, false},
		{val, false, true, false, 7, "7", true, true},
	} {
		_, ok := tc.o.Get()
		if tc.o.IsZero() != tc.zero || tc.o.IsSet() != tc.set || tc.o.IsNull() != tc.isNull ||
			tc.o.Or(-1) != tc.or || tc.o.String() != tc.str || (tc.o.Ptr() != nil) != tc.hasPtr || ok != tc.hasGet {
			t.Errorf("accessors disagree for %v", tc.o)
		}
	}
	if p := val.Ptr(); *p != 7 {
		t.Errorf("Ptr = %v", *p)
	}
	if got := fmt.Sprintf("%v %s", val, null); got != "7 null" {
		t.Errorf("formatting = %q", got)
	}
	if b, _ := json.Marshal(unset); string(b) != "null" {
		t.Errorf("unset without omitzero = %s", b)
	}
	if p := Ptr("x"); *p != "x" {
		t.Errorf("Ptr(x) = %v", *p)
	}
}

func BenchmarkOptUnmarshalNull(b *testing.B) {
	var o Opt[string]
	null := []byte("null")
	b.ReportAllocs()
	for b.Loop() {
		_ = o.UnmarshalJSON(null)
	}
}

func TestOptNullUnmarshalDoesNotAllocate(t *testing.T) {
	var o Opt[rtOptAddress]
	null := []byte("null")
	if n := testing.AllocsPerRun(100, func() { _ = o.UnmarshalJSON(null) }); n != 0 {
		t.Errorf("%v allocations per null", n)
	}
}
