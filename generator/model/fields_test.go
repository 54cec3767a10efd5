package model

import (
	"strings"
	"testing"
)

// propertySpec is a spec whose one component, Thing, has the one property
// p with the given schema (YAML flow style).
func propertySpec(schema string, required bool) string {
	req := ""
	if required {
		req = "      required: [p]\n"
	}
	return "components:\n  schemas:\n    Thing:\n      type: object\n" + req +
		"      properties:\n        p: " + schema + "\n"
}

// TestPropertyShapes checks the Go type and wrapping of a property, one
// schema at a time: "p P <type> <wrap> <flags>".
func TestPropertyShapes(t *testing.T) {
	for _, tc := range []struct {
		schema   string
		required bool
		want     string
	}{
		// Scalars and their formats.
		{`{type: string}`, false, "p P string opt"},
		{`{type: string}`, true, "p P string plain required always"},
		{`{type: integer}`, false, "p P int64 opt"},
		{`{type: integer, format: int64}`, false, "p P int64 opt"},
		{`{type: integer, format: int32}`, false, "p P int32 opt"},
		{`{type: number}`, false, "p P float64 opt"},
		{`{type: number, format: double}`, false, "p P float64 opt"},
		{`{type: number, format: float}`, false, "p P float32 opt"},
		{`{type: boolean}`, true, "p P bool plain required always"},
		{`{type: string, format: date-time}`, false, "p P time.Time opt"},
		{`{type: string, format: date}`, false, "p P string opt"},
		{`{type: string, format: byte}`, false, "p P []byte plain"},
		{`{type: string, format: byte}`, true, "p P []byte plain required always"},
		{`{type: string, format: binary}`, false, "p P string opt"},
		// Free-form values.
		{`{}`, false, "p P any plain"},
		{`{description: Anything.}`, false, "p P any plain doc=Anything."},
		{`{type: object}`, false, "p P map[string]any plain"},
		{`{type: object, additionalProperties: true}`, false, "p P map[string]any plain"},
		{`{type: object, additionalProperties: {type: integer}}`, false, "p P map[string]int64 plain"},
		{`{additionalProperties: {type: integer}, type: object, description: Counts.}`, true, "p P map[string]int64 plain required always doc=Counts."},
		// Lists.
		{`{type: array, items: {type: string}}`, false, "p P []string plain"},
		{`{type: array, items: {type: string}}`, true, "p P []string plain required always"},
		{`{items: {type: integer}}`, false, "p P []int64 plain"},
		{`{type: array}`, false, "p P []any plain"},
		{`{type: array, items: {type: array, items: {type: boolean}}}`, false, "p P [][]bool plain"},
		// Nullable elements keep their nulls; a nilable element needs no pointer.
		{`{type: array, items: {type: [string, 'null']}}`, false, "p P []*string plain"},
		{`{type: array, items: {type: string, nullable: true}}`, false, "p P []*string plain"},
		{`{type: array, items: {type: [array, 'null'], items: {type: string}}}`, false, "p P [][]string plain"},
		{`{type: array, items: {type: ['null', object]}}`, false, "p P []map[string]any plain"},
		{`{type: object, additionalProperties: {type: [integer, 'null']}}`, false, "p P map[string]*int64 plain"},
		{`{type: object, additionalProperties: {}}`, false, "p P map[string]any plain"},
		// Nullability and requiredness decide the wrapping.
		{`{type: [string, 'null']}`, false, "p P string opt nullable"},
		{`{type: ['null', string]}`, true, "p P string ptr required nullable always"},
		{`{type: string, nullable: true}`, false, "p P string opt nullable"},
		{`{type: string, nullable: true}`, true, "p P string ptr required nullable always"},
		{`{oneOf: [{type: string}, {type: 'null'}]}`, false, "p P string opt nullable"},
		{`{anyOf: [{type: 'null'}, {type: integer}]}`, true, "p P int64 ptr required nullable always"},
		{`{type: string, enum: [a, null]}`, false, "p P ThingP opt nullable"},
		{`{type: [array, 'null'], items: {type: integer}}`, false, "p P []int64 opt nullable"},
		{`{type: [array, 'null'], items: {type: integer}}`, true, "p P []int64 plain required nullable always"},
		{`{type: [object, 'null'], additionalProperties: {type: string}}`, false, "p P map[string]string opt nullable"},
		{`{type: [object, 'null'], additionalProperties: {type: string}}`, true, "p P map[string]string plain required nullable always"},
		{`{type: 'null'}`, false, "p P any opt nullable"},
		{`{type: 'null'}`, true, "p P any plain required nullable always"},
		// An allOf of one schema and annotations is that schema.
		{`{allOf: [{type: integer}]}`, false, "p P int64 opt"},
		{`{allOf: [{type: integer}, {description: An annotation.}]}`, false, "p P int64 opt"},
		{`{allOf: [{type: integer}, {nullable: true}]}`, false, "p P int64 opt nullable"},
		{`{allOf: [{type: integer}, {type: 'null'}]}`, true, "p P int64 ptr required nullable always"},
		{`{allOf: [{description: First.}, {type: boolean}, {title: Last}]}`, false, "p P bool opt"},
		{`{oneOf: [{type: integer}]}`, false, "p P int64 opt"},
		{`{anyOf: [{type: boolean}, {type: 'null'}]}`, false, "p P bool opt nullable"},
		// Annotations.
		{`{type: string, readOnly: true}`, true, "p P string plain required readonly always"},
		{`{type: string, writeOnly: true}`, true, "p P string plain required writeonly always"},
		{`{type: string, deprecated: true}`, false, "p P string opt deprecated"},
		{`{type: string, default: x}`, false, `p P string opt default="x"`},
		{`{type: integer, default: 7}`, false, "p P int64 opt default=7"},
		{`{type: boolean, default: false}`, false, "p P bool opt default=false"},
		{`{type: string, description: The p., title: Ignored}`, false, "p P string opt doc=The p."},
		{`{type: string, title: The title}`, false, "p P string opt doc=The title"},
	} {
		api := mustBuild(t, propertySpec(tc.schema, tc.required))
		thing := typeNamed(t, api, "Thing")
		if len(thing.Fields) != 1 {
			t.Errorf("%s: Thing has fields %v, want one", tc.schema, fieldLines(thing))
			continue
		}
		if got := fieldLine(thing.Fields[0]); got != tc.want {
			t.Errorf("property %s (required %t):\n got %s\nwant %s", tc.schema, tc.required, got, tc.want)
		}
	}
}

