package whop

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
)

// rtPartEncoding is OpenAPI's Encoding Object for one property of a form
// or multipart body, as generated code writes it.
type rtPartEncoding struct {
	// ContentType is the encoding's contentType as the spec gives it (a
	// media type or a comma-separated list, where the first concrete one
	// is sent), or "" for the default by the value's type.
	ContentType string
	// Style is rtStyleNone unless the spec gives style, explode or
	// allowReserved; then it is the resolved style (form by default) with
	// its flags, and ContentType is ignored, as the spec says.
	Style rtStyle
	// Headers are extra part headers whose values the spec fixes
	// (multipart only; Content-Type and Content-Disposition are ignored).
	Headers map[string]string
}

// rtEncoding is a body's encoding object: property name to encoding.
// Properties without an entry use the defaults.
type rtEncoding map[string]rtPartEncoding

// rtEncodeBody encodes a body with no encoding object; see rtEncodeBodyWith.
func rtEncodeBody(body any, contentType string) ([]byte, string, error) {
	return rtEncodeBodyWith(body, contentType, nil)
}

// rtEncodeBodyWith encodes a request body for its media type: JSON by
// default, form and multipart fields for the two form media types as enc
// and OpenAPI's defaults say, and the bytes of an io.Reader, a []byte or a
// string (for text media) as they are. It returns the body and the
// Content-Type to send, which keeps the media type's parameters
// ("application/json; charset=utf-8").
func rtEncodeBodyWith(body any, contentType string, enc rtEncoding) ([]byte, string, error) {
	switch b := body.(type) {
	case []byte:
		return b, rtOr(contentType, "application/octet-stream"), nil
	case io.Reader:
		data, err := io.ReadAll(b)
		return data, rtOr(contentType, "application/octet-stream"), err
	}
	media, params := "", map[string]string(nil)
	if contentType != "" {
		var err error
		if media, params, err = mime.ParseMediaType(contentType); err != nil {
			return nil, "", fmt.Errorf("content type %q: %w", contentType, err)
		}
	}
	switch {
	case media == "application/x-www-form-urlencoded":
		data, err := rtFormBody(body, enc)
		return data, contentType, err
	case media == "multipart/form-data":
		return rtMultipartBody(body, params, enc)
	case media == "" || media == "*/*":
		data, err := rtBodyJSON(body)
		return data, "application/json", err
	case rtIsJSONMedia(media):
		data, err := rtBodyJSON(body)
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

func rtIsJSONMedia(media string) bool {
	return media == "application/json" || strings.HasSuffix(media, "+json")
}

// rtFormBody writes an application/x-www-form-urlencoded body. A property
// with a style is written as a query parameter of that style; one with
// only a content type is that content, form-urlencoded; one with neither
// is form with explode, OpenAPI's default (so an object becomes its
// properties and a list repeats its name). Null properties are left out.
func rtFormBody(body any, enc rtEncoding) ([]byte, error) {
	members, err := rtBodyMembers(body)
	if err != nil {
		return nil, err
	}
	var pairs []rtPair
	for _, m := range members {
		if m.files != nil {
			return nil, fmt.Errorf("property %q is a file, which a form-urlencoded body cannot carry", m.name)
		}
		e := enc[m.name]
		switch {
		case e.Style != rtStyleNone:
			if !e.Style.isFormLike() {
				return nil, fmt.Errorf("property %q: style %s is not defined for form bodies", m.name, e.Style)
			}
			esc := rtEscapeUnreserved
			if e.Style&rtAllowReserved != 0 {
				esc = rtEscapeReserved
			}
			pairs = rtPairs(pairs, m.name, m.value, e.Style, esc)
		case e.ContentType != "":
			text, err := rtContentText(m.value, rtConcreteMedia(e.ContentType))
			if err != nil {
				return nil, fmt.Errorf("property %q: %w", m.name, err)
			}
			pairs = append(pairs, rtPair{rtFormEscape(m.name), rtFormEscape(text)})
		default:
			pairs = rtPairs(pairs, m.name, m.value, rtForm|rtExplode, rtEscapeUnreserved)
		}
	}
	var b bytes.Buffer
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.name)
		b.WriteByte('=')
		b.WriteString(p.value)
	}
	return b.Bytes(), nil
}

// rtContentText writes a value as the given media type: JSON media as its
// JSON, anything else as a primitive's text.
func rtContentText(v rtValue, media string) (string, error) {
	if media != "" {
		m, _, err := mime.ParseMediaType(media)
		if err != nil {
			return "", fmt.Errorf("content type %q: %w", media, err)
		}
		if rtIsJSONMedia(m) {
			return string(v.json), nil
		}
	}
	if v.kind != rtPrimitive {
		return "", fmt.Errorf("cannot encode a list or object as %s", media)
	}
	return v.text, nil
}

// rtConcreteMedia picks what to send from an encoding's contentType, which
// may list several media types and wildcards: the first concrete one, or
// "" when there is none.
func rtConcreteMedia(list string) string {
	for m := range strings.SplitSeq(list, ",") {
		if m = strings.TrimSpace(m); m != "" && !strings.Contains(m, "*") {
			return m
		}
	}
	return ""
}

var errRtBodyNotObject = errors.New("a form body must be an object")
