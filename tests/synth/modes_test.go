package synth_test

import (
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

// TestModesValidate: every mode's instance of every schema of the Whop
// spec matches its schema.
func TestModesValidate(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	for _, tg := range allTargets(d) {
		for _, m := range []synth.Mode{synth.First, synth.Nulls, synth.Last} {
			if err := s.Validate(tg.Ref, s.Make(tg.Ref, m, synth.Both)); err != nil {
				t.Errorf("%s, %s: %v", tg.Name, m, err)
			}
		}
	}
}
