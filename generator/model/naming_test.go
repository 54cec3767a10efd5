package model

import (
	"slices"
	"strings"
	"testing"
)

// schemasSpec is a spec of component schemas only, one a line.
func schemasSpec(schemas ...string) string {
	return "components:\n  schemas:\n    " + strings.Join(schemas, "\n    ") + "\n"
}

// keyNames maps each type's key to its name.
func keyNames(api *API) map[string]string {
	out := map[string]string{}
	for _, t := range api.Types {
		out[t.Key] = t.Name
	}
	return out
}

// TestComponentNameCollisions: of component names with one Go spelling,
// the one in Go form keeps it, then snake_case, then the rest in byte
// order; each other is numbered, with a warning.
func TestComponentNameCollisions(t *testing.T) {
	body := schemasSpec(
		"fooBar: {type: object, properties: {a: {type: string}}}",
		"FooBar: {type: object, properties: {b: {type: string}}}",
		"foo_bar: {type: object, properties: {c: {type: string}}}",
		"FOO_BAR: {type: object, properties: {d: {type: string}}}",
	)
	api, diags := buildSpec(t, body, Options{})
	names := keyNames(api)
	for key, want := range map[string]string{"schemas/FooBar": "FooBar", "schemas/foo_bar": "FooBar2", "schemas/FOO_BAR": "FooBar3", "schemas/fooBar": "FooBar4"} {
		if names[key] != want {
			t.Errorf("%s is %s, want %s", key, names[key], want)
		}
	}
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "fooBar:") + ": warning: schema FooBar and schema fooBar both want the Go name FooBar; schema fooBar is named FooBar4",
		at(t, body, "foo_bar:") + ": warning: schema FooBar and schema foo_bar both want the Go name FooBar; schema foo_bar is named FooBar2",
		at(t, body, "FOO_BAR:") + ": warning: schema FooBar and schema FOO_BAR both want the Go name FooBar; schema FOO_BAR is named FooBar3",
	})
}

// TestReservedPackageNames: names the runtime declares always win; the
// schema they push aside is numbered past the names others ask for.
func TestReservedPackageNames(t *testing.T) {
	body := schemasSpec("Client: {type: object, properties: {d: {type: string}}}", "Client2: {type: string}")
	api, diags := buildSpec(t, body, Options{})
	names := keyNames(api)
	if names["schemas/Client"] != "Client3" || names["schemas/Client2"] != "Client2" {
		t.Errorf("names %v", names)
	}
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "Client:") + ": warning: a name the client runtime declares and schema Client both want the Go name Client; schema Client is named Client3",
	})
}

// TestFieldNameCollisions: properties with one Go spelling are numbered
// in spelling order; a property never takes a method the emitter
// declares on structs.
func TestFieldNameCollisions(t *testing.T) {
	body := schemasSpec("T: {type: object, properties: {userId: {type: string}, user_id: {type: integer}, MarshalJSON: {type: boolean}, raw_json: {type: string}}}")
	api, diags := buildSpec(t, body, Options{})
	equalLines(t, "fields", fieldLines(typeNamed(t, api, "T")), []string{
		"MarshalJSON MarshalJSON2 bool opt",
		"raw_json RawJSON2 string opt",
		"userId UserID2 string opt",
		"user_id UserID int64 opt",
	})
	pos := at(t, body, "T:")
	equalLines(t, "warnings", diagLines(diags), []string{
		pos + ": warning: a method the client declares on schema T and property MarshalJSON of schema T both want the Go name MarshalJSON; property MarshalJSON of schema T is named MarshalJSON2",
		pos + ": warning: a method the client declares on schema T and property raw_json of schema T both want the Go name RawJSON; property raw_json of schema T is named RawJSON2",
		pos + ": warning: property user_id of schema T and property userId of schema T both want the Go name UserID; property userId of schema T is named UserID2",
	})
}

