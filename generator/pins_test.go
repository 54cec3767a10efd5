package generator

import (
	"strings"
	"testing"
)

// specWith returns a small spec whose components hold schemas.
func specWith(schemas string) []byte {
	return []byte(`openapi: 3.1.0
info: {title: Pins, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - {name: ids, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/user'}
components:
  schemas:
` + schemas)
}

func typeNames(t *testing.T, res Result) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, ty := range res.API.Types {
		out[ty.Key] = ty.Name
	}
	return out
}

func gen(t *testing.T, spec []byte, pins map[string]string) Result {
	t.Helper()
	res, err := Generate(Options{SpecFile: "pins.yml", Spec: spec, Package: "api", Pins: pins})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("generate: %v %v", err, res.Diags)
	}
	return res
}

// TestPinsKeepNamesWhenARivalArrives: a schema "User" added beside "user"
// would take the name User (names in Go form win); with the first
// generation's names pinned, "user" keeps User and the newcomer is User2.
func TestPinsKeepNamesWhenARivalArrives(t *testing.T) {
	v1 := gen(t, specWith("    user: {type: object, properties: {id: {type: string}}}\n"), nil)
	if got := typeNames(t, v1)["schemas/user"]; got != "User" {
		t.Fatalf("v1: schemas/user is %s, want User", got)
	}
	v2spec := specWith("    user: {type: object, properties: {id: {type: string}}}\n    User: {type: object, properties: {name: {type: string}}}\n")
	fresh := typeNames(t, gen(t, v2spec, nil))
	if fresh["schemas/User"] != "User" || fresh["schemas/user"] != "User2" {
		t.Fatalf("fresh v2: User=%s user=%s; want the Go-form name to win", fresh["schemas/User"], fresh["schemas/user"])
	}
	pinned := typeNames(t, gen(t, v2spec, v1.Pins()))
	if pinned["schemas/user"] != "User" || pinned["schemas/User"] != "User2" {
		t.Errorf("regenerated v2: user=%s User=%s; want user to keep User", pinned["schemas/user"], pinned["schemas/User"])
	}
}

// TestPinsKeepALoserNumbered: once "user" lost User to "User" and became
// User2, it stays User2 when "User" goes away.
func TestPinsKeepALoserNumbered(t *testing.T) {
	v1 := gen(t, specWith("    user: {type: object, properties: {id: {type: string}}}\n    User: {type: object, properties: {name: {type: string}}}\n"), nil)
	v2spec := specWith("    user: {type: object, properties: {id: {type: string}}}\n")
	if got := typeNames(t, gen(t, v2spec, v1.Pins()))["schemas/user"]; got != "User2" {
		t.Errorf("regenerated v2: user is %s, want User2 kept", got)
	}
	if got := typeNames(t, gen(t, v2spec, nil))["schemas/user"]; got != "User" {
		t.Errorf("fresh v2: user is %s, want User", got)
	}
}

// TestPinsIgnoreBadNames: a pin that is not an identifier of the right
// kind, or that a reserved name holds, is ignored.
func TestPinsIgnoreBadNames(t *testing.T) {
	spec := specWith("    user: {type: object, properties: {id: {type: string}}}\n")
	res := gen(t, spec, map[string]string{"type schemas/user": "lowercase", "field schemas/user.id": "RawJSON"})
	names := typeNames(t, res)
	if names["schemas/user"] != "User" {
		t.Errorf("user is %s, want User (an unexported pin is not used)", names["schemas/user"])
	}
	for _, f := range res.Files {
		if strings.Contains(string(f.Data), "\tRawJSON string") {
			t.Errorf("a field was pinned to a method name the client declares")
		}
	}
}
