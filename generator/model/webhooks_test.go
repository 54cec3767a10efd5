package model

import (
	"strings"
	"testing"
)

const webhookSpec = `webhooks:
  invoice.created:
    post:
      description: Sent when an invoice is made.
      summary: Invoice made.
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [type, data]
              properties:
                type: {type: string, const: invoice.created}
                id: {type: string}
                data: {type: object, properties: {amount: {type: integer}}}
      responses: {'200': {description: ok}}
  payment_succeeded:
    post:
      summary: Payment went through.
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/PaymentEvent'}
      responses: {'200': {description: ok}}
  refund:
    post:
      summary: A refund.
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Refund'}
      responses: {'200': {description: ok}}
  no_body:
    post:
      responses: {'200': {description: ok}}
components:
  schemas:
    PaymentEvent:
      type: object
      description: A payment.
      properties:
        id: {type: string}
        type: {type: string, const: payment.succeeded}
    Refund:
      type: object
      properties:
        id: {type: string}
`

// TestWebhooks: each webhook's payload is a type named after its event;
// the event is the payload's const type when it has one; the Event union
// holds them all, told apart by "type".
func TestWebhooks(t *testing.T) {
	api := mustBuild(t, webhookSpec)
	var got []string
	for _, w := range api.Webhooks {
		got = append(got, w.Event+" "+w.Type.Name+" "+w.Type.Doc)
	}
	equalLines(t, "webhooks", got, []string{
		"invoice.created InvoiceCreatedEvent Sent when an invoice is made.",
		"payment.succeeded PaymentEvent A payment.",
		"refund Refund A refund.",
	})
	equalLines(t, "payload", fieldLines(typeNamed(t, api, "InvoiceCreatedEvent")), []string{
		"data Data InvoiceCreatedEventData plain required always",
		"id ID string opt",
	})
	ev := api.Event
	if ev == nil || ev.Name != "Event" || ev.Kind != TypeUnion || ev.Discriminator != "type" || ev.TagMethod != "Type" || !ev.Response || ev.Key != "webhooks" {
		t.Fatalf("event union %+v", ev)
	}
	if typeNamed(t, api, "Event") != ev {
		t.Errorf("the Event union is not among the types")
	}
	equalLines(t, "variants", variantLines(ev), []string{
		"InvoiceCreated InvoiceCreatedEvent tag=invoice.created",
		"PaymentSucceeded PaymentEvent tag=payment.succeeded",
		"Refund Refund tag=refund",
	})
	var accessors []string
	for _, a := range ev.Accessors {
		accessors = append(accessors, a.Name+"="+a.JSONName)
	}
	equalLines(t, "accessors", accessors, []string{"ID=id"})
	for _, name := range []string{"InvoiceCreatedEvent", "InvoiceCreatedEventData", "PaymentEvent", "Refund"} {
		if typ := typeNamed(t, api, name); !typ.Response || typ.Request {
			t.Errorf("%s: response %t, request %t", name, typ.Response, typ.Request)
		}
	}
	ws := api.WebhookService
	if ws == nil || !ws.Own || ws.Field != "Webhooks" || ws.TypeName != "WebhookService" || ws.Constructor != "newWebhookService" || len(ws.Methods) != 0 {
		t.Errorf("webhook service %+v", ws)
	}
	if len(api.Resources) != 0 {
		t.Errorf("the webhook service is listed among the resources: %v", resourceFields(api.Resources))
	}
}

// TestWebhookResource: when the spec has a webhooks resource, it is the
// webhook service.
func TestWebhookResource(t *testing.T) {
	api := mustBuild(t, strings.Replace(webhookSpec, "webhooks:\n", `paths:
  /webhooks:
    get:
      x-codeSamples: [{lang: JavaScript, source: "client.webhooks.list()"}]
      responses: {'204': {description: done}}
webhooks:
`, 1))
	ws := api.WebhookService
	if ws == nil || ws.Own || ws != resourceAt(t, api, "Webhooks") || ws.TypeName != "WebhookService" || len(ws.Methods) != 1 {
		t.Errorf("webhook service %+v", ws)
	}
}