// TestPropertyWarnings: a property the model can only approximate is
// typed as well as it can be, with a warning at the schema.
func TestPropertyWarnings(t *testing.T) {
	for _, tc := range []struct {
		schema, want, warning string
	}{
		{`{type: [string, integer]}`, "p P any plain",
			"property p of schema Thing allows several types (string, integer); it is represented as free-form JSON (any)"},
		{`{type: [string, integer, 'null']}`, "p P any opt nullable",
			"property p of schema Thing allows several types (string, integer); it is represented as free-form JSON (any)"},
		{`{type: string, not: {const: x}}`, "p P string opt",
			"property p of schema Thing: the keyword not is not represented in Go; the server checks such values"},
		{`{type: array, prefixItems: [{type: string}], items: {type: string}}`, "p P []string plain",
			"property p of schema Thing: the keyword prefixItems is not represented in Go; the server checks such values"},
		{`{type: object, patternProperties: {'^x': {type: string}}}`, "p P map[string]any plain",
			"property p of schema Thing: the keyword patternProperties is not represented in Go; the server checks such values"},
		{`{type: object, dependentSchemas: {a: {required: [b]}}}`, "p P map[string]any plain",
			"property p of schema Thing: the keyword dependentSchemas is not represented in Go; the server checks such values"},
		{`{type: string, if: {const: a}, then: {minLength: 1}}`, "p P string opt",
			"property p of schema Thing: the keyword if/then/else is not represented in Go; the server checks such values"},
		{`{type: string, else: {minLength: 1}}`, "p P string opt",
			"property p of schema Thing: the keyword if/then/else is not represented in Go; the server checks such values"},
		{`{type: string, not: {const: x}, if: {const: a}}`, "p P string opt",
			"property p of schema Thing: the keywords not, if/then/else are not represented in Go; the server checks such values"},
	} {
		body := propertySpec(tc.schema, false)
		api, diags := buildSpec(t, body, Options{})
		if got := fieldLine(typeNamed(t, api, "Thing").Fields[0]); got != tc.want {
			t.Errorf("property %s:\n got %s\nwant %s", tc.schema, got, tc.want)
		}
		equalLines(t, "warnings of "+tc.schema, diagLines(diags), []string{at(t, body, "p: ") + ": warning: " + tc.warning})
	}
}

