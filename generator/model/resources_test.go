package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// opSpec is a spec with one operation: method and path, and the YAML
// lines (indented as keys of the operation) given.
func opSpec(httpMethod, path string, lines ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "paths:\n  %s:\n    %s:\n", path, httpMethod)
	for _, l := range lines {
		b.WriteString("      " + l + "\n")
	}
	b.WriteString("      responses: {'204': {description: done}}\n")
	return b.String()
}

// serviceOf writes where a method is: its resource path, service type and
// method name, "affiliates.overrides AffiliateOverrideService.Create".
func serviceOf(m *Method) string {
	return strings.Join(m.Resource.Path, ".") + " " + m.Resource.TypeName + "." + m.Name
}

// TestMethodNames: methods are named as the JavaScript code samples call
// them, else after the first tag and the operationId.
func TestMethodNames(t *testing.T) {
	for _, tc := range []struct {
		name   string
		method string
		path   string
		lines  []string
		want   string
	}{
		{"a JavaScript sample", "post", "/affiliates/{id}/overrides", []string{
			`operationId: createOverride`,
			`tags: [Other]`,
			`x-codeSamples: [{lang: JavaScript, source: "const o = await client.affiliates.overrides.create('id');"}]`,
		}, "affiliates.overrides AffiliateOverrideService.Create"},
		{"a TypeScript sample, any case", "get", "/x", []string{
			`x-codeSamples: [{lang: typescript, source: "await client.users.retrieve()"}]`,
		}, "users UserService.Retrieve"},
		{"other languages are skipped", "get", "/x", []string{
			`x-codeSamples: [{lang: Python, source: "client.wrong.call()"}, {lang: javascript, source: "client.right.call()"}]`,
		}, "right RightService.Call"},
		{"a sample without a call", "get", "/x", []string{
			`operationId: listThings`,
			`tags: [things]`,
			`x-codeSamples: [{lang: JavaScript, source: "client.things"}, {lang: JavaScript, source: "client.things.list"}]`,
		}, "things ThingService.List"},
		{"the first sample's call", "get", "/x", []string{
			`x-codeSamples: [{lang: JavaScript, source: "client.a.b(client.c.d())"}, {lang: JavaScript, source: "client.e.f()"}]`,
		}, "a AService.B"},
		{"a sample with $ and _", "get", "/x", []string{
			`x-codeSamples: [{lang: JavaScript, source: "client.$ad_campaigns.get_stats()"}]`,
		}, "$ad_campaigns AdCampaignService.GetStats"},
		{"tag and operationId", "get", "/card_transactions", []string{
			`operationId: listCardTransaction`,
			`tags: [Card transactions, Other]`,
		}, "cardTransactions CardTransactionService.List"},
		{"tag words in the singular", "get", "/x", []string{
			`operationId: retrieveCompanyInfo`,
			`tags: [companies]`,
		}, "companies CompanyService.RetrieveInfo"},
		{"an operationId of tag words only", "get", "/x", []string{
			`operationId: users`,
			`tags: [users]`,
		}, "users UserService.Users"},
		{"an empty first tag", "get", "/orders/{id}", []string{
			`operationId: getOrder`,
			`tags: ['']`,
		}, "orders OrderService.Get"},
		{"no tag: the first path segment", "get", "/{org}/members/{id}", []string{
			`operationId: fetchMember`,
		}, "members MemberService.Fetch"},
		{"no operationId", "delete", "/card_transactions/{id}", []string{
			`tags: [Card transactions]`,
		}, "cardTransactions CardTransactionService.DeleteCardTransactionsID"},
		{"nothing at all", "get", "/", nil, "default DefaultService.Get"},
		{"only parameters in the path", "put", "/{a}/{b}", nil, "default DefaultService.PutAB"},
	} {
		api := mustBuild(t, opSpec(tc.method, tc.path, tc.lines...))
		if got := serviceOf(method(t, api, strings.ToUpper(tc.method)+" "+tc.path)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestTrimResourceWords(t *testing.T) {
	for _, tc := range []struct{ opID, resource, want string }{
		{"listCardTransaction", "Card transactions", "list"},
		{"listCardTransactions", "card_transactions", "list"},
		{"createAffiliateOverride", "affiliates", "create_Override"},
		{"users", "users", "users"},
		{"getUser", "Users", "get"},
		{"GetPeople", "person", "Get_People"},
		{"getPerson", "people", "get"},
		{"list_all_items", "items", "list_all"},
	} {
		if got := trimResourceWords(tc.opID, tc.resource); got != tc.want {
			t.Errorf("trimResourceWords(%q, %q) = %q, want %q", tc.opID, tc.resource, got, tc.want)
		}
	}
}

func TestFirstSegment(t *testing.T) {
	for path, want := range map[string]string{"/a/b": "a", "/{id}/b": "b", "/": "", "/{x}": "", "a": "a"} {
		if got := firstSegment(path); got != want {
			t.Errorf("firstSegment(%q) = %q, want %q", path, got, want)
		}
	}
}

const resourceTree = `paths:
  /a:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.users.list()"}]
      responses: {'204': {description: done}}
  /b:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.users.payment_methods.list()"}]
      responses: {'204': {description: done}}
  /c:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.users.bans.retrieve()"}]
      responses: {'204': {description: done}}
  /d:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.apps.list()"}]
      responses: {'204': {description: done}}
`

// TestResourceTree: resources nest as the samples call them, sorted by
// field; each has a service type and constructor named after its path in
// the singular.
func TestResourceTree(t *testing.T) {
	api := mustBuild(t, resourceTree)
	equalLines(t, "top level", resourceFields(api.Resources), []string{"Apps", "Users"})
	users := resourceAt(t, api, "Users")
	equalLines(t, "children", resourceFields(users.Children), []string{"Bans", "PaymentMethods"})
	for _, tc := range []struct {
		path                  []string
		typeName, constructor string
		parent                string
		methods, resourcePath string
	}{
		{[]string{"Users"}, "UserService", "newUserService", "", "List", "users"},
		{[]string{"Users", "PaymentMethods"}, "UserPaymentMethodService", "newUserPaymentMethodService", "UserService", "List", "users.payment_methods"},
		{[]string{"Users", "Bans"}, "UserBanService", "newUserBanService", "UserService", "Retrieve", "users.bans"},
		{[]string{"Apps"}, "AppService", "newAppService", "", "List", "apps"},
	} {
		r := resourceAt(t, api, tc.path...)
		parent := ""
		if r.Parent != nil {
			parent = r.Parent.TypeName
		}
		var methods []string
		for _, m := range r.Methods {
			methods = append(methods, m.Name)
			if m.Resource != r {
				t.Errorf("%s.%s: its Resource is %s", r.TypeName, m.Name, m.Resource.TypeName)
			}
		}
		got := fmt.Sprintf("%s %s %s %s %s", r.TypeName, r.Constructor, parent, strings.Join(methods, ","), strings.Join(r.Path, "."))
		want := fmt.Sprintf("%s %s %s %s %s", tc.typeName, tc.constructor, tc.parent, tc.methods, tc.resourcePath)
		if got != want || r.Own {
			t.Errorf("%v: %s (own %t), want %s", tc.path, got, r.Own, want)
		}
	}
}

// TestMethodsAreSorted: a service's methods in name order, whatever the
// order of the paths.
func TestMethodsAreSorted(t *testing.T) {
	var b strings.Builder
	b.WriteString("paths:\n")
	for _, op := range []struct{ path, name string }{{"/a", "zap"}, {"/b", "add"}, {"/c", "mid"}} {
		fmt.Fprintf(&b, "  %s:\n    get:\n      x-codeSamples: [{lang: JavaScript, source: \"client.things.%s()\"}]\n      responses: {'204': {description: done}}\n", op.path, op.name)
	}
	api := mustBuild(t, b.String())
	var names []string
	for _, m := range resourceAt(t, api, "Things").Methods {
		names = append(names, m.Name)
	}
	equalLines(t, "methods", names, []string{"Add", "Mid", "Zap"})
}

// TestMethodNameCollisions: two operations asking one name: the one whose
// key sorts first keeps it; the other takes its operationId, else a
// number, with a warning.
func TestMethodNameCollisions(t *testing.T) {
	body := `paths:
  /users/a:
    get:
      operationId: listActiveUsers
      x-codeSamples: [{lang: JavaScript, source: "client.users.list()"}]
      responses: {'204': {description: done}}
  /users/b:
    get:
      operationId: listUsers
      x-codeSamples: [{lang: JavaScript, source: "client.users.list()"}]
      responses: {'204': {description: done}}
  /users/c:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.users.list()"}]
      responses: {'204': {description: done}}
  /users/d:
    get:
      operationId: list
      x-codeSamples: [{lang: JavaScript, source: "client.users.list()"}]
      responses: {'204': {description: done}}
`
	api, diags := buildSpec(t, body, Options{})
	var got []string
	for _, path := range []string{"/users/a", "/users/b", "/users/c", "/users/d"} {
		got = append(got, path+" "+method(t, api, "GET "+path).Name)
	}
	equalLines(t, "methods", got, []string{"/users/a List", "/users/b ListUsers", "/users/c List2", "/users/d List3"})
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "get:\n      operationId: listUsers") + ": warning: GET /users/a and GET /users/b both want the Go name List; GET /users/b is named ListUsers",
		at(t, body, "get:\n      x-codeSamples: [{lang: JavaScript, source: \"client.users.list()\"}]\n      responses: {'204': {description: done}}\n  /users/d") + ": warning: GET /users/a and GET /users/c both want the Go name List; GET /users/c is named List2",
		at(t, body, "get:\n      operationId: list\n") + ": warning: GET /users/a and GET /users/d both want the Go name List; GET /users/d is named List3",
	})
}

