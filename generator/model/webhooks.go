package model

import (
	"cmp"
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// eventUnion is the Go name of the union of all webhook payloads. It is
// reserved when the spec has webhooks, so that a schema named Event added
// to the spec cannot rename the union every handler uses.
const eventUnion = "Event"

// webhooks builds one payload type per webhook, named after its event, and
// the Event union of them all.
func (b *builder) webhooks() {
	for _, name := range slices.Sorted(maps.Keys(b.doc.Webhooks)) {
		if w := b.webhook(name, b.doc.Webhooks[name]); w != nil {
			b.api.Webhooks = append(b.api.Webhooks, w)
		}
	}
	if len(b.api.Webhooks) == 0 {
		return
	}
	b.api.Event = b.eventUnion()
	b.api.Types = append(b.api.Types, b.api.Event)
	if r, ok := b.resources["webhooks"]; ok {
		b.api.WebhookService = r
		return
	}
	b.api.WebhookService = b.ownWebhookService()
}

// webhook is the event of one webhook: the payload of its first operation
// with a request body, or nil when it has none or its payload is not an
// object.
func (b *builder) webhook(name string, item *openapi3.PathItem) *Webhook {
	if item == nil {
		return nil
	}
	ops := item.Operations()
	for _, method := range sortedMethods(ops) {
		op := ops[method]
		body := requestBody(op)
		if body.schema == nil {
			continue
		}
		key := "webhook " + keyPart(name)
		typ, _ := b.typeOf(body.schema, root(GoName(name)+"Event"), key, false)
		if typ.Kind != KindNamed || typ.Named.Kind != TypeStruct {
			b.warn(b.pos(op.Origin), "webhook %s: the payload is not an object; it is not typed", name)
			return nil
		}
		if req := b.typeNames[typ.Named]; req != nil && typ.Named.Key == key {
			req.class = classWebhook
		}
		w := &Webhook{Event: name, Type: typ.Named}
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
		return w
	}
	return nil
}

// eventUnion is the union of every webhook payload, told apart by "type".
func (b *builder) eventUnion() *Type {
	event := &Type{Name: eventUnion, Key: "webhooks", Kind: TypeUnion, Discriminator: "type",
		Doc: "Event is a webhook payload, as Webhooks.Unwrap returns it."}
	for _, w := range sortedWebhooks(b.api.Webhooks) {
		v := &Variant{Type: named(w.Type), Tag: w.Event, label: GoName(w.Event)}
		key := variantKey("webhooks", w.Event)
		b.members[event] = append(b.members[event], &claim{
			key: "variant " + key, wants: fixed(GoName(w.Event)), order: spellingOrder(w.Event), what: "webhook event " + w.Event,
			set: func(name string) { v.Name = name },
		})
		event.Variants = append(event.Variants, v)
	}
	b.members[event] = append(b.members[event], &claim{
		key: "tag-method webhooks", wants: fixed("Type"), class: 1, what: "the method returning the event type",
		set: func(name string) { event.TagMethod = name },
	})
	b.typeNames[event] = nil
	return event
}

// ownWebhookService is the service that verifies webhooks when the spec
// has no "webhooks" resource.
func (b *builder) ownWebhookService() *Resource {
	r := &Resource{Path: []string{"webhooks"}, Own: true}
	b.resNames[r] = &resourceNames{
		stem: "Webhook",
		typeClaim: &claim{
			key: "service webhooks", wants: fixed("WebhookService"), class: classService + 100, order: "webhooks",
			what: "the webhook verifier",
			set:  func(name string) { r.TypeName, r.Constructor = name, "new"+name },
		},
		fieldClaim: &claim{
			key: "field webhooks", wants: fixed("Webhooks"), class: 1, order: "webhooks", what: "the webhook verifier",
			set: func(name string) { r.Field = name },
		},
	}
	return r
}

func sortedWebhooks(ws []*Webhook) []*Webhook {
	out := slices.Clone(ws)
	slices.SortFunc(out, func(x, y *Webhook) int { return cmp.Compare(x.Event, y.Event) })
	return out
}