// TestUnsupportedKeywordsWarnOnce: a component used twice is reported
// once, as itself, whoever refers to it first; an unused one is reported
// too.
func TestUnsupportedKeywordsWarnOnce(t *testing.T) {
	body := `components:
  schemas:
    Code:
      type: string
      not: {const: x}
    A:
      type: object
      properties:
        a: {$ref: '#/components/schemas/Code'}
        b: {$ref: '#/components/schemas/Code'}
    Unused: {type: integer, not: {const: 1}}
`
	got := warnings(t, body)
	equalLines(t, "warnings", got, []string{
		at(t, body, "Code:") + ": warning: schema Code: the keyword not is not represented in Go; the server checks such values",
		at(t, body, "Unused:") + ": warning: schema Unused: the keyword not is not represented in Go; the server checks such values",
	})
}

// TestConstProperties: a string property with a fixed value is no Go
// field; the encoder writes it.
func TestConstProperties(t *testing.T) {
	api := mustBuild(t, `components:
  schemas:
    Thing:
      type: object
      required: [kind]
      properties:
        kind: {type: string, const: thing, description: Always thing.}
        version: {const: v1}
        count: {type: integer, const: 3}
        name: {type: string}
`)
	thing := typeNamed(t, api, "Thing")
	equalLines(t, "fields", fieldLines(thing), []string{
		"count Count int64 opt",
		"name Name string opt",
	})
	var consts []string
	for _, c := range thing.Consts {
		consts = append(consts, strings.Join([]string{c.JSONName, c.Name, c.Const, map[bool]string{true: "required", false: "optional"}[c.Required], c.Doc}, " "))
	}
	equalLines(t, "consts", consts, []string{"kind Kind thing required Always thing.", "version Version v1 optional "})
}

// TestStructsMergeAllOf: properties and required names come from every
// allOf part, recursively; a later part's property wins.
func TestStructsMergeAllOf(t *testing.T) {
	api := mustBuild(t, `components:
  schemas:
    Base:
      type: object
      required: [id]
      properties:
        id: {type: string}
        note: {type: string}
    Named:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          required: [name]
          properties:
            name: {type: string}
            note: {type: integer}
    Deep:
      allOf:
        - $ref: '#/components/schemas/Named'
        - properties:
            extra: {type: boolean}
      required: [extra]
`)
	equalLines(t, "Named", fieldLines(typeNamed(t, api, "Named")), []string{
		"id ID string plain required always",
		"name Name string plain required always",
		"note Note int64 opt",
	})
	equalLines(t, "Deep", fieldLines(typeNamed(t, api, "Deep")), []string{
		"extra Extra bool plain required always",
		"id ID string plain required always",
		"name Name string plain required always",
		"note Note int64 opt",
	})
	if k := typeNamed(t, api, "Base").Kind; k != TypeStruct {
		t.Errorf("Base is kind %d, want a struct", k)
	}
}