// TestServiceMembers: a sub-resource's field wins its name over a method;
// members the client declares on every service are reserved.
func TestServiceMembers(t *testing.T) {
	body := `paths:
  /a:
    get:
      operationId: getAccount
      x-codeSamples: [{lang: JavaScript, source: "client.accounts.keys()"}]
      responses: {'204': {description: done}}
  /b:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.accounts.keys.list()"}]
      responses: {'204': {description: done}}
  /c:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.accounts.options()"}]
      responses: {'204': {description: done}}
`
	api, diags := buildSpec(t, body, Options{})
	accounts := resourceAt(t, api, "Accounts")
	equalLines(t, "children", resourceFields(accounts.Children), []string{"Keys"})
	var names []string
	for _, m := range accounts.Methods {
		names = append(names, m.Path+" "+m.Name)
	}
	equalLines(t, "methods", names, []string{"/a GetAccount", "/c Options2"})
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "get:\n      operationId: getAccount") + ": warning: the resource accounts.keys and GET /a both want the Go name Keys; GET /a is named GetAccount",
		at(t, body, "get:\n      x-codeSamples: [{lang: JavaScript, source: \"client.accounts.options()\"}]") + ": warning: a member the client declares on every service and GET /c both want the Go name Options; GET /c is named Options2",
	})
}

