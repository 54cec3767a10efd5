package apichange

import (
	"fmt"
	"strings"

	"github.com/whopgen/whopgen/generator/model"
)

// describe names the spec element a manifest key stands for.
func (x *index) describe(key string) string {
	kind, rest, _ := strings.Cut(key, " ")
	switch kind {
	case "type":
		if t := x.typeAt[rest]; t != nil {
			return x.typePlace(t)
		}
		return x.place(rest)
	case "const":
		// "const <type key> <quoted value>": the value is the last quoted string.
		i := strings.LastIndex(rest, ` "`)
		if i < 0 {
			return "enum value " + rest
		}
		return fmt.Sprintf("enum value %s of %s", rest[i+1:], x.enumPlace(rest[:i]))
	case "server":
		return "server " + rest + " of the spec"
	case "service":
		return "resource `" + rest + "`"
	case "method":
		return "operation " + x.spelled(rest)
	case "iterator":
		return "the iterator of operation " + x.spelled(rest)
	case "tag-method":
		if t := x.typeAt[rest]; t != nil && t.Discriminator != "" {
			return fmt.Sprintf("the method returning `%s` of %s", t.Discriminator, x.typePlace(t))
		}
		return "the method returning the discriminator of " + x.place(rest)
	case "field":
		if x.resources[rest] != nil {
			return "resource `" + rest + "`"
		}
		if op, ok := strings.CutSuffix(rest, " body"); ok && x.methods[op] != nil {
			return "the request body of " + x.spelled(op)
		}
		if owner := x.owner(rest); owner != nil {
			return x.memberPlace(rest, owner)
		}
	case "variant":
		if event, ok := strings.CutPrefix(rest, "webhooks|"); ok {
			return "webhook `" + unquote(event) + "`"
		}
	}
	return x.place(rest)
}

// enumPlace names the enum whose type has the given key: a component by
// its name, an inline enum by the element it is defined at.
func (x *index) enumPlace(typeKey string) string {
	if t := x.typeAt[x.canonical(typeKey)]; t != nil && !strings.HasPrefix(x.typePlace(t), "the inline ") {
		return x.typePlace(t)
	}
	return x.place(typeKey)
}

// explain says what a change to one Go identifier means in the spec.
func (c *comparison) explain(id, what string) string {
	verb := what
	if strings.HasPrefix(what, "changed") || strings.HasPrefix(what, "value changed") {
		verb = "changed"
	}
	at := c.old // the side that has the identifier
	if what == "added" {
		at = c.new
	}
	key := at.keys[id]
	if key == "" {
		return c.explainUnnamed(id, verb, at)
	}
	kind, rest, _ := strings.Cut(key, " ")
	switch {
	case verb == "removed" && (kind == "service" || kind == "field" && c.old.resources[rest] != nil):
		return c.explainResourceRemoved(rest)
	case verb == "removed" && kind == "field":
		if why := c.fieldGone(rest); why != "" {
			return at.describe(key) + " " + why
		}
	case verb != "changed":
		// Added, or removed: the element's description and the verb say it.
	case kind == "method":
		return c.explainMethod(rest, id)
	case kind == "const":
		o, inOld := c.old.constants[id]
		n, inNew := c.new.constants[id]
		if inOld && inNew {
			return fmt.Sprintf("enum value %q of %s changed to %q", o.value, c.old.enumPlace(o.typ.Key), n.value)
		}
	case kind == "field" && c.old.resources[rest] == nil:
		return c.explainField(id, rest)
	case kind == "type":
		ot, nt := c.old.types[id], c.new.types[id]
		if ot != nil && nt != nil && ot.Kind != nt.Kind {
			place := strings.Replace(c.old.typePlace(ot), "the inline "+kindWord(ot), "the inline schema", 1)
			return fmt.Sprintf("%s changed from %s %s to %s %s", place, article(ot), kindWord(ot), article(nt), kindWord(nt))
		}
	}
	return at.describe(key) + " " + verb
}

func article(t *model.Type) string {
	if t.Kind == model.TypeEnum || t.Kind == model.TypeStruct {
		return "an"
	}
	return "a"
}

