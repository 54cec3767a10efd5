package model

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

var methodOrder = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY"}

// operations turns every operation into a method of its resource.
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
}

func sortedMethods(ops map[string]*openapi3.Operation) []string {
	keys := slices.Sorted(maps.Keys(ops))
	slices.SortStableFunc(keys, func(x, y string) int {
		return cmp.Compare(methodRank(x), methodRank(y))
	})
	return keys
}

func methodRank(m string) int {
	if i := slices.Index(methodOrder, strings.ToUpper(m)); i >= 0 {
		return i
	}
	return len(methodOrder)
}

func (b *builder) operation(path, httpMethod string, item *openapi3.PathItem, op *openapi3.Operation) {
	resPath, methodName, fromSample := operationName(op, path, httpMethod)
	r := b.resource(resPath)
	m := &Method{
		Resource:    r,
		HTTPMethod:  strings.ToUpper(httpMethod),
		Path:        path,
		OperationID: op.OperationID,
		Summary:     op.Summary,
		Description: op.Description,
		Deprecated:  op.Deprecated,
		Pos:         b.pos(op.Origin),
	}
	opKey := m.HTTPMethod + " " + path
	wants := []string{GoName(methodName)}
	if alt := GoName(op.OperationID); op.OperationID != "" && alt != wants[0] {
		wants = append(wants, alt)
	}
	mi := &methodInfo{m: m, wants: wants, fromSample: fromSample, req: &nameReq{key: "method " + opKey, what: opKey, provisional: b.resNames[r].stem + wants[0]}}
	b.methods = append(b.methods, mi)
	r.Methods = append(r.Methods, m)
	for _, name := range slices.Sorted(maps.Keys(op.Callbacks)) {
		b.warn(m.Pos, "%s: callback %q is not generated: the client makes requests and does not serve them", opKey, name)
	}
	m.Scopes = b.scopes(op)
	m.NoAuth = b.noAuth(op)
	params := mergeParams(item.Parameters, op.Parameters)
	b.pathParams(m, mi.req, path, params)
	b.params(m, mi.req, params, op)
	b.response(m, mi.req, op)
}

// scopes lists the OAuth-style scopes the operation's security requires.
func (b *builder) scopes(op *openapi3.Operation) []string {
	var out []string
	for _, req := range b.requirements(op) {
		for _, scheme := range slices.Sorted(maps.Keys(req)) {
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

// PathTemplate matches the parameters of a path template: /users/{id}.
var PathTemplate = regexp.MustCompile(`\{([^}]+)\}`)

// pathParams records the path parameters in the order the path names them.
// Their Go names are the method's arguments, kept clear of the names the
// method's body uses (ctx, req, out, runtime helpers, keywords).
func (b *builder) pathParams(m *Method, method *nameReq, path string, params []*openapi3.Parameter) {
	if b.bodyNames == nil {
		b.bodyNames = reservedSet(append(slices.Clone(b.opts.Reserved.Locals), b.opts.Reserved.Package...))
	}
	ns := newNamespaceOver(b.bodyNames, "a name the method's body uses")
	var claims []*claim
	opKey := m.HTTPMethod + " " + m.Path
	for i, match := range PathTemplate.FindAllStringSubmatch(path, -1) {
		name := match[1]
		f := &Field{JSONName: name, In: InPath, Required: true, Type: &GoType{Kind: KindString}, Style: StyleSimple}
		for _, p := range params {
			if p.In == "path" && p.Name == name {
				b.paramDetails(f, p)
				schema := paramSchema(p)
				if schema != nil && schema.Value != nil && f.Doc == "" {
					f.Doc = schema.Value.Description
				}
				// A parameter is never null: its nullability is dropped.
				f.Type, _ = b.typeOf(schema, child(method, GoName(name)), paramKey(opKey+" params", "path", name), true)
				if f.Type.Kind == KindAny {
					f.Type = &GoType{Kind: KindString} // no schema: text
				}
			}
		}
		lower := LowerName(name)
		wants := []string{lower, lower + "Param"}
		if isGoReserved(lower) {
			wants = wants[1:]
		}
		claims = append(claims, &claim{
			wants: fixed(wants...), order: spellingOrder(name) + string(rune('0'+min(i, 9))),
			what: "path parameter " + name, pos: m.Pos, quiet: true,
			set: func(n string) { f.Name = n },
		})
		m.PathParams = append(m.PathParams, f)
	}
	b.namer.resolveAll(ns, claims)
}

// paramDetails copies a parameter's documentation and serialization.
func (b *builder) paramDetails(f *Field, p *openapi3.Parameter) {
	f.Doc = p.Description
	f.Deprecated = p.Deprecated
	f.Style = Style(p.Style)
	if f.Style == "" {
		f.Style = defaultStyle(p.In)
	}
	f.Explode = f.Style == StyleForm
	if p.Explode != nil {
		f.Explode = *p.Explode
	}
	f.AllowReserved = p.AllowReserved
}

// paramSchema is a parameter's schema, or that of its content.
func paramSchema(p *openapi3.Parameter) *openapi3.SchemaRef {
	if p.Schema != nil {
		return p.Schema
	}
	for _, mt := range slices.Sorted(maps.Keys(p.Content)) {
		if c := p.Content[mt]; c != nil {
			return c.Schema
		}
	}
	return nil
}

// defaultStyle is the style OpenAPI gives a parameter that names none.
func defaultStyle(in string) Style {
	switch in {
	case "query", "cookie":
		return StyleForm
	}
	return StyleSimple
}
