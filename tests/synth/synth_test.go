package synth_test

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen"
	"github.com/whopgen/whopgen/tests/synth"
)

var (
	loadOnce sync.Once
	doc      *openapi3.T
	loadErr  error
)

func spec(t *testing.T) *openapi3.T {
	t.Helper()
	loadOnce.Do(func() { doc, loadErr = synth.LoadSpec("spec/openapi.yml", whopgen.Spec) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return doc
}

// allTargets is every schema the round-trip tests use, plus every component.
func allTargets(d *openapi3.T) []synth.Target {
	var all []synth.Target
	all = append(all, synth.Components(d)...)
	all = append(all, synth.Responses(d)...)
	all = append(all, synth.Webhooks(d)...)
	all = append(all, synth.RequestBodies(d)...)
	all = append(all, synth.QueryParameters(d)...)
	return all
}

// TestInstancesValidate is the guard against drift: every instance the
// synthesizer writes for every schema of the spec matches its schema, and
// every coverage target is reached.
func TestInstancesValidate(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	targets, instances := 0, 0
	for _, tg := range allTargets(d) {
		targets++
		vs := s.Instances(tg.Ref)
		instances += len(vs)
		if err := s.ValidateAll(tg.Ref, vs); err != nil {
			t.Errorf("%s: %v", tg.Name, err)
		}
		if left := s.Uncovered(tg.Ref); len(left) > 0 {
			t.Errorf("%s: coverage targets never reached: %v", tg.Name, left)
		}
	}
	t.Logf("%d instances of %d schemas validate", instances, targets)
}

func TestOneValidates(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	for _, tg := range allTargets(d) {
		if err := s.Validate(tg.Ref, s.One(tg.Ref)); err != nil {
			t.Errorf("%s: %v", tg.Name, err)
		}
	}
}

func TestInstancesAreDeterministic(t *testing.T) {
	d := spec(t)
	for _, tg := range synth.Responses(d)[:40] {
		a := synth.New(d).Instances(tg.Ref)
		b := synth.New(d).Instances(tg.Ref)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two runs differ", tg.Name)
		}
	}
}

func TestCoverageOfRealSchemas(t *testing.T) {
	d := spec(t)
	s := synth.New(d)

	t.Run("every PaymentMethod variant", func(t *testing.T) {
		var seen []string
		for _, v := range s.Instances(d.Components.Schemas["PaymentMethod"]) {
			seen = append(seen, v.(map[string]any)["typename"].(string))
		}
		for _, want := range []string{"BasePaymentMethod", "CardPaymentMethod", "UsBankAccountPaymentMethod", "CashappPaymentMethod", "IdealPaymentMethod", "SepaDebitPaymentMethod"} {
			if !slices.Contains(seen, want) {
				t.Errorf("no instance has typename %s (got %v)", want, seen)
			}
		}
	})

	t.Run("every Currencies value", func(t *testing.T) {
		ref := d.Components.Schemas["Currencies"]
		var seen []any
		for _, v := range s.Instances(ref) {
			seen = append(seen, v)
		}
		for _, want := range ref.Value.Enum {
			if !slices.Contains(seen, want) {
				t.Errorf("no instance is %v", want)
			}
		}
	})

	t.Run("nullable both ways", func(t *testing.T) {
		var null, value bool
		for _, v := range s.Instances(d.Components.Schemas["User"]) {
			switch v.(map[string]any)["bio"].(type) {
			case nil:
				null = true
			case string:
				value = true
			}
		}
		if !null || !value {
			t.Errorf("User.bio: null seen %v, value seen %v", null, value)
		}
	})

	t.Run("date-time keeps fractional seconds", func(t *testing.T) {
		v := s.One(d.Components.Schemas["User"]).(map[string]any)
		if got := v["created_at"]; got != "2023-12-01T05:00:00.401Z" {
			t.Errorf("created_at = %v", got)
		}
	})

	t.Run("examples give realistic ids", func(t *testing.T) {
		v := s.One(d.Components.Schemas["User"]).(map[string]any)
		if id, _ := v["id"].(string); len(id) < 5 || id[:5] != "user_" {
			t.Errorf("id = %v, want the spec's example", v["id"])
		}
	})

	t.Run("minimum and maximum", func(t *testing.T) {
		for _, v := range s.Instances(d.Components.Schemas["Review"]) {
			stars := v.(map[string]any)["stars"].(float64)
			if stars < 1 || stars > 5 {
				t.Errorf("stars = %v, outside 1..5", stars)
			}
		}
	})
}

// TestValidateRejects makes sure validation is not vacuous: instances that
// break the schema in each way the synthesizer could get wrong are refused.
func TestValidateRejects(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	user := d.Components.Schemas["User"]
	method := d.Components.Schemas["PaymentMethod"]
	cases := map[string]struct {
		ref    *openapi3.SchemaRef
		change func(map[string]any)
	}{
		"missing required": {user, func(m map[string]any) { delete(m, "username") }},
		"null not allowed": {user, func(m map[string]any) { m["id"] = nil }},
		"wrong type":       {user, func(m map[string]any) { m["bio"] = 3.0 }},
		"bad date-time":    {user, func(m map[string]any) { m["created_at"] = "yesterday" }},
		"unknown variant":  {method, func(m map[string]any) { m["typename"] = "NoSuchMethod" }},
		"unknown enum":     {method, func(m map[string]any) { m["payment_method_type"] = "no_such_type" }},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			v := s.One(c.ref).(map[string]any)
			if err := s.Validate(c.ref, v); err != nil {
				t.Fatalf("unchanged instance: %v", err)
			}
			c.change(v)
			if err := s.Validate(c.ref, v); err == nil {
				t.Errorf("validation accepted the broken instance %v", v)
			}
		})
	}
}

func TestChanges(t *testing.T) {
	d := spec(t)
	s := synth.New(d)
	ref := d.Components.Schemas["PaymentMethod"]
	base := s.One(ref)

	variants := s.Changes(ref, synth.UnknownVariant)
	if len(variants) != 1 || variants[0].Pointer != "" {
		t.Fatalf("UnknownVariant changes = %+v, want one at the root", variants)
	}
	if got := variants[0].Value.(map[string]any)["typename"]; got != synth.FutureVariantName {
		t.Errorf("typename = %v", got)
	}

	enums := s.Changes(ref, synth.UnknownEnum)
	if len(enums) == 0 {
		t.Fatal("no enum positions in PaymentMethod")
	}
	if got := enums[0].Value.(map[string]any)["payment_method_type"]; got != synth.FutureEnumValue {
		t.Errorf("changed enum = %v at %s", got, enums[0].Pointer)
	}

	extras := s.Changes(d.Components.Schemas["User"], synth.ExtraProperty)
	if len(extras) < 2 {
		t.Fatalf("User has %d object positions, want the root and profile_picture", len(extras))
	}
	for _, c := range extras {
		if reflect.DeepEqual(c.Value, c.Want) {
			t.Errorf("%s: the extra property is missing", c.Pointer)
		}
		if err := s.Validate(d.Components.Schemas["User"], c.Want); err != nil {
			t.Errorf("%s: Want does not validate: %v", c.Pointer, err)
		}
	}
	if !reflect.DeepEqual(base, s.One(ref)) {
		t.Error("Changes modified the base instance")
	}
}