// explainResourceRemoved explains a service that went away: its
// operations were removed, or moved to other resources.
func (c *comparison) explainResourceRemoved(path string) string {
	r := c.old.resources[path]
	moved := 0
	if r != nil {
		for _, m := range r.Methods {
			if c.new.methods[c.new.canonical(operation(m))] != nil {
				moved++
			}
		}
	}
	if moved > 0 {
		return fmt.Sprintf("resource `%s` removed: its operations moved to other resources", path)
	}
	return fmt.Sprintf("resource `%s` removed", path)
}

// fieldGone says why a field is gone although its property is not: the
// spec now fixes the property's value (the encoder writes it, the decoder
// needs no field for it).
func (c *comparison) fieldGone(memberKey string) string {
	owner := c.old.owner(memberKey)
	if owner == nil {
		return ""
	}
	nt := c.new.typeAt[c.new.canonical(owner.Key)]
	f, _, _ := member(owner, memberName(c.old.idents["field "+memberKey]))
	if nt == nil || f == nil {
		return ""
	}
	for _, k := range nt.Consts {
		if k.JSONName == f.JSONName {
			return fmt.Sprintf("is now the constant %q: the spec fixes its value, so it has no Go field", k.Const)
		}
	}
	return ""
}

// explainUnnamed explains a change to an identifier the manifest does not
// list: the accessor methods of a union, and the methods the generator
// adds to a type (MarshalJSON when it gains a constant property, say).
func (c *comparison) explainUnnamed(id, verb string, at *index) string {
	owner, name, ok := strings.Cut(id, ".")
	t := at.types[owner]
	if !ok || t == nil {
		return ""
	}
	if _, _, a := member(t, name); a != nil {
		return fmt.Sprintf("the accessor of property `%s` that every variant of %s has %s", a.JSONName, at.typePlace(t), verb)
	}
	return fmt.Sprintf("a method whopgen generates for %s %s", at.typePlace(t), verb)
}

// explainField says how a property's or parameter's spec changed when its
// Go type did: a request property that became required turns Opt[T] into
// T, a response property that became nullable turns T into *T.
func (c *comparison) explainField(id, memberKey string) string {
	owner, name, _ := strings.Cut(id, ".")
	ot, nt := c.old.types[owner], c.new.types[owner]
	p := c.old.describe("field " + memberKey)
	if ot == nil || nt == nil {
		return p + " changed"
	}
	of, _, _ := member(ot, name)
	nf, _, _ := member(nt, name)
	if of == nil || nf == nil {
		return p + " changed"
	}
	var became, what []string
	switch {
	case !of.Required && nf.Required:
		became = append(became, "required")
	case of.Required && !nf.Required:
		became = append(became, "optional")
	}
	switch {
	case !of.Nullable && nf.Nullable:
		became = append(became, "nullable")
	case of.Nullable && !nf.Nullable:
		what = append(what, "is no longer nullable")
	}
	if len(became) > 0 {
		what = append([]string{"became " + strings.Join(became, " and ")}, what...)
	}
	if o, n := c.old.typeWords(of.Type, memberKey), c.new.typeWords(nf.Type, memberKey); o != n {
		what = append(what, fmt.Sprintf("changed type from %s to %s", o, n))
	}
	if len(what) == 0 {
		return p + " changed"
	}
	return p + " " + strings.Join(what, " and ")
}

// explainMethod says how an operation changed when its Go signature did.
func (c *comparison) explainMethod(op, id string) string {
	om := c.old.methods[op]
	if now, _ := strings.CutPrefix(c.new.keys[id], "method "); now != op && now != "" {
		return fmt.Sprintf("the method that called %s now calls %s", c.old.spelled(op), c.new.spelled(now))
	}
	nm := c.new.methods[op]
	if om == nil || nm == nil {
		return "operation " + c.old.spelled(op) + " changed"
	}
	var what []string
	if o, n := pathParams(om), pathParams(nm); o != n {
		what = append(what, fmt.Sprintf("has the path parameters (%s) instead of (%s)", n, o))
	}
	switch {
	case om.Params == nil && nm.Params != nil:
		what = append(what, fmt.Sprintf("now takes parameters (%s)", paramList(nm.Params)))
	case om.Params != nil && nm.Params == nil:
		what = append(what, "no longer takes parameters")
	}
	if o, n := c.old.typeWords(om.Response, op+" response"), c.new.typeWords(nm.Response, op+" response"); o != n {
		what = append(what, fmt.Sprintf("now responds with %s instead of %s", n, o))
	}
	switch {
	case !om.ResponseNullable && nm.ResponseNullable:
		what = append(what, "may now respond with null")
	case om.ResponseNullable && !nm.ResponseNullable:
		what = append(what, "no longer responds with null")
	}
	if len(what) == 0 {
		return "operation " + c.old.spelled(op) + " changed"
	}
	return "operation " + c.old.spelled(op) + " " + strings.Join(what, " and ")
}