// TestInlineTypeNames: an inline type is named after its parent's final
// name and its place: a property, the singular of a list, Item, Value.
func TestInlineTypeNames(t *testing.T) {
	api, _ := buildSpec(t, schemasSpec(`PaymentMethod:
      type: object
      properties:
        card: {type: object, properties: {last4: {type: string}}}
        method_type: {type: string, enum: [x]}
        method: {type: object, properties: {m: {type: string}}}
        questions: {type: array, items: {type: object, properties: {q: {type: string}}}}
        data: {type: array, items: {type: object, properties: {d: {type: string}}}}
        metadata: {type: object, additionalProperties: {type: object, properties: {v: {type: string}}}}
        grid: {type: array, items: {type: array, items: {type: object, properties: {g: {type: string}}}}}`,
		`Client: {type: object, properties: {inner: {type: object, properties: {i: {type: string}}}}}`), Options{})
	for key, want := range map[string]string{
		"schemas/PaymentMethod.card":        "PaymentMethodCard",
		"schemas/PaymentMethod.method_type": "PaymentMethodType",
		"schemas/PaymentMethod.method":      "PaymentMethodDetails",
		"schemas/PaymentMethod.questions[]": "PaymentMethodQuestion",
		"schemas/PaymentMethod.data[]":      "PaymentMethodDataItem",
		"schemas/PaymentMethod.metadata{}":  "PaymentMethodMetadataValue",
		"schemas/PaymentMethod.grid[][]":    "PaymentMethodGridItemItem",
		"schemas/Client.inner":              "Client2Inner",
		"schemas/Client":                    "Client2",
		"schemas/PaymentMethod":             "PaymentMethod",
	} {
		if got := keyNames(api)[key]; got != want {
			t.Errorf("%s is %s, want %s", key, got, want)
		}
	}
}

// TestInlineNamesFallBack: a type whose merged name is taken takes the
// plain one; the singular of a list taken gives Item; with no candidate
// left it is numbered, quietly only for candidates of its own.
func TestInlineNamesFallBack(t *testing.T) {
	body := schemasSpec(
		"PaymentMethodType: {type: object, properties: {z: {type: string}}}",
		"PaymentMethod: {type: object, properties: {method_type: {type: string, enum: [x]}, chapters: {type: array, items: {type: object, properties: {c: {type: string}}}}}}",
		"PaymentMethodChapter: {type: object, properties: {y: {type: string}}}",
	)
	api, diags := buildSpec(t, body, Options{})
	names := keyNames(api)
	if names["schemas/PaymentMethod.method_type"] != "PaymentMethodMethodType" || names["schemas/PaymentMethod.chapters[]"] != "PaymentMethodChaptersItem" {
		t.Errorf("names %v", names)
	}
	if len(diags) != 0 {
		t.Errorf("a quiet fallback warned: %v", diagLines(diags))
	}
}

// TestPins: a name published before is kept while its element exists,
// even where the spelling rules would now give it to another; a pin that
// is no valid name for its element, or that reserved names hold, is
// ignored.
func TestPins(t *testing.T) {
	body := schemasSpec(
		"foo_bar: {type: object, properties: {a: {type: string}, b: {type: string}}}",
		"FooBar: {type: object, properties: {c: {type: string}}}",
		"Role: {type: string, enum: [admin, guest]}",
		"Other: {type: string}",
		"Another: {type: string}",
		"Third: {type: string}",
		"Fourth: {type: string}",
	)
	api, diags := buildSpec(t, body, Options{Pins: map[string]string{
		"type schemas/foo_bar":         "FooBar",
		"field schemas/foo_bar.a":      "Alpha",
		"const schemas/Role \"admin\"": "RoleAdministrator",
		"type schemas/Other":           "not exported",
		"type schemas/Another":         "lowercase",
		"type schemas/Third":           "Client",
		"type schemas/Fourth":          "func",
		"type schemas/Gone":            "Gone",
	}})
	names := keyNames(api)
	for key, want := range map[string]string{
		"schemas/foo_bar": "FooBar", "schemas/FooBar": "FooBar2", "schemas/Other": "Other", "schemas/Another": "Another",
		"schemas/Third": "Third", "schemas/Fourth": "Fourth",
	} {
		if names[key] != want {
			t.Errorf("%s is %s, want %s", key, names[key], want)
		}
	}
	equalLines(t, "fields", fieldLines(typeNamed(t, api, "FooBar")), []string{"a Alpha string opt", "b B string opt"})
	equalLines(t, "enum", enumLines(typeNamed(t, api, "Role")), []string{"RoleAdministrator=admin", "RoleGuest=guest"})
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "FooBar:") + ": warning: schema foo_bar and schema FooBar both want the Go name FooBar; schema FooBar is named FooBar2",
	})
	if slices.ContainsFunc(api.Names, func(e NameEntry) bool { return e.Key == "type schemas/Gone" }) {
		t.Errorf("the pin of a gone element is published")
	}
}

