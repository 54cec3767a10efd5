package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// sandboxServers names the sandbox of APIs whose spec lists only
// production; the client exports it as SandboxBaseURL.
var sandboxServers = map[string]string{
	"https://api.whop.com/api/v1": "https://sandbox-api.whop.com/api/v1",
}

func (e *emitter) defaultBaseURL() string {
	if len(e.api.Servers) > 0 {
		return e.api.Servers[0].URL
	}
	return ""
}

// clientFile renders Client, NewClient and the package constants.
func (e *emitter) clientFile() *jen.File {
	f := e.newFile()
	api := e.api
	f.Const().Defs(e.clientConsts()...)
	f.Line()
	fields, vals := clientFields(api)
	f.Add(comment(fmt.Sprintf("Client calls the %s. Create one with NewClient and share it: it is safe for concurrent use.", api.Title)))
	f.Type().Id("Client").Struct(fields...)
	f.Line()
	f.Add(comment(joinDoc(
		"NewClient returns a client configured by opts.",
		fmt.Sprintf("Without options, the API key comes from the %s_API_KEY environment variable and the base URL from %s_BASE_URL, else DefaultBaseURL. Every option can also be passed to a single call, where it overrides the client's.", api.EnvPrefix, api.EnvPrefix))))
	f.Func().Id("NewClient").Params(jen.Id("opts").Op("...").Id("RequestOption")).Op("*").Id("Client").Block(
		jen.Id(transportField).Op(":=").Id(rt.NewTransport).Call(jen.Id(rt.TransportConfig).Values(jen.Dict{
			jen.Id(rt.Config.DefaultBaseURL): jen.Id(defaultBaseURL),
			jen.Id(rt.Config.EnvPrefix):      jen.Lit(api.EnvPrefix),
			jen.Id(rt.Config.UserAgent):      jen.Lit(fmt.Sprintf("%s-go/%s (whopgen)", api.Package, api.Version)),
			jen.Id(rt.Config.Auth):           authLit(api.Auth),
		}), jen.Id(argOpts)),
		jen.Return(jen.Op("&").Id("Client").Values(vals)),
	)
	return f
}

// clientConsts renders the servers and the spec's version and hash.
func (e *emitter) clientConsts() []jen.Code {
	api := e.api
	consts := []jen.Code{
		jen.Comment("DefaultBaseURL is the server the client calls unless WithBaseURL or " + api.EnvPrefix + "_BASE_URL says otherwise."),
		jen.Id("DefaultBaseURL").Op("=").Lit(e.defaultBaseURL()),
	}
	if sb, ok := sandboxServers[e.defaultBaseURL()]; ok {
		consts = append(consts,
			jen.Line(),
			jen.Comment("SandboxBaseURL is the sandbox server, for use with WithBaseURL."),
			jen.Id("SandboxBaseURL").Op("=").Lit(sb))
	}
	for _, s := range api.Servers {
		if s.Const == "" {
			continue
		}
		consts = append(consts, jen.Line(), comment(fmt.Sprintf("%s is another server the spec lists: %s", s.Const, s.Description)),
			jen.Id(s.Const).Op("=").Lit(s.URL))
	}
	consts = append(consts,
		jen.Line(),
		jen.Comment("SpecVersion is the info.version of the spec this package was generated from."),
		jen.Id("SpecVersion").Op("=").Lit(api.Version),
		jen.Line(),
		jen.Comment("SpecSHA256 is the SHA-256 of the spec this package was generated from."),
		jen.Id("SpecSHA256").Op("=").Lit(api.SpecSHA256),
	)
	return consts
}