func pathParams(m *model.Method) string {
	var out []string
	for _, f := range m.PathParams {
		out = append(out, f.JSONName)
	}
	return strings.Join(out, ", ")
}

// paramList names the fields of a params type as the spec does: "query
// parameter `limit`, body property `name`".
func paramList(t *model.Type) string {
	if t.Kind != model.TypeStruct {
		return "a request body"
	}
	var out []string
	for _, f := range t.Fields {
		switch {
		case f.In.IsParameter():
			out = append(out, fmt.Sprintf("%s parameter `%s`", f.In, f.JSONName))
		case f.In == model.InWholeBody:
			out = append(out, "a request body")
		default:
			out = append(out, fmt.Sprintf("body property `%s`", f.JSONName))
		}
	}
	if len(out) > 3 {
		out = append(out[:3], fmt.Sprintf("and %d more", len(out)-3))
	}
	return strings.Join(out, ", ")
}

// partOfAnother reports whether an added or removed element is part of a
// larger element added or removed with it: the constants of a new enum,
// the inline types of a new property, the types of a removed operation.
// The larger element's change says it all.
func (c *comparison) partOfAnother(e entry) bool {
	side, other := c.old, c.new
	switch {
	case e.key == "":
		return false
	case e.verb == "added":
		side, other = c.new, c.old
	case e.verb != "removed":
		return false
	}
	for _, k := range side.containers(e.key) {
		if _, here := side.names[k]; here {
			if _, there := other.names[k]; !there {
				return true
			}
		}
	}
	return false
}

// containers lists the elements that hold the element of a key: for an
// enum value its enum, for a type the properties and types it is inside
// of and the operation it belongs to, for an iterator its method.
func (x *index) containers(key string) []string {
	kind, rest, _ := strings.Cut(key, " ")
	switch kind {
	case "iterator":
		return []string{"method " + rest}
	case "const":
		if i := strings.LastIndex(rest, ` "`); i >= 0 {
			return append([]string{"type " + rest[:i]}, x.containers("type "+rest[:i])...)
		}
	case "type", "field":
		if kind == "field" && !strings.ContainsAny(rest, "/ ") {
			return []string{"service " + rest} // the field of a resource on its parent
		}
		root, steps := x.splitKey(rest)
		var out []string
		for i := len(steps); i >= 0; i-- {
			prefix := root + strings.Join(steps[:i], "")
			if prefix != rest {
				out = append(out, "type "+prefix, "field "+prefix)
			} else if kind == "type" {
				out = append(out, "field "+prefix)
			}
		}
		for _, role := range []string{" params", " body", " response"} {
			if op, ok := strings.CutSuffix(root, role); ok {
				out = append(out, "method "+op)
			}
		}
		if event := x.eventVariant(root); event != "" {
			out = append(out, event)
		}
		return out
	}
	return nil
}

// eventVariant returns the key of the Event union's variant for the
// webhook whose payload has the given key; "" when there is none.
func (x *index) eventVariant(payloadKey string) string {
	if x.api.Event == nil {
		return ""
	}
	for _, w := range x.api.Webhooks {
		if w.Type.Key != payloadKey {
			continue
		}
		for _, v := range x.api.Event.Variants {
			if v.Tag == w.Event {
				return x.keys[x.api.Event.Name+"."+v.Name]
			}
		}
	}
	return ""
}
