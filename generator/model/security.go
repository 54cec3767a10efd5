package model

import (
	"maps"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// security picks the scheme the client uses for its API key: the one most
// operations require (ties broken by name). Operations that require none
// send no credentials.
func (b *builder) security() {
	b.api.Auth = Auth{Kind: AuthBearer}
	if b.doc.Components == nil || len(b.doc.Components.SecuritySchemes) == 0 {
		return
	}
	uses := map[string]int{}
	for _, op := range b.allOperations() {
		for _, req := range b.requirements(op) {
			for name := range req {
				uses[name]++
			}
		}
	}
	names := slices.Sorted(maps.Keys(b.doc.Components.SecuritySchemes))
	slices.SortStableFunc(names, func(x, y string) int { return uses[y] - uses[x] })
	for _, name := range names {
		ref := b.doc.Components.SecuritySchemes[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		if auth, ok := authOf(ref.Value); ok {
			b.api.Auth = auth
			return
		}
		b.warn(b.pos(ref.Value.Origin), "security scheme %s (%s in %s) cannot carry an API key; it is not used", name, ref.Value.Type, ref.Value.In)
	}
}

// authOf maps a security scheme to the way the runtime sends a key.
// OAuth2 and OpenID Connect tokens are bearer tokens.
func authOf(s *openapi3.SecurityScheme) (Auth, bool) {
	switch s.Type {
	case "http":
		switch s.Scheme {
		case "basic", "Basic":
			return Auth{Kind: AuthBasic}, true
		case "bearer", "Bearer", "":
			return Auth{Kind: AuthBearer}, true
		}
	case "apiKey":
		switch s.In {
		case "header":
			return Auth{Kind: AuthHeader, Name: s.Name}, true
		case "query":
			return Auth{Kind: AuthQuery, Name: s.Name}, true
		}
	case "oauth2", "openIdConnect":
		return Auth{Kind: AuthBearer}, true
	}
	return Auth{}, false
}

// requirements returns the security an operation needs: its own, else the
// document's.
func (b *builder) requirements(op *openapi3.Operation) openapi3.SecurityRequirements {
	if op.Security != nil {
		return *op.Security
	}
	return b.doc.Security
}

// noAuth reports whether an operation may be called without credentials:
// it requires nothing, or lists an empty requirement as an alternative.
func (b *builder) noAuth(op *openapi3.Operation) bool {
	reqs := b.requirements(op)
	return len(reqs) == 0 || slices.ContainsFunc(reqs, func(r openapi3.SecurityRequirement) bool { return len(r) == 0 })
}

func (b *builder) allOperations() []*openapi3.Operation {
	var ops []*openapi3.Operation
	if b.doc.Paths == nil {
		return nil
	}
	for _, path := range b.doc.Paths.Keys() {
		if item := b.doc.Paths.Value(path); item != nil {
			for _, op := range item.Operations() {
				ops = append(ops, op)
			}
		}
	}
	return ops
}
