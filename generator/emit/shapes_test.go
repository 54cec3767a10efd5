package emit

import (
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/whopgen/whopgen/generator/gocheck"
	"github.com/whopgen/whopgen/generator/load"
	"github.com/whopgen/whopgen/generator/model"
	"github.com/whopgen/whopgen/templates"
)

// These tests emit the client of a small inline spec, type-check it with
// the runtime, and assert the shapes of its declarations through go/types:
// fields, tags, method signatures, constants. How the source is laid out
// is the golden tests' business.

const shapesHeader = "openapi: 3.1.0\ninfo: {title: Pets, version: '1.2'}\n"

// emitted is a generated package: its files and its type-checked form.
type emitted struct {
	api   *model.API
	files map[string]string
	pkg   *types.Package
}

// emitSpec generates the package of body (after shapesHeader) and type-
// checks it with the runtime; it fails the test on any diagnostic or type
// error.
func emitSpec(t *testing.T, body string) *emitted {
	t.Helper()
	r := load.Parse("spec.yml", []byte(shapesHeader+body), true)
	if r.Doc == nil || r.Diags.HasErrors() {
		t.Fatalf("the spec does not load: %v", r.Diags)
	}
	names, err := templates.Names()
	if err != nil {
		t.Fatal(err)
	}
	api, diags := model.Build(r.Doc, model.Options{Package: "pets", File: "spec.yml", SpecSHA256: "feed", Reserved: Reserved(names)})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	files, err := Emit(api)
	if err != nil {
		t.Fatal(err)
	}
	runtime, err := templates.Runtime("pets")
	if err != nil {
		t.Fatal(err)
	}
	e := &emitted{api: api, files: map[string]string{}}
	var src []gocheck.File
	for _, f := range files {
		e.files[f.Name] = string(f.Data)
		src = append(src, gocheck.File{Name: f.Name, Data: f.Data})
	}
	for _, f := range runtime {
		src = append(src, gocheck.File{Name: "runtime_" + f.Name, Data: f.Data})
	}
	pkg, errs := gocheck.Shared().Check("pets", src, 10)
	if len(errs) > 0 {
		t.Fatalf("the generated package does not compile: %v", errs)
	}
	e.pkg = pkg
	return e
}

// qualifier writes the package's own names bare.
func (e *emitted) qualifier(p *types.Package) string {
	if p == e.pkg {
		return ""
	}
	return p.Name()
}

func (e *emitted) typeString(typ types.Type) string { return types.TypeString(typ, e.qualifier) }

func (e *emitted) lookup(t *testing.T, name string) types.Object {
	t.Helper()
	obj := e.pkg.Scope().Lookup(name)
	if obj == nil {
		t.Fatalf("the package declares no %s", name)
	}
	return obj
}

// fields lists a struct type's exported fields: "Name Type `tag`".
func (e *emitted) fields(t *testing.T, name string) []string {
	t.Helper()
	st, ok := e.lookup(t, name).Type().Underlying().(*types.Struct)
	if !ok {
		t.Fatalf("%s is not a struct", name)
	}
	var out []string
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Exported() {
			continue
		}
		line := f.Name() + " " + e.typeString(f.Type())
		if tag := st.Tag(i); tag != "" {
			line += " `" + tag + "`"
		}
		out = append(out, line)
	}
	return out
}

// methods lists the exported methods of a named type (value and pointer
// receivers): "Name(signature)".
func (e *emitted) methods(t *testing.T, name string) []string {
	t.Helper()
	named := e.lookup(t, name).Type().(*types.Named)
	ms := types.NewMethodSet(types.NewPointer(named))
	var out []string
	for i := range ms.Len() {
		m := ms.At(i).Obj()
		if m.Exported() {
			out = append(out, m.Name()+strings.TrimPrefix(e.typeString(m.Type()), "func"))
		}
	}
	return out
}

