package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffExitCodes runs -diff on spec pairs from testdata/diff: 0 when the
// Go API only grew (or did not change), 3 when something callers may use
// changed, 1 when a spec cannot be generated, 2 on a misused command line.
func TestDiffExitCodes(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "diff")
	pair := func(name string) (oldSpec, newSpec string) {
		return filepath.Join(dir, name, "old.yml"), filepath.Join(dir, name, "new.yml")
	}
	cases := []struct {
		name string
		code int
		want []string
	}{
		{"unchanged", 0, []string{"Semver: none"}},
		{"docs_only", 0, []string{"Semver: patch"}},
		{"property_added", 0, []string{"User.Nickname: added", "Semver: minor"}},
		{"operation_added", 0, []string{"Operations added (1):\n  + POST /users", "Semver: minor"}},
		{"enum_value_removed", 3, []string{"StatusBanned: removed", `enum value "banned" of schema Status removed`, "Semver: major"}},
		{"request_field_required", 3, []string{`request property "name" of PATCH /users/{id} became required`}},
		{"response_field_nullable", 3, []string{`response property "name" of schema User became nullable`}},
		{"operation_removed", 3, []string{"Operations removed (1):\n  - DELETE /users/{id}"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			oldSpec, newSpec := pair(tc.name)
			code, stdout, stderr := runCmd("-spec", newSpec, "-diff", oldSpec, "-out", t.TempDir())
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, stdout)
				}
			}
		})
	}

	oldSpec, newSpec := pair("unchanged")
	broken := writeSpec(t, "openapi: 3.1.0\ninfo: {title: Broken}\npaths: {/x: {get: {responses: {'200': {$ref: '#/nowhere'}}}}}\n")
	if code, _, stderr := runCmd("-spec", newSpec, "-diff", broken); code != 1 {
		t.Errorf("old spec with errors: exit %d, want 1\n%s", code, stderr)
	}
	code, _, stderr := runCmd("-spec", broken, "-diff", oldSpec)
	if code != 1 || !strings.Contains(stderr, "nothing to compare") || strings.Contains(stderr, "not changed") {
		t.Errorf("new spec with errors: exit %d, want 1 and \"nothing to compare\"\n%s", code, stderr)
	}
	if code, _, stderr := runCmd("-spec", newSpec, "-diff", filepath.Join(dir, "missing.yml")); code != 1 {
		t.Errorf("missing old spec: exit %d, want 1\n%s", code, stderr)
	}
	if code, _, _ := runCmd("-spec", newSpec, "-diff", oldSpec, "-check"); code != 2 {
		t.Errorf("-diff with -check: exit %d, want 2", code)
	}
}
