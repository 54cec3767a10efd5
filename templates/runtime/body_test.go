package whop

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
	"strings"
	"testing"
)

type formBody struct {
	Name  string         `json:"name"`
	Tags  []string       `json:"tags,omitzero"`
	Count Opt[int64]     `json:"count,omitzero"`
	Note  Opt[string]    `json:"note,omitzero"`
	Meta  map[string]int `json:"meta,omitzero"`
	File  io.Reader      `json:"file,omitzero"`
}

func TestEncodeFormBody(t *testing.T) {
	body, ct, err := rtEncodeBody(formBody{Name: "a b&c", Tags: []string{"x", "y"}, Count: Some[int64](0), Meta: map[string]int{"k": 1}}, "application/x-www-form-urlencoded")
	if err != nil {
		t.Fatal(err)
	}
	if ct != "application/x-www-form-urlencoded" {
		t.Errorf("content type %q", ct)
	}
	got, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{"name": {"a b&c"}, "tags": {"x", "y"}, "count": {"0"}, "meta": {`{"k":1}`}}
	if got.Encode() != want.Encode() {
		t.Errorf("form = %s, want %s", got.Encode(), want.Encode())
	}
}

func TestEncodeMultipartBody(t *testing.T) {
	body, ct, err := rtEncodeBody(formBody{Name: "doc", File: strings.NewReader("%PDF-1.7 bytes")}, "multipart/form-data")
	if err != nil {
		t.Fatal(err)
	}
	media, params, err := mime.ParseMediaType(ct)
	if err != nil || media != "multipart/form-data" {
		t.Fatalf("content type %q: %v", ct, err)
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	parts := map[string]string{}
	files := map[string]bool{}
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(p)
		parts[p.FormName()] = string(data)
		files[p.FormName()] = p.FileName() != ""
	}
	if parts["name"] != "doc" || parts["file"] != "%PDF-1.7 bytes" || !files["file"] || files["name"] {
		t.Errorf("parts = %q (files %v)", parts, files)
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
	body, ct, err = rtEncodeBody(map[string]int{"a": 1}, "application/merge-patch+json")
	if err != nil || string(body) != `{"a":1}` || ct != "application/merge-patch+json" {
		t.Errorf("+json: %q %q %v", body, ct, err)
	}
	if _, _, err := rtEncodeBody(struct{}{}, "application/xml"); err == nil {
		t.Error("a struct as XML: want an error")
	}
}
