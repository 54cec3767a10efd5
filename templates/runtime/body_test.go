package whop

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type rtAddress struct {
	Street string `json:"street"`
	City   string `json:"city"`
}

type formBody struct {
	Name    string           `json:"name"`
	Tags    []string         `json:"tags,omitzero"`
	Count   Opt[int64]       `json:"count,omitzero"`
	Note    Opt[string]      `json:"note,omitzero"`
	Address Opt[rtAddress]   `json:"address,omitzero"`
	Meta    map[string]int   `json:"meta,omitzero"`
	Level   Opt[rtParamEnum] `json:"level,omitzero"`
}

func TestJSONBodyKeepsMediaTypeParameters(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "application/json"},
		{"*/*", "application/json"},
		{"application/json", "application/json"},
		{"application/json; charset=utf-8", "application/json; charset=utf-8"},
		{"Application/JSON;charset=UTF-8", "Application/JSON;charset=UTF-8"},
		{"application/merge-patch+json", "application/merge-patch+json"},
		{"application/vnd.api+json; ext=bulk", "application/vnd.api+json; ext=bulk"},
	} {
		body, ct, err := rtEncodeBody(map[string]int{"a": 1}, c.in)
		if err != nil || string(body) != `{"a":1}` || ct != c.want {
			t.Errorf("%q: %s, %q, %v; want Content-Type %q", c.in, body, ct, err, c.want)
		}
	}
	if _, _, err := rtEncodeBody(map[string]int{}, "application/json; charset"); err == nil {
		t.Error("a malformed content type: want an error")
	}
}

func TestEncodeFormBodyDefaults(t *testing.T) {
	// With no encoding object, properties are form-style and exploded: a
	// list repeats its name, an object is written as its properties, and
	// null is left out.
	body, ct, err := rtEncodeBody(formBody{
		Name: "a b&c", Tags: []string{"x", "y,z"}, Count: Some[int64](0), Note: Null[string](),
		Address: Some(rtAddress{Street: "1 Main St", City: "Zürich"}), Meta: map[string]int{"k": 1, "j": 2}, Level: Some(rtParamEnum("pro")),
	}, "application/x-www-form-urlencoded; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if ct != "application/x-www-form-urlencoded; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	want := "name=a%20b%26c&tags=x&tags=y%2Cz&count=0&street=1%20Main%20St&city=Z%C3%BCrich&j=2&k=1&level=pro"
	if string(body) != want {
		t.Errorf("form\n got %s\nwant %s", body, want)
	}
}

func TestEncodeFormBodyWithEncoding(t *testing.T) {
	v := formBody{Name: "n", Tags: []string{"x", "y"}, Address: Some(rtAddress{Street: "1 Main St", City: "Paris"}), Meta: map[string]int{"k": 1}, Count: Some[int64](3)}
	for _, c := range []struct {
		name string
		enc  rtEncoding
		want string
	}{
		{"deepObject", rtEncoding{"address": {Style: rtDeepObject | rtExplode}}, "name=n&tags=x&tags=y&count=3&address%5Bstreet%5D=1%20Main%20St&address%5Bcity%5D=Paris&k=1"},
		{"form without explode", rtEncoding{"address": {Style: rtForm}, "tags": {Style: rtForm}}, "name=n&tags=x,y&count=3&address=street,1%20Main%20St,city,Paris&k=1"},
		{"pipeDelimited", rtEncoding{"tags": {Style: rtPipeDelimited}}, "name=n&tags=x%7Cy&count=3&street=1%20Main%20St&city=Paris&k=1"},
		{"JSON content", rtEncoding{"address": {ContentType: "application/json"}, "count": {ContentType: "application/json"}}, "name=n&tags=x&tags=y&count=3&address=%7B%22street%22%3A%221+Main+St%22%2C%22city%22%3A%22Paris%22%7D&k=1"},
		{"text content", rtEncoding{"name": {ContentType: "text/plain"}}, "name=n&tags=x&tags=y&count=3&street=1%20Main%20St&city=Paris&k=1"},
		{"style wins over content type", rtEncoding{"address": {ContentType: "application/json", Style: rtDeepObject | rtExplode}}, "name=n&tags=x&tags=y&count=3&address%5Bstreet%5D=1%20Main%20St&address%5Bcity%5D=Paris&k=1"},
	} {
		body, _, err := rtEncodeBodyWith(v, "application/x-www-form-urlencoded", c.enc)
		if err != nil || string(body) != c.want {
			t.Errorf("%s:\n got %s (%v)\nwant %s", c.name, body, err, c.want)
		}
	}
}

// TestFormBodySpecExample is the spec's "URL Encoded Form with JSON
// Values" example, byte for byte.
func TestFormBodySpecExample(t *testing.T) {
	type address struct {
		StreetAddress string `json:"streetAddress"`
		City          string `json:"city"`
		State         string `json:"state"`
		Zip           string `json:"zip"`
	}
	type form struct {
		ID      string  `json:"id"`
		Address address `json:"address"`
	}
	v := form{ID: "f81d4fae-7dec-11d0-a765-00a0c91e6bf6", Address: address{"123 Example Dr.", "Somewhere", "CA", "99999+1234"}}
	body, _, err := rtEncodeBodyWith(v, "application/x-www-form-urlencoded", rtEncoding{"address": {ContentType: "application/json"}})
	want := "id=f81d4fae-7dec-11d0-a765-00a0c91e6bf6&address=%7B%22streetAddress%22%3A%22123+Example+Dr.%22%2C%22city%22%3A%22Somewhere%22%2C%22state%22%3A%22CA%22%2C%22zip%22%3A%2299999%2B1234%22%7D"
	if err != nil || string(body) != want {
		t.Errorf("got  %s (%v)\nwant %s", body, err, want)
	}
	body, _, err = rtEncodeBodyWith(struct {
		ID string `json:"id"`
	}{v.ID}, "application/x-www-form-urlencoded", rtEncoding{"id": {ContentType: "application/json"}})
	if want := "id=%22f81d4fae-7dec-11d0-a765-00a0c91e6bf6%22"; err != nil || string(body) != want {
		t.Errorf("id as JSON: %s (%v), want %s", body, err, want)
	}
}

func TestFormBodyErrors(t *testing.T) {
	for name, c := range map[string]struct {
		body any
		enc  rtEncoding
		want string
	}{
		"a file":           {multipartBody{Name: "x", File: strings.NewReader("data")}, nil, `property "file" is a file, which a form-urlencoded body cannot carry`},
		"not an object":    {[]string{"a"}, nil, "a form body must be an object"},
		"a null body":      {(*formBody)(nil), nil, "a form body must be an object"},
		"a path style":     {formBody{Name: "x"}, rtEncoding{"name": {Style: rtLabel}}, `property "name": style label is not defined for form bodies`},
		"object as XML":    {formBody{Meta: map[string]int{"a": 1}}, rtEncoding{"meta": {ContentType: "application/xml"}}, `property "meta": cannot encode a list or object as application/xml`},
		"bad media":        {formBody{Name: "x"}, rtEncoding{"name": {ContentType: "text/"}}, `property "name": content type "text/"`},
		"unsupported type": {map[string]any{"f": make(chan int)}, nil, "json: unsupported type: chan int"},
	} {
		_, _, err := rtEncodeBodyWith(c.body, "application/x-www-form-urlencoded", c.enc)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", name, err, c.want)
		}
	}
}

