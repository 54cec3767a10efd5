package apichange

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/whopgen/whopgen/generator"
	"github.com/whopgen/whopgen/generator/model"
)

func TestPlace(t *testing.T) {
	payment := &model.Type{Key: "webhook payment.failed"}
	x := newIndex(&model.API{Webhooks: []*model.Webhook{{Event: "payment.failed", Type: payment}}})
	cases := []struct{ key, want string }{
		{"schemas/User", "schema User"},
		{"schemas/User.address", "property `address` of schema User"},
		{"schemas/User.address.city", "property `address.city` of schema User"},
		{"schemas/User.tags[]", "the items of property `tags` of schema User"},
		{"schemas/User.tags[].id", "property `tags[].id` of schema User"},
		{"schemas/User.metadata{}", "the values of property `metadata` of schema User"},
		{"schemas/User[]", "the items of schema User"},
		{`schemas/User."a.b"`, "property `a.b` of schema User"},
		{"schemas/Pet|Cat", "variant Cat of schema Pet"},
		{"schemas/Transfer.origin|Company.id", "property `id` of variant Company of property `origin` of schema Transfer"},
		{"parameters/Order", "shared parameter Order"},
		{"responses/Profile.links", "property `links` of shared response Profile"},
		{"GET /users params", "the parameters of GET /users"},
		{"GET /users params.query:after", "query parameter `after` of GET /users"},
		{`GET /users params.query:"a.b"`, "query parameter `a.b` of GET /users"},
		{"GET /users params.query:filter.status", "property `status` of query parameter `filter` of GET /users"},
		{"PATCH /users/{id} params.name", "property `name` of the request body of PATCH /users/{id}"},
		{"POST /forum_posts params.poll.options[]", "the items of property `poll.options` of the request body of POST /forum_posts"},
		{"POST /payments body|WithPlan.plan.id", "property `plan.id` of variant WithPlan of the request body of POST /payments"},
		{"GET /v1.0/users/{id} response.data", "property `data` of the response of GET /v1.0/users/{id}"},
		{"GET /users response", "the response of GET /users"},
		{"webhook payment.failed", "the payload of webhook `payment.failed`"},
		{"webhook payment.failed.data.id", "property `data.id` of the payload of webhook `payment.failed`"},
	}
	for _, tc := range cases {
		if got := x.place(tc.key); got != tc.want {
			t.Errorf("place(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestTypePlace(t *testing.T) {
	x := newIndex(&model.API{})
	cases := []struct {
		typ  *model.Type
		want string
	}{
		{&model.Type{Key: "schemas/User"}, "schema User"},
		{&model.Type{Key: "GET /users params"}, "the parameters of GET /users"},
		{&model.Type{Key: "GET /users response"}, "the inline object of the response of GET /users"},
		{&model.Type{Key: "schemas/User.status", Kind: model.TypeEnum}, "the inline enum of property `status` of schema User"},
		{&model.Type{Key: "parameters/Order", Kind: model.TypeEnum}, "the inline enum of shared parameter Order"},
		{&model.Type{Key: "webhooks", Kind: model.TypeUnion}, "the webhook event union"},
	}
	for _, tc := range cases {
		if got := x.typePlace(tc.typ); got != tc.want {
			t.Errorf("typePlace(%q) = %q, want %q", tc.typ.Key, got, tc.want)
		}
	}
}

// TestNoRemovalOfAnElementThatExists checks, on every archive of
// testdata/diff, the rule the report is built on: a change that says an
// element was removed concerns an element the new spec does not have, and
// a rename concerns one both have.
func TestNoRemovalOfAnElementThatExists(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "diff", "*.txtar"))
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			specs := map[string][]byte{}
			for _, f := range ar.Files {
				specs[f.Name] = f.Data
			}
			c := compareInternally(t, specs["old.yml"], specs["new.yml"])
			for _, e := range c.changes {
				if _, exists := c.new.names[e.key]; e.verb == "removed" && e.key != "" && exists {
					t.Errorf("%s (%s): the new spec still has %s", e.Go, e.API, e.key)
				}
			}
			for _, r := range c.renames {
				if c.old.idents[r.key] == "" || c.new.idents[r.key] == "" {
					t.Errorf("rename of %s, which is not in both packages", r.key)
				}
			}
		})
	}
}

func compareInternally(t *testing.T, oldSpec, newSpec []byte) *comparison {
	t.Helper()
	old, err := generator.Generate(generator.Options{SpecFile: "old.yml", Spec: oldSpec})
	if err != nil || old.Diags.HasErrors() {
		t.Fatalf("old: %v %v", err, old.Diags)
	}
	new, err := generator.Generate(generator.Options{SpecFile: "new.yml", Spec: newSpec, Pins: old.Pins()})
	if err != nil || new.Diags.HasErrors() {
		t.Fatalf("new: %v %v", err, new.Diags)
	}
	c, err := compare(Side{API: old.API, Files: old.Files}, Side{API: new.API, Files: new.Files})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCanonicalKey(t *testing.T) {
	cases := []struct{ key, want string }{
		{"method GET /users/{id}", "method GET /users/{}"},
		{"GET /users/{id}/overrides/{override_id} response.data", "GET /users/{}/overrides/{} response.data"},
		{`const GET /pets/{pet_id} params.query:sort "asc"`, `const GET /pets/{} params.query:sort "asc"`},
		{"type schemas/User.address", "type schemas/User.address"},
		{`field schemas/User."a /{b}"`, `field schemas/User."a /{b}"`},
		{"service users", "service users"},
	}
	x := newIndex(&model.API{})
	for _, tc := range cases {
		got := x.canonical(tc.key)
		if got != tc.want {
			t.Errorf("canonical(%q) = %q, want %q", tc.key, got, tc.want)
		}
		if back := x.spelled(got); back != tc.key {
			t.Errorf("spelled(%q) = %q, want %q", got, back, tc.key)
		}
	}
}