// TestPinnedMethodsAndServices: methods, services and resource fields
// keep their pins too, whatever the path parameters are called; a method
// whose name follows the SDKs' code samples follows them over its pin.
func TestPinnedMethodsAndServices(t *testing.T) {
	const spec = `paths:
  /users/{user_id}:
    get:
      responses: {'204': {description: done}}
  /users/{user_id}/cards:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.users.cards.retrieve()"}]
      responses: {'204': {description: done}}
`
	pinned, _ := buildSpec(t, spec, Options{Pins: map[string]string{
		"method GET /users/{id}":       "Get",
		"method GET /users/{id}/cards": "Get",
		"service users":                "Users",
		"field users":                  "People",
	}})
	r := resourceAt(t, pinned, "People")
	m := method(t, pinned, "GET /users/{user_id}")
	if r.TypeName != "Users" || r.Constructor != "newUsers" || m.Name != "Get" {
		t.Errorf("resource %s %s, method %s", r.TypeName, r.Constructor, m.Name)
	}
	if m := method(t, pinned, "GET /users/{user_id}/cards"); m.Name != "Retrieve" {
		t.Errorf("method with a code sample = %s, want the SDK's Retrieve over its pin", m.Name)
	}
}

// TestNamesManifest: Names lists every keyed element once, sorted by key,
// with the name it got.
func TestNamesManifest(t *testing.T) {
	api := mustBuild(t, `paths:
  /users/{id}:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.users.retrieve()"}]
      parameters: [{name: expand, in: query, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/User'}
components:
  schemas:
    User: {type: object, properties: {id: {type: string}, role: {type: string, enum: [admin]}}}
`)
	var got []string
	for _, n := range api.Names {
		got = append(got, n.Key+" = "+n.Name)
	}
	equalLines(t, "names", got, []string{
		`const schemas/User.role "admin" = UserRoleAdmin`,
		"field GET /users/{id} params.query:expand = Expand",
		"field schemas/User.id = ID",
		"field schemas/User.role = Role",
		"field users = Users",
		"method GET /users/{id} = Retrieve",
		"service users = UserService",
		"type GET /users/{id} params = UserRetrieveParams",
		"type schemas/User = User",
		"type schemas/User.role = UserRole",
	})
}

// TestNonASCIINames: names are folded to ASCII; letters without an ASCII
// form spell their code point.
func TestNonASCIINames(t *testing.T) {
	api := mustBuild(t, schemasSpec(
		"Ärger: {type: object, properties: {größe: {type: string}, 名前: {type: string}, naïve: {type: string}}}",
		"日本: {type: string}",
	))
	equalLines(t, "fields", fieldLines(typeNamed(t, api, "Arger")), []string{"größe GroU00dfE string opt", "naïve Naive string opt", "名前 U540dU524d string opt"})
	if typ := typeNamed(t, api, "U65e5U672c"); typ.Key != "schemas/日本" {
		t.Errorf("U65e5U672c is %s", typ.Key)
	}
}

func TestJoinNames(t *testing.T) {
	for _, tc := range []struct {
		parent, part string
		want         []string
	}{
		{"PaymentMethod", "Card", []string{"PaymentMethodCard"}},
		{"PaymentMethod", "MethodType", []string{"PaymentMethodType", "PaymentMethodMethodType"}},
		{"PaymentMethod", "Method", []string{"PaymentMethodDetails", "PaymentMethodMethod"}},
		{"PaymentMethod", "PaymentMethod", []string{"PaymentMethodDetails", "PaymentMethodPaymentMethod"}},
		{"AppRequestedPermission", "PermissionAction", []string{"AppRequestedPermissionAction", "AppRequestedPermissionPermissionAction"}},
		{"User", "UserID", []string{"UserID", "UserUserID"}},
		{"A", "B", []string{"AB"}},
		{"", "Part", []string{"Part"}},
	} {
		if got := joinNames(tc.parent, tc.part); !slices.Equal(got, tc.want) {
			t.Errorf("joinNames(%q, %q) = %v, want %v", tc.parent, tc.part, got, tc.want)
		}
	}
}

