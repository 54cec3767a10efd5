package generic

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// validate checks a request with kin-openapi, credentials aside.
func validate(r *http.Request, route *routers.Route, pathParams map[string]string) error {
	return openapi3filter.ValidateRequest(r.Context(), &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: pathParams,
		Route:      route,
		Options: &openapi3filter.Options{
			AuthenticationFunc:  func(context.Context, *openapi3filter.AuthenticationInput) error { return nil },
			MultiError:          true,
			SkipSettingDefaults: true,
		},
	})
}

// splitErrors splits kin-openapi's multiple errors, one per parameter
// and body, so that each is judged on its own. Errors below them keep
// their context.
func splitErrors(err error) []error {
	if multi, ok := err.(openapi3.MultiError); ok {
		var out []error
		for _, e := range multi {
			out = append(out, splitErrors(e)...)
		}
		return out
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// notTheClients says why a validation error of kin-openapi says nothing
// about the client, or returns "" when it does:
//
//   - kin-openapi cannot read what RFC 6570 and OpenAPI define (see
//     kinOpenAPILimits), reads a multipart part whose schema is a union
//     as null, or decodes a parameter whose schema is a union as its last
//     variant that decodes, so a valid string of oneOf [string, array]
//     is checked as a list, and refuses a list item whose oneOf variants
//     all decode (string enums), valid or not;
//   - the value the driver was given is itself invalid: the synthesizer
//     made it so, or the spec allows no valid one (a oneOf whose variants
//     overlap). The client is still held to sending exactly that value:
//     the style check and the body comparison see to it.
func notTheClients(err error, route *routers.Route, o *outcome) string {
	msg := firstLines(err.Error(), 3)
	for _, l := range kinOpenAPILimits {
		if strings.Contains(msg, l.msg) {
			return "kin-openapi cannot validate the request: " + l.means
		}
	}
	if unionPartAsNull(err, o) {
		return "kin-openapi cannot validate the request: it reads a multipart part whose schema is a union as null"
	}
	var re *openapi3filter.RequestError
	if !errors.As(err, &re) {
		return ""
	}
	what, schema, value := plannedInput(re, o)
	if schema == nil || schema.Value == nil {
		return ""
	}
	if verr := visit(schema.Value, value, route.Spec.IsOpenAPI31OrLater()); verr != nil {
		return fmt.Sprintf("the %s the driver was given is invalid itself (%s), so kin-openapi's refusal is not the client's",
			what, firstLines(verr.Error(), 1))
	}
	if re.Parameter != nil && holdsUnion(schema.Value) {
		return "kin-openapi cannot validate the request: it decodes a parameter whose schema is a union as the last variant that decodes (a string as a list of one), and a oneOf item as invalid when several variants decode (string enums), and the value was valid"
	}
	return ""
}

// holdsUnion reports whether s, or the items of s, is a oneOf or anyOf.
func holdsUnion(s *openapi3.Schema) bool {
	if len(s.OneOf)+len(s.AnyOf) > 0 {
		return true
	}
	return s.Items != nil && s.Items.Value != nil && len(s.Items.Value.OneOf)+len(s.Items.Value.AnyOf) > 0
}

// kinOpenAPILimits are kin-openapi validation errors about what it cannot
// decode rather than about the request, with what they mean. The style
// check (checkParams) still reads every such parameter.
var kinOpenAPILimits = []struct{ msg, means string }{
	{"unsupported schema of request body's property", "a form body with an object property"},
	// RFC 6570 writes an empty member of matrix style as ;name, which
	// kin-openapi reads as malformed.
	{"a value must be prefixed with \";", "an empty value in matrix style (;name)"},
	{`in format "name=value" separated by ;`, "an empty value in matrix style (;name)"},
}

// unionPartAsNull reports whether err is kin-openapi's refusal of a
// multipart part that was sent, whose schema is a union without a type,
// which its multipart decoder reads as null.
func unionPartAsNull(err error, o *outcome) bool {
	var se *openapi3.SchemaError
	if media, _, _ := mime.ParseMediaType(o.op.op.BodyMedia); media != "multipart/form-data" || !errors.As(err, &se) {
		return false
	}
	at := se.JSONPointer()
	obj, _ := o.c.body.(map[string]any)
	if se.Value != nil || len(at) != 1 || obj[at[0]] == nil || se.Schema == nil {
		return false
	}
	return se.Schema.Type == nil && len(se.Schema.AnyOf)+len(se.Schema.OneOf) > 0
}

// plannedInput returns what a request error is about, its schema in the
// router's document, and the value the driver was given for it.
func plannedInput(re *openapi3filter.RequestError, o *outcome) (what string, schema *openapi3.SchemaRef, value any) {
	switch {
	case re.RequestBody != nil:
		if mt := re.RequestBody.Content.Get(o.op.op.BodyMedia); mt != nil && o.c.hasBody {
			return "body", mt.Schema, o.c.body
		}
	case re.Parameter != nil:
		i := slices.IndexFunc(o.c.params, func(sp sentParam) bool {
			return sp.P.Name == re.Parameter.Name && sp.P.In == re.Parameter.In
		})
		if i >= 0 {
			return re.Parameter.In + " parameter " + re.Parameter.Name, re.Parameter.Schema, o.c.params[i].Value
		}
	}
	return "", nil, nil
}

// visit validates a value as kin-openapi validates a request's.
func visit(s *openapi3.Schema, v any, is31 bool) error {
	var normal any // the value as decoded JSON
	if err := json.Unmarshal(mustJSON(v), &normal); err != nil {
		return err
	}
	opts := []openapi3.SchemaValidationOption{openapi3.VisitAsRequest()}
	if is31 {
		opts = append(opts, openapi3.EnableJSONSchema2020())
	}
	return s.VisitJSON(normal, opts...)
}
