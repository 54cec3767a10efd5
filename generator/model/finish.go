package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
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
			w := &Webhook{Event: name, Summary: op.Summary, Doc: op.Description}
			if typ.Kind == Named && typ.Named.Kind == Struct {
				w.Type = typ.Named
				for _, c := range typ.Named.Consts {
					if c.JSONName == "type" {
						w.Event = c.Const
					}
				}
				if d := fieldByJSON(typ.Named, "data"); d != nil {
					w.Data = d.Type
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

func initial(name string) string {
	for _, r := range name {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			return strings.ToLower(string(r))
		}
		break
	}
	return "x"
}
