package synth

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen"
)

// TestOneHasNoNulls walks One's instance of every response schema with
// its schema: every property is present and no value is null, except
// inside free-form objects, whose sample holds a null on purpose.
func TestOneHasNoNulls(t *testing.T) {
	doc, err := LoadSpec("spec/openapi.yml", whopgen.Spec)
	if err != nil {
		t.Fatal(err)
	}
	s := New(doc)
	user := doc.Components.Schemas["User"]
	broken := s.One(user).(map[string]any)
	broken["bio"] = nil
	if at := firstNull(user, broken, ""); at != "/bio (null)" {
		t.Fatalf("the check misses a null bio: got %q", at)
	}
	targets := append(Responses(doc), Webhooks(doc)...)
	targets = append(targets, RequestBodies(doc)...)
	for _, tg := range targets {
		if at := firstNull(tg.Ref, s.One(tg.Ref), ""); at != "" {
			t.Errorf("%s: One has null or a missing property at %q", tg.Name, at)
		}
	}
}

// firstNull returns the JSON pointer of the first null or missing
// property in v, or "".
func firstNull(ref *openapi3.SchemaRef, v any, at string) string {
	sh := shapeOf(ref)
	if v == nil {
		return at + " (null)"
	}
	if len(sh.union) > 0 {
		return firstNull(sh.union[0], v, at) // One takes the first variant
	}
	s := sh.schema
	switch x := v.(type) {
	case map[string]any:
		if isFreeForm(s) {
			return ""
		}
		for name, p := range s.Properties {
			pv, ok := x[name]
			if !ok {
				return at + "/" + name + " (missing)"
			}
			if got := firstNull(p, pv, at+"/"+name); got != "" {
				return got
			}
		}
	case []any:
		for _, item := range x {
			if s.Items != nil {
				if got := firstNull(s.Items, item, at+"/0"); got != "" {
					return got
				}
			}
		}
	}
	return ""
}
