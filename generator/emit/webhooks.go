package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// webhookDecls renders the webhook verifier's methods: Verify, Unwrap and
// Handler, on the API's own webhooks service when it has one. The event
// payload types and the Event union are ordinary model types.
func webhookDecls(api *model.API) []jen.Code {
	svc := api.WebhookService
	if svc == nil || api.Event == nil {
		return nil
	}
	var out []jen.Code
	if svc.Own {
		out = append(out,
			jen.Comment(svc.TypeName+" verifies and decodes the webhooks the API sends."),
			jen.Type().Id(svc.TypeName).Struct(jen.Id(transportField).Op("*").Id(rt.TransportType)),
			jen.Line())
	}
	recv := jen.Id(recvService).Op("*").Id(svc.TypeName)
	event := api.Event.Name
	env := api.EnvPrefix + "_WEBHOOK_SECRET"
	out = append(out,
		comment(joinDoc(
			"Verify checks a webhook's Standard Webhooks signature: the webhook-id, webhook-timestamp and webhook-signature headers against the raw body, with the secret from WithWebhookSecret or "+env+". A timestamp outside the tolerance (WithWebhookTolerance, default 5 minutes) is rejected to stop replays.",
			"The error says which check failed; errors.Is matches ErrWebhookMissingHeader, ErrWebhookBadTimestamp, ErrWebhookTimestampTooOld, ErrWebhookTimestampTooNew, ErrWebhookBadSignature and ErrWebhookNoMatchingSignature.")),
		jen.Func().Params(recv).Id("Verify").Params(jen.Id("body").Index().Byte(), jen.Id("headers").Qual("net/http", "Header")).Error().Block(
			jen.List(jen.Id("secret"), jen.Id("tolerance")).Op(":=").Id(recvService).Dot(transportField).Dot(rt.WebhookSettings).Call(),
			jen.If(jen.Id("secret").Op("==").Lit("")).Block(
				jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("%w: set it with WithWebhookSecret or the "+env+" environment variable"), jen.Id(rt.ErrWebhookNoSecret)))),
			jen.Return(jen.Id(rt.NewWebhookVerifier).Call(jen.Id("secret"), jen.Id("tolerance")).Dot(rt.Verify).Call(jen.Id("body"), jen.Id("headers"))),
		),
		jen.Line(),
		comment(fmt.Sprintf("Unwrap verifies a webhook (see Verify) and decodes its payload. An event type this client does not know yet decodes too: every field of the %s is nil and RawJSON holds the payload.", event)),
		jen.Func().Params(recv).Id("Unwrap").Params(jen.Id("body").Index().Byte(), jen.Id("headers").Qual("net/http", "Header")).Params(jen.Id(event), jen.Error()).Block(
			jen.Var().Id("ev").Id(event),
			jen.If(jen.Err().Op(":=").Id(recvService).Dot("Verify").Call(jen.Id("body"), jen.Id("headers")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("ev"), jen.Err())),
			jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("body"), jen.Op("&").Id("ev")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Id("ev"), jen.Qual("fmt", "Errorf").Call(jen.Lit("decoding webhook payload: %w"), jen.Err()))),
			jen.Return(jen.Id("ev"), jen.Nil()),
		),
		jen.Line(),
		comment("Handler returns an http.Handler that reads a webhook (at most 1 MiB), verifies and decodes it, and calls handle. It answers 400 when verification or decoding fails, 500 when handle returns an error, and 200 otherwise. In handle, WebhookDeliveryFromContext(ctx) gives the delivery's webhook-id (the same for every retry, so the key for dropping duplicates), timestamp and raw body."),
		jen.Func().Params(recv).Id("Handler").Params(jen.Id("handle").Func().Params(jen.Qual("context", "Context"), jen.Id(event)).Error()).Qual("net/http", "Handler").Block(
			jen.Return(jen.Id(rt.WebhookHandler).Call(jen.Id(recvService).Dot("Unwrap"), jen.Id("handle"), jen.Lit(0))),
		),
		jen.Line(),
	)
	return out
}
