package whop

import (
	"encoding/json"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rtColor is the object of OpenAPI's style examples; its fields keep the
// example's order R, G, B.
type rtColor struct {
	R int `json:"R"`
	G int `json:"G"`
	B int `json:"B"`
}

var (
	rtColorString = "blue"
	rtColorArray  = []string{"blue", "black", "brown"}
	rtColorObject = rtColor{R: 100, G: 200, B: 150}
)

// rtStyleRow is one row of the style table in OpenAPI 3.1.1 and later
// ("Style Examples"): how color is written when undefined or empty, as a
// string, an array and an object.
type rtStyleRow struct {
	in                            string
	style                         rtStyle
	undefined, str, array, object string
}

// na marks a cell the spec leaves undefined ("n/a"); rtStyleFallbacks
// says what is written there.
const na = "n/a"

// rtStyleTable is the spec's table, row for row, with the percent-encoding
// it shows.
var rtStyleTable = []rtStyleRow{
	{"path", rtMatrix, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"},
	{"path", rtMatrix | rtExplode, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"},
	{"path", rtLabel, ".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"},
	{"path", rtLabel | rtExplode, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"},
	{"path", rtSimple, "", "blue", "blue,black,brown", "R,100,G,200,B,150"},
	{"path", rtSimple | rtExplode, "", "blue", "blue,black,brown", "R=100,G=200,B=150"},
	{"header", rtSimple, "", "blue", "blue,black,brown", "R,100,G,200,B,150"},
	{"header", rtSimple | rtExplode, "", "blue", "blue,black,brown", "R=100,G=200,B=150"},
	{"query", rtForm, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"},
	{"query", rtForm | rtExplode, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"},
	{"query", rtSpaceDelimited, na, na, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"},
	{"query", rtSpaceDelimited | rtExplode, na, na, na, na},
	{"query", rtPipeDelimited, na, na, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"},
	{"query", rtPipeDelimited | rtExplode, na, na, na, na},
	{"query", rtDeepObject | rtExplode, na, na, na, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"},
	{"cookie", rtForm, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"},
}

// rtStyleFallbacks fill the n/a cells with the nearest defined
// serialization, and add exploded cookies, which the spec's form row would
// write with "&", a separator a Cookie header cannot carry. In deepObject
// an empty object leaves the parameter out (TestStyleTableUndefined).
var rtStyleFallbacks = []rtStyleRow{
	{"query", rtSpaceDelimited, "color=", "color=blue", na, na},
	{"query", rtSpaceDelimited | rtExplode, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"},
	{"query", rtPipeDelimited, "color=", "color=blue", na, na},
	{"query", rtPipeDelimited | rtExplode, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"},
	{"query", rtDeepObject | rtExplode, "color=", "color=blue", "color=blue&color=black&color=brown", na},
	{"cookie", rtForm | rtExplode, "color=", "color=blue", "color=blue; color=black; color=brown", "R=100; G=200; B=150"},
}

// rtSerialize writes one parameter the way a request carries it: a path
// segment, a query string, a header value or the Cookie header.
func rtSerialize(in, name string, v any, style rtStyle) (string, error) {
	if in == "path" {
		out := rtPathParam(name, v, style)
		return out, rtCheckPath(out)
	}
	var p rtParams
	switch in {
	case "query":
		p.query(name, v, style)
	case "header":
		p.header(name, v, style)
	case "cookie":
		p.cookie(name, v, style)
	}
	q, h, err := p.encoded()
	if in == "query" {
		return q, err
	}
	if in == "cookie" {
		return h.Get("Cookie"), err
	}
	return h.Get(name), err
}

func TestStyleTable(t *testing.T) {
	for _, row := range append(append([]rtStyleRow{}, rtStyleTable...), rtStyleFallbacks...) {
		for _, c := range []struct {
			kind string
			v    any
			want string
		}{
			{"string", rtColorString, row.str},
			{"array", rtColorArray, row.array},
			{"object", rtColorObject, row.object},
		} {
			if c.want == na {
				continue
			}
			got, err := rtSerialize(row.in, "color", c.v, row.style)
			if err != nil || got != c.want {
				t.Errorf("%s %s%s, %s: got %q (%v), want %q", row.in, row.style, explodeLabel(row.style), c.kind, got, err, c.want)
			}
		}
	}
}

func explodeLabel(s rtStyle) string {
	if s.explode() {
		return "+explode"
	}
	return ""
}

// TestStyleTableUndefined checks the "undefined" column: an empty string
// is written as it; an empty array or object is undefined in RFC 6570's
// terms, and the parameter is left out (a validating server refuses
// "ids=" as an empty value). (Path parameters write the column too, but
// rtPathParam refuses it; see TestPathParamRejectsEmpty.)
func TestStyleTableUndefined(t *testing.T) {
	for _, row := range append(append([]rtStyleRow{}, rtStyleTable...), rtStyleFallbacks...) {
		if row.in == "path" {
			for _, v := range []rtValue{rtPrimitiveValue(""), {kind: rtList}, {kind: rtObject}} {
				if got := string(rtExpand(nil, "color", v, row.style, rtEscapeUnreserved)); got != row.undefined {
					t.Errorf("path %s%s, empty %v: got %q, want %q", row.style, explodeLabel(row.style), v.kind, got, row.undefined)
				}
			}
			continue
		}
		if row.undefined == na {
			continue
		}
		for _, v := range []any{"", []string{}, map[string]int{}} {
			want := row.undefined
			if _, isString := v.(string); !isString {
				want = "" // an empty list or object: left out
			}
			got, err := rtSerialize(row.in, "color", v, row.style)
			if err != nil || got != want {
				t.Errorf("%s %s%s, empty %T: got %q (%v), want %q", row.in, row.style, explodeLabel(row.style), v, got, err, want)
			}
		}
	}
}

func TestPathParamRejectsEmpty(t *testing.T) {
	for _, style := range []rtStyle{rtSimple, rtSimple | rtExplode, rtLabel, rtLabel | rtExplode, rtMatrix, rtMatrix | rtExplode} {
		empties := []any{"", []string{}, map[string]int{}, nil, (*string)(nil), Opt[string]{}, Null[string]()}
		if style.kind() != rtMatrix {
			empties = append(empties, []string{""}) // matrix writes ";id" and keeps the segment
		}
		for _, v := range empties {
			err := rtCheckPath("/items/" + rtPathParam("id", v, style) + "/x")
			if err == nil || err.Error() != `path parameter "id" is empty` {
				t.Errorf("%s%s %#v: err = %v", style, explodeLabel(style), v, err)
			}
		}
	}
	if err := rtCheckPath("/items/" + pathParam("")); err == nil || err.Error() != "a path parameter is empty" {
		t.Errorf("pathParam(\"\"): err = %v", err)
	}
}

func TestPathParamTrailingSlashTemplates(t *testing.T) {
	// FastAPI and Django paths end in "/": the template's own slash is
	// fine, only an empty parameter is not.
	path := "/items/" + rtPathParam("id", "a1", rtSimple) + "/"
	if err := rtCheckPath(path); err != nil || path != "/items/a1/" {
		t.Errorf("path %q: %v", path, err)
	}
	if err := rtCheckPath("/items/"); err != nil {
		t.Errorf("a template without parameters: %v", err)
	}
}

func TestPathParamDotSegments(t *testing.T) {
	for _, c := range []struct {
		v     any
		style rtStyle
		want  string
	}{
		{".", rtSimple, "%2E"},
		{"..", rtSimple, "%2E%2E"},
		{"...", rtSimple, "..."},
		{".", rtLabel, ".%2E"},
		{"a.b", rtLabel, ".a.b"},
		{".", rtMatrix, ";id=."},
		{[]string{".", "."}, rtSimple, ".,."},
	} {
		if got := rtPathParam("id", c.v, c.style); got != c.want {
			t.Errorf("%s %#v: got %q, want %q", c.style, c.v, got, c.want)
		}
	}
}

// TestEscaping checks which characters each location percent-encodes:
// everything but unreserved in paths, queries and cookies (delimiters
// that are data are escaped, delimiters of the style are not), nothing in
// headers, and with allowReserved the reserved characters that cannot
// break a query.
func TestEscaping(t *testing.T) {
	const raw = "a b,c/d?e#f&g=h+i%j;k:l@m[n]o|p~q'r*s$t!u(v)w\u00fc"
	for _, c := range []struct {
		in    string
		style rtStyle
		v     any
		want  string
	}{
		{"path", rtSimple, raw, "a%20b%2Cc%2Fd%3Fe%23f%26g%3Dh%2Bi%25j%3Bk%3Al%40m%5Bn%5Do%7Cp~q%27r%2As%24t%21u%28v%29w%C3%BC"},
		{"path", rtSimple, []string{"a,b", "c"}, "a%2Cb,c"},
		{"query", rtForm | rtExplode, raw, "color=a%20b%2Cc%2Fd%3Fe%23f%26g%3Dh%2Bi%25j%3Bk%3Al%40m%5Bn%5Do%7Cp~q%27r%2As%24t%21u%28v%29w%C3%BC"},
		{"query", rtForm | rtExplode | rtAllowReserved, raw, "color=a%20b,c/d?e%23f%26g%3Dh%2Bi%25j;k:l@m%5Bn%5Do%7Cp~q'r*s$t!u(v)w%C3%BC"},
		{"query", rtForm | rtAllowReserved, "100%25 sure%", "color=100%25%20sure%25"},
		{"query", rtForm, []string{"a,b", "c d"}, "color=a%2Cb,c%20d"},
		{"query", rtPipeDelimited, []string{"a|b", "c"}, "color=a%7Cb%7Cc"},
		{"query", rtDeepObject | rtExplode, map[string]string{"k[1]": "v w"}, "color%5Bk%5B1%5D%5D=v%20w"},
		{"query", rtForm | rtExplode, map[string]string{"a b": "c&d"}, "a%20b=c%26d"},
		{"header", rtSimple, raw, raw},
		{"header", rtSimple | rtExplode, map[string]string{"k": "v w"}, "k=v w"},
		{"cookie", rtForm, "a b;c=d", "color=a%20b%3Bc%3Dd"},
	} {
		got, err := rtSerialize(c.in, "color", c.v, c.style)
		if err != nil || got != c.want {
			t.Errorf("%s %s%s %#v:\n got %q (%v)\nwant %q", c.in, c.style, explodeLabel(c.style), c.v, got, err, c.want)
		}
	}
}

type rtParamEnum string

type rtParamLevel int32

// rtParamUnion encodes as one of its variants, as generated unions do.
type rtParamUnion struct {
	s   *string
	obj *rtColor
}

func (u rtParamUnion) MarshalJSON() ([]byte, error) {
	switch {
	case u.s != nil:
		return json.Marshal(*u.s)
	case u.obj != nil:
		return json.Marshal(u.obj)
	}
	return nil, errNoVariant
}

type rtParamNested struct {
	Name  string         `json:"name"`
	Tags  []string       `json:"tags,omitempty"`
	Inner *rtColor       `json:"inner,omitempty"`
	Note  Opt[string]    `json:"note,omitzero"`
	Extra map[string]any `json:"extra,omitempty"`
}

// TestPrimitiveSpelling checks how each Go type is written: numbers and
// booleans as JSON spells them, times in RFC 3339, named types as their
// base type, unions and Opt as their JSON, bytes as base64.
func TestPrimitiveSpelling(t *testing.T) {
	at := time.Date(2025, 6, 15, 12, 30, 45, 123456000, time.FixedZone("", 2*3600))
	blue := "blue"
	for _, c := range []struct {
		v    any
		want string
	}{
		{"x y", "v=x%20y"}, {true, "v=true"}, {false, "v=false"},
		{int64(-3), "v=-3"}, {7, "v=7"}, {int32(-9), "v=-9"}, {uint8(200), "v=200"}, {uint64(math.MaxUint64), "v=18446744073709551615"},
		{1.5, "v=1.5"}, {float32(0.1), "v=0.1"}, {1e21, "v=1e%2B21"}, {1e-7, "v=1e-7"}, {math.Copysign(0, -1), "v=-0"},
		{at, "v=2025-06-15T12%3A30%3A45.123456%2B02%3A00"}, {&at, "v=2025-06-15T12%3A30%3A45.123456%2B02%3A00"},
		{rtParamEnum("active"), "v=active"}, {rtParamLevel(3), "v=3"}, {[]rtParamEnum{"a", "b"}, "v=a&v=b"},
		{&blue, "v=blue"}, {Some("set"), "v=set"}, {Some(int64(0)), "v=0"},
		{rtParamUnion{s: &blue}, "v=blue"}, {rtParamUnion{obj: &rtColor{1, 2, 3}}, "R=1&G=2&B=3"},
		{[]byte("hi?"), "v=aGk%2F"}, {json.RawMessage(`{"a":[1,2]}`), "a=%5B1%2C2%5D"},
		{map[string]any{"b": 2, "a": "x"}, "a=x&b=2"},
		{[]any{"a", nil, 1, true}, "v=a&v=1&v=true"},
		{[]*string{nil, &blue}, "v=blue"},
		{map[string]any{"a": nil, "b": 1}, "b=1"},
	} {
		got, err := rtSerialize("query", "v", c.v, rtForm|rtExplode)
		if err != nil || got != c.want {
			t.Errorf("%T %v: got %q (%v), want %q", c.v, c.v, got, err, c.want)
		}
	}
}

func TestUnsetValuesAreLeftOut(t *testing.T) {
	var p rtParams
	for _, v := range []any{nil, (*string)(nil), []string(nil), map[string]any(nil), Opt[int64]{}, Null[string](), rtColorPtr(nil), json.RawMessage("null")} {
		p.query("q", v, rtForm|rtExplode)
		p.header("H", v, rtSimple)
		p.cookie("c", v, rtForm)
	}
	q, h, err := p.encoded()
	if q != "" || len(h) != 0 || err != nil {
		t.Errorf("query %q, header %v, err %v: want nothing", q, h, err)
	}
}

func rtColorPtr(c *rtColor) *rtColor { return c }

// TestNestedValues: members deeper than one level are JSON text, except
// in deepObject, which nests brackets and indexes.
func TestNestedValues(t *testing.T) {
	v := rtParamNested{Name: "n", Tags: []string{"x", "y"}, Inner: &rtColor{1, 2, 3}, Note: Null[string](), Extra: map[string]any{"k": []any{1, map[string]any{"z": true}}}}
	for _, c := range []struct {
		in    string
		style rtStyle
		want  string
	}{
		{"query", rtDeepObject | rtExplode, "f%5Bname%5D=n&f%5Btags%5D%5B0%5D=x&f%5Btags%5D%5B1%5D=y&f%5Binner%5D%5BR%5D=1&f%5Binner%5D%5BG%5D=2&f%5Binner%5D%5BB%5D=3&f%5Bextra%5D%5Bk%5D%5B0%5D=1&f%5Bextra%5D%5Bk%5D%5B1%5D%5Bz%5D=true"},
		{"query", rtForm | rtExplode, "name=n&tags=%5B%22x%22%2C%22y%22%5D&inner=%7B%22R%22%3A1%2C%22G%22%3A2%2C%22B%22%3A3%7D&extra=%7B%22k%22%3A%5B1%2C%7B%22z%22%3Atrue%7D%5D%7D"},
		{"header", rtSimple | rtExplode, `name=n,tags=["x","y"],inner={"R":1,"G":2,"B":3},extra={"k":[1,{"z":true}]}`},
	} {
		got, err := rtSerialize(c.in, "f", v, c.style)
		if err != nil || got != c.want {
			t.Errorf("%s %s:\n got %s (%v)\nwant %s", c.in, c.style, got, err, c.want)
		}
	}
	got, err := rtSerialize("query", "l", [][]int{{1, 2}, {3}}, rtForm)
	if err != nil || got != "l=%5B1%2C2%5D,%5B3%5D" {
		t.Errorf("a list of lists: %q (%v)", got, err)
	}
}

func TestParamErrors(t *testing.T) {
	for _, c := range []struct {
		in    string
		style rtStyle
		v     any
		want  string
	}{
		{"query", rtForm, math.NaN(), `query parameter "p": NaN and infinite numbers cannot be sent`},
		{"query", rtForm, []float64{1, math.Inf(1)}, `query parameter "p": NaN and infinite numbers cannot be sent`},
		{"query", rtForm, make(chan int), `query parameter "p": cannot send a chan int as a parameter`},
		{"query", rtForm, rtParamUnion{}, `query parameter "p": json: error calling MarshalJSON for type whop.rtParamUnion: union has no variant set`},
		{"query", rtMatrix, "x", `query parameter "p": style matrix is not defined for query parameters`},
		{"query", rtStyleNone, "x", `query parameter "p": style none is not defined for query parameters`},
		{"header", rtForm, "x", `header parameter "p": style form is not defined for header parameters`},
		{"cookie", rtSimple, "x", `cookie parameter "p": style simple is not defined for cookie parameters`},
		{"path", rtForm, "x", `path parameter "p" style form is not defined for path parameters`},
		{"path", rtSimple, math.Inf(-1), `path parameter "p" NaN and infinite numbers cannot be sent`},
	} {
		_, err := rtSerialize(c.in, "p", c.v, c.style)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s %s %#v: err = %v\nwant %s", c.in, c.style, c.v, err, c.want)
		}
	}
}

func TestParamsKeepTheFirstError(t *testing.T) {
	var p rtParams
	p.query("a", "1", rtForm)
	p.query("bad", math.NaN(), rtForm)
	p.query("b", "2", rtForm)
	p.header("X-Bad", "x", rtMatrix)
	q, _, err := p.encoded()
	if err == nil || !strings.Contains(err.Error(), `"bad"`) || q != "a=1" {
		t.Errorf("query %q, err %v", q, err)
	}
	var nilParams *rtParams
	if q, h, err := nilParams.encoded(); q != "" || h != nil || err != nil {
		t.Error("a nil *rtParams has parameters")
	}
}

func TestParamsOrderAndCookies(t *testing.T) {
	var p rtParams
	p.query("z", "1", rtForm|rtExplode)
	p.query("a", []string{"x", "y"}, rtForm|rtExplode)
	p.query("m", rtColor{1, 2, 3}, rtDeepObject|rtExplode)
	p.header("X-Ids", []int64{42, 43}, rtSimple)
	p.header("X-Obj", rtColor{1, 2, 3}, rtSimple)
	p.cookie("session", "abc", rtForm|rtExplode)
	p.cookie("ids", []int{1, 2}, rtForm)
	q, h, err := p.encoded()
	if err != nil {
		t.Fatal(err)
	}
	if want := "z=1&a=x&a=y&m%5BR%5D=1&m%5BG%5D=2&m%5BB%5D=3"; q != want {
		t.Errorf("query %q, want %q", q, want)
	}
	want := http.Header{"X-Ids": {"42,43"}, "X-Obj": {"R,1,G,2,B,3"}, "Cookie": {"session=abc; ids=1,2"}}
	for k, v := range want {
		if got := h.Values(k); strings.Join(got, "|") != strings.Join(v, "|") {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

func TestCheckPath(t *testing.T) {
	if err := rtCheckPath("/a/b%00c"); err != nil {
		t.Errorf("an escaped NUL is data: %v", err)
	}
	path := "/a/" + rtPathParam("x", "ok", rtSimple) + "/" + rtPathParam("y", "", rtSimple) + "/" + rtPathParam("z", "", rtSimple)
	if err := rtCheckPath(path); err == nil || err.Error() != `path parameter "y" is empty` {
		t.Errorf("err = %v", err)
	}
	if got := pathParam("a\x00b"); got != "a%00b" {
		t.Errorf("NUL in a value: %q", got)
	}
}

func TestJoinQuery(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{nil, ""},
		{[]string{"", "", ""}, ""},
		{[]string{"v=1", "", "key=k"}, "v=1&key=k"},
		{[]string{"", "a=1&b=2", ""}, "a=1&b=2"},
	} {
		if got := rtJoinQuery(c.parts...); got != c.want {
			t.Errorf("%q: got %q, want %q", c.parts, got, c.want)
		}
	}
}
