package model

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// catsAndDogs are two component variants, every property of which the
// union cases below can refer to.
const catsAndDogs = `
    Cat:
      type: object
      required: [kind, id]
      properties:
        kind: {type: string}
        id: {type: string}
        name: {type: string}
        meow: {type: boolean}
    Dog:
      type: object
      required: [kind, id]
      properties:
        kind: {type: string, const: dog}
        id: {type: string}
        name: {type: [string, 'null']}
        woof: {type: string, enum: [loud]}
`

// responseOf is a spec with one operation, GET /pets, answering schema,
// and the components catsAndDogs and more.
func responseOf(schema, more string) string {
	return `paths:
  /pets:
    get:
      operationId: getPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: ` + schema + `
components:
  schemas:` + catsAndDogs + more
}

// TestDiscriminatedUnion: tags come from the mapping, else from a const
// (or one-value enum) of the discriminator, else from the component name.
func TestDiscriminatedUnion(t *testing.T) {
	api := mustBuild(t, responseOf(`{$ref: '#/components/schemas/Pet'}`, `
    Bird:
      type: object
      properties:
        kind: {type: string, enum: [bird]}
    Fish:
      type: object
      properties:
        kind: {type: string}
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
        - $ref: '#/components/schemas/Bird'
        - $ref: '#/components/schemas/Fish'
      discriminator:
        propertyName: kind
        mapping:
          kitty: '#/components/schemas/Cat'
          cod: '#/components/schemas/Fish'
          dogz: '#/components/schemas/Dogz'
`))
	pet := typeNamed(t, api, "Pet")
	if pet.Kind != TypeUnion || pet.Discriminator != "kind" || pet.TagMethod != "Kind" || pet.TagType != nil {
		t.Errorf("Pet: kind %d, discriminator %q, tag method %q, tag type %v", pet.Kind, pet.Discriminator, pet.TagMethod, pet.TagType)
	}
	equalLines(t, "variants", variantLines(pet), []string{
		"Cat Cat tag=kitty required=[id kind]",
		"Dog Dog tag=dog consts=map[kind:dog woof:loud] required=[id kind]",
		"Bird Bird tag=bird consts=map[kind:bird]",
		"Fish Fish tag=cod",
	})
}

// TestDiscriminatorFallsBackToShape: when two variants share a tag or one
// has none, the union is matched by shape, with a warning.
func TestDiscriminatorFallsBackToShape(t *testing.T) {
	for _, tc := range []struct{ name, variants string }{
		{"a variant without a tag", `[{type: object, properties: {kind: {type: string}}}, {$ref: '#/components/schemas/Dog'}]`},
		{"two variants with one tag", `[{$ref: '#/components/schemas/Dog'}, {type: object, properties: {kind: {const: dog}}}]`},
	} {
		body := responseOf(`{$ref: '#/components/schemas/Pet'}`, `
    Pet:
      discriminator: {propertyName: kind}
      oneOf: `+tc.variants+"\n")
		api, diags := buildSpec(t, body, Options{})
		pet := typeNamed(t, api, "Pet")
		if pet.Discriminator != "" || pet.TagMethod != "" || pet.TagType != nil {
			t.Errorf("%s: discriminator %q, tag method %q, tag type %v; want none", tc.name, pet.Discriminator, pet.TagMethod, pet.TagType)
		}
		equalLines(t, tc.name, diagLines(diags), []string{
			at(t, body, "Pet:") + `: warning: schema Pet: cannot tell the variants apart by "kind"; they are matched by shape`,
		})
	}
}

