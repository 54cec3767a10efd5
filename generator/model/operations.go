package model

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

var methodOrder = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY"}

// operations turns every operation into a method of its resource, in path
// then method order.
func (b *builder) operations() {
	if b.doc.Paths == nil {
		return
	}
	paths := b.doc.Paths.Keys()
	slices.Sort(paths)
	for _, path := range paths {
		item := b.doc.Paths.Value(path)
		if item == nil {
			continue
		}
		ops := item.Operations()
		for _, m := range sortedMethods(ops) {
			b.operation(path, m, item, ops[m])
		}
	}
	for _, r := range b.resources {
		slices.SortFunc(r.Methods, func(x, y *Method) int { return cmp.Compare(x.Name, y.Name) })
		slices.SortFunc(r.Children, func(x, y *Resource) int { return cmp.Compare(x.Field, y.Field) })
	}
	slices.SortFunc(b.api.Resources, func(x, y *Resource) int { return cmp.Compare(x.Field, y.Field) })
}

func sortedMethods(ops map[string]*openapi3.Operation) []string {
	keys := sortedKeys(ops)
	slices.SortStableFunc(keys, func(x, y string) int {
		return cmp.Compare(rank(x), rank(y))
	})
	return keys
}

func rank(m string) int {
	if i := slices.Index(methodOrder, strings.ToUpper(m)); i >= 0 {
		return i
	}
	return len(methodOrder)
}

var sampleCall = regexp.MustCompile(`client\.([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)\(`)

// operationName finds the resource path and method name the official SDKs
// use, from the JavaScript x-codeSamples ("client.affiliates.overrides.
// create(" gives [affiliates overrides] and create); without a sample it
// falls back to the first tag and the operationId.
func operationName(op *openapi3.Operation, path, method string) ([]string, string) {
	if samples, ok := op.Extensions["x-codeSamples"].([]any); ok {
		for _, s := range samples {
			m, _ := s.(map[string]any)
			lang, _ := m["lang"].(string)
			src, _ := m["source"].(string)
			if !strings.EqualFold(lang, "JavaScript") && !strings.EqualFold(lang, "TypeScript") {
				continue
			}
			if call := sampleCall.FindStringSubmatch(src); call != nil {
				parts := strings.Split(call[1], ".")
				return parts[:len(parts)-1], parts[len(parts)-1]
			}
		}
	}
	resource := "default"
	if len(op.Tags) > 0 && op.Tags[0] != "" {
		resource = op.Tags[0]
	} else if seg := firstSegment(path); seg != "" {
		resource = seg
	}
	name := op.OperationID
	if name == "" {
		name = strings.ToLower(method) + " " + path
	} else {
		name = trimResourceWords(name, resource)
	}
	return []string{LowerName(resource)}, name
}

func firstSegment(path string) string {
	for _, seg := range strings.Split(path, "/") {
		if seg != "" && !strings.HasPrefix(seg, "{") {
			return seg
		}
	}
	return ""
}

// trimResourceWords drops the resource's words from an operationId:
// listCardTransaction under "Card transactions" gives list.
func trimResourceWords(opID, resource string) string {
	drop := map[string]bool{}
	for _, w := range splitWords(resource) {
		w = strings.ToLower(w)
		drop[w], drop[strings.ToLower(Singular(w))] = true, true
	}
	var kept []string
	for _, w := range splitWords(opID) {
		if !drop[strings.ToLower(w)] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return opID
	}
	return strings.Join(kept, "_")
}

// resource returns the resource at path, creating it and its parents.
func (b *builder) resource(path []string) *Resource {
	key := strings.Join(path, ".")
	if r, ok := b.resources[key]; ok {
		return r
	}
	var prefix strings.Builder
	for _, seg := range path {
		prefix.WriteString(GoName(Singular(seg)))
	}
	r := &Resource{
		Field:    GoName(path[len(path)-1]),
		TypeName: prefix.String() + "Service",
		Path:     path,
	}
	r.TypeName = b.claim(r.TypeName, "the resource "+key, Pos{})
	b.resources[key] = r
	b.methodOf[r] = map[string]string{}
	if len(path) == 1 {
		r.File = b.resourceFile(path)
		b.api.Resources = append(b.api.Resources, r)
	} else {
		parent := b.resource(path[:len(path)-1])
		parent.Children = append(parent.Children, r)
	}
	return r
}

