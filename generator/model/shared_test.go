package model

import "testing"

// TestSharedComponents: the inline schemas of shared parameters, request
// bodies and responses are named after the component that holds them,
// not after the first operation that uses them.
func TestSharedComponents(t *testing.T) {
	api := mustBuild(t, `paths:
  /b:
    post:
      operationId: second
      tags: [things]
      parameters: [{$ref: '#/components/parameters/Filter'}, {$ref: '#/components/parameters/Plain'}]
      requestBody: {$ref: '#/components/requestBodies/Upload'}
      responses:
        '200': {$ref: '#/components/responses/Failure'}
  /a:
    put:
      operationId: first
      tags: [things]
      parameters: [{$ref: '#/components/parameters/Filter'}, {$ref: '#/components/parameters/Ref'}]
      requestBody: {$ref: '#/components/requestBodies/Choice'}
      responses:
        '200': {$ref: '#/components/responses/Failure'}
components:
  parameters:
    Filter: {name: filter, in: query, schema: {type: object, properties: {a: {type: string}}}}
    Plain: {name: plain, in: query, schema: {type: string, enum: [x, y]}}
    Ref: {name: ref, in: query, schema: {$ref: '#/components/schemas/Obj'}}
  requestBodies:
    Upload:
      content:
        application/json:
          schema: {type: object, properties: {meta: {type: object, properties: {z: {type: string}}}, n: {type: integer}}}
    Choice:
      content:
        application/json:
          schema: {oneOf: [{type: string}, {type: integer}]}
  responses:
    Failure:
      description: e
      content:
        application/json:
          schema: {type: object, properties: {code: {type: string}}}
  schemas:
    Obj: {type: object, properties: {o: {type: string}}}
`)
	for _, tc := range []struct {
		name, key string
		kind      TypeKind
		request   bool
		response  bool
	}{
		{"Filter", "parameters/Filter", TypeStruct, true, false},
		{"Plain", "parameters/Plain", TypeEnum, true, false},
		{"UploadMeta", "requestBodies/Upload.meta", TypeStruct, true, false},
		{"Choice", "requestBodies/Choice", TypeUnion, true, false},
		{"Failure", "responses/Failure", TypeStruct, false, true},
		{"Obj", "schemas/Obj", TypeStruct, true, false},
	} {
		typ := typeNamed(t, api, tc.name)
		if typ.Key != tc.key || typ.Kind != tc.kind || typ.Request != tc.request || typ.Response != tc.response {
			t.Errorf("%s: key %s, kind %d, request %t, response %t", tc.name, typ.Key, typ.Kind, typ.Request, typ.Response)
		}
	}
	equalLines(t, "second", fieldLines(method(t, api, "POST /b").Params), []string{
		"filter Filter Filter opt in=query style=form explode=true",
		"plain Plain Plain opt in=query style=form explode=true",
		"meta Meta UploadMeta opt",
		"n N int64 opt",
	})
	first := method(t, api, "PUT /a")
	equalLines(t, "first", fieldLines(first.Params), []string{
		"filter Filter Filter opt in=query style=form explode=true",
		"ref Ref Obj opt in=query style=form explode=true",
		"body Body Choice opt in=body doc=The request body.",
	})
	if goType(first.Response) != "Failure" || goType(method(t, api, "POST /b").Response) != "Failure" {
		t.Errorf("responses %s", goType(first.Response))
	}
	if len(api.Types) != 8 {
		t.Errorf("types %v", typeNames(api))
	}
}

// TestSharedBodyPropertiesAreRoots: the types of a shared request body's
// properties are named in the first round, with the components: they win
// their name over the types nested in a component.
func TestSharedBodyPropertiesAreRoots(t *testing.T) {
	body := `paths:
  /x:
    post:
      operationId: make
      requestBody: {$ref: '#/components/requestBodies/Upload'}
      responses: {'204': {description: done}}
  /y:
    post:
      operationId: dict
      requestBody: {$ref: '#/components/requestBodies/Dict'}
      responses: {'204': {description: done}}
components:
  requestBodies:
    Upload:
      content:
        application/json:
          schema: {type: object, properties: {meta: {type: object, properties: {z: {type: string}}}}}
    Dict:
      content:
        application/json:
          schema: {type: object, additionalProperties: {type: object, properties: {v: {type: integer}}}}
  schemas:
    Upload: {type: object, properties: {meta: {type: object, properties: {q: {type: integer}}}}}
`
	api, diags := buildSpec(t, body, Options{})
	names := keyNames(api)
	for key, want := range map[string]string{
		"requestBodies/Upload.meta": "UploadMeta",
		"schemas/Upload.meta":       "UploadMeta2",
		"requestBodies/Dict{}":      "DictValue",
	} {
		if names[key] != want {
			t.Errorf("%s is %s, want %s", key, names[key], want)
		}
	}
	equalLines(t, "dict", fieldLines(method(t, api, "POST /y").Params), []string{"body Body map[string]DictValue plain in=body doc=The request body."})
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "meta: {type: object, properties: {q") + ": warning: property meta of shared request body Upload and property meta of schema Upload both want the Go name UploadMeta; property meta of schema Upload is named UploadMeta2",
	})
}
