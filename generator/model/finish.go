package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// eventUnion is the Go name of the union of all webhook payloads; Build
// reserves it when the spec has webhooks.
const eventUnion = "Event"

// webhooks builds one payload type per webhook, named after its event.
func (b *builder) webhooks() {
	for _, name := range sortedKeys(b.doc.Webhooks) {
		item := b.doc.Webhooks[name]
		if item == nil {
			continue
		}
		ops := item.Operations()
		for _, method := range sortedMethods(ops) {
			op := ops[method]
			body, _, _ := requestBody(op)
			if body == nil {
				continue
			}
			typ, _ := b.typeOf(body, GoName(name)+"Event", "webhooks/"+name, false)
			w := &Webhook{Event: name}
			if typ.Kind == Named && typ.Named.Kind == Struct {
				w.Type = typ.Named
				for _, c := range typ.Named.Consts {
					if c.JSONName == "type" {
						w.Event = c.Const
					}
				}
				if w.Type.Doc == "" {
					// The payload schema rarely says when it is sent; the
					// webhook's own description does.
					w.Type.Doc = cmp.Or(op.Description, op.Summary)
				}
			} else {
				b.warn(b.pos(op.Origin), "webhook %s: the payload is not an object; it is not typed", name)
				continue
			}
			b.api.Webhooks = append(b.api.Webhooks, w)
			break
		}
	}
	slices.SortFunc(b.api.Webhooks, func(x, y *Webhook) int { return cmp.Compare(x.Event, y.Event) })
	if len(b.api.Webhooks) == 0 {
		return
	}
	event := &Type{Name: eventUnion, Kind: Union, Discriminator: "type", Origin: "webhook_events",
		Doc: "Event is a webhook payload, as Webhooks.Unwrap returns it."}
	used := map[string]bool{"Variant": true, "RawJSON": true}
	for _, w := range b.api.Webhooks {
		event.Variants = append(event.Variants, &Variant{
			Name: uniqueField(GoName(w.Event), used),
			Type: &GoType{Kind: Named, Named: w.Type},
			Tag:  w.Event,
		})
	}
	b.api.Event = event
	b.api.Types = append(b.api.Types, event)
	if r, ok := b.resources["webhooks"]; ok {
		b.api.WebhookService = r
	} else {
		b.api.WebhookService = &Resource{Field: "Webhooks", TypeName: b.claim("WebhookService", "the webhook verifier", Pos{}), Path: []string{"webhooks"}}
	}
}

// finish sorts the types, breaks value cycles and assigns files.
func (b *builder) finish() {
	slices.SortFunc(b.api.Types, func(x, y *Type) int { return cmp.Compare(x.Name, y.Name) })
	b.breakCycles()
	b.assignFiles()
	b.splitLongFiles()
}

// breakCycles turns a field that would make a struct contain itself by
// value into a pointer.
func (b *builder) breakCycles() {
	const (
		unseen = iota
		active
		done
	)
	state := map[*Type]int{}
	var visit func(t *Type)
	visit = func(t *Type) {
		state[t] = active
		for _, f := range t.Fields {
			if f.Type.Kind != Named || f.Wrap() == Pointer {
				continue
			}
			next := f.Type.Named
			if next.Kind == Alias || next.Kind == Enum || next.Kind == Union {
				continue
			}
			switch state[next] {
			case active:
				f.Recursive = true
			case unseen:
				visit(next)
			}
		}
		state[t] = done
	}
	for _, t := range b.api.Types {
		if t.Kind == Struct && state[t] == unseen {
			visit(t)
		}
	}
}

// assignFiles puts each type in the file of the one resource that uses it,
// in the webhooks file when only events use it, and otherwise in a shared
// file chosen by its first letter, which keeps every file short.
func (b *builder) assignFiles() {
	users := map[*Type]map[string]bool{}
	var mark func(g *GoType, owner string)
	var markType func(t *Type, owner string)
	markType = func(t *Type, owner string) {
		if users[t] == nil {
			users[t] = map[string]bool{}
		}
		if users[t][owner] {
			return
		}
		users[t][owner] = true
		for _, f := range t.Fields {
			mark(f.Type, owner)
		}
		for _, v := range t.Variants {
			mark(v.Type, owner)
		}
		if t.Target != nil {
			mark(t.Target, owner)
		}
	}
	mark = func(g *GoType, owner string) {
		for ; g != nil; g = g.Elem {
			if g.Kind == Named {
				markType(g.Named, owner)
			}
		}
	}
	var walk func(r *Resource, file string)
	walk = func(r *Resource, file string) {
		for _, m := range r.Methods {
			if m.Params != nil {
				markType(m.Params, file)
			}
			mark(m.Response, file)
		}
		for _, c := range r.Children {
			walk(c, file)
		}
	}
	for _, r := range b.api.Resources {
		walk(r, r.File)
	}
	for _, w := range b.api.Webhooks {
		markType(w.Type, "webhook_events")
	}
	if b.api.Event != nil {
		markType(b.api.Event, "webhook_events")
	}
	for _, t := range b.api.Types {
		owners := users[t]
		switch {
		case len(owners) == 1:
			for f := range owners {
				t.File = f
			}
		case len(owners) == 2 && owners["webhook_events"]:
			for f := range owners {
				if f != "webhook_events" {
					t.File = f
				}
			}
		default:
			t.File = "types_" + initial(t.Name)
		}
	}
}

// fileBudget is the estimated length, in lines, past which the types of a
// file continue in a numbered companion file (ad_groups_2.go, ...): a Go
// file of several thousand lines is hard to read and review. Estimates
// are rough; the budget leaves room for that.
const fileBudget = 2200

// splitLongFiles moves the types of a file whose estimated length passes
// fileBudget, in name order, into as many companion files as it takes.
// The resource's service stays in the first file.
func (b *builder) splitLongFiles() {
	lines := map[string]int{}
	var services func(r *Resource, file string)
	services = func(r *Resource, file string) {
		for _, m := range r.Methods {
			lines[file] += 30 + docLines(m.Summary) + docLines(m.Description)
		}
		for _, c := range r.Children {
			services(c, file)
		}
	}
	for _, r := range b.api.Resources {
		services(r, r.File)
	}
	part := map[string]int{}
	for _, t := range b.api.Types { // sorted by name
		file := t.File
		n := typeLines(t)
		if lines[file] > 0 && lines[file]+n > fileBudget {
			part[file]++
			lines[file] = 0
		}
		lines[file] += n
		if part[file] > 0 {
			t.File = fmt.Sprintf("%s_%d", file, part[file]+1)
		}
	}
}

// typeLines estimates the length of a type's declaration and methods.
func typeLines(t *Type) int {
	n := 4 + docLines(t.Doc)
	switch t.Kind {
	case Struct:
		for _, f := range t.Fields {
			n += 2 + docLines(f.Doc)
			if f.In != "" {
				n += 4 // its line in the query or header encoder
			}
		}
		n += 10 * len(t.Consts)
	case Enum:
		n += 12 + 2*len(t.EnumValues)
	case Union:
		n += 40 + 12*len(t.Variants)
	}
	return n
}

// docLines estimates the comment lines of a doc string wrapped at 80
// columns.
func docLines(doc string) int {
	if doc == "" {
		return 0
	}
	return len(doc)/72 + 1 + strings.Count(doc, "\n")
}

func initial(name string) string {
	if r, _ := utf8.DecodeRuneInString(name); r < unicode.MaxASCII && unicode.IsLetter(r) {
		return strings.ToLower(string(r))
	}
	return "x"
}
