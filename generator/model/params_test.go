package model

import (
	"fmt"
	"strings"
	"testing"
)

// paramSpec is a spec with one operation, GET /things/{id}, that takes
// the path parameter id and the parameters listed (YAML flow style, one a
// line).
func paramSpec(params ...string) string {
	return `paths:
  /things/{id}:
    get:
      operationId: getThing
      tags: [things]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - ` + strings.Join(params, "\n        - ") + `
      responses:
        '204': {description: done}
`
}

// TestParameterFields checks the field of each kind of parameter: its
// location, style, explode, allowReserved, type and wrapping.
func TestParameterFields(t *testing.T) {
	for _, tc := range []struct{ param, want string }{
		{`{name: q, in: query, schema: {type: string}}`, "q Q string opt in=query style=form explode=true"},
		{`{name: q, in: query, required: true, schema: {type: string}}`, "q Q string plain required always in=query style=form explode=true"},
		{`{name: q, in: query, explode: false, schema: {type: string}}`, "q Q string opt in=query style=form explode=false"},
		{`{name: q, in: query, style: spaceDelimited, schema: {type: array, items: {type: integer}}}`, "q Q []int64 plain in=query style=spaceDelimited explode=false"},
		{`{name: q, in: query, style: pipeDelimited, explode: true, schema: {type: array, items: {type: integer}}}`, "q Q []int64 plain in=query style=pipeDelimited explode=true"},
		{`{name: q, in: query, style: deepObject, explode: true, schema: {type: object, additionalProperties: {type: string}}}`, "q Q map[string]string plain in=query style=deepObject explode=true"},
		{`{name: q, in: query, allowReserved: true, schema: {type: string}}`, "q Q string opt reserved in=query style=form explode=true"},
		{`{name: q, in: query, schema: {type: [string, 'null']}}`, "q Q string opt in=query style=form explode=true"},
		{`{name: q, in: query, required: true, schema: {type: string, nullable: true}}`, "q Q string plain required always in=query style=form explode=true"},
		{`{name: q, in: query, schema: {type: [array, 'null'], items: {type: string}}}`, "q Q []string plain in=query style=form explode=true"},
		{`{name: q, in: query, deprecated: true, description: Old., schema: {type: string, description: Schema words.}}`, "q Q string opt deprecated in=query style=form explode=true doc=Old."},
		{`{name: q, in: query, schema: {type: string, description: Schema words.}}`, "q Q string opt in=query style=form explode=true doc=Schema words."},
		{`{name: q, in: query, content: {application/json: {schema: {type: integer}}}}`, "q Q int64 opt in=query style=form explode=true"},
		{`{name: q, in: query}`, "q Q any plain in=query style=form explode=true"},
		{`{name: q, in: query, schema: {const: fixed}}`, "q Q string opt in=query style=form explode=true"},
		{`{name: q, in: query, schema: {const: ''}}`, "q Q any plain in=query style=form explode=true"},
		{`{name: X-Request-ID, in: header, schema: {type: string}}`, "X-Request-ID XRequestID string opt in=header style=simple explode=false"},
		{`{name: X-Ids, in: header, explode: true, schema: {type: array, items: {type: string}}}`, "X-Ids XIDs []string plain in=header style=simple explode=true"},
		{`{name: session, in: cookie, schema: {type: string}}`, "session Session string opt in=cookie style=form explode=true"},
		{`{name: session, in: cookie, style: form, explode: false, schema: {type: integer}}`, "session Session int64 opt in=cookie style=form explode=false"},
	} {
		api := mustBuild(t, paramSpec(tc.param))
		params := method(t, api, "GET /things/{id}").Params
		if params == nil || len(params.Fields) != 1 {
			t.Errorf("%s: params %v, want one field", tc.param, params)
			continue
		}
		if got := fieldLine(params.Fields[0]); got != tc.want {
			t.Errorf("parameter %s:\n got %s\nwant %s", tc.param, got, tc.want)
		}
	}
}

