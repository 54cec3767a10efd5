package model

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// response picks the first success response with a body and types it. A
// list response in the shape of a cursor page gets a Page.
func (b *builder) response(m *Method, method *nameReq, op *openapi3.Operation) {
	if op.Responses == nil {
		return
	}
	var success []string
	for _, code := range op.Responses.Keys() {
		if ref := op.Responses.Value(code); strings.HasPrefix(code, "2") && ref != nil && ref.Value != nil {
			success = append(success, code)
		}
	}
	slices.Sort(success)
	if len(success) == 0 {
		return
	}
	chosen := op.Responses.Value(success[0]).Value
	media := pickMedia(chosen.Content)
	if media.Kind == MediaNone {
		return // a success without a body, such as 204
	}
	for _, code := range success[1:] {
		other := op.Responses.Value(code).Value
		if om := pickMedia(other.Content); om.Kind != MediaNone && !sameSchema(other.Content[om.Raw], chosen.Content[media.Raw]) {
			b.warn(m.Pos, "%s %s: the %s and %s responses have different bodies; the method decodes the %s one", m.HTTPMethod, m.Path, success[0], code, success[0])
		}
	}
	m.RespMedia = media
	var schema *openapi3.SchemaRef
	if mt := chosen.Content[media.Raw]; mt != nil {
		schema = mt.Schema
	}
	switch media.Kind {
	case MediaText:
		m.Response = &GoType{Kind: KindString}
		return
	case MediaJSON:
	default:
		m.Response = &GoType{Kind: KindReader}
		return
	}
	key := m.HTTPMethod + " " + m.Path + " response"
	h := child(method, "Response")
	m.Response, m.ResponseNullable = b.typeOf(schema, h, key, false)
	m.Page = detectPage(m)
	if m.Page != nil && m.Response.Named.Key == key {
		// Made for this method: named ...Page, and it can fetch its successor.
		b.typeNames[m.Response.Named].hint = child(method, "Page")
		m.Page.Owned = true
		m.Response.Named.PageOf = m
	}
}

// sameSchema reports whether two media types carry the same schema.
func sameSchema(a, b *openapi3.MediaType) bool {
	if a == nil || b == nil || a.Schema == nil || b.Schema == nil {
		return a == b || (a != nil && b != nil && a.Schema == nil && b.Schema == nil)
	}
	if a.Schema.Ref != "" || b.Schema.Ref != "" {
		return a.Schema.Ref == b.Schema.Ref
	}
	return a.Schema.Value == b.Schema.Value
}

// detectPage recognises cursor pagination from the types: a response
// object with a "data" list and a "page_info" object holding "end_cursor"
// and "has_next_page", for a method that takes an "after" query parameter.
func detectPage(m *Method) *Page {
	if m.Response == nil || m.Response.Kind != KindNamed || m.Params == nil || m.Params.Kind != TypeStruct || m.ResponseNullable {
		return nil
	}
	resp := m.Response.Named
	if resp.Kind != TypeStruct {
		return nil
	}
	p := &Page{
		Data:     fieldByJSON(resp, "data"),
		PageInfo: fieldByJSON(resp, "page_info"),
		After:    fieldByJSON(m.Params, "after"),
	}
	if p.Data == nil || p.PageInfo == nil || p.After == nil || p.Data.Type.Kind != KindSlice ||
		p.PageInfo.Type.Kind != KindNamed || p.PageInfo.Type.Named.Kind != TypeStruct || p.After.In != InQuery ||
		p.After.Type.Kind != KindString || p.PageInfo.Wrap() != Plain || p.Data.Wrap() != Plain {
		return nil
	}
	p.EndCursor = fieldByJSON(p.PageInfo.Type.Named, "end_cursor")
	p.HasNextPage = fieldByJSON(p.PageInfo.Type.Named, "has_next_page")
	if p.EndCursor == nil || p.HasNextPage == nil || p.EndCursor.Type.Kind != KindString || p.HasNextPage.Type.Kind != KindBool {
		return nil
	}
	p.Item = p.Data.Type.Elem
	return p
}

func fieldByJSON(t *Type, name string) *Field {
	for _, f := range t.Fields {
		if f.JSONName == name && f.In != InWholeBody {
			return f
		}
	}
	return nil
}
