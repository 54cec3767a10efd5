package synth_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/whopgen/whopgen/tests/synth"
)

// modesSpec has one schema with a nullable property, a union, an enum and
// read-only and write-only properties.
const modesSpec = `openapi: 3.1.0
info: {title: Modes, version: 1.0.0}
paths: {}
components:
  schemas:
    Thing:
      type: object
      properties:
        id: {type: string, readOnly: true}
        secret: {type: string, writeOnly: true}
        note: {type: [string, 'null']}
        color: {type: string, enum: [red, green, blue]}
        shape:
          oneOf:
            - {type: object, properties: {kind: {const: circle}, r: {type: number}}, required: [kind, r]}
            - {type: object, properties: {kind: {const: square}, side: {type: number}}, required: [kind, side]}
      required: [id, secret, note, color, shape]
`

func TestMake(t *testing.T) {
	doc, err := synth.LoadSpec("modes.yml", []byte(modesSpec))
	if err != nil {
		t.Fatal(err)
	}
	s := synth.New(doc)
	ref := doc.Components.Schemas["Thing"]
	if !reflect.DeepEqual(s.Make(ref, synth.First, synth.Both), s.One(ref)) {
		t.Error("First for Both is not One's instance")
	}
	first := s.Make(ref, synth.First, synth.Response).(map[string]any)
	nulls := s.Make(ref, synth.Nulls, synth.Request).(map[string]any)
	last := s.Make(ref, synth.Last, synth.Response).(map[string]any)
	if first["color"] != "red" || last["color"] != "blue" || nulls["color"] != "red" {
		t.Errorf("enum: first %v, last %v, nulls %v", first["color"], last["color"], nulls["color"])
	}
	if first["shape"].(map[string]any)["kind"] != "circle" || last["shape"].(map[string]any)["kind"] != "square" {
		t.Errorf("union: first %v, last %v", first["shape"], last["shape"])
	}
	if first["note"] == nil || last["note"] == nil {
		t.Errorf("first and last write values, got notes %v and %v", first["note"], last["note"])
	}
	if v, ok := nulls["note"]; !ok || v != nil {
		t.Errorf("nulls: note is %v, want null", v)
	}
	for name, inst := range map[string]map[string]any{"first": first, "last": last} {
		if _, ok := inst["secret"]; ok {
			t.Errorf("%s: a response holds the write-only secret", name)
		}
		if _, ok := inst["id"]; !ok {
			t.Errorf("%s: a response lacks the read-only id", name)
		}
	}
	if _, ok := nulls["id"]; ok {
		t.Error("a request holds the read-only id")
	}
	if _, ok := nulls["secret"]; !ok {
		t.Error("a request lacks the write-only secret")
	}
}

func TestCoverReachesEveryChoice(t *testing.T) {
	doc, err := synth.LoadSpec("modes.yml", []byte(modesSpec))
	if err != nil {
		t.Fatal(err)
	}
	ref := doc.Components.Schemas["Thing"]
	colors, kinds, nullNote := map[any]bool{}, map[any]bool{}, false
	for _, v := range synth.New(doc).Cover(ref, synth.Request) {
		m := v.(map[string]any)
		colors[m["color"]] = true
		kinds[m["shape"].(map[string]any)["kind"]] = true
		nullNote = nullNote || m["note"] == nil
		if _, ok := m["id"]; ok {
			t.Errorf("a request instance holds the read-only id: %v", m)
		}
	}
	if len(colors) != 3 || len(kinds) != 2 || !nullNote {
		t.Errorf("covered colors %v, kinds %v, null note %v", colors, kinds, nullNote)
	}
}

// TestModesValidate: the nulls and last instances of every schema of the
// Whop spec match their schema (first is One's, which TestOneValidates
// checks).
func TestModesValidate(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	for _, tg := range allTargets(d) {
		var vs []any
		for _, m := range []synth.Mode{synth.Nulls, synth.Last} {
			vs = append(vs, s.Make(tg.Ref, m, synth.Both))
		}
		if err := s.ValidateAll(tg.Ref, vs); err != nil {
			t.Errorf("%s (instances: nulls, last): %v", tg.Name, err)
		}
	}
}

const recursiveSpec = `openapi: 3.1.0
info: {title: Trees, version: 1.0.0}
paths: {}
components:
  schemas:
    Node:
      type: object
      properties:
        name: {type: string}
        parent: {$ref: '#/components/schemas/Node'}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        next: {anyOf: [{$ref: '#/components/schemas/Node'}, {type: 'null'}]}
        by_name: {type: object, additionalProperties: {$ref: '#/components/schemas/Node'}}
      required: [name, next]
    Chain:
      type: object
      properties:
        link: {$ref: '#/components/schemas/Link'}
      required: [link]
    Link:
      type: object
      properties:
        chain: {$ref: '#/components/schemas/Chain'}
      required: [chain]
`

