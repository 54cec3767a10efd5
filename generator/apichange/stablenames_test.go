package apichange_test

import (
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator/apichange"
)

// TestStableNames adds schemas, operations, properties and enum values to
// a copy of the real spec and checks that the package generated before
// still compiles against the new one: apidiff finds only additions. Where
// an addition collides with an existing name, the existing name stays and
// a warning names both places.
func TestStableNames(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(t testing.TB, spec string) string
		added []string // Go identifiers that must appear
		warn  []string // substrings of the warnings the collisions must raise
	}{
		{
			name: "schemas",
			edit: func(t testing.TB, spec string) string {
				return addSchemas(t, spec, `    user:
      type: object
      properties:
        handle: {type: string}
    access_level:
      type: string
      enum: [low, high]
    Event:
      type: object
      properties:
        id: {type: string}
    Zebra:
      type: object
      properties:
        stripes:
          type: object
          properties:
            count: {type: integer}
`)
			},
			// ZebraStripes is part of the new schema Zebra: one addition.
			added: []string{"User2: added", "AccessLevel2: added", "Event2: added", "Zebra: added"},
			warn: []string{
				"schema User and schema user both want the Go name User; schema user is named User2",
				"schema AccessLevel and schema access_level both want the Go name AccessLevel",
				"both want the Go name Event",
			},
		},
		{
			name: "operations",
			edit: func(t testing.TB, spec string) string {
				return addPaths(t, spec, `  /aardvarks:
    get:
      operationId: listAardvarks
      tags: [Aardvarks]
      x-codeSamples:
        - {lang: JavaScript, source: "client.aardvarks.list()"}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  name: {type: string}
  /users/{id}/ban:
    post:
      operationId: banUser
      tags: [Users]
      x-codeSamples:
        - {lang: JavaScript, source: "client.users.ban('user_x')"}
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: boolean}
`)
			},
			// Client.Aardvarks is part of the new resource: one addition.
			added: []string{"AardvarkService: added", "(*UserService).Ban: added"},
		},
		{
			name: "properties",
			edit: func(t testing.TB, spec string) string {
				return addProperties(t, spec, "User", `        profilePicture: {type: string}
        Bio: {type: string}
        nickname: {type: string}
`)
			},
			added: []string{"User.ProfilePicture2: added", "User.Bio2: added", "User.Nickname: added"},
			warn: []string{
				`property profile_picture of schema User and property profilePicture of schema User both want the Go name ProfilePicture`,
				`property bio of schema User and property Bio of schema User both want the Go name Bio`,
			},
		},
		{
			name: "enum values",
			edit: func(t testing.TB, spec string) string {
				return addEnumValues(t, spec, "AccessLevel", "ADMIN", "owner")
			},
			added: []string{"AccessLevelAdmin2: added", "AccessLevelOwner: added"},
			warn:  []string{`values "admin" and "ADMIN" both want the Go name AccessLevelAdmin; "ADMIN" is named AccessLevelAdmin2`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, warnings := compareWithBase(t, tc.edit(t, fullSpec(t)))
			text := report(t, r)
			if len(r.Incompatible) > 0 || r.Bump() != apichange.Minor {
				t.Errorf("the old API changed:\n%s", text)
			}
			for _, c := range r.Compatible {
				if !strings.HasSuffix(c.Go, ": added") {
					t.Errorf("not an addition: %s", c.Go)
				}
			}
			for _, want := range tc.added {
				if !strings.Contains(text, want) {
					t.Errorf("report lacks %q:\n%s", want, text)
				}
			}
			for _, want := range tc.warn {
				if !strings.Contains(warnings, want) {
					t.Errorf("no warning with %q; warnings:\n%s", want, warnings)
				}
			}
		})
	}
}
