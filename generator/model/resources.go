package model

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Resources and methods are named as Whop's official SDKs name them: from
// the JavaScript x-codeSamples of each operation (client.affiliates.
// overrides.create( is Affiliates.Overrides.Create), else from the first
// tag and the operationId.

// resourceNames holds the claims of one resource's names.
type resourceNames struct {
	stem       string // what the names of its types start with: AffiliateOverride
	typeClaim  *claim // the service type, in the package namespace
	fieldClaim *claim // its field on the parent service or the client
}

// methodInfo is a method with what its name is built from.
type methodInfo struct {
	m     *Method
	req   *nameReq // the method's name; its prefix names the method's types
	wants []string
	// fromSample: the name is the official SDKs' (x-codeSamples), which a
	// regeneration follows when it changes.
	fromSample bool
}

var sampleCall = regexp.MustCompile(`client\.([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)\(`)

// SampleCall returns the SDK call of the operation's first JavaScript or
// TypeScript x-codeSamples entry that makes one, without "client." and
// the arguments: "affiliates.overrides.create"; "" when none does.
func SampleCall(op *openapi3.Operation) string {
	samples, _ := op.Extensions["x-codeSamples"].([]any)
	for _, s := range samples {
		m, _ := s.(map[string]any)
		lang, _ := m["lang"].(string)
		src, _ := m["source"].(string)
		if !strings.EqualFold(lang, "JavaScript") && !strings.EqualFold(lang, "TypeScript") {
			continue
		}
		if call := sampleCall.FindStringSubmatch(src); call != nil {
			return call[1]
		}
	}
	return ""
}

// operationName finds the resource path and method name the official SDKs
// use, from the JavaScript x-codeSamples ("client.affiliates.overrides.
// create(" gives [affiliates overrides] and create); without a sample it
// falls back to the first tag and the operationId. It reports whether the
// name came from a code sample.
func operationName(op *openapi3.Operation, path, method string) ([]string, string, bool) {
	if call := SampleCall(op); call != "" {
		parts := strings.Split(call, ".")
		return parts[:len(parts)-1], parts[len(parts)-1], true
	}
	resource := "default"
	if len(op.Tags) > 0 && op.Tags[0] != "" {
		resource = op.Tags[0]
	} else if seg := firstSegment(path); seg != "" {
		resource = seg
	}
	name := op.OperationID
	if name == "" {
		name = strings.ToLower(method) + " " + path
	} else {
		name = trimResourceWords(name, resource)
	}
	return []string{LowerName(resource)}, name, false
}

func firstSegment(path string) string {
	for _, seg := range strings.Split(path, "/") {
		if seg != "" && !strings.HasPrefix(seg, "{") {
			return seg
		}
	}
	return ""
}

// trimResourceWords drops the resource's words from an operationId:
// listCardTransaction under "Card transactions" gives list.
func trimResourceWords(opID, resource string) string {
	drop := map[string]bool{}
	for _, w := range splitWords(resource) {
		w = strings.ToLower(w)
		drop[w], drop[strings.ToLower(Singular(w))] = true, true
	}
	var kept []string
	for _, w := range splitWords(opID) {
		if !drop[strings.ToLower(w)] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return opID
	}
	return strings.Join(kept, "_")
}

// resource returns the resource at path, creating it and its parents.
func (b *builder) resource(path []string) *Resource {
	key := strings.Join(path, ".")
	if r, ok := b.resources[key]; ok {
		return r
	}
	var stem strings.Builder
	for _, seg := range path {
		stem.WriteString(GoName(Singular(seg)))
	}
	r := &Resource{Path: path}
	names := &resourceNames{stem: stem.String()}
	names.typeClaim = &claim{
		key: "service " + key, wants: fixed(stem.String() + "Service"), class: classService,
		// The spelling rule of the resource's field decides its type too,
		// so that card_transactions is CardTransactions of type
		// CardTransactionService, whatever else asks that name.
		order: spellingOrder(strings.ReplaceAll(key, ".", "_")),
		what:  "the service of " + key,
		set: func(name string) {
			r.TypeName, r.Constructor = name, "new"+name
		},
	}
	field := GoName(path[len(path)-1])
	names.fieldClaim = &claim{
		key: "field " + key, wants: fixed(field), order: spellingOrder(path[len(path)-1]), what: "the resource " + key,
		set: func(name string) { r.Field = name },
	}
	b.resources[key] = r
	b.resNames[r] = names
	if len(path) == 1 {
		b.api.Resources = append(b.api.Resources, r)
	} else {
		parent := b.resource(path[:len(path)-1])
		parent.Children = append(parent.Children, r)
		r.Parent = parent
	}
	return r
}

// allResources lists every resource, parents before children, in key order.
func (b *builder) allResources() []*Resource {
	var out []*Resource
	for _, key := range slices.Sorted(maps.Keys(b.resources)) {
		out = append(out, b.resources[key])
	}
	if w := b.api.WebhookService; w != nil && w.Own {
		out = append(out, w)
	}
	return out
}

// nameServices names the members of the client and of every service: the
// fields of sub-resources, then methods, then the AutoPaging twins of list
// methods, whose names follow their method's.
func (b *builder) nameServices() {
	byResource := map[*Resource][]*methodInfo{}
	for _, mi := range b.methods {
		byResource[mi.m.Resource] = append(byResource[mi.m.Resource], mi)
	}
	client := newNamespace(nil, "")
	var top []*claim
	for _, r := range b.api.Resources {
		top = append(top, b.resNames[r].fieldClaim)
	}
	if w := b.api.WebhookService; w != nil && w.Own {
		top = append(top, b.resNames[w].fieldClaim)
	}
	b.namer.resolveAll(client, top)

	for _, r := range b.allResources() {
		ns := newNamespace(b.opts.Reserved.ServiceMembers, "a member the client declares on every service")
		var first, twins []*claim
		for _, c := range r.Children {
			first = append(first, b.resNames[c].fieldClaim)
		}
		for _, mi := range byResource[r] {
			first = append(first, b.methodClaim(r, mi))
			if mi.m.Page != nil {
				twins = append(twins, twinClaim(mi))
			}
		}
		pinned := b.namer.pin(ns, append(slices.Clone(first), twins...))
		b.namer.resolve(ns, first, pinned)
		b.namer.resolve(ns, twins, pinned)
	}
}

func (b *builder) methodClaim(r *Resource, mi *methodInfo) *claim {
	m := mi.m
	op := m.HTTPMethod + " " + m.Path
	return &claim{
		key: "method " + op, wants: fixed(mi.wants...), class: 1, order: op, what: op, pos: m.Pos, followsSDK: mi.fromSample,
		set: func(name string) {
			m.Name = name
			mi.req.prefix = b.resNames[r].stem + name
		},
	}
}

// twinClaim names the range-over-func twin of a list method: ListAutoPaging.
func twinClaim(mi *methodInfo) *claim {
	m := mi.m
	op := m.HTTPMethod + " " + m.Path
	return &claim{
		key: "iterator " + op, wants: func() []string { return []string{m.Name + "AutoPaging"} },
		class: 2, order: op, what: "the iterator of " + op, pos: m.Pos, followsSDK: mi.fromSample,
		set: func(name string) { m.AutoPaging = name },
	}
}
