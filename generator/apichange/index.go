package apichange

import (
	"strings"

	"github.com/whopgen/whopgen/generator/model"
)

// index maps the Go identifiers of one generated package to the spec
// elements they come from, and back. Identifiers are written as apidiff
// writes them without pointer marks: "User", "User.Name", "UserService.List".
// Element keys are canonical (see canonical); spelled gives them back as
// the spec writes them.
type index struct {
	api       *model.API
	spelling  map[string]string          // canonical key -> the key as the spec writes it
	names     map[string]string          // element key -> Go name (the manifest)
	idents    map[string]string          // element key -> Go identifier
	keys      map[string]string          // Go identifier -> element key
	types     map[string]*model.Type     // Go type name -> type
	typeAt    map[string]*model.Type     // type key -> type
	services  map[string]*model.Resource // service type name -> resource
	resources map[string]*model.Resource // resource path ("affiliates.overrides") -> resource
	methods   map[string]*model.Method   // "METHOD /path" -> method
	constants map[string]enumConstant    // Go constant name -> enum value
	webhooks  []string                   // roots of webhook payload keys: "webhook payment.failed"
}

type enumConstant struct {
	typ   *model.Type
	value string
}

func newIndex(api *model.API) *index {
	x := &index{
		api:       api,
		spelling:  map[string]string{},
		names:     map[string]string{},
		idents:    map[string]string{},
		keys:      map[string]string{},
		types:     map[string]*model.Type{},
		typeAt:    map[string]*model.Type{},
		services:  map[string]*model.Resource{},
		resources: map[string]*model.Resource{},
		methods:   map[string]*model.Method{},
		constants: map[string]enumConstant{},
	}
	for _, t := range api.Types {
		x.types[t.Name] = t
		x.typeAt[x.canonical(t.Key)] = t
		for _, v := range t.EnumValues {
			x.constants[v.Name] = enumConstant{t, v.Value}
		}
	}
	for _, r := range allResources(api) {
		x.services[r.TypeName] = r
		x.resources[strings.Join(r.Path, ".")] = r
		for _, m := range r.Methods {
			x.methods[x.canonical(operation(m))] = m
		}
	}
	for _, w := range api.Webhooks {
		if strings.HasPrefix(w.Type.Key, "webhook ") {
			x.webhooks = append(x.webhooks, w.Type.Key)
		}
	}
	for _, n := range api.Names {
		key := x.canonical(n.Key)
		if _, rest, ok := strings.Cut(n.Key, " "); ok {
			x.canonical(rest) // so that the element's own key is spelled back too
		}
		x.names[key] = n.Name
		if id := x.identOf(key, n.Name); id != "" {
			x.idents[key] = id
			x.keys[id] = key
		}
	}
	if api.Event != nil {
		// The event union is named by the generator, not the manifest.
		x.idents["type webhooks"] = api.Event.Name
		x.keys[api.Event.Name] = "type webhooks"
	}
	return x
}

// allResources lists every resource, children after their parents, and
// the webhook service when the generator added it.
func allResources(api *model.API) []*model.Resource {
	var out []*model.Resource
	var walk func(rs []*model.Resource)
	walk = func(rs []*model.Resource) {
		for _, r := range rs {
			out = append(out, r)
			walk(r.Children)
		}
	}
	walk(api.Resources)
	if w := api.WebhookService; w != nil && w.Own {
		out = append(out, w)
	}
	return out
}

// identOf returns the Go identifier of the element key names, or "" when
// the element's owner cannot be found.
func (x *index) identOf(key, name string) string {
	kind, rest, _ := strings.Cut(key, " ")
	switch kind {
	case "type", "const", "server", "service":
		return name // package level
	case "method", "iterator":
		if m := x.methods[rest]; m != nil {
			return m.Resource.TypeName + "." + name
		}
	case "tag-method":
		if t := x.typeAt[rest]; t != nil {
			return t.Name + "." + name
		}
	case "field", "variant":
		if r := x.resources[rest]; r != nil && kind == "field" {
			return x.fieldOwner(r) + "." + name
		}
		if op, ok := strings.CutSuffix(rest, " body"); ok && kind == "field" {
			if m := x.methods[op]; m != nil && m.Params != nil {
				return m.Params.Name + "." + name
			}
		}
		if t := x.owner(rest); t != nil {
			return t.Name + "." + name
		}
	}
	return ""
}

// fieldOwner is the type that holds a resource as a field: its parent
// service, or the Client.
func (x *index) fieldOwner(r *model.Resource) string {
	if r.Parent != nil {
		return r.Parent.TypeName
	}
	return "Client"
}

// owner finds the type a member key ("schemas/User.name",
// "GET /users params.query:after", "schemas/Pet|Cat") belongs to: the
// longest type key the member's key extends by one step.
func (x *index) owner(member string) *model.Type {
	for i := len(member) - 1; i > 0; i-- {
		if member[i] != '.' && member[i] != '|' {
			continue
		}
		if t := x.typeAt[member[:i]]; t != nil {
			return t
		}
	}
	return nil
}

// canonical gives the canonical form of a key (see model.CanonicalKey) and
// remembers how the spec spelled it.
func (x *index) canonical(key string) string {
	c := model.CanonicalKey(key)
	if c != key {
		x.spelling[c] = key
	}
	return c
}

// spelled gives a canonical key back as the spec writes it.
func (x *index) spelled(key string) string {
	if s, ok := x.spelling[key]; ok {
		return s
	}
	return key
}

// operations lists every operation as "METHOD /path", canonical.
func (x *index) operations() map[string]bool {
	ops := map[string]bool{}
	for op := range x.methods {
		ops[op] = true
	}
	return ops
}

// webhookEvents lists every webhook event type.
func (x *index) webhookEvents() map[string]bool {
	events := map[string]bool{}
	for _, w := range x.api.Webhooks {
		events[w.Event] = true
	}
	return events
}

func operation(m *model.Method) string { return m.HTTPMethod + " " + m.Path }

// member finds the struct field, union variant or union accessor of a type
// by Go name.
func member(t *model.Type, name string) (*model.Field, *model.Variant, *model.Accessor) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, nil, nil
		}
	}
	for _, v := range t.Variants {
		if v.Name == name {
			return nil, v, nil
		}
	}
	for _, a := range t.Accessors {
		if a.Name == name {
			return nil, nil, a
		}
	}
	return nil, nil, nil
}