// TestParamsTypes: parameters in name order, then body properties; a
// parameter wins its Go name over a body property; operation parameters
// override path-level ones.
func TestParamsTypes(t *testing.T) {
	body := `paths:
  /orgs/{org_id}/items:
    parameters:
      - {name: org_id, in: path, required: true, schema: {type: string}}
      - {name: shared, in: query, schema: {type: string}, description: From the path.}
      - {name: limit, in: query, schema: {type: integer}, description: Path level.}
    post:
      operationId: createItem
      tags: [items]
      parameters:
        - {name: zeta, in: query, schema: {type: string}}
        - {name: limit, in: query, required: true, schema: {type: integer}, description: Op level.}
        - {name: alpha, in: header, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              description: The body.
              required: [name]
              properties:
                name: {type: string}
                limit: {type: string}
                body: {type: string}
      responses:
        '204': {description: done}
`
	api, diags := buildSpec(t, body, Options{})
	m := method(t, api, "POST /orgs/{org_id}/items")
	if m.Body != BodyFlat || m.BodyField != nil || m.BodyMedia.Kind != MediaJSON {
		t.Errorf("body kind %d, field %v, media %v; want a flat JSON body", m.Body, m.BodyField, m.BodyMedia)
	}
	p := m.Params
	if p.Name != "ItemCreateParams" || p.Doc != "The body." || !p.Request || p.Kind != TypeStruct {
		t.Errorf("params %s doc %q request %t kind %d", p.Name, p.Doc, p.Request, p.Kind)
	}
	equalLines(t, "params fields", fieldLines(p), []string{
		"alpha Alpha string opt in=header style=simple explode=false",
		"limit Limit int64 plain required always in=query style=form explode=true doc=Op level.",
		"shared Shared string opt in=query style=form explode=true doc=From the path.",
		"zeta Zeta string opt in=query style=form explode=true",
		"body Body string opt",
		"limit Limit2 string opt",
		"name Name string plain required always",
	})
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "post:") + ": warning: query parameter limit of POST /orgs/{org_id}/items and property limit of the parameters of POST /orgs/{org_id}/items both want the Go name Limit; property limit of the parameters of POST /orgs/{org_id}/items is named Limit2",
	})
}

// TestNoParams: an operation with only path parameters and no body has no
// Params type.
func TestNoParams(t *testing.T) {
	api := mustBuild(t, `paths:
  /things/{id}:
    delete:
      operationId: deleteThing
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '204': {description: done}
`)
	m := method(t, api, "DELETE /things/{id}")
	if m.Params != nil || m.Body != BodyNone || m.BodyMedia.Kind != MediaNone || m.Response != nil {
		t.Errorf("params %v, body %d, media %v, response %v; want none", m.Params, m.Body, m.BodyMedia, m.Response)
	}
	for _, typ := range api.Types {
		t.Errorf("unexpected type %s", typ.Name)
	}
}

