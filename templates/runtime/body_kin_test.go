package whop

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// rtKinBodyDoc is a document whose one operation takes a body of the
// given media type, properties and encoding (YAML flow mappings).
func rtKinBodyDoc(t *testing.T, media, properties, encoding string) *openapi3.T {
	t.Helper()
	src := fmt.Sprintf(`openapi: 3.1.0
info: {title: bodies, version: "1"}
servers: [{url: "http://api.test"}]
paths:
  /p:
    post:
      requestBody:
        required: true
        content:
          %s:
            schema: {type: object, additionalProperties: false, properties: %s}
            encoding: %s
      responses: {"200": {description: ok}}
`, media, properties, encoding)
	doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("%s\n%v", src, err)
	}
	return doc
}

func rtKinPost(body []byte, contentType string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "http://api.test/p", bytes.NewReader(body))
	r.Header.Set("Content-Type", contentType)
	return r
}

const (
	rtKinAddress = `{type: object, additionalProperties: false, required: [street, city], properties: {street: {type: string, enum: ["1 Main St"]}, city: {type: string, enum: [Paris]}}}`
	rtKinTags    = `{type: array, minItems: 2, maxItems: 2, items: {type: string, enum: [x, "y z", "y"]}}`
)

// TestFormBodiesAgainstKinOpenAPI checks urlencoded bodies with the
// validator, for the encodings its decoder reads. (It refuses a schema
// with an object property under the default encoding, form with explode,
// so that case is checked by its exact string in
// TestEncodeFormBodyDefaults.)
func TestFormBodiesAgainstKinOpenAPI(t *testing.T) {
	noAddress := fmt.Sprintf(`{name: {type: string, enum: ["a b&c"]}, count: {type: integer, enum: [7]}, tags: %s}`, rtKinTags)
	props := strings.TrimSuffix(noAddress, "}") + ", address: " + rtKinAddress + "}"
	type body struct {
		Name    string     `json:"name"`
		Count   int64      `json:"count"`
		Tags    []string   `json:"tags"`
		Address *rtAddress `json:"address,omitempty"`
	}
	full := body{Name: "a b&c", Count: 7, Tags: []string{"x", "y z"}, Address: &rtAddress{"1 Main St", "Paris"}}
	for _, c := range []struct {
		name     string
		v        body
		enc      rtEncoding
		encoding string
		want     string
	}{
		{"defaults", body{Name: full.Name, Count: 7, Tags: full.Tags}, nil, `{}`,
			"name=a%20b%26c&count=7&tags=x&tags=y%20z"},
		{"deepObject", full, rtEncoding{"address": {Style: rtDeepObject | rtExplode}}, `{address: {style: deepObject, explode: true}}`,
			"name=a%20b%26c&count=7&tags=x&tags=y%20z&address%5Bstreet%5D=1%20Main%20St&address%5Bcity%5D=Paris"},
		{"form without explode", full, rtEncoding{"address": {Style: rtForm}, "tags": {Style: rtForm}}, `{address: {style: form, explode: false}, tags: {style: form, explode: false}}`,
			"name=a%20b%26c&count=7&tags=x,y%20z&address=street,1%20Main%20St,city,Paris"},
		{"spaceDelimited", body{Name: full.Name, Count: 7, Tags: []string{"x", "y"}}, rtEncoding{"tags": {Style: rtSpaceDelimited}}, `{tags: {style: spaceDelimited, explode: false}}`,
			"name=a%20b%26c&count=7&tags=x%20y"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, ct, err := rtEncodeBodyWith(c.v, "application/x-www-form-urlencoded", c.enc)
			if err != nil || string(data) != c.want {
				t.Fatalf("got  %s (%v)\nwant %s", data, err, c.want)
			}
			p := props
			if _, ok := c.enc["address"]; !ok {
				p = noAddress // the validator refuses an object property under the default encoding
			}
			doc := rtKinBodyDoc(t, "application/x-www-form-urlencoded", p, c.encoding)
			if err := rtKinValidate(t, doc, rtKinPost(data, ct)); err != nil {
				t.Errorf("kin-openapi rejects %s: %v", data, err)
			}
		})
	}
}

