package apichange_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/whopgen/whopgen/generator/apichange"
)

var specPath = filepath.Join("..", "..", "spec", "openapi.yml")

// fullSpec returns the real spec's bytes.
func fullSpec(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// base is the package generated from the real spec, shared by the tests
// below: generating it takes a second or two.
var base struct {
	once sync.Once
	gen  generated
}

func baseGeneration(t testing.TB) generated {
	base.once.Do(func() { base.gen = generate(t, specPath, []byte(fullSpec(t)), nil) })
	if base.gen.side.API == nil {
		t.Fatal("the real spec did not generate")
	}
	return base.gen
}

// compareWithBase compares the real spec's package with the one a
// regeneration from an edited copy gives; it also returns the copy's
// warnings.
func compareWithBase(t *testing.T, spec string) (*apichange.Report, string) {
	t.Helper()
	old := baseGeneration(t)
	changed, warnings := generateWithWarnings(t, "edited.yml", []byte(spec), old.pins)
	r, err := apichange.Compare(old.side, changed.side)
	if err != nil {
		t.Fatal(err)
	}
	return r, warnings
}

func TestFullSpecAgainstItself(t *testing.T) {
	old := baseGeneration(t)
	again := generate(t, specPath, []byte(fullSpec(t)), old.pins)
	r, err := apichange.Compare(old.side, again.side)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Incompatible)+len(r.Compatible)+len(r.OperationsAdded)+len(r.OperationsRemoved) > 0 || r.Bump() != apichange.None {
		t.Errorf("the same spec reports changes:\n%s", report(t, r))
	}
}

// TestFullSpecUpdates makes three updates a spec of this API typically
// gets and checks the whole report of each.
func TestFullSpecUpdates(t *testing.T) {
	cases := []struct {
		name string
		edit func(t testing.TB, spec string) string
		want string
	}{
		{
			name: "new operation reusing schemas",
			edit: func(t testing.TB, spec string) string { return addPaths(t, spec, extendMembership) },
			want: `Incompatible changes (0):
Compatible changes (1):
  - (*MembershipService).Extend: added
      operation POST /memberships/{id}/extend added
Operations added (1):
  + POST /memberships/{id}/extend
Semver: minor (only additions)
`,
		},
		{
			name: "new enum value",
			edit: func(t testing.TB, spec string) string { return addEnumValues(t, spec, "MembershipStatus", "paused") },
			want: `Incompatible changes (0):
Compatible changes (1):
  - MembershipStatusPaused: added
      enum value "paused" of schema MembershipStatus added
Semver: minor (only additions)
`,
		},
		{
			name: "removed property",
			edit: func(t testing.TB, spec string) string { return removeProperty(t, spec, "Membership", "manage_url") },
			want: `Incompatible changes (1):
  - Membership.ManageURL: removed
      response property ` + "`manage_url`" + ` of schema Membership removed
Compatible changes (0):
Semver: major (something callers may use changed or went away)
`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := compareWithBase(t, tc.edit(t, fullSpec(t)))
			if got := report(t, r); got != tc.want {
				t.Errorf("report:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// extendMembership is a new operation in the style of the spec's own,
// reusing its Membership schema.
const extendMembership = `  /memberships/{id}/extend:
    post:
      tags:
        - Memberships
      operationId: extendMembership
      summary: Extend membership
      description: Push a membership's next renewal back by a number of days.
      parameters:
        - name: id
          in: path
          required: true
          description: The unique identifier of the membership to extend.
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                days:
                  type: integer
                  description: How many days to add.
              required:
                - days
      x-codeSamples:
        - lang: JavaScript
          source: "const membership = await client.memberships.extend('mem_xxxxxxxxxxxxxx', { days: 7 });"
      responses:
        '200':
          description: A successful response
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Membership'
`

// The helpers below edit the spec's text. They rely on its layout (two
// spaces of indentation, component schemas under "  schemas:") and fail
// the test when an anchor is missing.

func insertAfter(t testing.TB, spec, anchor, text string) string {
	t.Helper()
	i := strings.Index(spec, anchor)
	if i < 0 {
		t.Fatalf("spec has no %q", anchor)
	}
	i += len(anchor)
	return spec[:i] + text + spec[i:]
}

// schemaBlock returns the offsets of a component schema's lines.
func schemaBlock(t testing.TB, spec, name string) (start, end int) {
	t.Helper()
	schemas := strings.Index(spec, "\n  schemas:\n")
	i := strings.Index(spec[schemas:], "\n    "+name+":\n")
	if schemas < 0 || i < 0 {
		t.Fatalf("spec has no schema %s", name)
	}
	start = schemas + i + 1
	next := regexp.MustCompile(`\n {0,4}\S`).FindStringIndex(spec[start+1:])
	return start, start + 1 + next[0] + 1
}

func removeProperty(t testing.TB, spec, schema, prop string) string {
	t.Helper()
	start, end := schemaBlock(t, spec, schema)
	block := spec[start:end]
	i := strings.Index(block, "\n        "+prop+":\n")
	if i < 0 {
		t.Fatalf("schema %s has no property %s", schema, prop)
	}
	j := i + 1 + regexp.MustCompile(`\n {0,8}\S`).FindStringIndex(block[i+1:])[0]
	block = block[:i] + block[j:]
	block = strings.Replace(block, "\n        - "+prop+"\n", "\n", 1)
	return spec[:start] + block + spec[end:]
}

func addProperties(t testing.TB, spec, schema, props string) string {
	t.Helper()
	start, end := schemaBlock(t, spec, schema)
	return spec[:start] + insertAfter(t, spec[start:end], "\n      properties:\n", props) + spec[end:]
}

func addEnumValues(t testing.TB, spec, schema string, values ...string) string {
	t.Helper()
	start, end := schemaBlock(t, spec, schema)
	var text string
	for _, v := range values {
		text += "        - " + v + "\n"
	}
	return spec[:start] + insertAfter(t, spec[start:end], "\n      enum:\n", text) + spec[end:]
}

func addSchemas(t testing.TB, spec, schemas string) string {
	return insertAfter(t, spec, "\n  schemas:\n", schemas)
}

func addPaths(t testing.TB, spec, paths string) string {
	return insertAfter(t, spec, "\npaths:\n", paths)
}