// TestPathParams: path parameters in path order, typed from their
// schema (text without one), named as Go arguments clear of keywords,
// predeclared names and the names a method body uses.
func TestPathParams(t *testing.T) {
	api := mustBuild(t, `paths:
  /a/{org_id}/{type}/{ctx}/{len}/{Org-ID}/{n}/{color}/{free}/{undeclared}/{m}:
    parameters:
      - {name: org_id, in: path, required: true, schema: {type: string}, description: The org.}
      - {name: n, in: path, required: true, schema: {type: integer, description: From the schema.}}
    get:
      operationId: get
      tags: [things]
      parameters:
        - {name: type, in: path, required: true, schema: {type: integer, format: int32}}
        - {name: ctx, in: path, required: true}
        - {name: len, in: path, required: true, schema: {type: string}, deprecated: true}
        - {name: Org-ID, in: path, required: true, style: label, explode: true, schema: {type: string}}
        - {name: color, in: path, required: true, schema: {type: string, enum: [red]}}
        - {name: free, in: path, required: true, schema: {}}
        - {name: n, in: path, required: true, style: matrix, schema: {type: [integer, 'null']}}
        - {name: m, in: path, required: true, schema: {type: string, description: From the schema.}}
      responses:
        '204': {description: done}
`)
	m := method(t, api, "GET /a/{org_id}/{type}/{ctx}/{len}/{Org-ID}/{n}/{color}/{free}/{undeclared}/{m}")
	var got []string
	for _, p := range m.PathParams {
		got = append(got, fieldLine(p))
	}
	equalLines(t, "path params", got, []string{
		"org_id orgID string plain required always in=path style=simple explode=false doc=The org.",
		"type typeParam int32 plain required always in=path style=simple explode=false",
		"ctx ctxParam string plain required always in=path style=simple explode=false",
		"len lenParam string plain required deprecated always in=path style=simple explode=false",
		"Org-ID orgIDParam string plain required always in=path style=label explode=true",
		"n n int64 plain required always in=path style=matrix explode=false",
		"color color ThingGetColor plain required always in=path style=simple explode=false",
		"free free string plain required always in=path style=simple explode=false",
		"undeclared undeclared string plain required always in=path style=simple explode=false",
		"m m string plain required always in=path style=simple explode=false doc=From the schema.",
	})
	if m.Params != nil {
		t.Errorf("path parameters made a Params type %s", m.Params.Name)
	}
	equalLines(t, "enum", enumLines(typeNamed(t, api, "ThingGetColor")), []string{"ThingGetColorRed=red"})
}

// TestPathParamNamesAvoidEachOther: two path parameters with one Go
// spelling are told apart, by their second candidate without a word and
// by a number with a warning; the spec's snake_case spelling keeps the
// plain name, whatever their order in the path.
func TestPathParamNamesAvoidEachOther(t *testing.T) {
	for _, tc := range []struct {
		path    string
		want    []string
		warning string
	}{
		{"/x/{userId}/{user_id}", []string{"userIDParam", "userID"}, ""},
		{"/x/{user_id}/{userId}", []string{"userID", "userIDParam"}, ""},
		{"/x/{out}/{outParam}", []string{"outParam", "outParamParam"}, ""},
		{"/x/{params}/{url}/{id}", []string{"paramsParam", "urlParam", "id"}, ""},
		{"/x/{id}/y/{id}", []string{"id", "idParam"}, ""},
		{"/x/{a}/{A}/{a_}", []string{"a", "aParam", "a2"}, "path parameter a and path parameter a_ both want the Go name a; path parameter a_ is named a2"},
	} {
		body := "paths:\n  " + tc.path + ":\n    get:\n      operationId: op\n      responses:\n        '204': {description: done}\n"
		api, diags := buildSpec(t, body, Options{})
		var got []string
		for _, p := range method(t, api, "GET "+tc.path).PathParams {
			got = append(got, p.Name)
		}
		equalLines(t, tc.path, got, tc.want)
		var want []string
		if tc.warning != "" {
			want = append(want, at(t, body, "get:")+": warning: "+tc.warning)
		}
		equalLines(t, tc.path+" warnings", diagLines(diags), want)
	}
}

