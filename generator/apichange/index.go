package apichange

import (
	"fmt"
	"strings"

	"github.com/whopgen/whopgen/generator/model"
)

// index maps the Go names of one generated package back to the places in
// the spec they come from.
type index struct {
	api       *model.API
	types     map[string]*model.Type     // Go type name -> type
	services  map[string]*model.Resource // service type name -> resource
	constants map[string]enumConstant    // Go constant name -> enum value
}

type enumConstant struct {
	typ   *model.Type
	value string
}

func newIndex(api *model.API) *index {
	x := &index{
		api:       api,
		types:     map[string]*model.Type{},
		services:  map[string]*model.Resource{},
		constants: map[string]enumConstant{},
	}
	for _, t := range api.Types {
		x.types[t.Name] = t
		for _, v := range t.EnumValues {
			x.constants[v.Name] = enumConstant{t, v.Value}
		}
	}
	var walk func(r *model.Resource)
	walk = func(r *model.Resource) {
		x.services[r.TypeName] = r
		for _, c := range r.Children {
			walk(c)
		}
	}
	for _, r := range api.Resources {
		walk(r)
	}
	return x
}

// operations lists every operation as "METHOD /path".
func (x *index) operations() map[string]bool {
	ops := map[string]bool{}
	for _, r := range x.services {
		for _, m := range r.Methods {
			ops[operation(m)] = true
		}
	}
	return ops
}

// webhooks lists every webhook event type.
func (x *index) webhooks() map[string]bool {
	events := map[string]bool{}
	for _, w := range x.api.Webhooks {
		events[w.Event] = true
	}
	return events
}

func operation(m *model.Method) string { return m.HTTPMethod + " " + m.Path }

// method finds a service's method by Go name; the ...AutoPaging helper of
// a list method stands for the same operation.
func (x *index) method(service, name string) *model.Method {
	r := x.services[service]
	if r == nil {
		return nil
	}
	for _, try := range []string{name, strings.TrimSuffix(name, "AutoPaging")} {
		for _, m := range r.Methods {
			if m.Name == try {
				return m
			}
		}
	}
	return nil
}

// child finds the sub-resource a service (or the Client) exposes as field.
func (x *index) child(service, field string) *model.Resource {
	list := x.api.Resources
	if service != "Client" {
		r := x.services[service]
		if r == nil {
			return nil
		}
		list = r.Children
	}
	for _, c := range list {
		if c.Field == field {
			return c
		}
	}
	return nil
}

// member finds the struct field or union variant of a type by Go name.
func member(t *model.Type, name string) (*model.Field, *model.Variant) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, nil
		}
	}
	for _, v := range t.Variants {
		if v.Name == name {
			return nil, v
		}
	}
	return nil, nil
}

// place names a type's place in the spec, as a person would: "schema
// User", "the parameters of POST /users", "the response of GET /users".
func place(t *model.Type) string {
	return model.Describe(t.Key)
}

// fieldPlace names a struct field in spec terms. A property is labelled a
// request or a response property only when one direction alone uses it.
func fieldPlace(t *model.Type, f *model.Field) string {
	owner := strings.TrimPrefix(place(t), "the parameters of ")
	switch {
	case f.In.IsParameter():
		return fmt.Sprintf("%s parameter %q of %s", f.In, f.JSONName, owner)
	case f.In == model.InWholeBody:
		return "the request body of " + owner
	}
	side := ""
	switch {
	case t.Request && !t.Response:
		side = "request "
	case t.Response && !t.Request:
		side = "response "
	}
	return fmt.Sprintf("%sproperty %q of %s", side, f.JSONName, owner)
}

// variantPlace names a union variant in spec terms.
func (x *index) variantPlace(t *model.Type, v *model.Variant) string {
	if t == x.api.Event {
		return fmt.Sprintf("webhook event %q", v.Tag)
	}
	if v.Tag != "" {
		return fmt.Sprintf("variant %q of %s", v.Tag, place(t))
	}
	return fmt.Sprintf("variant %s of %s", v.Name, place(t))
}

// specType describes a Go type in the spec's words.
func specType(g *model.GoType) string {
	if g == nil {
		return "nothing"
	}
	switch g.Kind {
	case model.KindString:
		return "string"
	case model.KindInt64, model.KindInt32:
		return "integer"
	case model.KindFloat64, model.KindFloat32:
		return "number"
	case model.KindBool:
		return "boolean"
	case model.KindTime:
		return "date-time"
	case model.KindBytes:
		return "bytes"
	case model.KindSlice:
		return "array of " + specType(g.Elem)
	case model.KindMap:
		return "map of " + specType(g.Elem)
	case model.KindNullableElem:
		return specType(g.Elem) + " or null"
	case model.KindNamed:
		return strings.TrimPrefix(place(g.Named), "schema ")
	}
	return "any JSON value"
}