func fileName(path []string) string {
	var words []string
	for _, seg := range path {
		for _, w := range splitWords(seg) {
			words = append(words, strings.ToLower(w))
		}
	}
	return strings.Join(words, "_")
}

// resourceFile names a top-level resource's file: its path in snake_case,
// kept clear of the package's own files and of suffixes the go command
// reads as build constraints (a "windows" resource in windows.go would
// build on Windows only).
func (b *builder) resourceFile(path []string) string {
	name := cmp.Or(fileName(path), "resource")
	if reservedFile(name) {
		name += "_api"
	}
	for base, i := name, 2; b.files[name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	b.files[name] = true
	return name
}

func reservedFile(name string) bool {
	switch name {
	case "client", "doc", "webhook_events":
		return true
	}
	if strings.HasPrefix(name, "types_") || strings.HasPrefix(name, "runtime_") {
		return true
	}
	return buildSuffixes[name[strings.LastIndexByte(name, '_')+1:]]
}

// buildSuffixes are the file name suffixes that constrain a build: _test
// and every GOOS and GOARCH.
var buildSuffixes = map[string]bool{
	"test": true, "aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true,
	"hurd": true, "illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
	"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true,
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true, "arm64": true, "arm64be": true,
	"loong64": true, "mips": true, "mipsle": true, "mips64": true, "mips64le": true, "mips64p32": true,
	"mips64p32le": true, "ppc": true, "ppc64": true, "ppc64le": true, "riscv": true, "riscv64": true,
	"s390": true, "s390x": true, "sparc": true, "sparc64": true, "wasm": true,
}

// prefix is the Go name prefix for a resource's types: affiliates.overrides
// gives AffiliateOverride.
func prefix(r *Resource) string {
	return strings.TrimSuffix(r.TypeName, "Service")
}

func (b *builder) operation(path, httpMethod string, item *openapi3.PathItem, op *openapi3.Operation) {
	resPath, methodName := operationName(op, path, httpMethod)
	r := b.resource(resPath)
	name := GoName(methodName)
	where := strings.ToUpper(httpMethod) + " " + path
	if prev, taken := b.methodOf[r][name]; taken || b.isChild(r, name) {
		alt := GoName(op.OperationID)
		if _, taken := b.methodOf[r][alt]; taken || alt == "X" || b.isChild(r, alt) {
			alt = uniqueField(name, usedSet(b.methodOf[r]))
		}
		b.warn(b.pos(op.Origin), "%s and %s both derive the method %s.%s; %s becomes %s", prev, where, r.TypeName, name, where, alt)
		name = alt
	}
	b.methodOf[r][name] = where
	m := &Method{
		Name:        name,
		Resource:    r,
		HTTPMethod:  strings.ToUpper(httpMethod),
		Path:        path,
		OperationID: op.OperationID,
		Summary:     op.Summary,
		Description: op.Description,
		Deprecated:  op.Deprecated,
		Pos:         b.pos(op.Origin),
	}
	for _, name := range sortedKeys(op.Callbacks) {
		b.warn(b.pos(op.Origin), "%s %s: callback %q is not generated: the client makes requests and does not serve them", m.HTTPMethod, path, name)
	}
	m.Scopes = b.scopes(op)
	m.NoAuth = b.noAuth(op)
	typePrefix := prefix(r) + name
	params := mergeParams(item.Parameters, op.Parameters)
	b.pathParams(m, path, params)
	b.params(m, typePrefix, params, op)
	b.response(m, typePrefix, op, params)
	r.Methods = append(r.Methods, m)
}

func (b *builder) isChild(r *Resource, name string) bool {
	return slices.ContainsFunc(r.Children, func(c *Resource) bool { return c.Field == name })
}

func usedSet(m map[string]string) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

// scopes lists the OAuth-style scopes the operation's security requires.
func (b *builder) scopes(op *openapi3.Operation) []string {
	reqs := b.doc.Security
	if op.Security != nil {
		reqs = *op.Security
	}
	var out []string
	for _, req := range reqs {
		for _, scheme := range sortedKeys(req) {
			for _, s := range req[scheme] {
				if !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// mergeParams applies operation parameters over path-level ones.
func mergeParams(pathLevel, opLevel openapi3.Parameters) []*openapi3.Parameter {
	var out []*openapi3.Parameter
	seen := map[string]bool{}
	for _, list := range []openapi3.Parameters{opLevel, pathLevel} {
		for _, ref := range list {
			if ref == nil || ref.Value == nil {
				continue
			}
			key := ref.Value.In + ":" + ref.Value.Name
			if !seen[key] {
				seen[key] = true
				out = append(out, ref.Value)
			}
		}
	}
	return out
}

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

// pathParams records the path parameters in the order the path names them.
func (b *builder) pathParams(m *Method, path string, params []*openapi3.Parameter) {
	used := map[string]bool{"ctx": true, "params": true, "opts": true}
	for _, match := range pathParam.FindAllStringSubmatch(path, -1) {
		name := match[1]
		f := &Field{JSONName: name, In: "path", Required: true, Type: &GoType{Kind: String}}
		for _, p := range params {
			if p.In == "path" && p.Name == name {
				f.Doc = p.Description
				if p.Schema != nil && p.Schema.Value != nil && f.Doc == "" {
					f.Doc = p.Schema.Value.Description
				}
			}
		}
		arg := LowerName(name)
		for used[arg] {
			arg += "_"
		}
		used[arg] = true
		f.Name = arg
		m.PathParams = append(m.PathParams, f)
	}
}

// params builds the ...Params type from query, header and cookie
// parameters and the request body.
func (b *builder) params(m *Method, typePrefix string, params []*openapi3.Parameter, op *openapi3.Operation) {
	name := typePrefix + "Params"
	origin := m.HTTPMethod + " " + m.Path
	var fields []*Field
	used := map[string]bool{}
	var nonPath []*openapi3.Parameter
	var paramNames []string
	for _, p := range params {
		if p.In != "path" {
			nonPath = append(nonPath, p)
			paramNames = append(paramNames, p.Name)
		}
	}
	goNames := b.uniqueNames(paramNames, GoName, used, "parameters", origin, m.Pos)
	for i, p := range nonPath {
		schema := p.Schema
		if schema == nil {
			for _, mt := range p.Content {
				schema = mt.Schema
				break
			}
		}
		goName := goNames[i]
		// A parameter cannot be sent as null, so its nullability is
		// dropped: an optional list is a plain slice, nil when not sent.
		typ, _ := b.typeOf(schema, name+goName, origin+" parameter "+p.Name, true)
		explode := p.In == "query" || p.In == "cookie"
		if p.Explode != nil {
			explode = *p.Explode
		}
		doc := p.Description
		if doc == "" && schema != nil && schema.Value != nil {
			doc = schema.Value.Description
		}
		fields = append(fields, &Field{
			Name: goName, JSONName: p.Name, Doc: doc, Type: typ, Required: p.Required,
			Deprecated: p.Deprecated, In: p.In, Style: p.Style, Explode: explode,
		})
	}
	slices.SortFunc(fields, func(x, y *Field) int { return cmp.Compare(x.Name, y.Name) })

	body, media, required := requestBody(op)
	if media == "" {
		if len(fields) > 0 {
			m.Params = b.paramsStruct(name, origin, fields)
		}
		return
	}
	if body == nil || (!isJSON(media) && !isForm(media)) {
		// A body sent as it is: text as a string, anything else as bytes
		// read from an io.Reader.
		typ := &GoType{Kind: Reader}
		if strings.HasPrefix(media, "text/") {
			typ = &GoType{Kind: String}
		}
		if body == nil && isForm(media) {
			b.warn(m.Pos, "%s: the %s body has no schema; it is sent as raw bytes", origin, media)
		}
		bodyField := &Field{Name: uniqueField("Body", used), Type: typ, Required: required, In: "body", Doc: "The request body, sent as " + media + "."}
		m.Params = b.paramsStruct(name, origin, append(fields, bodyField))
		m.Body, m.BodyField, m.BodyMedia = BodyInField, bodyField, media
		return
	}
	m.BodyMedia = media
	bs := body.Value
	_, isComponent := b.components[bs]
	if isObject(bs) && len(nonNull(bs.OneOf)) == 0 && len(nonNull(bs.AnyOf)) == 0 && !isComponent && len(bs.Properties) > 0 {
		// An inline object body: its properties sit beside the parameters.
		t := b.paramsStruct(name, origin, fields)
		t.Doc = bs.Description
		b.inline[bs] = t
		for _, f := range fields {
			used[f.Name] = true
		}
		bodyStruct := &Type{Name: name, Origin: origin + " requestBody", Request: true}
		b.fillStruct(bodyStruct, bs)
		for _, f := range bodyStruct.Fields {
			if alt := uniqueField(f.Name, used); alt != f.Name {
				b.warn(m.Pos, "%s: the body property %q and a parameter both want the Go name %s; the property is named %s", origin, f.JSONName, f.Name, alt)
				f.Name = alt
			}
			if strings.HasPrefix(media, "multipart/") && isBinary(bs.Properties[f.JSONName]) {
				f.Type = &GoType{Kind: Reader}
			}
		}
		t.Fields = append(t.Fields, bodyStruct.Fields...)
		t.Consts = bodyStruct.Consts
		m.Params, m.Body = t, BodyFlat
		return
	}
	if len(fields) == 0 && !isComponent && (len(nonNull(bs.OneOf)) > 1 || len(nonNull(bs.AnyOf)) > 1) {
		// A body that is a union, with no other parameters: the union is
		// the Params type.
		typ, _ := b.typeOf(body, name, origin+" requestBody", true)
		m.Params, m.Body = typ.Named, BodyWhole
		return
	}
	typ, nullable := b.typeOf(body, name+"Body", origin+" requestBody", true)
	bodyField := &Field{Name: uniqueField("Body", used), JSONName: "", Type: typ, Required: required, Nullable: nullable, In: "body", Doc: "The request body."}
	m.Params = b.paramsStruct(name, origin, append(fields, bodyField))
	m.Body, m.BodyField = BodyInField, bodyField
}

func (b *builder) paramsStruct(name, origin string, fields []*Field) *Type {
	t := &Type{Name: b.claim(name, origin+" parameters", Pos{}), Kind: Struct, Origin: origin, Request: true, Fields: fields}
	b.api.Types = append(b.api.Types, t)
	return t
}

// requestBody returns the body schema and media type; JSON wins over
// other media types.
func requestBody(op *openapi3.Operation) (*openapi3.SchemaRef, string, bool) {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil, "", false
	}
	rb := op.RequestBody.Value
	media := pickMedia(rb.Content)
	if media == "" {
		return nil, "", false
	}
	var schema *openapi3.SchemaRef
	if mt := rb.Content[media]; mt != nil {
		schema = mt.Schema
	}
	return schema, media, rb.Required
}

func pickMedia(content openapi3.Content) string {
	keys := sortedKeys(content)
	for _, k := range keys {
		if isJSON(k) {
			return k
		}
	}
	if len(keys) > 0 {
		return keys[0]
	}
	return ""
}

func isForm(media string) bool {
	media = strings.ToLower(strings.TrimSpace(strings.Split(media, ";")[0]))
	return media == "application/x-www-form-urlencoded" || media == "multipart/form-data"
}

// isBinary reports whether a multipart property is a file: a binary
// string, or a string with a content media type.
func isBinary(ref *openapi3.SchemaRef) bool {
	if ref == nil || ref.Value == nil {
		return false
	}
	s := ref.Value
	return slices.Contains(types(s), "string") && (s.Format == "binary" || s.ContentMediaType != "" || s.ContentEncoding == "binary")
}

func isJSON(media string) bool {
	media = strings.ToLower(strings.TrimSpace(strings.Split(media, ";")[0]))
	return media == "application/json" || strings.HasSuffix(media, "+json") || media == "*/*"
}

// response picks the first success response with a body.
func (b *builder) response(m *Method, typePrefix string, op *openapi3.Operation, params []*openapi3.Parameter) {
	if op.Responses == nil {
		return
	}
	var success []string
	for _, code := range op.Responses.Keys() {
		if ref := op.Responses.Value(code); strings.HasPrefix(code, "2") && ref != nil && ref.Value != nil {
			success = append(success, code)
		}
	}
	slices.Sort(success)
	if len(success) == 0 {
		return
	}
	chosen := op.Responses.Value(success[0]).Value
	media := pickMedia(chosen.Content)
	if media == "" {
		return // a success without a body, such as 204
	}
	for _, code := range success[1:] {
		other := op.Responses.Value(code).Value
		if om := pickMedia(other.Content); om != "" && !sameSchema(other.Content[om], chosen.Content[media]) {
			b.warn(m.Pos, "%s %s: the %s and %s responses have different bodies; the method decodes the %s one", m.HTTPMethod, m.Path, success[0], code, success[0])
		}
	}
	m.RespMedia = media
	var schema *openapi3.SchemaRef
	if mt := chosen.Content[media]; mt != nil {
		schema = mt.Schema
	}
	if !isJSON(media) {
		if strings.HasPrefix(media, "text/") {
			m.Response = &GoType{Kind: String}
		} else {
			m.Response = &GoType{Kind: Reader}
		}
		return
	}
	hint := typePrefix + "Response"
	if pageShaped(schema, params) {
		hint = typePrefix + "Page"
	}
	inline := schema != nil && schema.Value != nil && b.byRef[schema.Ref] == nil &&
		b.components[schema.Value] == nil && b.inline[schema.Value] == nil
	m.Response, _ = b.typeOf(schema, hint, m.HTTPMethod+" "+m.Path+" response", false)
	m.Page = detectPage(m)
	if m.Page != nil && inline && fieldByGoName(m.Response.Named, "NextPage") == nil {
		m.Page.Owned = true
		m.Response.Named.PageOf = m
	}
}

func fieldByGoName(t *Type, name string) *Field {
	for _, f := range t.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// sameSchema reports whether two media types carry the same schema.
func sameSchema(a, b *openapi3.MediaType) bool {
	if a == nil || b == nil || a.Schema == nil || b.Schema == nil {
		return a == b || (a != nil && b != nil && a.Schema == nil && b.Schema == nil)
	}
	if a.Schema.Ref != "" || b.Schema.Ref != "" {
		return a.Schema.Ref == b.Schema.Ref
	}
	return a.Schema.Value == b.Schema.Value
}

// pageShaped reports whether a response schema looks like a cursor page:
// a data array and a page_info object with end_cursor and has_next_page,
// for an operation that takes an "after" query parameter.
func pageShaped(schema *openapi3.SchemaRef, params []*openapi3.Parameter) bool {
	if schema == nil || schema.Value == nil {
		return false
	}
	hasAfter := slices.ContainsFunc(params, func(p *openapi3.Parameter) bool { return p.In == "query" && p.Name == "after" })
	data, info := schema.Value.Properties["data"], schema.Value.Properties["page_info"]
	if !hasAfter || data == nil || info == nil || data.Value == nil || info.Value == nil {
		return false
	}
	return slices.Contains(types(data.Value), "array") &&
		info.Value.Properties["end_cursor"] != nil && info.Value.Properties["has_next_page"] != nil
}

// detectPage fills in pagination from the model types, once built.
func detectPage(m *Method) *Page {
	if m.Response == nil || m.Response.Kind != Named || m.Params == nil || m.Params.Kind != Struct {
		return nil
	}
	resp := m.Response.Named
	if resp.Kind != Struct {
		return nil
	}
	p := &Page{
		Data:     fieldByJSON(resp, "data"),
		PageInfo: fieldByJSON(resp, "page_info"),
		After:    fieldByJSON(m.Params, "after"),
	}
	if p.Data == nil || p.PageInfo == nil || p.After == nil || p.Data.Type.Kind != Slice ||
		p.PageInfo.Type.Kind != Named || p.PageInfo.Type.Named.Kind != Struct || p.After.In != "query" ||
		p.After.Type.Kind != String || p.PageInfo.Wrap() != Plain || p.Data.Wrap() != Plain {
		return nil
	}
	p.EndCursor = fieldByJSON(p.PageInfo.Type.Named, "end_cursor")
	p.HasNextPage = fieldByJSON(p.PageInfo.Type.Named, "has_next_page")
	if p.EndCursor == nil || p.HasNextPage == nil || p.EndCursor.Type.Kind != String || p.HasNextPage.Type.Kind != Bool {
		return nil
	}
	p.Item = p.Data.Type.Elem
	return p
}

func fieldByJSON(t *Type, name string) *Field {
	for _, f := range t.Fields {
		if f.JSONName == name {
			return f
		}
	}
	return nil
}