// TestResourceNameCollisions: two resources with one Go field name, or
// one service type name, are told apart; the snake_case spelling wins.
func TestResourceNameCollisions(t *testing.T) {
	body := `paths:
  /a:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.cardTransactions.list()"}]
      responses: {'204': {description: done}}
  /b:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.card_transactions.list()"}]
      responses: {'204': {description: done}}
`
	api, diags := buildSpec(t, body, Options{})
	equalLines(t, "resources", resourceLines(api.Resources), []string{"card_transactions CardTransactions CardTransactionService", "cardTransactions CardTransactions2 CardTransactionService2"})
	equalLines(t, "warnings", diagLines(diags), []string{
		"spec.yml:1:1: warning: the resource card_transactions and the resource cardTransactions both want the Go name CardTransactions; the resource cardTransactions is named CardTransactions2",
		"spec.yml:1:1: warning: the service of card_transactions and the service of cardTransactions both want the Go name CardTransactionService; the service of cardTransactions is named CardTransactionService2",
	})
}

// TestNestedResourceNameCollisions: the same rule holds below the top.
func TestNestedResourceNameCollisions(t *testing.T) {
	api, _ := buildSpec(t, `paths:
  /a:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.users.paymentMethods.list()"}]
      responses: {'204': {description: done}}
  /b:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.users.payment_methods.list()"}]
      responses: {'204': {description: done}}
`, Options{})
	equalLines(t, "resources", resourceLines(resourceAt(t, api, "Users").Children), []string{
		"users.payment_methods PaymentMethods UserPaymentMethodService",
		"users.paymentMethods PaymentMethods2 UserPaymentMethodService2",
	})
}

func resourceLines(rs []*Resource) []string {
	var out []string
	for _, r := range rs {
		out = append(out, strings.Join(r.Path, ".")+" "+r.Field+" "+r.TypeName)
	}
	return out
}