// TestMixedAdditionalProperties: properties with additionalProperties
// keep the properties and warn that the rest is dropped.
func TestMixedAdditionalProperties(t *testing.T) {
	body := `components:
  schemas:
    Labels:
      type: object
      properties:
        name: {type: string}
      additionalProperties: {type: string}
`
	api, diags := buildSpec(t, body, Options{})
	equalLines(t, "fields", fieldLines(typeNamed(t, api, "Labels")), []string{"name Name string opt"})
	equalLines(t, "warnings", diagLines(diags), []string{at(t, body, "Labels:") + ": warning: schema Labels mixes properties with additionalProperties; extra properties are not kept"})
}

// TestOneWayFields: read-only properties are left out of types only
// requests use, write-only ones out of types only responses use; a type
// both use keeps both.
func TestOneWayFields(t *testing.T) {
	api := mustBuild(t, `paths:
  /in:
    post:
      operationId: send
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/In'}
      responses:
        '204': {description: done}
  /out:
    get:
      operationId: fetch
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Out'}
  /both:
    put:
      operationId: swap
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Both'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Both'}
components:
  schemas:
    In: {type: object, properties: {id: {type: string, readOnly: true}, secret: {type: string, writeOnly: true}, name: {type: string}}}
    Out: {type: object, properties: {id: {type: string, readOnly: true}, secret: {type: string, writeOnly: true}, name: {type: string}}}
    Both: {type: object, properties: {id: {type: string, readOnly: true}, secret: {type: string, writeOnly: true}, name: {type: string}}}
    Unused: {type: object, properties: {id: {type: string, readOnly: true}, secret: {type: string, writeOnly: true}}}
`)
	for _, tc := range []struct {
		name     string
		req, rsp bool
		fields   []string
	}{
		{"In", true, false, []string{"name Name string opt", "secret Secret string opt writeonly"}},
		{"Out", false, true, []string{"id ID string opt readonly", "name Name string opt"}},
		{"Both", true, true, []string{"id ID string opt readonly", "name Name string opt", "secret Secret string opt writeonly"}},
		{"Unused", false, false, []string{"id ID string opt readonly", "secret Secret string opt writeonly"}},
	} {
		typ := typeNamed(t, api, tc.name)
		if typ.Request != tc.req || typ.Response != tc.rsp {
			t.Errorf("%s: Request %t Response %t, want %t %t", tc.name, typ.Request, typ.Response, tc.req, tc.rsp)
		}
		equalLines(t, tc.name, fieldLines(typ), tc.fields)
	}
	// A dropped field publishes no name.
	for _, n := range api.Names {
		if n.Key == "field schemas/In.id" || n.Key == "field schemas/Out.secret" {
			t.Errorf("the dropped field %s is listed in Names", n.Key)
		}
	}
}

// TestUsageFollowsReferences: a type is a request or response type when a
// method reaches it through fields, list items, map values, variants or
// an alias.
func TestUsageFollowsReferences(t *testing.T) {
	api := mustBuild(t, `paths:
  /x:
    post:
      operationId: make
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Outer'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Back'}
components:
  schemas:
    Outer:
      type: object
      properties:
        list: {type: array, items: {$ref: '#/components/schemas/ListItem'}}
        map: {type: object, additionalProperties: {$ref: '#/components/schemas/MapValue'}}
        alias: {$ref: '#/components/schemas/Alias'}
        choice: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
    ListItem: {type: object, properties: {x: {type: string}}}
    MapValue: {type: object, properties: {x: {type: integer}}}
    Alias: {type: array, items: {$ref: '#/components/schemas/Aliased'}}
    Aliased: {type: object, properties: {x: {type: boolean}}}
    A: {type: object, properties: {a: {type: string}}}
    B: {type: object, properties: {b: {type: string}}}
    Back: {type: object, properties: {id: {type: string}}}
    Lone: {type: object, properties: {id: {type: string}}}
`)
	for _, name := range []string{"Outer", "ListItem", "MapValue", "Alias", "Aliased", "A", "B", "OuterChoice"} {
		if typ := typeNamed(t, api, name); !typ.Request || typ.Response {
			t.Errorf("%s: Request %t Response %t, want a request type only", name, typ.Request, typ.Response)
		}
	}
	if typ := typeNamed(t, api, "Back"); typ.Request || !typ.Response {
		t.Errorf("Back: Request %t Response %t, want a response type only", typ.Request, typ.Response)
	}
	if typ := typeNamed(t, api, "Lone"); typ.Request || typ.Response {
		t.Errorf("Lone: Request %t Response %t, want neither", typ.Request, typ.Response)
	}
}