// TestRecursion: recursive schemas give finite instances that nest a
// schema in itself once; a schema that requires itself is reported.
func TestRecursion(t *testing.T) {
	doc, err := synth.LoadSpec("trees.yml", []byte(recursiveSpec))
	if err != nil {
		t.Fatal(err)
	}
	s := synth.New(doc)
	node := doc.Components.Schemas["Node"]
	for _, m := range []synth.Mode{synth.First, synth.Nulls, synth.Last} {
		v := s.Make(node, m, synth.Both)
		if err := s.Validate(node, v); err != nil {
			t.Errorf("%s: %v", m, err)
		}
	}
	if err := s.ValidateAll(node, s.Cover(node, synth.Both)); err != nil {
		t.Error(err)
	}
	one := s.One(node).(map[string]any)
	parent, ok := one["parent"].(map[string]any)
	if !ok {
		t.Fatalf("no parent: %v", one)
	}
	if _, ok := parent["parent"]; ok {
		t.Errorf("the parent has a parent: the recursion goes deeper than twice: %v", one)
	}
	if !s.Finite(node) {
		t.Error("Node has finite instances")
	}
	if s.Finite(doc.Components.Schemas["Chain"]) {
		t.Error("Chain requires itself: it has no finite instance")
	}
}

const keywordsSpec = `openapi: 3.1.0
info: {title: Keywords, version: 1.0.0}
paths: {}
components:
  schemas:
    Base:
      type: object
      properties:
        id: {type: string}
      required: [id]
    Dog:
      allOf:
        - {$ref: '#/components/schemas/Base'}
        - type: object
          properties:
            bark: {type: boolean}
            weight: {type: number, format: float}
            age: {type: integer, format: int32}
            avatar: {type: string, format: byte}
          required: [bark]
    Circle:
      type: object
      properties: {kind: {type: string}, r: {type: number}}
      required: [kind, r]
    Square:
      type: object
      properties: {kind: {type: string}, side: {type: number}}
      required: [kind, side]
    Shape:
      oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
      discriminator:
        propertyName: kind
        mapping: {circle: '#/components/schemas/Circle', square: '#/components/schemas/Square'}
    Unmapped:
      oneOf: [{$ref: '#/components/schemas/Circle'}, {$ref: '#/components/schemas/Square'}]
      discriminator: {propertyName: kind}
    Point:
      type: array
      prefixItems: [{type: number}, {type: string}]
`

// TestKeywords: allOf members are merged, a discriminator takes the value
// that names its variant, prefixItems give a tuple, and formats bound
// their values.
func TestKeywords(t *testing.T) {
	doc, err := synth.LoadSpec("keywords.yml", []byte(keywordsSpec))
	if err != nil {
		t.Fatal(err)
	}
	s := synth.New(doc)
	for _, name := range []string{"Dog", "Shape", "Unmapped", "Point"} {
		ref := doc.Components.Schemas[name]
		if err := s.ValidateAll(ref, append(s.Cover(ref, synth.Both), s.Make(ref, synth.Last, synth.Both))); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	dog := s.One(doc.Components.Schemas["Dog"]).(map[string]any)
	for _, k := range []string{"id", "bark", "weight", "age", "avatar"} {
		if _, ok := dog[k]; !ok {
			t.Errorf("Dog lacks %s: %v", k, dog)
		}
	}
	for _, v := range s.Cover(doc.Components.Schemas["Dog"], synth.Both) {
		d := v.(map[string]any)
		if w := d["weight"].(float64); float64(float32(w)) != w {
			t.Errorf("a float weight float32 cannot hold: %v", w)
		}
		if a := d["age"].(float64); a > math.MaxInt32 || a < math.MinInt32 {
			t.Errorf("an int32 age out of range: %v", a)
		}
	}
	for name, want := range map[string][2]string{"Shape": {"circle", "square"}, "Unmapped": {"Circle", "Square"}} {
		ref := doc.Components.Schemas[name]
		first := s.Make(ref, synth.First, synth.Both).(map[string]any)
		last := s.Make(ref, synth.Last, synth.Both).(map[string]any)
		if first["kind"] != want[0] || last["kind"] != want[1] {
			t.Errorf("%s: discriminator values %v and %v, want %q", name, first["kind"], last["kind"], want)
		}
	}
}
