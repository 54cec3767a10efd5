package whop

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// The schemas of the style examples, strict enough that a value read the
// wrong way (or not found) fails validation.
var rtKinSchemas = map[string]string{
	"string": `{type: string, enum: [blue]}`,
	"array":  `{type: array, minItems: 3, maxItems: 3, items: {type: string, enum: [blue, black, brown]}}`,
	"object": `{type: object, required: [R, G, B], additionalProperties: false, properties: {R: {type: integer, enum: [100]}, G: {type: integer, enum: [200]}, B: {type: integer, enum: [150]}}}`,
}

// rtKinDoc is an OpenAPI document with one operation taking color in the
// given location and style.
func rtKinDoc(t *testing.T, in string, style rtStyle, schema string) *openapi3.T {
	t.Helper()
	path := "/p"
	if in == "path" {
		path = "/p/{color}"
	}
	src := fmt.Sprintf(`openapi: 3.1.0
info: {title: styles, version: "1"}
servers: [{url: "http://api.test"}]
paths:
  %s:
    get:
      parameters:
        - {name: color, in: %s, required: true, style: %s, explode: %t, schema: %s}
      responses: {"200": {description: ok}}
`, path, in, style, style.explode(), schema)
	doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("%s\n%v", src, err)
	}
	return doc
}

// rtKinRequest puts one serialized parameter where it belongs.
func rtKinRequest(in, serialized string) *http.Request {
	target := "http://api.test/p"
	switch in {
	case "path":
		target += "/" + serialized
	case "query":
		target += "?" + serialized
	}
	r := httptest.NewRequest(http.MethodGet, target, nil)
	switch in {
	case "header":
		r.Header.Set("color", serialized)
	case "cookie":
		r.Header.Set("Cookie", serialized)
	}
	return r
}

func rtKinValidate(t *testing.T, doc *openapi3.T, r *http.Request) error {
	t.Helper()
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	route, pathParams, err := router.FindRoute(r)
	if err != nil {
		return fmt.Errorf("no route: %w", err)
	}
	for k, v := range pathParams {
		// The router leaves path parameters escaped; the validator reads
		// them as values.
		if pathParams[k], err = url.PathUnescape(v); err != nil {
			return err
		}
	}
	return openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request: r, PathParams: pathParams, Route: route,
	})
}

// rtKinCannotRead lists the cells kin-openapi's decoder has no reading
// for (it reports "not supported" for these styles and types); they are
// checked by their exact string alone.
func rtKinCannotRead(in string, style rtStyle, kind string) bool {
	switch {
	case in == "cookie" && style.explode() && kind != "string":
		return true // exploded cookie lists and objects
	case style.kind() == rtSpaceDelimited || style.kind() == rtPipeDelimited:
		return kind == "string" || style.explode() && kind == "object"
	case style.kind() == rtDeepObject:
		return kind != "object"
	}
	return false
}

// TestStylesAgainstKinOpenAPI serializes each cell of the style table into
// a request and checks it twice: the exact string the table gives, and
// kin-openapi's request validator against a document declaring that style,
// with schemas that fail if the value is read wrong or not at all.
func TestStylesAgainstKinOpenAPI(t *testing.T) {
	values := map[string]any{"string": rtColorString, "array": rtColorArray, "object": rtColorObject}
	validated := 0
	for _, row := range append(append([]rtStyleRow{}, rtStyleTable...), rtStyleFallbacks...) {
		for _, kind := range []string{"string", "array", "object"} {
			want := map[string]string{"string": row.str, "array": row.array, "object": row.object}[kind]
			if want == na {
				continue
			}
			name := fmt.Sprintf("%s/%s%s/%s", row.in, row.style, explodeLabel(row.style), kind)
			t.Run(name, func(t *testing.T) {
				got, err := rtSerialize(row.in, "color", values[kind], row.style)
				if err != nil || got != want {
					t.Fatalf("got %q (%v), want %q", got, err, want)
				}
				if rtKinCannotRead(row.in, row.style, kind) {
					return
				}
				doc := rtKinDoc(t, row.in, row.style, rtKinSchemas[kind])
				if err := rtKinValidate(t, doc, rtKinRequest(row.in, got)); err != nil {
					t.Errorf("kin-openapi rejects %q: %v", got, err)
				}
				validated++
			})
		}
	}
	if validated < 30 {
		t.Errorf("only %d cells were validated by kin-openapi", validated)
	}
}

// TestKinOpenAPIRejectsWrongStyles shows the validator is not a rubber
// stamp: what the runtime used to send for these styles fails.
func TestKinOpenAPIRejectsWrongStyles(t *testing.T) {
	for _, c := range []struct {
		in    string
		style rtStyle
		kind  string
		sent  string
	}{
		{"query", rtPipeDelimited, "array", "color=blue,black,brown"},
		{"query", rtDeepObject | rtExplode, "object", `color=%7B%22R%22%3A100%2C%22G%22%3A200%2C%22B%22%3A150%7D`},
		{"header", rtSimple, "array", `["blue","black","brown"]`},
		{"path", rtLabel, "string", "blue"},
		{"path", rtMatrix | rtExplode, "array", ";color=blue,black,brown"},
	} {
		doc := rtKinDoc(t, c.in, c.style, rtKinSchemas[c.kind])
		if err := rtKinValidate(t, doc, rtKinRequest(c.in, c.sent)); err == nil {
			t.Errorf("%s %s %s: kin-openapi accepts %q", c.in, c.style, c.kind, c.sent)
		}
	}
}