// TestComponentKinds: which Go declaration a component becomes.
func TestComponentKinds(t *testing.T) {
	api := mustBuild(t, `components:
  schemas:
    Obj: {type: object, properties: {a: {type: string}}}
    ObjViaAllOf: {allOf: [{$ref: '#/components/schemas/Obj'}, {properties: {b: {type: string}}}]}
    Tags: {type: array, items: {type: string}}
    Count: {type: integer, description: How many.}
    Free: {}
    Dict: {type: object, additionalProperties: {type: string}}
    EmptyObj: {type: object}
    Copy: {allOf: [{$ref: '#/components/schemas/Obj'}]}
    Color: {type: string, enum: [red]}
    Single: {const: one}
    Number: {const: 3}
    Either: {oneOf: [{$ref: '#/components/schemas/Obj'}, {$ref: '#/components/schemas/Tags'}]}
    OnlyOne: {oneOf: [{$ref: '#/components/schemas/Obj'}]}
    ListCopy: {allOf: [{$ref: '#/components/schemas/Tags'}]}
    Nested: {allOf: [{allOf: [{$ref: '#/components/schemas/Obj'}]}]}
    Untyped: {properties: {u: {type: string}}}
    TypeWins: {type: string, properties: {w: {type: string}}}
`)
	for _, tc := range []struct {
		name   string
		kind   TypeKind
		target string
	}{
		{"Obj", TypeStruct, "<nil>"},
		{"ObjViaAllOf", TypeStruct, "<nil>"},
		{"Tags", TypeDefined, "[]string"},
		{"Count", TypeDefined, "int64"},
		{"Free", TypeDefined, "any"},
		{"Dict", TypeDefined, "map[string]string"},
		{"EmptyObj", TypeDefined, "map[string]any"},
		{"Copy", TypeStruct, "<nil>"},
		{"OnlyOne", TypeAlias, "Obj"},
		{"Color", TypeEnum, "<nil>"},
		{"Single", TypeEnum, "<nil>"},
		{"Number", TypeEnum, "<nil>"},
		{"Either", TypeUnion, "<nil>"},
		{"ListCopy", TypeAlias, "Tags"},
		{"Nested", TypeStruct, "<nil>"},
		{"Untyped", TypeStruct, "<nil>"},
		{"TypeWins", TypeDefined, "string"},
	} {
		typ := typeNamed(t, api, tc.name)
		if typ.Kind != tc.kind || goType(typ.Target) != tc.target {
			t.Errorf("%s: kind %d target %s, want kind %d target %s", tc.name, typ.Kind, goType(typ.Target), tc.kind, tc.target)
		}
	}
	if doc := typeNamed(t, api, "Count").Doc; doc != "How many." {
		t.Errorf("Count.Doc = %q", doc)
	}
}

// TestUnionInAllOf: Go has no type for a union with more fields; such a
// schema is free-form JSON, with a warning.
func TestUnionInAllOf(t *testing.T) {
	body := `components:
  schemas:
    A: {type: object, properties: {a: {type: string}}}
    B: {type: object, properties: {b: {type: string}}}
    Thing:
      type: object
      properties:
        mixed:
          allOf:
            - oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
            - properties: {c: {type: string}}
    WithProps:
      allOf:
        - oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
      properties: {d: {type: string}}
`
	api, diags := buildSpec(t, body, Options{})
	equalLines(t, "Thing", fieldLines(typeNamed(t, api, "Thing")), []string{"mixed Mixed any plain"})
	if w := typeNamed(t, api, "WithProps"); w.Kind != TypeDefined || goType(w.Target) != "any" {
		t.Errorf("WithProps: kind %d target %s, want a defined type over any", w.Kind, goType(w.Target))
	}
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "mixed:") + ": warning: property mixed of schema Thing combines a union with other schemas in allOf, which a Go struct cannot express; it is represented as free-form JSON (any)",
		at(t, body, "WithProps:") + ": warning: schema WithProps combines a union with other schemas in allOf, which a Go struct cannot express; it is represented as free-form JSON (any)",
	})
}