// TestBodies: how each kind of request body becomes part of Params.
func TestBodies(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content string // the requestBody's content
		param   bool   // the operation also takes the query parameter q
		kind    BodyKind
		media   string // the media type's essence and kind
		params  string // the Params type: its name and kind
		fields  []string
	}{
		{"flat JSON object", `application/json: {schema: {type: object, properties: {a: {type: string}}}}`, false,
			BodyFlat, "application/json 1", "ThingMakeParams 0", []string{"a A string opt"}},
		{"flat object with a parameter", `application/json: {schema: {type: object, required: [a], properties: {a: {type: string}}}}`, true,
			BodyFlat, "application/json 1", "ThingMakeParams 0", []string{"q Q string opt in=query style=form explode=true", "a A string plain required always"}},
		{"a component in a field", `application/json: {schema: {$ref: '#/components/schemas/Obj'}}`, false,
			BodyInField, "application/json 1", "ThingMakeParams 0", []string{"body Body Obj opt in=body doc=The request body."}},
		{"a list in a field", `application/json: {schema: {type: array, items: {type: integer}}}`, false,
			BodyInField, "application/json 1", "ThingMakeParams 0", []string{"body Body []int64 plain in=body doc=The request body."}},
		{"a nullable scalar in a field", `application/json: {schema: {type: [integer, 'null']}}`, false,
			BodyInField, "application/json 1", "ThingMakeParams 0", []string{"body Body int64 opt nullable in=body doc=The request body."}},
		{"an object without properties in a field", `application/json: {schema: {type: object, additionalProperties: {type: string}}}`, false,
			BodyInField, "application/json 1", "ThingMakeParams 0", []string{"body Body map[string]string plain in=body doc=The request body."}},
		{"a union of one in a field", `application/json: {schema: {oneOf: [{type: object, properties: {a: {type: boolean}}}]}}`, false,
			BodyInField, "application/json 1", "ThingMakeParams 0", []string{"body Body ThingMakeParamsBody opt in=body doc=The request body."}},
		{"a union is Params", `application/json: {schema: {oneOf: [{type: string}, {type: integer}]}}`, false,
			BodyWhole, "application/json 1", "ThingMakeParams 2", nil},
		{"a union beside a parameter", `application/json: {schema: {oneOf: [{type: string}, {type: integer}]}}`, true,
			BodyInField, "application/json 1", "ThingMakeParams 0", []string{"q Q string opt in=query style=form explode=true", "body Body ThingMakeParamsBody opt in=body doc=The request body."}},
		{"a component union in a field", `application/json: {schema: {$ref: '#/components/schemas/Either'}}`, false,
			BodyInField, "application/json 1", "ThingMakeParams 0", []string{"body Body Either opt in=body doc=The request body."}},
		{"an inline object with a union in allOf", `application/json: {schema: {allOf: [{$ref: '#/components/schemas/Either'}, {properties: {a: {type: string}}}]}}`, false,
			BodyInField, "application/json 1", "ThingMakeParams 0", []string{"body Body any plain in=body doc=The request body."}},
		{"text", `text/plain: {schema: {type: string}}`, false,
			BodyInField, "text/plain 4", "ThingMakeParams 0", []string{"body Body string opt in=body doc=The request body, sent as text/plain."}},
		{"binary", `application/octet-stream: {}`, false,
			BodyInField, "application/octet-stream 5", "ThingMakeParams 0", []string{"body Body io.Reader plain in=body doc=The request body, sent as application/octet-stream."}},
		{"binary with a schema", `image/png: {schema: {type: string, format: binary}}`, false,
			BodyInField, "image/png 5", "ThingMakeParams 0", []string{"body Body io.Reader plain in=body doc=The request body, sent as image/png."}},
		{"JSON wins over other media", `{text/plain: {schema: {type: string}}, application/merge-patch+json: {schema: {type: object, properties: {a: {type: integer}}}}}`, false,
			BodyFlat, "application/merge-patch+json 1", "ThingMakeParams 0", []string{"a A int64 opt"}},
		{"the first media in byte order", `{text/plain: {schema: {type: string}}, application/xml: {schema: {type: string}}}`, false,
			BodyInField, "application/xml 5", "ThingMakeParams 0", []string{"body Body io.Reader plain in=body doc=The request body, sent as application/xml."}},
		{"form", `application/x-www-form-urlencoded: {schema: {type: object, properties: {a: {type: string}}}}`, false,
			BodyFlat, "application/x-www-form-urlencoded 2", "ThingMakeParams 0", []string{"a A string opt"}},
		{"multipart files", `multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}, files: {type: array, items: {type: string, contentMediaType: image/png}}, enc: {type: string, contentEncoding: binary}, note: {type: string}, nums: {type: array, items: {type: integer}}}}}`, false,
			BodyFlat, "multipart/form-data 3", "ThingMakeParams 0", []string{
				"enc Enc io.Reader plain", "file File io.Reader plain", "files Files []io.Reader plain", "note Note string opt", "nums Nums []int64 plain",
			}},
		{"binary strings outside multipart", `application/json: {schema: {type: object, properties: {file: {type: string, format: binary}}}}`, false,
			BodyFlat, "application/json 1", "ThingMakeParams 0", []string{"file File string opt"}},
	} {
		param := ""
		if tc.param {
			param = "      parameters: [{name: q, in: query, schema: {type: string}}]\n"
		}
		body := `paths:
  /things:
    post:
      operationId: make
      tags: [things]
` + param + `      requestBody:
        content:
          ` + tc.content + `
      responses:
        '204': {description: done}
components:
  schemas:
    Obj: {type: object, properties: {a: {type: string}}}
    Either: {oneOf: [{type: string}, {type: integer}]}
`
		api, _ := buildSpec(t, body, Options{})
		m := method(t, api, "POST /things")
		if m.Body != tc.kind {
			t.Errorf("%s: body kind %d, want %d", tc.name, m.Body, tc.kind)
		}
		if got := fmt.Sprintf("%s %d", m.BodyMedia.Essence, m.BodyMedia.Kind); got != tc.media {
			t.Errorf("%s: media %s, want %s", tc.name, got, tc.media)
		}
		if m.Params == nil {
			t.Errorf("%s: no Params", tc.name)
			continue
		}
		if got := fmt.Sprintf("%s %d", m.Params.Name, m.Params.Kind); got != tc.params {
			t.Errorf("%s: Params %s, want %s", tc.name, got, tc.params)
		}
		equalLines(t, tc.name, fieldLines(m.Params), tc.fields)
		if (m.Body == BodyInField) != (m.BodyField != nil) || m.BodyField != nil && m.BodyField != m.Params.Fields[len(m.Params.Fields)-1] {
			t.Errorf("%s: BodyField %v for body kind %d", tc.name, m.BodyField, m.Body)
		}
		if !m.Params.Request || m.Params.Response {
			t.Errorf("%s: Params is request %t, response %t", tc.name, m.Params.Request, m.Params.Response)
		}
	}
}

