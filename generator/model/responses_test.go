package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestResponses: the first success response with a body is the method's
// result: its type, nullability and media type.
func TestResponses(t *testing.T) {
	for _, tc := range []struct {
		name      string
		responses string
		want      string // Go type, nullable, media essence and kind
	}{
		{"a component", `{'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Obj'}}}}}`, "Obj false application/json 1"},
		{"a nullable component", `{'200': {description: ok, content: {application/json: {schema: {oneOf: [{$ref: '#/components/schemas/Obj'}, {type: 'null'}]}}}}}`, "Obj true application/json 1"},
		{"a nullable scalar", `{'200': {description: ok, content: {application/json: {schema: {type: [boolean, 'null']}}}}}`, "bool true application/json 1"},
		{"an inline object", `{'200': {description: ok, content: {application/json: {schema: {type: object, properties: {b: {type: string}}}}}}}`, "ThingGetResponse false application/json 1"},
		{"a list", `{'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Obj'}}}}}}`, "[]Obj false application/json 1"},
		{"JSON without a schema", `{'200': {description: ok, content: {application/json: {}}}}`, "any false application/json 1"},
		{"+json", `{'200': {description: ok, content: {application/hal+json: {schema: {type: integer}}}}}`, "int64 false application/hal+json 1"},
		{"text", `{'200': {description: ok, content: {text/csv: {schema: {type: string}}}}}`, "string false text/csv 4"},
		{"binary", `{'200': {description: ok, content: {application/pdf: {}}}}`, "io.Reader false application/pdf 5"},
		{"JSON wins", `{'200': {description: ok, content: {text/plain: {}, application/json: {schema: {type: integer}}}}}`, "int64 false application/json 1"},
		{"no body", `{'204': {description: done}}`, "<nil> false  0"},
		{"no success", `{'404': {description: missing, content: {application/json: {schema: {type: integer}}}}}`, "<nil> false  0"},
		{"default only", `{default: {description: any, content: {application/json: {schema: {type: integer}}}}}`, "<nil> false  0"},
		{"the lowest success code", `{'201': {description: made, content: {application/json: {schema: {type: string}}}}, '200': {description: ok, content: {application/json: {schema: {type: integer}}}}, '400': {description: bad}}`, "int64 false application/json 1"},
		{"a 2XX range", `{'2XX': {description: ok, content: {application/json: {schema: {type: boolean}}}}}`, "bool false application/json 1"},
		{"a success without a body first", `{'202': {description: accepted}, '200': {description: ok, content: {application/json: {schema: {type: integer}}}}}`, "int64 false application/json 1"},
		{"the first success has no body", `{'200': {description: ok}, '201': {description: made, content: {application/json: {schema: {type: integer}}}}}`, "<nil> false  0"},
	} {
		api, _ := buildSpec(t, `paths:
  /things:
    get:
      operationId: get
      tags: [things]
      responses: `+tc.responses+`
components:
  schemas:
    Obj: {type: object, properties: {a: {type: string}}}
`, Options{})
		m := method(t, api, "GET /things")
		got := fmt.Sprintf("%s %t %s %d", goType(m.Response), m.ResponseNullable, m.RespMedia.Essence, m.RespMedia.Kind)
		if m.Response == nil {
			got = fmt.Sprintf("<nil> %t %s %d", m.ResponseNullable, m.RespMedia.Essence, m.RespMedia.Kind)
		}
		if got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestResponseTypesAreResponseTypes: a type a response reaches is marked
// so, and named after the method.
func TestResponseTypesAreResponseTypes(t *testing.T) {
	api := mustBuild(t, `paths:
  /things:
    get:
      operationId: get
      tags: [things]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {inner: {type: object, properties: {a: {type: string}}}}}
`)
	for _, name := range []string{"ThingGetResponse", "ThingGetResponseInner"} {
		if typ := typeNamed(t, api, name); !typ.Response || typ.Request {
			t.Errorf("%s: response %t, request %t", name, typ.Response, typ.Request)
		}
	}
}

// TestDifferentSuccessBodies: when two success responses have different
// bodies, the first is decoded, with a warning; the same schema twice is
// no news.
func TestDifferentSuccessBodies(t *testing.T) {
	for _, tc := range []struct {
		responses string
		warns     bool
	}{
		{`{'200': {description: ok, content: {application/json: {schema: {type: integer}}}}, '201': {description: made, content: {application/json: {schema: {type: string}}}}}`, true},
		{`{'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}, '201': {description: made, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}}`, true},
		{`{'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}, '201': {description: made, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}`, false},
		{`{'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}, '201': {description: made, content: {application/json: {schema: {type: integer}}}}}`, true},
		{`{'200': {description: ok, content: {application/json: {schema: {type: integer}}}}, '202': {description: accepted}}`, false},
		{`{'200': {description: ok, content: {application/json: {}}}, '201': {description: made, content: {application/json: {}}}}`, false},
		{`{'200': {description: ok, content: {application/json: {}}}, '201': {description: made, content: {application/json: {schema: {type: integer}}}}}`, true},
	} {
		body := `paths:
  /things:
    get:
      operationId: get
      responses: ` + tc.responses + `
components:
  schemas:
    A: {type: object, properties: {a: {type: string}}}
    B: {type: object, properties: {b: {type: string}}}
`
		var want []string
		if tc.warns {
			want = []string{at(t, body, "get:") + ": warning: GET /things: the 200 and 201 responses have different bodies; the method decodes the 200 one"}
		}
		equalLines(t, tc.responses, warnings(t, body), want)
	}
}

// pageSpec is a list operation, GET /users, whose response is a cursor
// page unless the replacements break its shape: each pair replaces a line
// of the spec.
func pageSpec(replace ...string) string {
	spec := `paths:
  /users:
    get:
      operationId: listUsers
      tags: [users]
      parameters:
        - {name: after, in: query, schema: {type: string}}
        - {name: first, in: query, schema: {type: integer}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [data, page_info]
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/User'}}
                  page_info: {$ref: '#/components/schemas/PageInfo'}
components:
  schemas:
    User: {type: object, properties: {id: {type: string}}}
    PageInfo:
      type: object
      required: [end_cursor, has_next_page]
      properties:
        end_cursor: {type: [string, 'null']}
        has_next_page: {type: boolean}
`
	for i := 0; i+1 < len(replace); i += 2 {
		if !containsLine(spec, replace[i]) {
			panic("pageSpec: no line " + replace[i])
		}
		spec = replaceLine(spec, replace[i], replace[i+1])
	}
	return spec
}

// TestPage: a list method in the shape of a cursor page gets a Page, an
// owned page type named ...Page, and an AutoPaging twin.
func TestPage(t *testing.T) {
	api := mustBuild(t, pageSpec())
	m := method(t, api, "GET /users")
	p := m.Page
	if p == nil {
		t.Fatal("no page")
	}
	page := typeNamed(t, api, "UserListPage")
	if m.Response.Named != page || page.PageOf != m || !p.Owned || m.AutoPaging != "ListAutoPaging" || m.Name != "List" {
		t.Errorf("response %s, PageOf %v, Owned %t, AutoPaging %q, name %q", goType(m.Response), page.PageOf, p.Owned, m.AutoPaging, m.Name)
	}
	if goType(p.Item) != "User" || p.Data != fieldOf(t, page, "data") || p.PageInfo != fieldOf(t, page, "page_info") ||
		p.After != fieldOf(t, m.Params, "after") {
		t.Errorf("page item %s, data %v, page info %v, after %v", goType(p.Item), p.Data, p.PageInfo, p.After)
	}
	info := typeNamed(t, api, "PageInfo")
	if p.EndCursor != fieldOf(t, info, "end_cursor") || p.HasNextPage != fieldOf(t, info, "has_next_page") {
		t.Errorf("end cursor %v, has next page %v", p.EndCursor, p.HasNextPage)
	}
}

// TestPageItemsAreNamedAfterThePage: inline items of an owned page are the
// list's items: UserListItem.
func TestPageItemsAreNamedAfterThePage(t *testing.T) {
	api := mustBuild(t, pageSpec(
		"                  data: {type: array, items: {$ref: '#/components/schemas/User'}}",
		"                  data: {type: array, items: {type: object, properties: {name: {type: string}}}}"))
	m := method(t, api, "GET /users")
	if m.Page == nil || goType(m.Page.Item) != "UserListItem" {
		t.Fatalf("page %v, item %s", m.Page, goType(m.Page.Item))
	}
	equalLines(t, "page", fieldLines(typeNamed(t, api, "UserListPage")), []string{
		"data Data []UserListItem plain required always",
		"page_info PageInfo PageInfo plain required always",
	})
}

// TestComponentPage: a page type declared in the components is not owned
// by the method: it has no NextPage and keeps its name.
func TestComponentPage(t *testing.T) {
	api := mustBuild(t, pageSpec(
		"              schema:", "              schema: {$ref: '#/components/schemas/UserPage'}",
		"                type: object", "",
		"                required: [data, page_info]", "",
		"                properties:", "",
		"                  data: {type: array, items: {$ref: '#/components/schemas/User'}}", "",
		"                  page_info: {$ref: '#/components/schemas/PageInfo'}", "",
		"    User: {type: object, properties: {id: {type: string}}}",
		"    User: {type: object, properties: {id: {type: string}}}\n    UserPage: {type: object, required: [data, page_info], properties: {data: {type: array, items: {$ref: '#/components/schemas/User'}}, page_info: {$ref: '#/components/schemas/PageInfo'}}}"))
	m := method(t, api, "GET /users")
	if m.Page == nil || m.Page.Owned || m.AutoPaging != "ListAutoPaging" || goType(m.Response) != "UserPage" || typeNamed(t, api, "UserPage").PageOf != nil {
		t.Errorf("page %+v, AutoPaging %q, response %s", m.Page, m.AutoPaging, goType(m.Response))
	}
}

// TestNotAPage: each change to the page's shape makes it a plain list
// response.
func TestNotAPage(t *testing.T) {
	for _, tc := range []struct {
		name string
		repl []string
	}{
		{"no after parameter", []string{
			"        - {name: after, in: query, schema: {type: string}}", "        - {name: cursor, in: query, schema: {type: string}}"}},
		{"after in a header", []string{
			"        - {name: after, in: query, schema: {type: string}}", "        - {name: after, in: header, schema: {type: string}}"}},
		{"an integer after", []string{
			"        - {name: after, in: query, schema: {type: string}}", "        - {name: after, in: query, schema: {type: integer}}"}},
		{"no data", []string{
			"                  data: {type: array, items: {$ref: '#/components/schemas/User'}}", "                  items: {type: array, items: {$ref: '#/components/schemas/User'}}"}},
		{"data not a list", []string{
			"                  data: {type: array, items: {$ref: '#/components/schemas/User'}}", "                  data: {$ref: '#/components/schemas/User'}"}},
		{"optional nullable data", []string{
			"                  data: {type: array, items: {$ref: '#/components/schemas/User'}}", "                  data: {type: [array, 'null'], items: {$ref: '#/components/schemas/User'}}",
			"                required: [data, page_info]", "                required: [page_info]"}},
		{"optional page info", []string{
			"                required: [data, page_info]", "                required: [data]"}},
		{"no page info", []string{
			"                  page_info: {$ref: '#/components/schemas/PageInfo'}", "                  pageInfo: {$ref: '#/components/schemas/PageInfo'}"}},
		{"page info not an object", []string{
			"                  page_info: {$ref: '#/components/schemas/PageInfo'}", "                  page_info: {type: string}"}},
		{"no end cursor", []string{
			"        end_cursor: {type: [string, 'null']}", "        cursor: {type: [string, 'null']}"}},
		{"an integer end cursor", []string{
			"        end_cursor: {type: [string, 'null']}", "        end_cursor: {type: integer}"}},
		{"no has_next_page", []string{
			"        has_next_page: {type: boolean}", "        more: {type: boolean}"}},
		{"a string has_next_page", []string{
			"        has_next_page: {type: boolean}", "        has_next_page: {type: string}"}},
		{"a nullable response", []string{
			"                type: object", "                type: [object, 'null']"}},
		{"a list response", []string{
			"                type: object", "                type: array\n                items: {type: string}"}},
	} {
		api, _ := buildSpec(t, pageSpec(tc.repl...), Options{})
		m := method(t, api, "GET /users")
		if m.Page != nil || m.AutoPaging != "" {
			t.Errorf("%s: page %+v, AutoPaging %q; want none", tc.name, m.Page, m.AutoPaging)
		}
		if m.Response != nil && m.Response.Kind == KindNamed && (m.Response.Named.PageOf != nil || m.Response.Named.Name == "UserListPage") {
			t.Errorf("%s: the response is %s, a page", tc.name, m.Response.Named.Name)
		}
	}
}

// TestNoPageWithoutParams: a method without parameters has no Page, even
// with a page's response.
func TestNoPageWithoutParams(t *testing.T) {
	api := mustBuild(t, pageSpec(
		"        - {name: after, in: query, schema: {type: string}}", "",
		"        - {name: first, in: query, schema: {type: integer}}", "",
		"      parameters:", ""))
	if m := method(t, api, "GET /users"); m.Page != nil || m.Params != nil || goType(m.Response) != "UserListResponse" {
		t.Errorf("page %v, params %v, response %s", m.Page, m.Params, goType(m.Response))
	}
}

func containsLine(s, line string) bool {
	return slices.Contains(strings.Split(s, "\n"), line)
}

// replaceLine replaces every line of s equal to line with with, or drops
// it when with is "".
func replaceLine(s, line, with string) string {
	var out strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		switch {
		case l != line:
			out.WriteString(l + "\n")
		case with != "":
			out.WriteString(with + "\n")
		}
	}
	return out.String()
}