// clientFields renders Client's fields, one per top-level resource and the
// webhook service, and the values NewClient gives them.
func clientFields(api *model.API) ([]jen.Code, jen.Dict) {
	var fields []jen.Code
	vals := jen.Dict{}
	if len(api.Resources) == 0 && api.WebhookService == nil {
		// Nothing to call: the client still holds its configuration.
		fields = append(fields, jen.Id(transportField).Op("*").Id(rt.TransportType))
		vals[jen.Id(transportField)] = jen.Id(transportField)
	}
	for _, r := range api.Resources {
		fields = append(fields, jen.Id(r.Field).Op("*").Id(r.TypeName))
		vals[jen.Id(r.Field)] = jen.Id(r.Constructor).Call(jen.Id(transportField))
	}
	if w := api.WebhookService; w != nil && w.Own {
		fields = append(fields, jen.Line(), jen.Comment(w.Field+" verifies and decodes the events the API sends."), jen.Id(w.Field).Op("*").Id(w.TypeName))
		vals[jen.Id(w.Field)] = jen.Op("&").Id(w.TypeName).Values(jen.Dict{jen.Id(transportField): jen.Id(transportField)})
	}
	return fields, vals
}

// authLit renders the runtime's authScheme; the zero value is a bearer
// token, so the common case adds nothing.
func authLit(a model.Auth) jen.Code {
	vals := jen.Dict{}
	if in := authIn[a.Kind]; in != "" {
		vals[jen.Id(rt.Auth.In)] = jen.Lit(in)
	}
	if a.Name != "" {
		vals[jen.Id(rt.Auth.Name)] = jen.Lit(a.Name)
	}
	return jen.Id(rt.AuthScheme).Values(vals)
}

// authIn is how the runtime's authScheme.In spells each kind.
var authIn = map[model.AuthKind]string{
	model.AuthBearer: "", model.AuthBasic: "basic", model.AuthHeader: "header", model.AuthQuery: "query",
}

// docFile renders the package documentation: what the package is, how to
// configure it and an example, in the terms of this API.
func (e *emitter) docFile() *jen.File {
	f := jen.NewFile(e.api.Package)
	f.HeaderComment(Header)
	ex := e.exampleMethod()
	text := joinDoc(
		fmt.Sprintf("Package %s is a client for the %s (version %s).", e.api.Package, e.api.Title, e.api.Version),
		fmt.Sprintf("Create a client with NewClient. It reads the API key from %s_API_KEY and the base URL from %s_BASE_URL (default %s); options such as WithAPIKey, WithBaseURL, WithMaxRetries and WithRequestTimeout override them for the client or for a single call.", e.api.EnvPrefix, e.api.EnvPrefix, e.defaultBaseURL()),
		ex,
		"Optional request fields have type Opt[T]: leave them unset to not send them, set them with Some(v), or send an explicit null with Null[T](). Nullable response fields are pointers.",
		"Every method returns *Error for a response with a non-2xx status; use errors.As to read its StatusCode, Type, Code, Message and Param, or errors.Is with ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited and ErrServer.",
	)
	// One call per line: jennifer would write a multi-line string as /* */.
	for _, line := range strings.Split(wrap(text, commentWidth), "\n") {
		switch {
		case line == "":
			f.PackageComment("//")
		case strings.HasPrefix(line, "\t"):
			f.PackageComment("//" + line)
		default:
			f.PackageComment("// " + line)
		}
	}
	return f
}

func requiredParams(m *model.Method) int {
	n := 0
	if m.Params != nil {
		for _, f := range m.Params.Fields {
			if f.Required {
				n++
			}
		}
	}
	return n
}

// exampleMethod picks a short usage example from the API's own methods.
func (e *emitter) exampleMethod() string {
	// The simplest list method: no path parameters, fewest required ones.
	var m *model.Method
	for _, r := range e.api.Resources {
		for _, cand := range r.Methods {
			if cand.Page != nil && len(cand.PathParams) == 0 && (m == nil || requiredParams(cand) < requiredParams(m)) {
				m = cand
			}
		}
	}
	if m == nil {
		return ""
	}
	params := ""
	if m.Params != nil {
		params = ", " + e.api.Package + "." + m.Params.Name + "{}"
	}
	call := clientPath(m.Resource)
	lines := []string{
		"For example:",
		"",
		"\tclient := " + e.api.Package + ".NewClient()",
		fmt.Sprintf("\tfor item, err := range client.%s.%sAutoPaging(ctx%s) {", call, m.Name, params),
		"\t\tif err != nil {",
		"\t\t\treturn err",
		"\t\t}",
		"\t\tfmt.Println(item)",
		"\t}",
	}
	return strings.Join(lines, "\n")
}
