package apichange_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/apichange"
)

// generate runs the generator on spec bytes and fails the test on errors.
func generate(t testing.TB, name string, spec []byte) apichange.Side {
	t.Helper()
	side, _ := generateWithWarnings(t, name, spec)
	return side
}

// generateWithWarnings also returns the generator's warnings, one a line.
func generateWithWarnings(t testing.TB, name string, spec []byte) (apichange.Side, string) {
	t.Helper()
	res, err := generator.Generate(generator.Options{SpecFile: name, Spec: spec})
	if err != nil {
		t.Fatal(err)
	}
	var diags strings.Builder
	res.Diags.Print(&diags)
	if res.Diags.HasErrors() {
		t.Fatalf("%s has errors:\n%s", name, diags.String())
	}
	return apichange.Side{API: res.API, Files: res.Files}, diags.String()
}

func generateFile(t testing.TB, path string) apichange.Side {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return generate(t, path, data)
}

func compareCase(t *testing.T, name string) *apichange.Report {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "diff", name)
	r, err := apichange.Compare(generateFile(t, filepath.Join(dir, "old.yml")), generateFile(t, filepath.Join(dir, "new.yml")))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// change is an expected change: its Go description and its API one.
type change struct{ goText, api string }

// TestCases runs every pair under testdata/diff: one spec change each,
// with the classification, the explanation and the bump it must get.
func TestCases(t *testing.T) {
	cases := []struct {
		name         string
		incompatible []change
		compatible   []change
		opsAdded     []string
		opsRemoved   []string
		bump         apichange.Bump
	}{
		{name: "unchanged", bump: apichange.None},
		{name: "docs_only", bump: apichange.Patch},
		{
			name:         "property_removed",
			incompatible: []change{{"User.Name: removed", `response property "name" of schema User removed`}},
			bump:         apichange.Major,
		},
		{
			name:         "property_retyped",
			incompatible: []change{{"User.Name: changed from string to int64", `response property "name" of schema User changed type from string to integer`}},
			bump:         apichange.Major,
		},
		{
			name:         "schema_removed",
			incompatible: []change{{"Team: removed", "schema Team removed"}},
			bump:         apichange.Major,
		},
		{
			name:         "operation_removed",
			incompatible: []change{{"(*UserService).Delete: removed", "operation DELETE /users/{id} removed"}},
			opsRemoved:   []string{"DELETE /users/{id}"},
			bump:         apichange.Major,
		},
		{
			name:         "request_field_required",
			incompatible: []change{{"UserUpdateParams.Name: changed from Opt[string] to string", `request property "name" of PATCH /users/{id} became required`}},
			bump:         apichange.Major,
		},
		{
			name:         "enum_value_removed",
			incompatible: []change{{"StatusBanned: removed", `enum value "banned" of schema Status removed`}},
			bump:         apichange.Major,
		},
		{
			name:         "response_field_nullable",
			incompatible: []change{{"User.Name: changed from string to *string", `response property "name" of schema User became nullable`}},
			bump:         apichange.Major,
		},
		{
			name: "operation_added",
			compatible: []change{
				{"(*UserService).Create: added", "operation POST /users added"},
				{"UserCreateParams: added", "the parameters of POST /users added"},
			},
			opsAdded: []string{"POST /users"},
			bump:     apichange.Minor,
		},
		{
			name:       "property_added",
			compatible: []change{{"User.Nickname: added", `response property "nickname" of schema User added`}},
			bump:       apichange.Minor,
		},
		{
			name:       "enum_value_added",
			compatible: []change{{"StatusSuspended: added", `enum value "suspended" of schema Status added`}},
			bump:       apichange.Minor,
		},
		{
			name:       "schema_added",
			compatible: []change{{"Invite: added", "schema Invite added"}},
			bump:       apichange.Minor,
		},
	}
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "diff", "*"))
	if len(dirs) != len(cases) {
		t.Errorf("testdata/diff has %d cases, the table %d", len(dirs), len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := compareCase(t, tc.name)
			assertChanges(t, "incompatible", r.Incompatible, tc.incompatible)
			assertChanges(t, "compatible", r.Compatible, tc.compatible)
			assertList(t, "operations added", r.OperationsAdded, tc.opsAdded)
			assertList(t, "operations removed", r.OperationsRemoved, tc.opsRemoved)
			if r.Bump() != tc.bump {
				t.Errorf("bump %s, want %s", r.Bump(), tc.bump)
			}
		})
	}
	t.Logf("%d/%d change kinds classified", len(cases), len(cases))
}

func assertChanges(t *testing.T, kind string, got []apichange.Change, want []change) {
	t.Helper()
	var g, w []string
	for _, c := range got {
		g = append(g, c.Go+" => "+c.API)
	}
	for _, c := range want {
		w = append(w, c.goText+" => "+c.api)
	}
	assertList(t, kind+" changes", g, w)
}

func assertList(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func TestReportText(t *testing.T) {
	r := compareCase(t, "request_field_required")
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	want := `Incompatible changes (1):
  - UserUpdateParams.Name: changed from Opt[string] to string
      request property "name" of PATCH /users/{id} became required
Compatible changes (0):
Semver: major (something callers may use changed or went away)
`
	if b.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", b.String(), want)
	}
}