// TestTagType: the tag method returns the smallest string enum declared
// in the components (at any depth) that lists every tag; an enum missing
// a tag does not count, nor does an enum made for an operation.
func TestTagType(t *testing.T) {
	union := `
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator: {propertyName: kind}
      properties: {}
`
	for _, tc := range []struct {
		enums, want string
	}{
		{"", "<nil>"},
		{"\n    Kinds: {type: string, enum: [Cat, dog, bird]}\n    Few: {type: string, enum: [Cat, dog]}\n    Other: {type: string, enum: [a, b]}", "Few"},
		{"\n    B: {type: string, enum: [Cat, dog, x]}\n    A: {type: string, enum: [dog, Cat, y]}", "A"},
		{"\n    Partial: {type: string, enum: [Cat]}", "<nil>"},
		{"\n    Holder: {type: object, properties: {k: {type: string, enum: [Cat, dog, x]}}}", "HolderK"},
	} {
		api := mustBuild(t, responseOf(`{$ref: '#/components/schemas/Pet'}`, union+tc.enums+"\n"))
		got := "<nil>"
		if tt := typeNamed(t, api, "Pet").TagType; tt != nil {
			got = tt.Name
		}
		if got != tc.want {
			t.Errorf("with enums %q the tag type is %s, want %s", tc.enums, got, tc.want)
		}
	}
}

// TestAccessors: a response union gets a method for each property every
// variant holds with the same Go type and wrapping.
func TestAccessors(t *testing.T) {
	api := mustBuild(t, responseOf(`{$ref: '#/components/schemas/Pet'}`, `
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
`))
	pet := typeNamed(t, api, "Pet")
	var got []string
	for _, a := range pet.Accessors {
		line := a.Name + " " + a.JSONName
		for _, f := range a.Fields {
			line += " " + fieldLine(f)
		}
		got = append(got, line)
	}
	// kind is a Cat field and a Dog const; meow and woof are not shared.
	equalLines(t, "accessors", got, []string{
		"ID id id ID string plain required always id ID string plain required always",
		"Name name name Name string opt name Name string opt nullable",
	})
}

// TestNoAccessors: no accessor for a union some variant of which is not a
// struct, for one with a single struct, for a request union, or for a
// property whose type or wrapping differs.
func TestNoAccessors(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"a scalar variant", responseOf(`{oneOf: [{$ref: '#/components/schemas/Cat'}, {type: string}]}`, "")},
		{"an array variant", responseOf(`{oneOf: [{$ref: '#/components/schemas/Cat'}, {type: array, items: {$ref: '#/components/schemas/Dog'}}]}`, "")},
		{"different types", responseOf(`{oneOf: [{type: object, properties: {a: {type: string}}}, {type: object, properties: {a: {type: integer}}}]}`, "")},
		{"different wrapping", responseOf(`{oneOf: [{type: object, required: [a], properties: {a: {type: string}}}, {type: object, properties: {a: {type: string}}}]}`, "")},
		{"a missing property", responseOf(`{oneOf: [{type: object, properties: {a: {type: string}}}, {type: object, properties: {b: {type: string}}}]}`, "")},
		{"a request union", `paths:
  /pets:
    post:
      operationId: add
      requestBody:
        content:
          application/json:
            schema:
              oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      responses:
        '204': {description: done}
components:
  schemas:` + catsAndDogs},
	} {
		api, _ := buildSpec(t, tc.body, Options{})
		for _, typ := range api.Types {
			if typ.Kind == TypeUnion && len(typ.Accessors) > 0 {
				t.Errorf("%s: union %s has accessors %v", tc.name, typ.Name, typ.Accessors[0].Name)
			}
		}
	}
}