// TestAPIHeader: what the model keeps of the document itself.
func TestAPIHeader(t *testing.T) {
	api, _ := buildSpec(t, `servers:
  - {url: 'https://{env}.example.com/v{ver}', description: Production, variables: {env: {default: api}, ver: {default: '1'}}}
  - {url: 'https://sandbox.example.com', description: Sandbox}
  - {url: 'https://third.example.com'}
paths: {}
`, Options{Package: "acme_api", SpecSHA256: "abc"})
	if api.Package != "acme_api" || api.Title != "Test API" || api.Version != "2.0" || api.Description != "About the test API." ||
		api.EnvPrefix != "ACMEAPI" || api.SpecSHA256 != "abc" {
		t.Errorf("API header: %q %q %q %q %q %q", api.Package, api.Title, api.Version, api.Description, api.EnvPrefix, api.SpecSHA256)
	}
	var servers []string
	for _, s := range api.Servers {
		servers = append(servers, s.URL+" "+s.Description+" "+s.Const)
	}
	equalLines(t, "servers", servers, []string{
		"https://api.example.com/v1 Production ",
		"https://sandbox.example.com Sandbox ServerURL2",
		"https://third.example.com  ServerURL3",
	})
	var keys []string
	for _, n := range api.Names {
		if strings.HasPrefix(n.Key, "server ") {
			keys = append(keys, n.Key+" = "+n.Name)
		}
	}
	equalLines(t, "server names", keys, []string{"server 2 = ServerURL2", "server 3 = ServerURL3"})
	if api.Auth != (Auth{Kind: AuthBearer}) || api.Event != nil || api.WebhookService != nil || len(api.Resources) != 0 {
		t.Errorf("auth %+v, event %v, webhook service %v, resources %v", api.Auth, api.Event, api.WebhookService, api.Resources)
	}
}

// TestServerConstantClash: a server constant yields to nothing but
// reserved names; a schema asking its name is numbered.
func TestServerConstantClash(t *testing.T) {
	body := `servers:
  - {url: 'https://a.example.com'}
  - {url: 'https://b.example.com'}
components:
  schemas:
    server_url_2: {type: object, properties: {a: {type: string}}}
`
	api, diags := buildSpec(t, body, Options{})
	if c := api.Servers[1].Const; c != "ServerURL2" {
		t.Errorf("the second server is %s", c)
	}
	typeNamed(t, api, "ServerURL22")
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "server_url_2:") + ": warning: server 2 (https://b.example.com) and schema server_url_2 both want the Go name ServerURL2; schema server_url_2 is named ServerURL22",
	})
}

// TestNoInfoOrPaths: a document without info, paths or components still
// builds.
func TestNoInfoOrPaths(t *testing.T) {
	doc := mustLoad(t, "paths: {}\n")
	doc.Info, doc.Paths, doc.Components = nil, nil, nil
	api, diags := Build(doc, Options{Package: "p", Reserved: testReserved})
	if api.Title != "" || len(api.Types) != 0 || len(api.Resources) != 0 || len(diags) != 0 {
		t.Errorf("title %q, types %v, resources %v, diags %v", api.Title, api.Types, api.Resources, diags)
	}
}

// TestAuth: the client sends its key the way the most used security
// scheme says (ties broken by name); schemes that cannot carry a key are
// skipped with a warning.
func TestAuth(t *testing.T) {
	for _, tc := range []struct {
		name, schemes, security string
		want                    Auth
		warning                 string
	}{
		{"no schemes", "", "", Auth{Kind: AuthBearer}, ""},
		{"bearer", "b: {type: http, scheme: bearer}", "", Auth{Kind: AuthBearer}, ""},
		{"Bearer", "b: {type: http, scheme: Bearer}", "", Auth{Kind: AuthBearer}, ""},
		{"basic", "b: {type: http, scheme: basic}", "", Auth{Kind: AuthBasic}, ""},
		{"Basic", "b: {type: http, scheme: Basic}", "", Auth{Kind: AuthBasic}, ""},
		{"header key", "k: {type: apiKey, in: header, name: X-Key}", "", Auth{Kind: AuthHeader, Name: "X-Key"}, ""},
		{"query key", "k: {type: apiKey, in: query, name: key}", "", Auth{Kind: AuthQuery, Name: "key"}, ""},
		{"oauth2", "o: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://x', scopes: {}}}}", "", Auth{Kind: AuthBearer}, ""},
		{"openIdConnect", "o: {type: openIdConnect, openIdConnectUrl: 'https://x'}", "", Auth{Kind: AuthBearer}, ""},
		{"the most used wins", "a: {type: http, scheme: basic}\n    b: {type: apiKey, in: header, name: X-B}", "[{b: []}]", Auth{Kind: AuthHeader, Name: "X-B"}, ""},
		{"a tie goes to the first name", "b: {type: apiKey, in: header, name: X-B}\n    a: {type: http, scheme: basic}", "", Auth{Kind: AuthBasic}, ""},
		{"a cookie key is skipped", "a: {type: apiKey, in: cookie, name: sid}\n    b: {type: http, scheme: basic}", "",
			Auth{Kind: AuthBasic}, "security scheme a (apiKey in cookie) cannot carry an API key; it is not used"},
		{"digest is skipped", "a: {type: http, scheme: digest}", "",
			Auth{Kind: AuthBearer}, "security scheme a (http in ) cannot carry an API key; it is not used"},
	} {
		components := ""
		if tc.schemes != "" {
			components = "components:\n  securitySchemes:\n    " + tc.schemes + "\n"
		}
		security := ""
		if tc.security != "" {
			security = "      security: " + tc.security + "\n"
		}
		body := "paths:\n  /x:\n    get:\n" + security + "      responses: {'204': {description: done}}\n" + components
		api, diags := buildSpec(t, body, Options{})
		if api.Auth != tc.want {
			t.Errorf("%s: auth %+v, want %+v", tc.name, api.Auth, tc.want)
		}
		var want []string
		if tc.warning != "" {
			want = []string{at(t, body, "a: {") + ": warning: " + tc.warning}
		}
		equalLines(t, tc.name, diagLines(diags), want)
	}
}

