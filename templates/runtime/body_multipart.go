package whop

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
)

// rtBodyMember is one top-level property of a form or multipart body.
type rtBodyMember struct {
	name  string
	value rtValue     // read from the body's JSON encoding
	files []io.Reader // for a binary property: the io.Reader, or each of a list of them
}

var rtReaderType = reflect.TypeFor[io.Reader]()

// rtBodyMembers lists a body's properties: io.Reader fields (and slices of
// them) are files, everything else is read from the body's JSON encoding,
// so names, omitted fields and constant properties match the JSON body.
// Files come after the other properties, in field order.
func rtBodyMembers(body any) ([]rtBodyMember, error) {
	body, files := rtTakeFiles(body)
	data, err := rtBodyJSON(body)
	if err != nil {
		return nil, err
	}
	obj, err := rtValueFromJSON(data)
	if err != nil {
		return nil, err
	}
	if obj.kind != rtObject {
		return nil, errRtBodyNotObject
	}
	members := make([]rtBodyMember, 0, len(obj.keys)+len(files))
	for i, k := range obj.keys {
		members = append(members, rtBodyMember{name: k, value: obj.items[i]})
	}
	return append(members, files...), nil
}

// rtTakeFiles finds the binary fields of a body struct and returns a copy
// of the body without them (so they are not JSON-encoded) and the files.
func rtTakeFiles(body any) (any, []rtBodyMember) {
	rv := reflect.ValueOf(body)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return body, nil
	}
	var files []rtBodyMember
	var rest reflect.Value
	for i := range rv.NumField() {
		f := rv.Type().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || !rtIsFileType(f.Type) {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if readers := rtReaders(rv.Field(i)); len(readers) > 0 {
			files = append(files, rtBodyMember{name: name, files: readers})
		}
		if !rest.IsValid() {
			rest = reflect.New(rv.Type())
			rest.Elem().Set(rv)
		}
		rest.Elem().Field(i).SetZero()
	}
	if !rest.IsValid() {
		return body, nil
	}
	return rest.Interface(), files
}

func rtIsFileType(t reflect.Type) bool {
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t.Implements(rtReaderType)
}

// rtReaders returns the non-nil readers of a reader field or a list of them.
func rtReaders(v reflect.Value) []io.Reader {
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		if rtIsNil(v) {
			return nil
		}
		return []io.Reader{v.Interface().(io.Reader)}
	}
	var out []io.Reader
	for i := range v.Len() {
		if item := v.Index(i); !rtIsNil(item) {
			out = append(out, item.Interface().(io.Reader))
		}
	}
	return out
}

func rtIsNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return v.IsNil()
	}
	return false
}

// rtMultipartBody writes a multipart/form-data body. With no encoding a
// property becomes one part per value: a file as an
// application/octet-stream file part, a primitive as a text/plain part,
// an object as an application/json part, and a list as one such part per
// member under the same name. An encoding's contentType replaces the
// default; its style writes the property as the name and value pairs of
// that query style, one text part each, without percent-encoding.
func rtMultipartBody(body any, params map[string]string, enc rtEncoding) ([]byte, string, error) {
	members, err := rtBodyMembers(body)
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, m := range members {
		if err := rtWriteMember(w, m, enc[m.name]); err != nil {
			return nil, "", fmt.Errorf("property %q: %w", m.name, err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	out := map[string]string{}
	for k, v := range params {
		out[k] = v
	}
	out["boundary"] = w.Boundary()
	return buf.Bytes(), mime.FormatMediaType("multipart/form-data", out), nil
}

func rtWriteMember(w *multipart.Writer, m rtBodyMember, e rtPartEncoding) error {
	switch {
	case m.files != nil:
		for _, r := range m.files {
			if err := rtWriteFile(w, m.name, r, e); err != nil {
				return err
			}
		}
		return nil
	case e.Style != rtStyleNone:
		if !e.Style.isFormLike() {
			return fmt.Errorf("style %s is not defined for form bodies", e.Style)
		}
		for _, p := range rtPairs(nil, m.name, m.value, e.Style, rtEscapeNone) {
			if err := rtWritePart(w, p.name, "", strings.NewReader(p.value), e.Headers); err != nil {
				return err
			}
		}
		return nil
	case m.value.kind == rtList:
		for _, item := range m.value.items {
			if err := rtWriteValuePart(w, m.name, item, e); err != nil {
				return err
			}
		}
		return nil
	}
	return rtWriteValuePart(w, m.name, m.value, e)
}

// rtWriteValuePart writes one value as a part of the encoding's content
// type, or text/plain for a primitive (RFC 7578's default, so the header
// is left out) and application/json for anything else.
func rtWriteValuePart(w *multipart.Writer, name string, v rtValue, e rtPartEncoding) error {
	media := rtConcreteMedia(e.ContentType)
	if media == "" && v.kind != rtPrimitive {
		media = "application/json"
	}
	text, err := rtContentText(v, media)
	if err != nil {
		return err
	}
	return rtWritePart(w, name, media, strings.NewReader(text), e.Headers)
}

// rtWriteFile writes a file part named after the reader's file when it
// has a name (an *os.File), else after the property.
func rtWriteFile(w *multipart.Writer, name string, r io.Reader, e rtPartEncoding) error {
	filename := name
	if f, ok := r.(interface{ Name() string }); ok && f.Name() != "" {
		filename = filepath.Base(f.Name())
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", multipart.FileContentDisposition(name, filename))
	h.Set("Content-Type", rtOr(rtConcreteMedia(e.ContentType), "application/octet-stream"))
	return rtCopyPart(w, h, r, e.Headers)
}

func rtWritePart(w *multipart.Writer, name, media string, r io.Reader, extra map[string]string) error {
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="`+rtQuoteEscaper.Replace(name)+`"`)
	if media != "" {
		h.Set("Content-Type", media)
	}
	return rtCopyPart(w, h, r, extra)
}

var rtQuoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

func rtCopyPart(w *multipart.Writer, h textproto.MIMEHeader, r io.Reader, extra map[string]string) error {
	for k, v := range extra {
		k = textproto.CanonicalMIMEHeaderKey(k)
		if k == "Content-Type" || k == "Content-Disposition" {
			continue
		}
		if strings.ContainsAny(k+v, "\r\n") || strings.ContainsAny(k, " :") {
			return fmt.Errorf("invalid part header %q", k)
		}
		h.Set(k, v)
	}
	part, err := w.CreatePart(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(part, r)
	return err
}

// rtFormEscape escapes a name or value of content written into a
// form-urlencoded body, as RFC 1866 does (a space becomes "+").
func rtFormEscape(s string) string { return url.QueryEscape(s) }