// constants lists the constants of type name, sorted: "Name=value".
func (e *emitted) constants(t *testing.T, name string) []string {
	t.Helper()
	typ := e.lookup(t, name).Type()
	var out []string
	for _, n := range e.pkg.Scope().Names() {
		if c, ok := e.pkg.Scope().Lookup(n).(*types.Const); ok && types.Identical(c.Type(), typ) {
			out = append(out, n+"="+c.Val().ExactString())
		}
	}
	return out
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got: %s\nwant: %s", what, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

const petsSpec = `servers: [{url: 'https://api.example.com/v1'}, {url: 'https://sandbox.example.com'}]
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
  schemas:
    Cat: {type: object, required: [kind, id], properties: {kind: {type: string, const: cat}, id: {type: string}, lives: {type: integer, format: int32}}}
    Dog: {type: object, required: [kind, id], properties: {kind: {type: string, const: dog}, id: {type: string}, owner: {type: [string, 'null']}}}
    Pet:
      description: A pet of any kind.
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator: {propertyName: kind}
    PetKind: {type: string, enum: [cat, dog]}
    Level: {type: integer, enum: [1, 2]}
    Tags: {type: array, items: {type: string}}
    TagsAlias: {allOf: [{$ref: '#/components/schemas/Tags'}]}
    PageInfo: {type: object, required: [end_cursor, has_next_page], properties: {end_cursor: {type: [string, 'null']}, has_next_page: {type: boolean}}}
    Profile:
      type: object
      required: [name, nick, born, scores]
      properties:
        name: {type: string, description: The name.}
        nick: {type: [string, 'null']}
        bio: {type: [string, 'null']}
        born: {type: string, format: date-time}
        avatar: {type: string, format: byte}
        level: {$ref: '#/components/schemas/Level'}
        tags: {$ref: '#/components/schemas/Tags'}
        scores: {type: object, additionalProperties: {type: [number, 'null']}}
        extra: {}
        weight: {type: number, format: float}
        secret: {type: string, writeOnly: true}
        id: {type: string, readOnly: true}
security: [{key: []}]
paths:
  /pets:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.pets.list()"}]
      parameters:
        - {name: after, in: query, schema: {type: string}}
        - {name: kinds, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {$ref: '#/components/schemas/PetKind'}}}
        - {name: X-Trace, in: header, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [data, page_info]
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Pet'}}
                  page_info: {$ref: '#/components/schemas/PageInfo'}
    post:
      x-codeSamples: [{lang: JavaScript, source: "client.pets.create()"}]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string}
                age: {type: integer}
      responses:
        '201':
          description: ok
          content:
            application/json:
              schema: {oneOf: [{$ref: '#/components/schemas/Pet'}, {type: 'null'}]}
  /pets/{pet_id}/photo:
    put:
      x-codeSamples: [{lang: JavaScript, source: "client.pets.photos.upload()"}]
      security: []
      parameters: [{name: pet_id, in: path, required: true, schema: {type: integer}}]
      requestBody:
        content:
          image/png: {}
      responses:
        '200': {description: ok, content: {text/plain: {schema: {type: string}}}}
  /profiles/{id}:
    patch:
      x-codeSamples: [{lang: JavaScript, source: "client.profiles.update()"}]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Profile'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Profile'}
    delete:
      x-codeSamples: [{lang: JavaScript, source: "client.profiles.delete()"}]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'204': {description: gone}}
webhooks:
  pet.born:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {type: {const: pet.born}, id: {type: string}}}
      responses: {'200': {description: ok}}
`

func TestEmittedStructs(t *testing.T) {
	e := emitSpec(t, petsSpec)
	equal(t, "Profile", e.fields(t, "Profile"), []string{
		"Avatar []byte `json:\"avatar,omitzero\"`",
		"Bio Opt[string] `json:\"bio,omitzero\"`",
		"Born time.Time `json:\"born\"`",
		"Extra any `json:\"extra,omitzero\"`",
		"ID Opt[string] `json:\"id,omitzero\"`",
		"Level Opt[Level] `json:\"level,omitzero\"`",
		"Name string `json:\"name\"`",
		"Nick *string `json:\"nick\"`",
		"Scores map[string]*float64 `json:\"scores\"`",
		"Secret Opt[string] `json:\"secret,omitzero\"`",
		"Tags Tags `json:\"tags,omitzero\"`",
		"Weight Opt[float32] `json:\"weight,omitzero\"`",
	})
	equal(t, "Cat", e.fields(t, "Cat"), []string{"ID string `json:\"id\"`", "Lives Opt[int32] `json:\"lives,omitzero\"`"})
	equal(t, "Dog", e.fields(t, "Dog"), []string{"ID string `json:\"id\"`", "Owner Opt[string] `json:\"owner,omitzero\"`"})
	equal(t, "PageInfo", e.fields(t, "PageInfo"), []string{"EndCursor *string `json:\"end_cursor\"`", "HasNextPage bool `json:\"has_next_page\"`"})
	// A const is written by the encoder: Cat and Dog marshal themselves.
	for _, name := range []string{"Cat", "Dog"} {
		equal(t, name+" methods", e.methods(t, name), []string{"MarshalJSON() ([]byte, error)"})
	}
	// Profile is sent and returned: it keeps its JSON and writes itself.
	equal(t, "Profile methods", e.methods(t, "Profile"), []string{"MarshalJSON() ([]byte, error)", "RawJSON() json.RawMessage"})
}

func TestEmittedNamedTypes(t *testing.T) {
	e := emitSpec(t, petsSpec)
	for name, want := range map[string]string{
		"PetKind":   "string",
		"Level":     "int64",
		"Tags":      "[]string",
		"TagsAlias": "[]string",
	} {
		if got := e.typeString(e.lookup(t, name).Type().Underlying()); got != want {
			t.Errorf("%s is over %s, want %s", name, got, want)
		}
	}
	if alias := e.lookup(t, "TagsAlias").(*types.TypeName); !alias.IsAlias() || e.typeString(types.Unalias(alias.Type())) != "Tags" {
		t.Errorf("TagsAlias is not an alias of Tags")
	}
	equal(t, "PetKind", e.constants(t, "PetKind"), []string{`PetKindCat="cat"`, `PetKindDog="dog"`})
	equal(t, "Level", e.constants(t, "Level"), []string{"Level1=1", "Level2=2"})
	equal(t, "PetKind methods", e.methods(t, "PetKind"), []string{"IsKnown() bool"})
	for name, want := range map[string]string{
		"DefaultBaseURL": `"https://api.example.com/v1"`,
		"ServerURL2":     `"https://sandbox.example.com"`,
		"SpecVersion":    `"1.2"`,
		"SpecSHA256":     `"feed"`,
	} {
		c, ok := e.lookup(t, name).(*types.Const)
		if !ok || c.Val().ExactString() != want {
			t.Errorf("%s = %v, want %s", name, e.lookup(t, name), want)
		}
	}
}

func TestEmittedUnions(t *testing.T) {
	e := emitSpec(t, petsSpec)
	equal(t, "Pet", e.fields(t, "Pet"), []string{"Cat *Cat", "Dog *Dog"})
	equal(t, "Pet methods", e.methods(t, "Pet"), []string{
		"ID() string",
		"Kind() PetKind",
		"MarshalJSON() ([]byte, error)",
		"RawJSON() json.RawMessage",
		"UnmarshalJSON(data []byte) error",
		"Variant() any",
	})
	equal(t, "Event", e.fields(t, "Event"), []string{"PetBorn *PetBornEvent"})
	// One variant has no accessors: they are for what all variants share.
	equal(t, "Event methods", e.methods(t, "Event"), []string{
		"MarshalJSON() ([]byte, error)",
		"RawJSON() json.RawMessage",
		"Type() string",
		"UnmarshalJSON(data []byte) error",
		"Variant() any",
	})
}

func TestEmittedServices(t *testing.T) {
	e := emitSpec(t, petsSpec)
	equal(t, "Client", e.fields(t, "Client"), []string{"Pets *PetService", "Profiles *ProfileService", "Webhooks *WebhookService"})
	equal(t, "PetService", e.fields(t, "PetService"), []string{"Photos *PetPhotoService"})
	equal(t, "PetService methods", e.methods(t, "PetService"), []string{
		"Create(ctx context.Context, params PetCreateParams, opts ...RequestOption) (*Pet, error)",
		"List(ctx context.Context, params PetListParams, opts ...RequestOption) (*PetListPage, error)",
		"ListAutoPaging(ctx context.Context, params PetListParams, opts ...RequestOption) iter.Seq2[Pet, error]",
	})
	equal(t, "PetPhotoService methods", e.methods(t, "PetPhotoService"), []string{
		"Upload(ctx context.Context, petID int64, params PetPhotoUploadParams, opts ...RequestOption) (string, error)",
	})
	equal(t, "ProfileService methods", e.methods(t, "ProfileService"), []string{
		"Delete(ctx context.Context, id string, opts ...RequestOption) error",
		"Update(ctx context.Context, id string, params ProfileUpdateParams, opts ...RequestOption) (*Profile, error)",
	})
	equal(t, "WebhookService methods", e.methods(t, "WebhookService"), []string{
		"Handler(handle func(context.Context, Event) error) http.Handler",
		"Unwrap(body []byte, headers http.Header) (Event, error)",
		"Verify(body []byte, headers http.Header) error",
	})
	if sig := e.typeString(e.lookup(t, "NewClient").Type()); sig != "func(opts ...RequestOption) *Client" {
		t.Errorf("NewClient is %s", sig)
	}
}

func TestEmittedParams(t *testing.T) {
	e := emitSpec(t, petsSpec)
	equal(t, "PetListParams", e.fields(t, "PetListParams"), []string{
		"After Opt[string] `json:\"-\"`",
		"Kinds []PetKind `json:\"-\"`",
		"XTrace Opt[string] `json:\"-\"`",
	})
	equal(t, "PetCreateParams", e.fields(t, "PetCreateParams"), []string{
		"Age Opt[int64] `json:\"age,omitzero\"`",
		"Name string `json:\"name\"`",
	})
	equal(t, "PetCreateParams methods", e.methods(t, "PetCreateParams"), []string{"MarshalJSON() ([]byte, error)"})
	equal(t, "PetPhotoUploadParams", e.fields(t, "PetPhotoUploadParams"), []string{"Body io.Reader `json:\"-\"`"})
	equal(t, "ProfileUpdateParams", e.fields(t, "ProfileUpdateParams"), []string{"Body Opt[Profile] `json:\"-\"`"})
	equal(t, "PetListPage", e.fields(t, "PetListPage"), []string{
		"Data []Pet `json:\"data\"`",
		"PageInfo PageInfo `json:\"page_info\"`",
	})
	equal(t, "PetListPage methods", e.methods(t, "PetListPage"), []string{
		"NextPage(ctx context.Context) (*PetListPage, error)",
		"RawJSON() json.RawMessage",
	})
}

// TestEmittedParameterStyles: each parameter is sent in its place with
// its style; the calls are read from the parameters method.
func TestEmittedParameterStyles(t *testing.T) {
	e := emitSpec(t, petsSpec)
	src := e.files["pets.go"]
	for _, call := range []string{
		`ps.query("after", v, rtForm|rtExplode)`,
		`ps.query("kinds", p.Kinds, rtPipeDelimited)`,
		`ps.header("X-Trace", v, rtSimple)`,
	} {
		if !strings.Contains(src, call) {
			t.Errorf("pets.go does not send %s", call)
		}
	}
}

// TestEmittedFiles: one file per top-level resource with the types it
// uses, the types no resource uses by initial, the webhooks, the client,
// the docs, the runnable examples and the manifest.
func TestEmittedFiles(t *testing.T) {
	e := emitSpec(t, petsSpec)
	var names []string
	for name := range e.files {
		names = append(names, name)
	}
	slices.Sort(names)
	equal(t, "files", names, []string{"README.md", "client.go", "doc.go", "example_test.go", "pets.go", "profiles.go", "types_t.go", "webhook_events.go", "whopgen-names.txt"})
	for name, decls := range map[string][]string{
		"pets.go":           {"type PetService struct", "type PetPhotoService struct", "type Cat struct", "type Pet struct", "type PetKind string"},
		"profiles.go":       {"type ProfileService struct", "type Profile struct", "type Level int64", "type Tags []string"},
		"webhook_events.go": {"type WebhookService struct", "type Event struct", "type PetBornEvent struct"},
		"types_t.go":        {"type TagsAlias = Tags"},
	} {
		for _, d := range decls {
			if !strings.Contains(e.files[name], d) {
				t.Errorf("%s does not declare %s", name, d)
			}
		}
	}
	for name, data := range e.files {
		if strings.HasSuffix(name, ".go") && !strings.HasPrefix(data, "// "+Header+"\n") {
			t.Errorf("%s does not start with the header", name)
		}
	}
	if !strings.Contains(e.files["whopgen-names.txt"], "type schemas/Profile\tProfile\n") {
		t.Errorf("the manifest does not name Profile")
	}
}

// TestEmitIsDeterministic: two runs give the same files.
func TestEmitIsDeterministic(t *testing.T) {
	a, b := emitSpec(t, petsSpec), emitSpec(t, petsSpec)
	if !reflect.DeepEqual(a.files, b.files) {
		for name := range a.files {
			if a.files[name] != b.files[name] {
				t.Errorf("%s differs between two runs", name)
			}
		}
	}
	if len(a.files) == 0 {
		t.Fatal("no files")
	}
}

// TestLongFilesContinueInCompanions: the types of a resource whose file
// would pass fileBudget rendered lines continue in numbered companion
// files, measured as rendered, so no file grows far past the budget.
func TestLongFilesContinueInCompanions(t *testing.T) {
	var spec strings.Builder
	spec.WriteString(`paths:
  /reports:
    post:
      operationId: createReport
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Report'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Report'}
components:
  schemas:
    Report:
      type: object
      properties:
`)
	for i := range 40 {
		fmt.Fprintf(&spec, "        part%d: {$ref: '#/components/schemas/Part%d'}\n", i, i)
	}
	for i := range 40 {
		fmt.Fprintf(&spec, "    Part%d:\n      type: object\n      properties:\n", i)
		for j := range 30 {
			fmt.Fprintf(&spec, "        field%d: {type: string, description: The field number %d of part %d.}\n", j, j, i)
		}
	}
	e := emitSpec(t, spec.String())
	var parts []string
	for name, src := range e.files {
		if strings.HasPrefix(name, "reports") {
			parts = append(parts, name)
		}
		if lines := strings.Count(src, "\n"); strings.HasSuffix(name, ".go") && lines > fileBudget {
			t.Errorf("%s has %d lines, past the budget of %d", name, lines, fileBudget)
		}
	}
	slices.Sort(parts)
	if len(parts) < 2 || parts[0] != "reports.go" || parts[1] != "reports_2.go" {
		t.Errorf("resource files = %v, want reports.go continued in reports_2.go, ...", parts)
	}
}