// TestRequiredBody: a required body is a required field.
func TestRequiredBody(t *testing.T) {
	api := mustBuild(t, `paths:
  /things:
    post:
      operationId: make
      requestBody:
        required: true
        content:
          application/json: {schema: {type: array, items: {type: string}}}
      responses:
        '204': {description: done}
`)
	equalLines(t, "fields", fieldLines(method(t, api, "POST /things").Params), []string{"body Body []string plain required always in=body doc=The request body."})
}

// TestBodyWithoutSchema: a JSON, form or multipart body without a schema
// is sent as raw bytes, with a warning.
func TestBodyWithoutSchema(t *testing.T) {
	for _, media := range []string{"application/json", "application/x-www-form-urlencoded", "multipart/form-data"} {
		body := "paths:\n  /things:\n    post:\n      operationId: make\n      requestBody:\n        content:\n          " + media + ": {}\n      responses:\n        '204': {description: done}\n"
		api, diags := buildSpec(t, body, Options{})
		m := method(t, api, "POST /things")
		equalLines(t, media, fieldLines(m.Params), []string{"body Body io.Reader plain in=body doc=The request body, sent as " + media + "."})
		equalLines(t, media+" warnings", diagLines(diags), []string{
			at(t, body, "post:") + ": warning: POST /things: the " + media + " body has no schema; it is sent as raw bytes",
		})
	}
}

