package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// params builds the ...Params type of a method: its query, header and
// cookie parameters, and its request body in one of the ways BodyKind
// lists.
func (b *builder) params(m *Method, method *nameReq, params []*openapi3.Parameter, op *openapi3.Operation) {
	opKey := m.HTTPMethod + " " + m.Path
	key := opKey + " params"
	t := &Type{Key: key, Kind: TypeStruct, Request: true, Pos: m.Pos}
	req := b.newTypeName(t, child(method, "Params"), classInline, "the parameters of "+opKey)
	for _, p := range params {
		if p.In == "path" {
			continue
		}
		t.Fields = append(t.Fields, b.paramField(t, req, p))
	}
	body := requestBody(op)
	m.BodyMedia = body.media
	if body.media.Kind == MediaForm || body.media.Kind == MediaMultipart {
		m.BodyEncoding = partEncodings(body.encoding)
	}
	switch {
	case body.media.Kind == MediaNone:
		m.Body = BodyNone
	case body.schema == nil || body.media.Kind == MediaText || body.media.Kind == MediaBinary:
		b.rawBody(m, t, body)
	case b.flatBody(body):
		b.flatBodyFields(m, t, body)
	case len(t.Fields) == 0 && b.wholeBody(body):
		m.Body = BodyWhole
		typ, _ := b.typeOf(body.schema, child(method, "Params"), opKey+" body", true)
		m.Params = typ.Named
		return
	default:
		b.bodyField(m, t, method, body)
	}
	if len(t.Fields) > 0 || m.Body != BodyNone {
		m.Params = t
		b.api.Types = append(b.api.Types, t)
	}
}

// paramField is the field of a query, header or cookie parameter. A
// parameter cannot be sent as null, so its nullability is dropped: an
// optional list is a plain slice, nil when not sent.
func (b *builder) paramField(t *Type, req *nameReq, p *openapi3.Parameter) *Field {
	schema := paramSchema(p)
	f := &Field{JSONName: p.Name, Required: p.Required, In: location(p.In)}
	b.paramDetails(f, p)
	if f.Doc == "" && schema != nil && schema.Value != nil {
		f.Doc = schema.Value.Description
	}
	key := paramKey(t.Key, p.In, p.Name)
	b.memberField(t, f, "field "+key, 0)
	f.Type, _ = b.typeOf(schema, childNamed(req, &f.Name), key, true)
	return f
}

func location(in string) Location {
	switch in {
	case "query":
		return InQuery
	case "header":
		return InHeader
	case "path":
		return InPath
	case "cookie":
		return InCookie
	}
	return InQuery
}

// body is a request body as the spec gives it.
type body struct {
	schema   *openapi3.SchemaRef
	media    MediaType
	required bool
	encoding map[string]*openapi3.Encoding
}

// requestBody returns the body schema and media type; JSON wins over
// other media types.
func requestBody(op *openapi3.Operation) body {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return body{}
	}
	rb := op.RequestBody.Value
	media := pickMedia(rb.Content)
	if media.Kind == MediaNone {
		return body{}
	}
	out := body{media: media, required: rb.Required}
	if mt := rb.Content[media.Raw]; mt != nil {
		out.schema, out.encoding = mt.Schema, mt.Encoding
	}
	return out
}

// rawBody: a body sent as it is, text as a string, anything else as bytes
// read from an io.Reader.
func (b *builder) rawBody(m *Method, t *Type, body body) {
	typ := &GoType{Kind: KindReader}
	if body.media.Kind == MediaText {
		typ = &GoType{Kind: KindString}
	}
	if body.schema == nil && (body.media.Kind == MediaForm || body.media.Kind == MediaMultipart || body.media.Kind == MediaJSON) {
		b.warn(m.Pos, "%s %s: the %s body has no schema; it is sent as raw bytes", m.HTTPMethod, m.Path, body.media.Raw)
		typ = &GoType{Kind: KindReader}
	}
	b.wholeBodyField(m, t, typ, false, body, "The request body, sent as "+body.media.Raw+".")
}

// wholeBodyField adds the field Body that holds the whole request body.
func (b *builder) wholeBodyField(m *Method, t *Type, typ *GoType, nullable bool, body body, doc string) {
	f := &Field{JSONName: "body", Type: typ, Required: body.required, Nullable: nullable, In: InWholeBody, Doc: doc}
	b.members[t] = append(b.members[t], &claim{
		key: "field " + m.HTTPMethod + " " + m.Path + " body", wants: fixed("Body"), class: 2, what: "the request body of " + m.HTTPMethod + " " + m.Path, pos: m.Pos,
		set: func(name string) { f.Name = name },
	})
	t.Fields = append(t.Fields, f)
	m.Body, m.BodyField = BodyInField, f
}

// flatBody reports whether the body's properties can sit beside the
// parameters: an inline object that is not a union.
func (b *builder) flatBody(body body) bool {
	bs := body.schema.Value
	_, isComponent := b.components[bs]
	return body.schema.Ref == "" && !isComponent && isObject(bs) && len(alternatives(bs)) == 0 &&
		len(bs.Properties) > 0 && !b.mergesUnion(bs)
}

