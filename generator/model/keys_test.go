package model

import (
	"slices"
	"testing"
)

func TestKeyBuilders(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{propKey("schemas/User", "address"), "schemas/User.address"},
		{propKey("schemas/User", "a.b"), `schemas/User."a.b"`},
		{propKey("schemas/User", ""), `schemas/User.""`},
		{itemsKey("schemas/User.tags"), "schemas/User.tags[]"},
		{valuesKey("schemas/User.meta"), "schemas/User.meta{}"},
		{variantKey("schemas/Pet", "Cat"), "schemas/Pet|Cat"},
		{variantKey("schemas/Pet", "Card Payment"), `schemas/Pet|"Card Payment"`},
		{paramKey("GET /users params", "query", "after"), "GET /users params.query:after"},
		{paramKey("GET /users params", "header", "X:Y"), `GET /users params.header:"X:Y"`},
	} {
		if tc.got != tc.want {
			t.Errorf("got key %s, want %s", tc.got, tc.want)
		}
	}
	for _, s := range []string{"a.b", "a[", "a]", "a{", "a}", "a|b", "a:b", `a"b`, "a b", "a\tb", "a\nb", `a\b`} {
		if got := keyPart(s); got[0] != '"' {
			t.Errorf("keyPart(%q) = %s, not quoted", s, got)
		}
	}
	for _, s := range []string{"plain", "with-dash", "under_score", "日本"} {
		if got := keyPart(s); got != s {
			t.Errorf("keyPart(%q) = %s, want it as it is", s, got)
		}
	}
}

func TestDescribe(t *testing.T) {
	for key, want := range map[string]string{
		"schemas/User":                         "schema User",
		"schemas/User.address":                 "property address of schema User",
		"schemas/User.address.city":            "property city of property address of schema User",
		"schemas/User.tags[]":                  "the items of property tags of schema User",
		"schemas/User.meta{}":                  "the values of property meta of schema User",
		"schemas/User.meta{}[]":                "the items of the values of property meta of schema User",
		"schemas/Pet|Cat":                      "variant Cat of schema Pet",
		`schemas/Pet|"Card Payment".id`:        `property id of variant "Card Payment" of schema Pet`,
		`schemas/User."a.b"`:                   `property "a.b" of schema User`,
		`schemas/User."a.b".c`:                 `property c of property "a.b" of schema User`,
		`schemas/User."x\"y".z`:                `property z of property "x\"y" of schema User`,
		`schemas/User."unterminated`:           `property "unterminated of schema User`,
		"parameters/Limit":                     "shared parameter Limit",
		"responses/Error":                      "shared response Error",
		"requestBodies/Upload.meta":            "property meta of shared request body Upload",
		"headers/Rate":                         "shared header Rate",
		"webhook ping":                         "the payload of webhook ping",
		"webhook ping.data":                    "property data of the payload of webhook ping",
		"GET /users":                           "GET /users",
		"GET /users params":                    "the parameters of GET /users",
		"GET /users params.query:after":        "query parameter after of GET /users",
		`GET /users params.header:"X:Y"`:       `header parameter "X:Y" of GET /users`,
		`GET /users params."a:b"`:              `property "a:b" of the parameters of GET /users`,
		"GET /users params.after":              "property after of the parameters of GET /users",
		"GET /users/{id}.json response":        "the response of GET /users/{id}.json",
		"GET /users/{id}.json response.data[]": "the items of property data of the response of GET /users/{id}.json",
		"POST /a.b body":                       "the request body of POST /a.b",
		"POST /a.b body|0":                     "variant 0 of the request body of POST /a.b",
		"GET /v1. params":                      "the parameters of GET /v1.",
		"webhooks":                             "webhooks",
		`schemas/"v1.User".name`:               `property name of schema "v1.User"`,
		`webhook "payment.failed".data`:        `property data of the payload of webhook "payment.failed"`,
		`schemas/User."a,b"`:                   `property "a,b" of schema User`,
		"PATCH /users/{id} body.profile":       "property profile of the request body of PATCH /users/{id}",
		"responses/NotFound.error{}":           "the values of property error of shared response NotFound",
	} {
		if got := describe(key); got != want {
			t.Errorf("describe(%q) =\n %q, want\n %q", key, got, want)
		}
		if got := Describe(key); got != want {
			t.Errorf("Describe(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestSplitKey(t *testing.T) {
	for _, tc := range []struct {
		key   string
		base  string
		steps []string
	}{
		{"schemas/User", "schemas/User", nil},
		{"schemas/User.a[]{}|V", "schemas/User", []string{".a", "[]", "{}", "|V"}},
		{`schemas/U."a.b"[]`, "schemas/U", []string{`."a.b"`, "[]"}},
		{"GET /a.b/{c} params.query:x", "GET /a.b/{c} params", []string{".query:x"}},
		{"GET /a.b/{c} body|x", "GET /a.b/{c} body", []string{"|x"}},
		{"GET /a.b/{c} response", "GET /a.b/{c} response", nil},
		{"webhook a.b.c", "webhook a", []string{".b", ".c"}},
		{"GET /a.b", "GET /a", []string{".b"}},
	} {
		base, steps := splitKey(tc.key)
		if base != tc.base || !slices.Equal(steps, tc.steps) {
			t.Errorf("splitKey(%q) = %q %q, want %q %q", tc.key, base, steps, tc.base, tc.steps)
		}
	}
}

// TestKeysOfElements: the keys Build gives elements, as the manifest
// lists them.
func TestKeysOfElements(t *testing.T) {
	api := mustBuild(t, `paths:
  /u/{id}:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.u.get()"}]
      parameters:
        - {name: filter, in: query, schema: {type: object, properties: {a.b: {type: object, properties: {c: {type: string}}}}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  list: {type: array, items: {type: object, properties: {x: {type: string}}}}
                  map: {type: object, additionalProperties: {type: object, properties: {y: {type: string}}}}
                  either: {oneOf: [{title: One Thing, type: object, properties: {o: {type: string}}}, {type: object, properties: {t: {type: integer}}}]}
`)
	var keys []string
	for _, typ := range api.Types {
		keys = append(keys, typ.Key)
	}
	slices.Sort(keys)
	equalLines(t, "keys", keys, []string{
		"GET /u/{id} params",
		"GET /u/{id} params.query:filter",
		`GET /u/{id} params.query:filter."a.b"`,
		"GET /u/{id} response",
		"GET /u/{id} response.either",
		`GET /u/{id} response.either|"One Thing"`,
		"GET /u/{id} response.either|1",
		"GET /u/{id} response.list[]",
		"GET /u/{id} response.map{}",
	})
}