// TestScopesAndNoAuth: an operation's scopes come from its own security,
// else the document's; it needs no key when it requires nothing or lists
// an empty requirement.
func TestScopesAndNoAuth(t *testing.T) {
	api := mustBuild(t, `security: [{oauth: [doc:read]}]
paths:
  /own:
    get:
      security: [{oauth: [read, write]}, {bearer: [write, admin]}]
      responses: {'204': {description: done}}
  /inherited:
    get:
      responses: {'204': {description: done}}
  /none:
    get:
      security: []
      responses: {'204': {description: done}}
  /optional:
    get:
      security: [{}, {bearer: []}]
      responses: {'204': {description: done}}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://x', scopes: {}}}}
`)
	for _, tc := range []struct {
		path   string
		scopes []string
		noAuth bool
	}{
		{"/own", []string{"read", "write", "admin"}, false},
		{"/inherited", []string{"doc:read"}, false},
		{"/none", nil, true},
		{"/optional", nil, true},
	} {
		m := method(t, api, "GET "+tc.path)
		if !slices.Equal(m.Scopes, tc.scopes) || m.NoAuth != tc.noAuth {
			t.Errorf("%s: scopes %v, no auth %t; want %v, %t", tc.path, m.Scopes, m.NoAuth, tc.scopes, tc.noAuth)
		}
	}
	if api.Auth != (Auth{Kind: AuthBearer}) {
		t.Errorf("auth %+v", api.Auth)
	}
}

// TestNoSecurityAtAll: without any security requirement every operation
// is called without credentials.
func TestNoSecurityAtAll(t *testing.T) {
	api := mustBuild(t, opSpec("get", "/x"))
	if m := method(t, api, "GET /x"); !m.NoAuth || m.Scopes != nil {
		t.Errorf("no auth %t, scopes %v", m.NoAuth, m.Scopes)
	}
}

// TestMethodDetails: what a method keeps of its operation.
func TestMethodDetails(t *testing.T) {
	body := opSpec("patch", "/x", "operationId: patchX", "summary: Patch x.", "description: Long words.", "deprecated: true",
		"callbacks: {onDone: {}, onAck: {}}")
	api, diags := buildSpec(t, body, Options{})
	m := method(t, api, "PATCH /x")
	if m.HTTPMethod != "PATCH" || m.Path != "/x" || m.OperationID != "patchX" || m.Summary != "Patch x." || m.Description != "Long words." || !m.Deprecated {
		t.Errorf("method %+v", m)
	}
	pos := at(t, body, "patch:")
	if got := fmt.Sprintf("spec.yml:%d:%d", m.Pos.Line, m.Pos.Col); got != pos {
		t.Errorf("method at %s, want %s", got, pos)
	}
	equalLines(t, "warnings", diagLines(diags), []string{
		pos + `: warning: PATCH /x: callback "onAck" is not generated: the client makes requests and does not serve them`,
		pos + `: warning: PATCH /x: callback "onDone" is not generated: the client makes requests and does not serve them`,
	})
}

// TestOperationsInMethodOrder: the operations of a path are read in the
// order GET, PUT, POST, DELETE, ..., which decides who keeps a contested
// name.
func TestOperationsInMethodOrder(t *testing.T) {
	if got := sortedMethods(map[string]*openapi3.Operation{"PATCH": nil, "GET": nil, "POST": nil, "DELETE": nil, "HEAD": nil, "OPTIONS": nil, "PUT": nil, "TRACE": nil, "BREW": nil}); !slices.Equal(got,
		[]string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "BREW"}) {
		t.Errorf("sortedMethods = %v", got)
	}
	if methodRank("get") != 0 || methodRank("QUERY") != 8 || methodRank("brew") != 9 {
		t.Errorf("methodRank: get %d, QUERY %d, brew %d", methodRank("get"), methodRank("QUERY"), methodRank("brew"))
	}
}