func TestHintWants(t *testing.T) {
	parent := &nameReq{prefix: "UserListPage"}
	chapters := &nameReq{prefix: "Course"}
	for _, tc := range []struct {
		name string
		h    hint
		want []string
	}{
		{"a root", root("User"), []string{"User"}},
		{"a part", child(chapters, "Chapters"), []string{"CourseChapters"}},
		{"list items", child(chapters, "Chapters").item(), []string{"CourseChapter", "CourseChaptersItem"}},
		{"no singular", child(chapters, "Data").item(), []string{"CourseDataItem"}},
		{"the data of Page", child(&nameReq{prefix: "Page"}, "Data").item(), []string{"PageDataItem"}},
		{"a page's data", child(parent, "Data").item(), []string{"UserListItem", "UserListPageDataItem"}},
		{"map values", child(chapters, "Meta").value(), []string{"CourseMetaValue"}},
		{"items of map values", child(chapters, "Tags").value().item(), []string{"CourseTagsValueItem"}},
		{"values of list items", child(chapters, "Tags").item().value(), []string{"CourseTagValue", "CourseTagsItemValue"}},
	} {
		if got := tc.h.wants(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: wants %v, want %v", tc.name, got, tc.want)
		}
	}
	// A named member's hint follows the name it points to.
	name := "Card"
	h := childNamed(chapters, &name)
	name = "Details"
	if got := h.wants(); !slices.Equal(got, []string{"CourseDetails"}) {
		t.Errorf("childNamed wants %v", got)
	}
	if h.depth() != 1 || root("X").depth() != 0 || child(&nameReq{depth: 3}, "Y").depth() != 4 {
		t.Errorf("depths %d %d", h.depth(), root("X").depth())
	}
}

func TestNamePrefix(t *testing.T) {
	for _, tc := range []struct {
		req  *nameReq
		want string
	}{
		{&nameReq{prefix: "Final", provisional: "Provisional", hint: root("Hint")}, "Final"},
		{&nameReq{provisional: "Provisional", hint: root("Hint")}, "Provisional"},
		{&nameReq{hint: root("Hint")}, "Hint"},
	} {
		if got := tc.req.namePrefix(); got != tc.want {
			t.Errorf("namePrefix = %q, want %q", got, tc.want)
		}
	}
}

func TestNumbered(t *testing.T) {
	used := map[string]bool{}
	var got []string
	for _, n := range []string{"A", "A", "B", "A", "A2"} {
		got = append(got, numbered(n, used))
	}
	equalLines(t, "numbered", got, []string{"A", "A2", "B", "A3", "A22"})
}

func TestSpellingOrder(t *testing.T) {
	for in, want := range map[string]string{
		"foo_bar": "0foo_bar", "foo": "0foo", "foo2_bar": "0foo2_bar", "FOO_BAR": "1FOO_BAR", "FOO": "1FOO",
		"fooBar": "2fooBar", "_foo": "2_foo", "foo_": "2foo_", "foo__bar": "2foo__bar", "": "2", "2foo": "2" + "2foo",
		"foo-bar": "2foo-bar",
	} {
		if got := spellingOrder(in); got != want {
			t.Errorf("spellingOrder(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidLike(t *testing.T) {
	exported := &claim{wants: fixed("Name")}
	unexported := &claim{wants: fixed("name")}
	none := &claim{wants: fixed()}
	for _, tc := range []struct {
		name string
		c    *claim
		want bool
	}{
		{"Other", exported, true},
		{"other", exported, false},
		{"other", unexported, true},
		{"Other", unexported, false},
		{"func", unexported, false},
		{"two words", exported, false},
		{"", exported, false},
		{"Other", none, false},
	} {
		if got := validLike(tc.name, tc.c); got != tc.want {
			t.Errorf("validLike(%q, %v) = %t", tc.name, tc.c.wants(), got)
		}
	}
}

// TestRankCompare: claims are ranked by class, then order, then key.
func TestRankCompare(t *testing.T) {
	claims := []*claim{
		{class: 1, order: "a", key: "k1"},
		{class: 0, order: "z", key: "k2"},
		{class: 1, order: "a", key: "k0"},
		{class: 1, order: "0", key: "k9"},
	}
	slices.SortFunc(claims, rankCompare)
	var got []string
	for _, c := range claims {
		got = append(got, c.key)
	}
	equalLines(t, "ranked", got, []string{"k2", "k9", "k0", "k1"})
}