// TestAccessorNamesAvoidUnionMethods: an accessor yields to the methods
// the emitter declares on every union, and to variants.
func TestAccessorNamesAvoidUnionMethods(t *testing.T) {
	body := responseOf(`{$ref: '#/components/schemas/U'}`, `
    U:
      oneOf:
        - {title: Variant One, type: object, properties: {variant: {type: string}, one: {type: string}}}
        - {title: Variant Two, type: object, properties: {variant: {type: string}, one: {type: string}}}
`)
	api, diags := buildSpec(t, body, Options{})
	u := typeNamed(t, api, "U")
	equalLines(t, "variants", variantLines(u), []string{"One UOne", "Two UTwo"})
	var got []string
	for _, a := range u.Accessors {
		got = append(got, a.Name+"="+a.JSONName)
	}
	equalLines(t, "accessors", got, []string{"One2=one", "Variant2=variant"})
	pos := at(t, body, "U:")
	equalLines(t, "warnings", diagLines(diags), []string{
		pos + ": warning: a method the client declares on schema U and the method reading property variant of schema U both want the Go name Variant; the method reading property variant of schema U is named Variant2",
		pos + `: warning: variant "Variant One" of schema U and the method reading property one of schema U both want the Go name One; the method reading property one of schema U is named One2`,
	})
}

// TestVariantLabels: how variants are named in the union.
func TestVariantLabels(t *testing.T) {
	for _, tc := range []struct {
		variants string
		want     []string
	}{
		// Components by name.
		{`[{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]`,
			[]string{"Cat Cat required=[id kind]", "Dog Dog consts=map[kind:dog woof:loud] required=[id kind]"}},
		// Titles without the words they all share.
		{`[{title: Card Payment Method, type: object, properties: {c: {type: string}}}, {title: Bank Payment Method, type: object, properties: {b: {type: string}}}]`,
			[]string{"Card PetsCard", "Bank PetsBank"}},
		{`[{title: new_user, type: object, properties: {c: {type: string}}}, {title: new_admin, type: object, properties: {b: {type: string}}}]`,
			[]string{"User PetsUser", "Admin PetsAdmin"}},
		// Each label keeps a word of its own.
		{`[{title: Payment, type: object, properties: {c: {type: string}}}, {title: Payment Method, type: object, properties: {b: {type: string}}}]`,
			[]string{"Payment PetsPayment", "PaymentMethod PetsPaymentMethod"}},
		// Untitled variants by their JSON type.
		{`[{type: string}, {type: integer}, {type: number}, {type: boolean}]`, []string{"String string", "Integer int64", "Number float64", "Boolean bool"}},
		{`[{type: array, items: {type: integer}}, {type: array, items: {type: array, items: {type: string}}}, {type: array, items: {$ref: '#/components/schemas/Cat'}}]`,
			[]string{"IntegerArray []int64", "StringArrayArray [][]string", "CatArray []Cat"}},
		{`[{properties: {a: {type: string}}}, {enum: [x]}, {}]`, []string{"Object PetsObject", "Enum PetsEnum", "Value any"}},
		{`[{type: [string, 'null']}, {type: integer}]`, []string{"String string", "Integer int64"}},
		// Untitled objects by the values they fix.
		{`[{type: object, properties: {type: {const: logs}, a: {type: string}}}, {type: object, properties: {type: {enum: [metrics]}, b: {type: string}}}]`,
			[]string{"Logs PetsLogs consts=map[type:logs]", "Metrics PetsMetrics consts=map[type:metrics]"}},
		// ... only when every variant fixes it to a different value.
		{`[{type: object, properties: {type: {const: same}}}, {type: object, properties: {type: {const: same}, b: {type: string}}}]`,
			[]string{"Object PetsObject consts=map[type:same]", "Object2 PetsObject2 consts=map[type:same]"}},
		{`[{type: object, properties: {type: {const: one}}}, {type: object, properties: {b: {type: string}}}]`,
			[]string{"Object PetsObject consts=map[type:one]", "Object2 PetsObject2"}},
	} {
		api, _ := buildSpec(t, responseOf(`{$ref: '#/components/schemas/Pets'}`, "\n    Pets:\n      oneOf: "+tc.variants+"\n"), Options{})
		equalLines(t, tc.variants, variantLines(typeNamed(t, api, "Pets")), tc.want)
	}
}