type multipartBody struct {
	Name      string         `json:"name"`
	Count     Opt[int64]     `json:"count,omitzero"`
	Meta      Opt[rtAddress] `json:"meta,omitzero"`
	Tags      []string       `json:"tags,omitzero"`
	Addresses []rtAddress    `json:"addresses,omitzero"`
	Filter    map[string]any `json:"filter,omitzero"`
	Raw       []byte         `json:"raw,omitzero"`
	File      io.Reader      `json:"file,omitzero"`
	Photos    []io.Reader    `json:"photos,omitzero"`
	Skipped   io.Reader      `json:"skipped,omitzero"`
}

// rtPart is a multipart part as read back.
type rtPart struct {
	name, filename, contentType, body string
	header                            map[string][]string
}

func rtReadParts(t *testing.T, body []byte, contentType string) []rtPart {
	t.Helper()
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil || media != "multipart/form-data" || params["boundary"] == "" {
		t.Fatalf("content type %q: %v", contentType, err)
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var parts []rtPart
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return parts
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, rtPart{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(data), p.Header})
	}
}

func TestEncodeMultipartBody(t *testing.T) {
	body, ct, err := rtEncodeBodyWith(multipartBody{
		Name: `doc "1"`, Count: Some[int64](7), Meta: Some(rtAddress{"1 Main St", "Paris"}),
		Tags: []string{"a", "b"}, Addresses: []rtAddress{{"x", "y"}, {"z", "w"}}, Raw: []byte{0xff, 0},
		File: strings.NewReader("%PDF-1.7 bytes"), Photos: []io.Reader{strings.NewReader("png1"), nil, bytes.NewReader([]byte("png2"))},
	}, "multipart/form-data", rtEncoding{
		"photos": {ContentType: "image/*, image/png, image/jpeg", Headers: map[string]string{"X-Rate-Limit-Limit": "10", "content-type": "ignored"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []rtPart{
		{name: "name", body: `doc "1"`},
		{name: "count", body: "7"},
		{name: "meta", contentType: "application/json", body: `{"street":"1 Main St","city":"Paris"}`},
		{name: "tags", body: "a"},
		{name: "tags", body: "b"},
		{name: "addresses", contentType: "application/json", body: `{"street":"x","city":"y"}`},
		{name: "addresses", contentType: "application/json", body: `{"street":"z","city":"w"}`},
		{name: "raw", body: "/wA="},
		{name: "file", filename: "file", contentType: "application/octet-stream", body: "%PDF-1.7 bytes"},
		{name: "photos", filename: "photos", contentType: "image/png", body: "png1"},
		{name: "photos", filename: "photos", contentType: "image/png", body: "png2"},
	}
	got := rtReadParts(t, body, ct)
	if len(got) != len(want) {
		t.Fatalf("%d parts, want %d:\n%+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.name != w.name || g.filename != w.filename || g.contentType != w.contentType || g.body != w.body {
			t.Errorf("part %d: got %q %q %q %q\n           want %q %q %q %q", i, g.name, g.filename, g.contentType, g.body, w.name, w.filename, w.contentType, w.body)
		}
		if rl := g.header["X-Rate-Limit-Limit"]; (w.name == "photos") != (len(rl) == 1 && rl[0] == "10") {
			t.Errorf("part %d (%s): X-Rate-Limit-Limit = %q", i, g.name, rl)
		}
	}
}

func TestEncodeMultipartWithStyles(t *testing.T) {
	body, ct, err := rtEncodeBodyWith(multipartBody{
		Name: "n", Tags: []string{"a b", "c"}, Filter: map[string]any{"k": "v w", "n": map[string]any{"x": 1}}, Meta: Some(rtAddress{"s", "c"}),
	}, "multipart/form-data", rtEncoding{
		"tags":   {Style: rtForm},
		"filter": {Style: rtDeepObject | rtExplode},
		"meta":   {Style: rtForm | rtExplode},
		"name":   {ContentType: "application/json"},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Style-based parts carry name and value pairs without percent-encoding.
	want := [][2]string{{"name", `"n"`}, {"street", "s"}, {"city", "c"}, {"tags", "a b,c"}, {"filter[k]", "v w"}, {"filter[n][x]", "1"}}
	got := rtReadParts(t, body, ct)
	if len(got) != len(want) {
		t.Fatalf("parts %+v", got)
	}
	for i, w := range want {
		if got[i].name != w[0] || got[i].body != w[1] {
			t.Errorf("part %d: %q=%q, want %q=%q", i, got[i].name, got[i].body, w[0], w[1])
		}
	}
	if got[0].contentType != "application/json" || got[1].contentType != "" {
		t.Errorf("content types %q, %q", got[0].contentType, got[1].contentType)
	}
}

func TestMultipartQuotesNames(t *testing.T) {
	body, ct, err := rtEncodeBody(map[string]any{`a"b\\c`: "x"}, "multipart/form-data")
	if err != nil {
		t.Fatal(err)
	}
	if parts := rtReadParts(t, body, ct); len(parts) != 1 || parts[0].name != `a"b\\c` || parts[0].body != "x" {
		t.Errorf("parts %+v", parts)
	}
}

func TestMultipartFileNameFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report 2025.pdf")
	if err := os.WriteFile(path, []byte("pdf"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	body, ct, err := rtEncodeBody(multipartBody{Name: "x", File: f}, "multipart/form-data; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if _, params, _ := mime.ParseMediaType(ct); params["charset"] != "utf-8" {
		t.Errorf("content type %q lost its parameters", ct)
	}
	parts := rtReadParts(t, body, ct)
	if len(parts) != 2 || parts[1].filename != "report 2025.pdf" || parts[1].body != "pdf" {
		t.Errorf("parts %+v", parts)
	}
}

func TestMultipartErrors(t *testing.T) {
	for name, c := range map[string]struct {
		body any
		enc  rtEncoding
		want string
	}{
		"object as XML":    {multipartBody{Meta: Some(rtAddress{})}, rtEncoding{"meta": {ContentType: "application/xml"}}, `property "meta": cannot encode a list or object as application/xml`},
		"a path style":     {multipartBody{Name: "x"}, rtEncoding{"name": {Style: rtMatrix}}, `property "name": style matrix is not defined for form bodies`},
		"header injection": {multipartBody{Name: "x"}, rtEncoding{"name": {Headers: map[string]string{"X-A": "1\r\nX-B: 2"}}}, `property "name": invalid part header "X-A"`},
		"not an object":    {"text", nil, "a form body must be an object"},
	} {
		_, _, err := rtEncodeBodyWith(c.body, "multipart/form-data", c.enc)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: err = %v, want %q", name, err, c.want)
		}
	}
}

func TestEncodeRawBodies(t *testing.T) {
	body, ct, err := rtEncodeBody(strings.NewReader("raw"), "image/png")
	if err != nil || string(body) != "raw" || ct != "image/png" {
		t.Errorf("reader: %q %q %v", body, ct, err)
	}
	body, ct, err = rtEncodeBody([]byte{1, 2}, "")
	if err != nil || len(body) != 2 || ct != "application/octet-stream" {
		t.Errorf("bytes: %q %q %v", body, ct, err)
	}
	body, ct, err = rtEncodeBody("héllo", "text/plain; charset=utf-8")
	if err != nil || string(body) != "héllo" || ct != "text/plain; charset=utf-8" {
		t.Errorf("text: %q %q %v", body, ct, err)
	}
	if _, _, err := rtEncodeBody(struct{}{}, "application/xml"); err == nil {
		t.Error("a struct as XML: want an error")
	}
}
