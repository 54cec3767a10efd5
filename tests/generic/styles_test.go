package generic

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// The values of the OpenAPI 3.1 style examples: color as a primitive, an
// array and an object.
var (
	colorPrim  any = "blue"
	colorArray any = []any{"blue", "black", "brown"}
	colorObj   any = map[string]any{"R": 100.0, "G": 200.0, "B": 150.0}
)

func param(in, style string, explode bool) *openapi3.Parameter {
	return &openapi3.Parameter{Name: "color", In: in, Style: style, Explode: &explode,
		Schema: &openapi3.SchemaRef{Value: &openapi3.Schema{}}}
}

// styleCase is one row of the style tables: a parameter, a value, and the
// request that carries it.
type styleCase struct {
	in, style string
	explode   bool
	value     any
	path      string // after the base, for path parameters: the template is /x/{color}
	query     string
	header    string // X-Color, or Cookie for cookie parameters
}

func (c styleCase) check(t *testing.T) []string {
	t.Helper()
	p := param(c.in, c.style, c.explode)
	if c.in == "header" {
		p.Name = "X-Color"
	}
	target := "/x/blue"
	if c.path != "" {
		target = c.path
	}
	if c.query != "" {
		target += "?" + c.query
	}
	r := httptest.NewRequest(http.MethodGet, "http://api.test"+target, nil)
	switch c.in {
	case "header":
		r.Header.Set("X-Color", c.header)
	case "cookie":
		r.Header.Set("Cookie", c.header)
	}
	return checkParams(r, "/x/{color}", r.URL.EscapedPath(), []sentParam{{P: p, Value: c.value}}, "")
}

// TestStyleTables: every example of the OpenAPI 3.1 style tables reads
// back as the value it encodes.
func TestStyleTables(t *testing.T) {
	for _, c := range []styleCase{
		{in: "path", style: "simple", value: colorPrim, path: "/x/blue"},
		{in: "path", style: "simple", value: colorArray, path: "/x/blue,black,brown"},
		{in: "path", style: "simple", value: colorObj, path: "/x/R,100,G,200,B,150"},
		{in: "path", style: "simple", explode: true, value: colorObj, path: "/x/R=100,G=200,B=150"},
		{in: "path", style: "label", value: colorPrim, path: "/x/.blue"},
		{in: "path", style: "label", value: colorArray, path: "/x/.blue,black,brown"},
		{in: "path", style: "label", value: colorObj, path: "/x/.R,100,G,200,B,150"},
		{in: "path", style: "label", explode: true, value: colorArray, path: "/x/.blue.black.brown"},
		{in: "path", style: "label", explode: true, value: colorObj, path: "/x/.R=100.G=200.B=150"},
		{in: "path", style: "matrix", value: colorPrim, path: "/x/;color=blue"},
		{in: "path", style: "matrix", value: colorArray, path: "/x/;color=blue,black,brown"},
		{in: "path", style: "matrix", value: colorObj, path: "/x/;color=R,100,G,200,B,150"},
		{in: "path", style: "matrix", explode: true, value: colorArray, path: "/x/;color=blue;color=black;color=brown"},
		{in: "path", style: "matrix", explode: true, value: colorObj, path: "/x/;R=100;G=200;B=150"},
		{in: "query", style: "form", value: colorArray, query: "color=blue,black,brown"},
		{in: "query", style: "form", value: colorObj, query: "color=R,100,G,200,B,150"},
		{in: "query", style: "form", explode: true, value: colorPrim, query: "color=blue"},
		{in: "query", style: "form", explode: true, value: colorArray, query: "color=blue&color=black&color=brown"},
		{in: "query", style: "form", explode: true, value: colorObj, query: "R=100&G=200&B=150"},
		{in: "query", style: "spaceDelimited", value: colorArray, query: "color=blue%20black%20brown"},
		{in: "query", style: "spaceDelimited", value: colorObj, query: "color=R%20100%20G%20200%20B%20150"},
		{in: "query", style: "pipeDelimited", value: colorArray, query: "color=blue|black|brown"},
		{in: "query", style: "pipeDelimited", value: colorObj, query: "color=R|100|G|200|B|150"},
		{in: "query", style: "deepObject", explode: true, value: colorObj, query: "color[R]=100&color[G]=200&color[B]=150"},
		{in: "header", style: "simple", value: colorArray, header: "blue,black,brown"},
		{in: "header", style: "simple", value: colorObj, header: "R,100,G,200,B,150"},
		{in: "header", style: "simple", explode: true, value: colorObj, header: "R=100,G=200,B=150"},
		{in: "cookie", style: "form", value: colorArray, header: "color=blue,black,brown"},
		{in: "cookie", style: "form", value: colorObj, header: "color=R,100,G,200,B,150"},
		{in: "cookie", style: "form", explode: true, value: colorPrim, header: "color=blue"},
		// Empty members: RFC 6570 writes ;name for an empty value in matrix
		// style, where other styles write nothing after the delimiter.
		{in: "path", style: "matrix", value: "", path: "/x/;color"},
		{in: "path", style: "matrix", explode: true, value: []any{"", "b"}, path: "/x/;color;color=b"},
		{in: "path", style: "matrix", explode: true, value: map[string]any{"R": "", "G": "2"}, path: "/x/;R;G=2"},
		{in: "path", style: "label", explode: true, value: []any{"", ""}, path: "/x/.."},
		{in: "path", style: "simple", explode: true, value: map[string]any{"R": ""}, path: "/x/R="},
	} {
		if p := c.check(t); len(p) > 0 {
			t.Errorf("%s %s explode=%v %v: %q", c.in, c.style, c.explode, c.value, p)
		}
	}
}