// TestUnionAlternatives: oneOf wins over anyOf; null alternatives make the
// value nullable and are no variant; one alternative left is no union.
func TestUnionAlternatives(t *testing.T) {
	api := mustBuild(t, `components:
  schemas:
    Holder:
      type: object
      required: [both, single, nulls]
      properties:
        both:
          oneOf: [{type: string}, {type: integer}]
          anyOf: [{type: boolean}, {type: number}]
        single:
          oneOf: [{$ref: '#/components/schemas/Target'}, {type: 'null'}]
        nulls:
          anyOf: [{type: string}, {type: 'null'}, {type: integer}]
    Target: {type: object, properties: {a: {type: string}}}
`)
	equalLines(t, "fields", fieldLines(typeNamed(t, api, "Holder")), []string{
		"both Both HolderBoth plain required always",
		"nulls Nulls HolderNulls ptr required nullable always",
		"single Single Target ptr required nullable always",
	})
	equalLines(t, "both", variantLines(typeNamed(t, api, "HolderBoth")), []string{"String string", "Integer int64"})
	equalLines(t, "nulls", variantLines(typeNamed(t, api, "HolderNulls")), []string{"String string", "Integer int64"})
}

// TestVariantRequiredAndConsts: each variant lists its required
// properties (allOf parts included) and the values it fixes, numbers too.
func TestVariantRequiredAndConsts(t *testing.T) {
	api := mustBuild(t, responseOf(`{$ref: '#/components/schemas/U'}`, `
    Base: {type: object, required: [id], properties: {id: {type: string}}}
    U:
      anyOf:
        - allOf:
            - $ref: '#/components/schemas/Base'
            - {type: object, required: [b, a], properties: {a: {type: string}, b: {type: string}, v: {const: one}}}
          title: First
        - {title: Second, type: object, properties: {w: {type: string, enum: [x]}, n: {type: integer, enum: [1]}, e: {type: string, enum: [p, q]}}}
`))
	equalLines(t, "variants", variantLines(typeNamed(t, api, "U")), []string{
		"First UFirst consts=map[v:one] required=[a b id]",
		"Second USecond consts=map[n:1 w:x]", // the integer as its JSON
	})
}

// TestVariantNameClashes: two variants asking one name are numbered in
// spec order; the tag method yields to a variant.
func TestVariantNameClashes(t *testing.T) {
	body := responseOf(`{$ref: '#/components/schemas/U'}`, `
    Kind: {type: object, properties: {kind: {type: string, const: k}}}
    U:
      oneOf: [{$ref: '#/components/schemas/Kind'}, {type: object, title: kind, properties: {kind: {type: string, const: l}}}]
      discriminator: {propertyName: kind}
`)
	api, diags := buildSpec(t, body, Options{})
	u := typeNamed(t, api, "U")
	equalLines(t, "variants", variantLines(u), []string{"Kind Kind tag=k consts=map[kind:k]", "Kind2 UKind2 tag=l consts=map[kind:l]"})
	if u.TagMethod != "Kind3" {
		t.Errorf("tag method %s, want Kind3", u.TagMethod)
	}
	pos := at(t, body, "U:")
	equalLines(t, "warnings", diagLines(diags), []string{
		pos + `: warning: variant Kind of schema U and the method returning "kind" of schema U both want the Go name Kind; the method returning "kind" of schema U is named Kind3`,
		pos + `: warning: variant Kind of schema U and variant kind of schema U both want the Go name Kind; variant kind of schema U is named Kind2`,
	})
}

func TestCommonWords(t *testing.T) {
	for _, tc := range []struct {
		labels         [][]string
		prefix, suffix int
	}{
		{[][]string{{"Card", "Payment"}, {"Bank", "Payment"}}, 0, 1},
		{[][]string{{"New", "User"}, {"New", "Admin"}}, 1, 0},
		{[][]string{{"A", "X", "B"}, {"A", "Y", "B"}}, 1, 1},
		{[][]string{{"A", "B"}, {"A", "B"}}, 1, 0},
		{[][]string{{"A"}, {"A", "B"}}, 0, 0},
		{[][]string{{"Only", "One"}}, 0, 0},
		{[][]string{{"X", "A"}, {"Y", "A"}, {"Z", "B"}}, 0, 0},
	} {
		p, s := commonWords(tc.labels)
		if p != tc.prefix || s != tc.suffix {
			t.Errorf("commonWords(%v) = %d, %d; want %d, %d", tc.labels, p, s, tc.prefix, tc.suffix)
		}
	}
}