// TestWebhookNames: the Event union keeps its name against a schema, and
// the service its names against a resource's.
func TestWebhookNames(t *testing.T) {
	body := strings.Replace(webhookSpec, "    Refund:\n", "    Event: {type: object, properties: {x: {type: string}}}\n    Refund:\n", 1)
	api, diags := buildSpec(t, body, Options{})
	if api.Event.Name != "Event" {
		t.Errorf("the union is %s", api.Event.Name)
	}
	if typ := typeNamed(t, api, "Event2"); typ.Key != "schemas/Event" {
		t.Errorf("Event2 is %s", typ.Key)
	}
	equalLines(t, "warnings", diagLines(diags), []string{
		at(t, body, "Event: {type") + ": warning: the webhook event union and schema Event both want the Go name Event; schema Event is named Event2",
	})
}

// TestWebhookWithoutObject: a payload that is not an object is not typed.
func TestWebhookWithoutObject(t *testing.T) {
	body := `webhooks:
  ping:
    post:
      requestBody:
        content:
          application/json:
            schema: {type: string}
      responses: {'200': {description: ok}}
  bare:
    post:
      responses: {'200': {description: ok}}
`
	api, diags := buildSpec(t, body, Options{})
	if len(api.Webhooks) != 0 || api.Event != nil || api.WebhookService != nil {
		t.Errorf("webhooks %v, event %v, service %v", api.Webhooks, api.Event, api.WebhookService)
	}
	equalLines(t, "warnings", diagLines(diags), []string{at(t, body, "post:") + ": warning: webhook ping: the payload is not an object; it is not typed"})
}

// TestWebhookFirstOperation: a webhook with several operations is typed
// from the first with a body, in method order.
func TestWebhookFirstOperation(t *testing.T) {
	api := mustBuild(t, `webhooks:
  ping:
    put:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {b: {type: string}}}
      responses: {'200': {description: ok}}
    post:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {a: {type: string}}}
      responses: {'200': {description: ok}}
    get:
      responses: {'200': {description: ok}}
`)
	if len(api.Webhooks) != 1 {
		t.Fatalf("webhooks %v", api.Webhooks)
	}
	equalLines(t, "payload", fieldLines(api.Webhooks[0].Type), []string{"b B string opt"})
}

// TestWebhookPayloadsAreNeverMerged: identical payloads of two webhooks
// stay two types, whatever their names share.
func TestWebhookPayloadsAreNeverMerged(t *testing.T) {
	api := mustBuild(t, `webhooks:
  invoice.created:
    post:
      requestBody: {content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
      responses: {'200': {description: ok}}
  payment.created:
    post:
      requestBody: {content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
      responses: {'200': {description: ok}}
`)
	equalLines(t, "variants", variantLines(api.Event), []string{
		"InvoiceCreated InvoiceCreatedEvent tag=invoice.created",
		"PaymentCreated PaymentCreatedEvent tag=payment.created",
	})
}

// TestWebhookServiceYieldsToSchemas: the verifier the generator adds
// yields its type name to a schema.
func TestWebhookServiceYieldsToSchemas(t *testing.T) {
	body := strings.Replace(webhookSpec, "    Refund:\n", "    WebhookService: {type: object, properties: {w: {type: string}}}\n    Refund:\n", 1)
	api, diags := buildSpec(t, body, Options{})
	if ws := api.WebhookService; ws.TypeName != "WebhookService2" || ws.Field != "Webhooks" {
		t.Errorf("webhook service %s %s", ws.TypeName, ws.Field)
	}
	typeNamed(t, api, "WebhookService")
	equalLines(t, "warnings", diagLines(diags), []string{
		"spec.yml:1:1: warning: schema WebhookService and the webhook verifier both want the Go name WebhookService; the webhook verifier is named WebhookService2",
	})
}