// TestPartEncodings: the encoding object of a form or multipart body, in
// property order; only fixed header values are kept.
func TestPartEncodings(t *testing.T) {
	for _, media := range []string{"multipart/form-data", "application/x-www-form-urlencoded"} {
		api := mustBuild(t, `paths:
  /up:
    put:
      operationId: up
      requestBody:
        content:
          `+media+`:
            schema:
              type: object
              properties:
                note: {type: string}
                file: {type: string}
            encoding:
              note: {contentType: text/plain, headers: {X-A: {schema: {const: v}}, X-B: {schema: {enum: [w]}}, X-C: {schema: {default: 3}}, X-D: {schema: {type: string}}, X-E: {schema: {enum: [p, q]}}}}
              file: {style: form, explode: false}
              files: {allowReserved: true}
              other: {style: deepObject}
              tags: {explode: true}
              plain: {contentType: 'image/png, image/jpeg'}
      responses:
        '204': {description: done}
`)
		var got []string
		for _, e := range method(t, api, "PUT /up").BodyEncoding {
			got = append(got, fmt.Sprintf("%s type=%q style=%q explode=%t reserved=%t headers=%v", e.Property, e.ContentType, e.Style, e.Explode, e.AllowReserved, e.Headers))
		}
		equalLines(t, media, got, []string{
			`file type="" style="form" explode=false reserved=false headers=[]`,
			`files type="" style="form" explode=true reserved=true headers=[]`,
			`note type="text/plain" style="" explode=false reserved=false headers=[{X-A v} {X-B w} {X-C 3}]`,
			`other type="" style="deepObject" explode=false reserved=false headers=[]`,
			`plain type="image/png, image/jpeg" style="" explode=false reserved=false headers=[]`,
			`tags type="" style="form" explode=true reserved=false headers=[]`,
		})
	}
}

// TestJSONBodyHasNoEncodings: the encoding object only applies to form
// and multipart bodies.
func TestJSONBodyHasNoEncodings(t *testing.T) {
	api := mustBuild(t, `paths:
  /up:
    put:
      operationId: up
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {note: {type: string}}}
            encoding:
              note: {contentType: text/plain}
      responses:
        '204': {description: done}
`)
	if enc := method(t, api, "PUT /up").BodyEncoding; enc != nil {
		t.Errorf("a JSON body has encodings %v", enc)
	}
}

func TestParseMedia(t *testing.T) {
	for raw, want := range map[string]string{
		"":                                   " 0",
		"application/json":                   "application/json 1",
		"Application/JSON; charset=utf-8":    "application/json 1",
		"application/problem+json":           "application/problem+json 1",
		"*/*":                                "*/* 1",
		" application/x-www-form-urlencoded": "application/x-www-form-urlencoded 2",
		"multipart/form-data; boundary=x":    "multipart/form-data 3",
		"multipart/mixed":                    "multipart/mixed 5",
		"text/csv":                           "text/csv 4",
		"TEXT/plain":                         "text/plain 4",
		"application/octet-stream":           "application/octet-stream 5",
		"application/jsonl":                  "application/jsonl 5",
		"image/*":                            "image/* 5",
	} {
		mt := ParseMedia(raw)
		if got := fmt.Sprintf("%s %d", mt.Essence, mt.Kind); got != want || mt.Raw != raw {
			t.Errorf("ParseMedia(%q) = %q %s, want %s", raw, mt.Raw, got, want)
		}
	}
}

func TestDefaultStyle(t *testing.T) {
	for in, want := range map[string]Style{"query": StyleForm, "cookie": StyleForm, "path": StyleSimple, "header": StyleSimple} {
		if got := defaultStyle(in); got != want {
			t.Errorf("defaultStyle(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]Location{"query": InQuery, "header": InHeader, "path": InPath, "cookie": InCookie, "other": InQuery} {
		if got := location(in); got != want {
			t.Errorf("location(%q) = %d, want %d", in, got, want)
		}
	}
}