func TestSameGoType(t *testing.T) {
	a, b := &Type{Name: "A"}, &Type{Name: "B"}
	for _, tc := range []struct {
		x, y *GoType
		want bool
	}{
		{&GoType{Kind: KindString}, &GoType{Kind: KindString}, true},
		{&GoType{Kind: KindString}, &GoType{Kind: KindInt64}, false},
		{named(a), named(a), true},
		{named(a), named(b), false},
		{&GoType{Kind: KindSlice, Elem: named(a)}, &GoType{Kind: KindSlice, Elem: named(a)}, true},
		{&GoType{Kind: KindSlice, Elem: named(a)}, &GoType{Kind: KindSlice, Elem: named(b)}, false},
		{&GoType{Kind: KindSlice, Elem: &GoType{Kind: KindString}}, &GoType{Kind: KindSlice}, false},
		{&GoType{Kind: KindSlice}, &GoType{Kind: KindSlice, Elem: &GoType{Kind: KindString}}, false},
	} {
		if got := sameGoType(tc.x, tc.y); got != tc.want {
			t.Errorf("sameGoType(%s, %s) = %t", goType(tc.x), goType(tc.y), got)
		}
	}
}

func TestFixedValue(t *testing.T) {
	body := `components:
  schemas:
    T:
      type: object
      properties:
        c: {const: a}
        e: {enum: [b]}
        n: {enum: [1]}
        two: {enum: [c, d]}
        plain: {type: string}
`
	r := mustLoad(t, body)
	props := r.Components.Schemas["T"].Value.Properties
	var got []string
	for _, name := range slices.Sorted(maps.Keys(props)) {
		v, ok := fixedValue(props[name])
		got = append(got, fmt.Sprintf("%s=%q,%t", name, v, ok))
	}
	equalLines(t, "fixed values", got, []string{`c="a",true`, `e="b",true`, `n="",false`, `plain="",false`, `two="",false`})
	got = nil
	for _, name := range slices.Sorted(maps.Keys(props)) {
		v, ok := fixedMatch(props[name])
		got = append(got, fmt.Sprintf("%s=%q,%t", name, v, ok))
	}
	equalLines(t, "matched values", got, []string{`c="a",true`, `e="b",true`, `n="1",true`, `plain="",false`, `two="",false`})
	if v, ok := fixedValue(nil); ok || v != "" {
		t.Errorf("fixedValue(nil) = %q, %t", v, ok)
	}
}

// TestIntegerTaggedUnion: variants told apart by an integer or boolean
// constant (Discord's "type": {enum: [1]}) record it as JSON, so the
// runtime can match it; labels still come from string constants only.
func TestIntegerTaggedUnion(t *testing.T) {
	api := mustBuild(t, responseOf(`{$ref: '#/components/schemas/Command'}`, `
    Chat:
      type: object
      required: [type]
      properties:
        type: {type: integer, enum: [1]}
        name: {type: string}
    User:
      type: object
      required: [type]
      properties:
        type: {type: integer, const: 2}
        dm: {type: boolean, const: true}
    Command:
      oneOf:
        - $ref: '#/components/schemas/Chat'
        - $ref: '#/components/schemas/User'
`))
	equalLines(t, "variants", variantLines(typeNamed(t, api, "Command")), []string{
		"Chat Chat consts=map[type:1] required=[type]",
		"User User consts=map[dm:true type:2] required=[type]",
	})
}