// TestRecursiveFields: a struct that holds itself by value, directly, in
// an Opt, or through another struct, holds a pointer instead; a list
// already ends the recursion. A cycle through two types is broken once.
func TestRecursiveFields(t *testing.T) {
	api := mustBuild(t, `components:
  schemas:
    Node:
      type: object
      required: [self, children, next]
      properties:
        self: {$ref: '#/components/schemas/Node'}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        next: {$ref: '#/components/schemas/Link'}
        maybe: {$ref: '#/components/schemas/Node'}
    Link:
      type: object
      required: [to]
      properties:
        to: {$ref: '#/components/schemas/Node'}
`)
	equalLines(t, "Node", fieldLines(typeNamed(t, api, "Node")), []string{
		"children Children []Node plain required always",
		"maybe Maybe Node ptr recursive",
		"next Next Link ptr required recursive always",
		"self Self Node ptr required recursive always",
	})
	equalLines(t, "Link", fieldLines(typeNamed(t, api, "Link")), []string{"to To Node plain required always"})
}

// TestComponentReferringToAnother: a component that is only a reference
// to another is that other type; the other keeps its own name, whichever
// sorts first.
func TestComponentReferringToAnother(t *testing.T) {
	api := mustBuild(t, `paths:
  /x:
    get:
      operationId: get
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Alias'}
components:
  schemas:
    Alias: {$ref: '#/components/schemas/Shapes'}
    Shapes: {type: object, properties: {a: {type: string}}}
    Zed: {$ref: '#/components/schemas/Shapes'}
`)
	shapes := typeNamed(t, api, "Shapes")
	if shapes.Key != "schemas/Shapes" || shapes.Kind != TypeStruct {
		t.Errorf("Shapes: key %s, kind %d", shapes.Key, shapes.Kind)
	}
	if got := goType(method(t, api, "GET /x").Response); got != "Shapes" {
		t.Errorf("the response is %s, want Shapes", got)
	}
	equalLines(t, "types", typeNames(api), []string{"Shapes"})
}

// TestReferenceIntoAComponent: a type reached by a reference into the
// middle of a component is named where it is defined.
func TestReferenceIntoAComponent(t *testing.T) {
	api := mustBuild(t, `components:
  schemas:
    A:
      type: object
      properties:
        b: {$ref: '#/components/schemas/X/properties/y'}
    X:
      type: object
      properties:
        y: {type: object, properties: {z: {type: string}}}
`)
	equalLines(t, "A", fieldLines(typeNamed(t, api, "A")), []string{"b B XY opt"})
	if k := typeNamed(t, api, "XY").Key; k != "schemas/X.y" {
		t.Errorf("XY is %s", k)
	}
}

// TestSelfReferringAllOf: a schema in its own allOf ends the walk.
func TestSelfReferringAllOf(t *testing.T) {
	api := mustBuild(t, schemasSpec("Cyc: {allOf: [{$ref: '#/components/schemas/Cyc'}], properties: {x: {type: string}}}"))
	equalLines(t, "Cyc", fieldLines(typeNamed(t, api, "Cyc")), []string{"x X string opt"})
}

// TestRecursiveInlineType: an inline type that refers to itself through
// its component holds a pointer to itself.
func TestRecursiveInlineType(t *testing.T) {
	api := mustBuild(t, schemasSpec(
		"X: {type: object, properties: {y: {type: object, properties: {again: {$ref: '#/components/schemas/X/properties/y'}, n: {type: string}}}}}",
	))
	equalLines(t, "XY", fieldLines(typeNamed(t, api, "XY")), []string{"again Again XY ptr recursive", "n N string opt"})
}
