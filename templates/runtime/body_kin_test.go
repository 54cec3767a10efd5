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