// TestWrongStyles: a value sent in another style, or as JSON, is caught,
// and so is a query key or cookie no parameter explains.
func TestWrongStyles(t *testing.T) {
	for _, c := range []styleCase{
		{in: "path", style: "label", value: colorPrim, path: "/x/blue"},
		{in: "path", style: "matrix", value: colorArray, path: "/x/blue,black,brown"},
		{in: "path", style: "simple", value: colorObj, path: "/x/%7B%22R%22:100%7D"},
		{in: "path", style: "simple", value: colorPrim, path: "/x/red"},
		{in: "path", style: "matrix", explode: true, value: []any{"", "b"}, path: "/x/;color;other=b"},
		{in: "path", style: "matrix", explode: true, value: []any{"", "b"}, path: "/x/color;color=b"},
		{in: "query", style: "form", value: colorArray, query: "color=blue&color=black&color=brown"},
		{in: "query", style: "form", explode: true, value: colorObj, query: "color=R,100,G,200,B,150"},
		{in: "query", style: "pipeDelimited", value: colorArray, query: "color=blue,black,brown"},
		{in: "query", style: "deepObject", explode: true, value: colorObj, query: `color={"R":100,"G":200,"B":150}`},
		{in: "query", style: "form", explode: true, value: colorPrim, query: "color=blue&extra=1"},
		{in: "query", style: "form", explode: true, value: nil, query: "color=blue"},
		{in: "query", style: "form", explode: true, value: colorPrim, query: ""},
		{in: "header", style: "simple", value: colorArray, header: `["blue","black","brown"]`},
		{in: "cookie", style: "form", value: colorArray, header: "color=blue; color=black; color=brown"},
		{in: "cookie", style: "form", explode: true, value: colorPrim, header: "color=blue; other=1"},
	} {
		if p := c.check(t); len(p) == 0 {
			t.Errorf("%s %s explode=%v %v sent as %s%s%s: no problem found", c.in, c.style, c.explode, c.value, c.path, c.query, c.header)
		}
	}
}

// TestValuesAreUnescaped: escaped values read back as themselves, and a
// date-time may be written with fewer fractional digits.
func TestValuesAreUnescaped(t *testing.T) {
	for _, c := range []styleCase{
		{in: "path", style: "simple", value: "a/b c", path: "/x/a%2Fb%20c"},
		{in: "query", style: "form", explode: true, value: "a&b=c", query: "color=a%26b%3Dc"},
		{in: "query", style: "form", explode: true, value: "a b", query: "color=a+b"},
		{in: "query", style: "form", explode: true, value: "2024-02-29T23:59:59.400Z", query: "color=2024-02-29T23:59:59.4Z"},
		{in: "cookie", style: "form", explode: true, value: "a b", header: "color=a%20b"},
	} {
		if p := c.check(t); len(p) > 0 {
			t.Errorf("%v sent as %s%s%s: %q", c.value, c.path, c.query, c.header, p)
		}
	}
}

func TestFormBody(t *testing.T) {
	fields := formFields(&openapi3.MediaType{Encoding: map[string]*openapi3.Encoding{
		"tags": {Style: "pipeDelimited"},
	}}, map[string]any{"plan": "pro", "address": map[string]any{"city": "Paris"}, "tags": []any{"a", "b"}})
	if p := checkForm([]byte("plan=pro&city=Paris&tags=a|b"), fields); len(p) > 0 {
		t.Errorf("a well-formed body: %q", p)
	}
	p := checkForm([]byte(`plan=pro&address={"city":"Paris"}&tags=a,b`), fields)
	if len(p) != 3 || !strings.Contains(strings.Join(p, "\n"), `key "address" is no field's`) {
		t.Errorf("an object sent as JSON and a list in the wrong style: %q", p)
	}
}
