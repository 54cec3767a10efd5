package whop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
	"reflect"
	"slices"
	"strings"
)

// rtEncodeBody encodes a request body for its media type: JSON by default,
// form and multipart fields for the two form media types, and the bytes of
// an io.Reader or []byte as they are. It returns the body and the
// Content-Type to send.
func rtEncodeBody(body any, contentType string) ([]byte, string, error) {
	switch b := body.(type) {
	case []byte:
		return b, rtOr(contentType, "application/octet-stream"), nil
	case io.Reader:
		data, err := io.ReadAll(b)
		return data, rtOr(contentType, "application/octet-stream"), err
	}
	media, _, _ := mime.ParseMediaType(contentType)
	switch media {
	case "application/x-www-form-urlencoded":
		fields, err := rtFormFields(body)
		if err != nil {
			return nil, "", err
		}
		form := url.Values{}
		for _, f := range fields {
			for _, v := range f.values {
				form.Add(f.name, v)
			}
		}
		return []byte(form.Encode()), contentType, nil
	case "multipart/form-data":
		return rtMultipart(body)
	case "", "application/json":
		data, err := encodeJSON(body)
		return data, "application/json", err
	}
	if strings.HasSuffix(media, "+json") {
		data, err := encodeJSON(body)
		return data, contentType, err
	}
	if s, ok := body.(string); ok {
		return []byte(s), contentType, nil
	}
	return nil, "", fmt.Errorf("cannot encode %T as %s", body, contentType)
}

func rtOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// rtFormField is one form field with its values.
type rtFormField struct {
	name   string
	values []string
}

// rtFormFields flattens a body struct into form fields through its JSON
// encoding, so field names, omitted fields and constants match the JSON
// body: strings as they are, arrays as repeated fields, anything else as
// JSON text.
func rtFormFields(body any) ([]rtFormField, error) {
	data, err := encodeJSON(body)
	if err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, fmt.Errorf("a form body must be an object: %w", err)
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	slices.Sort(names)
	var out []rtFormField
	for _, name := range names {
		raw := obj[name]
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			f := rtFormField{name: name}
			for _, item := range list {
				f.values = append(f.values, rtFormValue(item))
			}
			out = append(out, f)
			continue
		}
		out = append(out, rtFormField{name: name, values: []string{rtFormValue(raw)}})
	}
	return out, nil
}

func rtFormValue(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if string(raw) == "null" {
		return ""
	}
	return string(raw)
}

// rtMultipart encodes a body struct as multipart/form-data: io.Reader
// fields become file parts, the rest are form fields as rtFormFields
// writes them.
func rtMultipart(body any) ([]byte, string, error) {
	files := map[string]io.Reader{}
	v := reflect.ValueOf(body)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		readerType := reflect.TypeFor[io.Reader]()
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" || f.Type != readerType || v.Field(i).IsNil() {
				continue
			}
			files[name] = v.Field(i).Interface().(io.Reader)
		}
	}
	fields, err := rtFormFields(body)
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range fields {
		if r, ok := files[f.name]; ok {
			part, err := w.CreateFormFile(f.name, f.name)
			if err != nil {
				return nil, "", err
			}
			if _, err := io.Copy(part, r); err != nil {
				return nil, "", err
			}
			continue
		}
		for _, value := range f.values {
			if err := w.WriteField(f.name, value); err != nil {
				return nil, "", err
			}
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