// TestMultipartAgainstKinOpenAPI checks a multipart body with every kind
// of part against the validator: text, number, JSON object, repeated text
// and JSON parts, a file, and repeated files with their own content type.
func TestMultipartAgainstKinOpenAPI(t *testing.T) {
	props := fmt.Sprintf(`{name: {type: string, enum: ["doc 1"]}, count: {type: integer, enum: [7]}, meta: %s, tags: %s, addresses: {type: array, minItems: 2, items: %s}, file: {type: string, format: binary}, photos: {type: array, minItems: 2, items: {type: string, format: binary}}}`,
		rtKinAddress, rtKinTags, rtKinAddress)
	doc := rtKinBodyDoc(t, "multipart/form-data", props, `{photos: {contentType: "image/png, image/jpeg"}}`)
	v := multipartBody{
		Name: "doc 1", Count: Some[int64](7), Meta: Some(rtAddress{"1 Main St", "Paris"}), Tags: []string{"x", "y z"},
		Addresses: []rtAddress{{"1 Main St", "Paris"}, {"1 Main St", "Paris"}},
		File:      strings.NewReader("%PDF"), Photos: []io.Reader{strings.NewReader("p1"), strings.NewReader("p2")},
	}
	data, ct, err := rtEncodeBodyWith(v, "multipart/form-data", rtEncoding{"photos": {ContentType: "image/png, image/jpeg"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := rtKinValidate(t, doc, rtKinPost(data, ct)); err != nil {
		t.Errorf("kin-openapi rejects the body: %v\n%s", err, data)
	}
	// The validator is strict enough to notice what the runtime used to
	// send: the object as a text part, and the photos as JSON text.
	old := bytes.Replace(data, []byte("Content-Type: application/json\r\n"), nil, 1)
	if err := rtKinValidate(t, doc, rtKinPost(old, ct)); err == nil {
		t.Error("kin-openapi accepts an object part without its content type")
	}
}

// TestWholeRequestAgainstKinOpenAPI builds one request the way a generated
// method and the transport would (rtPathParam in the path, rtParams for the
// rest, rtEncodeBodyWith for the body) for an operation that uses a
// parameter of every location, a path ending in "/", and a multipart body,
// and validates it.
func TestWholeRequestAgainstKinOpenAPI(t *testing.T) {
	src := fmt.Sprintf(`openapi: 3.1.0
info: {title: whole, version: "1"}
servers: [{url: "http://api.test/v1"}]
paths:
  /items/{id}/{colors}/:
    post:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, enum: ["a b/c"]}}
        - {name: colors, in: path, required: true, style: label, explode: true, schema: {type: array, minItems: 2, items: {type: string, enum: [red, green]}}}
        - {name: filter, in: query, required: true, style: deepObject, explode: true, schema: %s}
        - {name: ids, in: query, required: true, style: pipeDelimited, explode: false, schema: {type: array, minItems: 2, items: {type: integer}}}
        - {name: limit, in: query, required: true, schema: {type: integer, enum: [10]}}
        - {name: X-Trace, in: header, required: true, schema: {type: array, minItems: 2, items: {type: integer}}}
        - {name: session, in: cookie, required: true, schema: {type: string, enum: [s1]}}
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: {type: object, additionalProperties: false, properties: {name: {type: string, enum: ["doc 1"]}, meta: %s, file: {type: string, format: binary}}}
      responses: {"204": {description: done}}
`, rtKinAddress, rtKinAddress)
	doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}

	path := "/items/" + rtPathParam("id", "a b/c", rtSimple) + "/" + rtPathParam("colors", []string{"red", "green"}, rtLabel|rtExplode) + "/"
	if err := rtCheckPath(path); err != nil {
		t.Fatal(err)
	}
	var ps rtParams
	ps.query("filter", rtAddress{"1 Main St", "Paris"}, rtDeepObject|rtExplode)
	ps.query("ids", []int64{4, 2}, rtPipeDelimited)
	ps.query("limit", 10, rtForm|rtExplode)
	ps.header("X-Trace", []int{1, 2}, rtSimple)
	ps.cookie("session", "s1", rtForm|rtExplode)
	query, header, err := ps.encoded()
	if err != nil {
		t.Fatal(err)
	}
	body, ct, err := rtEncodeBodyWith(struct {
		Name string     `json:"name"`
		Meta rtAddress  `json:"meta"`
		File io.Reader  `json:"file"`
		Skip Opt[int64] `json:"skip,omitzero"`
	}{Name: "doc 1", Meta: rtAddress{"1 Main St", "Paris"}, File: strings.NewReader("%PDF")}, "multipart/form-data", nil)
	if err != nil {
		t.Fatal(err)
	}

	target := "http://api.test/v1" + path + "?" + rtJoinQuery("", query, "")
	want := "http://api.test/v1/items/a%20b%2Fc/.red.green/?filter%5Bstreet%5D=1%20Main%20St&filter%5Bcity%5D=Paris&ids=4%7C2&limit=10"
	if target != want {
		t.Errorf("URL\n got %s\nwant %s", target, want)
	}
	r := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	for k, v := range header {
		r.Header[k] = v
	}
	r.Header.Set("Content-Type", ct)
	if got := r.Header.Get("X-Trace") + " | " + r.Header.Get("Cookie"); got != "1,2 | session=s1" {
		t.Errorf("headers: %s", got)
	}
	if err := rtKinValidate(t, doc, r); err != nil {
		t.Errorf("kin-openapi rejects the request: %v", err)
	}
}
