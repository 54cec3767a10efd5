package model

import "testing"

// Types for the tests of GoType's methods.
var (
	structT  = &Type{Name: "S", Kind: TypeStruct}
	unionT   = &Type{Name: "U", Kind: TypeUnion}
	strEnum  = &Type{Name: "E", Kind: TypeEnum, EnumBase: KindString}
	intEnum  = &Type{Name: "N", Kind: TypeEnum, EnumBase: KindInt64}
	listT    = &Type{Name: "L", Kind: TypeDefined, Target: &GoType{Kind: KindSlice, Elem: &GoType{Kind: KindString}}}
	countT   = &Type{Name: "C", Kind: TypeDefined, Target: &GoType{Kind: KindInt64}}
	aliasT   = &Type{Name: "A", Kind: TypeAlias, Target: named(listT)}
	aliasS   = &Type{Name: "AS", Kind: TypeAlias, Target: named(structT)}
	noTarget = &Type{Name: "X", Kind: TypeDefined}
)

func TestGoTypeMethods(t *testing.T) {
	for _, tc := range []struct {
		g          *GoType
		nilable    bool
		underlying string
		json       string
	}{
		{&GoType{Kind: KindString}, false, "string", "string"},
		{&GoType{Kind: KindTime}, false, "time.Time", "string"},
		{&GoType{Kind: KindBytes}, true, "[]byte", "string"},
		{&GoType{Kind: KindInt64}, false, "int64", "integer"},
		{&GoType{Kind: KindInt32}, false, "int32", "integer"},
		{&GoType{Kind: KindFloat64}, false, "float64", "number"},
		{&GoType{Kind: KindFloat32}, false, "float32", "number"},
		{&GoType{Kind: KindBool}, false, "bool", "boolean"},
		{&GoType{Kind: KindAny}, true, "any", ""},
		{&GoType{Kind: KindRawJSON}, true, "json.RawMessage", ""},
		{&GoType{Kind: KindReader}, true, "io.Reader", ""},
		{&GoType{Kind: KindSlice, Elem: &GoType{Kind: KindBool}}, true, "[]bool", "array"},
		{&GoType{Kind: KindMap, Elem: &GoType{Kind: KindBool}}, true, "map[string]bool", "object"},
		{&GoType{Kind: KindNullableElem, Elem: &GoType{Kind: KindInt64}}, true, "*int64", "integer"},
		{named(structT), false, "S", "object"},
		{named(unionT), false, "U", ""},
		{named(strEnum), false, "E", "string"},
		{named(intEnum), false, "N", "integer"},
		{named(listT), true, "[]string", "array"},
		{named(countT), false, "int64", "integer"},
		{named(aliasT), true, "[]string", "array"},
		{named(aliasS), false, "S", "object"},
		{named(noTarget), false, "X", ""},
	} {
		if got := tc.g.Nilable(); got != tc.nilable {
			t.Errorf("%s: Nilable = %t", goType(tc.g), got)
		}
		if got := goType(tc.g.Underlying()); got != tc.underlying {
			t.Errorf("%s: Underlying = %s, want %s", goType(tc.g), got, tc.underlying)
		}
		if got := tc.g.JSONKind(); got != tc.json {
			t.Errorf("%s: JSONKind = %q, want %q", goType(tc.g), got, tc.json)
		}
	}
}

// TestUnderlyingStopsOnCycles: an alias of itself does not loop forever.
func TestUnderlyingStopsOnCycles(t *testing.T) {
	self := &Type{Name: "Self", Kind: TypeAlias}
	self.Target = named(self)
	if got := named(self).Underlying(); got.Named != self {
		t.Errorf("Underlying = %s", goType(got))
	}
}

func TestWrap(t *testing.T) {
	str, list := &GoType{Kind: KindString}, &GoType{Kind: KindSlice, Elem: &GoType{Kind: KindString}}
	for _, tc := range []struct {
		f    Field
		want Wrap
		omit bool
	}{
		{Field{Type: str, Required: true}, Plain, false},
		{Field{Type: str, Required: true, Nullable: true}, Pointer, false},
		{Field{Type: list, Required: true, Nullable: true}, Plain, false},
		{Field{Type: str}, Optional, true},
		{Field{Type: str, Nullable: true}, Optional, true},
		{Field{Type: list}, Plain, true},
		{Field{Type: list, Nullable: true}, Optional, true},
		{Field{Type: str, Recursive: true}, Pointer, true},
		{Field{Type: str, Required: true, Recursive: true}, Pointer, false},
		{Field{Type: str, Required: true, ReadOnly: true}, Plain, false}, // the encoder leaves it out of requests
		{Field{Type: str, Required: true, WriteOnly: true}, Plain, false},
	} {
		if got := tc.f.Wrap(); got != tc.want {
			t.Errorf("%+v: Wrap = %d, want %d", tc.f, got, tc.want)
		}
		if got := tc.f.OmitZero(); got != tc.omit {
			t.Errorf("%+v: OmitZero = %t, want %t", tc.f, got, tc.omit)
		}
	}
}

func TestLocation(t *testing.T) {
	for _, tc := range []struct {
		l     Location
		word  string
		param bool
	}{
		{InBody, "body", false},
		{InQuery, "query", true},
		{InHeader, "header", true},
		{InPath, "path", true},
		{InCookie, "cookie", true},
		{InWholeBody, "body", false},
	} {
		if tc.l.String() != tc.word || tc.l.IsParameter() != tc.param {
			t.Errorf("location %d: %q, parameter %t", tc.l, tc.l.String(), tc.l.IsParameter())
		}
	}
}