// flatBodyFields makes the body's properties fields of Params.
func (b *builder) flatBodyFields(m *Method, t *Type, body body) {
	bs := body.schema.Value
	t.Doc = bs.Description
	b.inline[bs] = t
	n := len(t.Fields)
	b.fillStructInto(t, bs)
	for _, f := range t.Fields[n:] {
		if body.media.Kind != MediaMultipart {
			continue
		}
		switch prop := bs.Properties[f.JSONName]; {
		case isBinary(prop):
			f.Type = &GoType{Kind: KindReader}
		case prop != nil && prop.Value != nil && isBinary(prop.Value.Items):
			// A list of files: a part for each.
			f.Type = &GoType{Kind: KindSlice, Elem: &GoType{Kind: KindReader}}
		}
	}
	t.Kind = TypeStruct
	m.Body = BodyFlat
}

// fillStructInto adds s's properties to the fields t already has.
func (b *builder) fillStructInto(t *Type, s *openapi3.Schema) {
	fields := t.Fields
	t.Fields = nil
	b.fillStruct(t, s)
	t.Fields = append(fields, t.Fields...)
}

// wholeBody reports whether a body is a union that can be Params itself.
func (b *builder) wholeBody(body body) bool {
	bs := body.schema.Value
	_, isComponent := b.components[bs]
	return !isComponent && body.schema.Ref == "" && len(alternatives(bs)) > 1 && len(bs.Properties) == 0
}

// bodyField puts the body in a field of Params: a component, a list, a
// scalar, or a union beside parameters.
func (b *builder) bodyField(m *Method, t *Type, method *nameReq, body body) {
	typ, nullable := b.typeOf(body.schema, child(method, "ParamsBody"), m.HTTPMethod+" "+m.Path+" body", true)
	b.wholeBodyField(m, t, typ, nullable, body, "The request body.")
}

// isBinary reports whether a multipart property is a file: a binary
// string, or a string with a content media type.
func isBinary(ref *openapi3.SchemaRef) bool {
	if ref == nil || ref.Value == nil {
		return false
	}
	s := ref.Value
	return slices.Contains(types(s), "string") && (s.Format == "binary" || s.ContentMediaType != "" || s.ContentEncoding == "binary")
}

// pickMedia chooses the media type a method sends or reads: JSON first,
// then the first in byte order.
func pickMedia(content openapi3.Content) MediaType {
	keys := slices.Sorted(maps.Keys(content))
	for _, k := range keys {
		if mt := ParseMedia(k); mt.Kind == MediaJSON {
			return mt
		}
	}
	if len(keys) > 0 {
		return ParseMedia(keys[0])
	}
	return MediaType{}
}

// ParseMedia parses a media type as the spec writes it.
func ParseMedia(raw string) MediaType {
	essence := strings.ToLower(strings.TrimSpace(strings.Split(raw, ";")[0]))
	mt := MediaType{Raw: raw, Essence: essence}
	switch {
	case essence == "":
		mt.Kind = MediaNone
	case essence == "application/json" || strings.HasSuffix(essence, "+json") || essence == "*/*":
		mt.Kind = MediaJSON
	case essence == "application/x-www-form-urlencoded":
		mt.Kind = MediaForm
	case essence == "multipart/form-data":
		mt.Kind = MediaMultipart
	case strings.HasPrefix(essence, "text/"):
		mt.Kind = MediaText
	default:
		mt.Kind = MediaBinary
	}
	return mt
}

// partEncodings reads a body's encoding object, in property order.
func partEncodings(enc map[string]*openapi3.Encoding) []PartEncoding {
	var out []PartEncoding
	for _, name := range slices.Sorted(maps.Keys(enc)) {
		e := enc[name]
		if e == nil {
			continue
		}
		pe := PartEncoding{Property: name, ContentType: e.ContentType, AllowReserved: e.AllowReserved}
		if e.Style != "" || e.Explode != nil || e.AllowReserved {
			pe.Style = Style(e.Style)
			if pe.Style == "" {
				pe.Style = StyleForm
			}
			pe.Explode = pe.Style == StyleForm
			if e.Explode != nil {
				pe.Explode = *e.Explode
			}
		}
		for _, h := range slices.Sorted(maps.Keys(e.Headers)) {
			if ref := e.Headers[h]; ref != nil && ref.Value != nil && ref.Value.Schema != nil && ref.Value.Schema.Value != nil {
				if v, ok := headerValue(ref.Value.Schema.Value); ok {
					pe.Headers = append(pe.Headers, PartHeader{Name: h, Value: v})
				}
			}
		}
		out = append(out, pe)
	}
	return out
}

// headerValue is the value a header's schema fixes: its const, its one
// enum value, or its default.
func headerValue(s *openapi3.Schema) (string, bool) {
	for _, v := range []any{s.Const, oneValue(s.Enum), s.Default} {
		if v != nil {
			return fmt.Sprint(v), true
		}
	}
	return "", false
}

func oneValue(values []any) any {
	if len(values) == 1 {
		return values[0]
	}
	return nil
}
