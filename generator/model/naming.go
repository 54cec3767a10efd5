package model

import (
	"slices"
	"strconv"
	"strings"
)

// Classes order the claims of one round of the package namespace: a lower
// class wins a name over a higher one.
const (
	classEvent     = iota // the webhook event union
	classServer           // ServerURL2, ... constants
	classService          // service types
	classComponent        // component schemas
	classShared           // types of shared parameters, responses, bodies and headers
	classWebhook          // webhook payload types
	classInline           // every other type
	classEnumValue        // enum constants
)

// nameReq is how one type's (or one method's) name is built: from a hint,
// and, for a type inside another, from its parent's final name.
type nameReq struct {
	key   string
	hint  hint
	class int
	order string
	what  string // the element, for diagnostics
	pos   Pos
	depth int // 0 for roots; one more than the parent's
	// also are the keys of elements merged into this one (identical
	// inline types): each is pinned to, and listed with, the same name.
	also []string
	// merged lists the naming of every element merged into this one, for
	// the name they share.
	merged []*nameReq
	// prefix is what the names of types inside this element start with:
	// a type's own name, or for a method its resource's stem and its name
	// (UserList for users.list).
	prefix string
	// provisional is a method's prefix before methods are named (its
	// resource's stem and the name it asks for), for deciding merges.
	provisional string
}

// namePrefix is the prefix of r's children: r's final name, or, for an
// element merged into another and never named itself, the name it would
// have had.
func (r *nameReq) namePrefix() string {
	if r.prefix != "" {
		return r.prefix
	}
	if r.provisional != "" {
		return r.provisional
	}
	if w := r.hint.wants(); len(w) > 0 {
		return w[0]
	}
	return ""
}

// hint says how a name is made from the parent's prefix.
type hint struct {
	parent *nameReq // nil: the name stands alone
	base   string   // appended to the parent's prefix
	name   *string  // when set, the Go name it points to is appended instead of base
	steps  []hintStep
}

// hintStep turns a name into the name of a part of it.
type hintStep int

const (
	stepItem  hintStep = iota // the element of a list: Questions -> Question
	stepValue                 // the value of a map: Metadata -> MetadataValue
)

func (h hint) item() hint  { return h.with(stepItem) }
func (h hint) value() hint { return h.with(stepValue) }

func (h hint) with(s hintStep) hint {
	h.steps = append(slices.Clip(h.steps), s)
	return h
}

// child is the hint for a part of the element req names, called base.
func child(req *nameReq, base string) hint { return hint{parent: req, base: base} }

// childNamed is the hint for the type of a member of the element req
// names: a field or a variant, whose Go name is resolved before any
// package-level name.
func childNamed(req *nameReq, name *string) hint { return hint{parent: req, name: name} }

// root is the hint for a name that stands alone.
func root(name string) hint { return hint{base: name} }

// depth is how deep in other names a hint's name is built.
func (h hint) depth() int {
	if h.parent == nil {
		return 0
	}
	return h.parent.depth + 1
}

// wants lists the names a hint asks for, best first. The element of a list
// is named in the singular when the list's name has one (the items of
// Questions are a Question), else with Item; the items of a page's data
// are the page's items (UserListPage.Data holds UserListItems).
func (h hint) wants() []string {
	own := h.base
	if h.name != nil {
		own = *h.name
	}
	cands := []string{own}
	if h.parent != nil {
		cands = joinNames(h.parent.namePrefix(), own)
	}
	for _, s := range h.steps {
		var next []string
		for _, c := range cands {
			switch s {
			case stepItem:
				if page, ok := cutSuffix(c, "PageData"); ok {
					next = append(next, page+"Item")
				}
				if one := Singular(c); one != c && one != "" {
					next = append(next, one)
				}
				next = append(next, c+"Item")
			case stepValue:
				next = append(next, c+"Value")
			}
		}
		cands = next
	}
	return slices.Compact(cands)
}

// joinNames names a part of an element (a field, a variant) after the
// element, without saying a word twice: the card of PaymentMethodCard is
// PaymentMethodCardDetails, not PaymentMethodCardCard; the
// PermissionAction of AppRequestedPermission is AppRequestedPermissionAction.
// When the merged name is taken, the plain one is the fallback.
func joinNames(parent, part string) []string {
	pw, cw := splitWords(parent), splitWords(part)
	k := 0
	for n := min(len(pw), len(cw)); n > 0; n-- {
		if slices.Equal(pw[len(pw)-n:], cw[:n]) {
			k = n
			break
		}
	}
	plain := parent + part
	switch {
	case k == 0:
		return []string{plain}
	case k == len(cw):
		return []string{parent + "Details", plain}
	}
	return []string{parent + strings.Join(cw[k:], ""), plain}
}

func cutSuffix(s, suffix string) (string, bool) {
	if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// newTypeName records how t is named.
func (b *builder) newTypeName(t *Type, h hint, class int, what string) *nameReq {
	req := &nameReq{key: t.Key, hint: h, class: class, order: t.Key, what: what, pos: t.Pos, depth: h.depth()}
	b.typeNames[t] = req
	return req
}

// nameMembers names the fields, variants and methods of every type. They
// do not depend on any type's name.
func (b *builder) nameMembers() {
	for _, t := range b.api.Types {
		ns := newNamespace(b.reservedMembers(t), "a method the client declares on "+describe(t.Key))
		b.namer.resolveAll(ns, b.members[t])
	}
}

func (b *builder) reservedMembers(t *Type) []string {
	switch t.Kind {
	case TypeStruct:
		return b.opts.Reserved.StructMethods
	case TypeUnion:
		return b.opts.Reserved.UnionMethods
	}
	return nil
}

// namePackage gives the package-level names: reserved ones first, then
// pinned ones, then the rest in rounds of depth, then enum constants.
func (b *builder) namePackage() {
	ns := newNamespace(b.opts.Reserved.Package, "a name the client runtime declares")
	var all []*claim
	byDepth := map[int][]*claim{}
	maxDepth := 0
	add := func(c *claim, depth int) {
		all = append(all, c)
		byDepth[depth] = append(byDepth[depth], c)
		maxDepth = max(maxDepth, depth)
	}
	for _, c := range b.servers {
		add(c, 0)
	}
	for _, r := range b.allResources() {
		add(b.resNames[r].typeClaim, 0)
	}
	for _, t := range b.api.Types {
		req := b.typeNames[t]
		if req == nil {
			continue // named already (the Event union)
		}
		t := t
		also := make([]string, len(req.also))
		for i, k := range req.also {
			also[i] = "type " + k
		}
		add(&claim{
			key: "type " + req.key, also: also, wants: req.wants, class: req.class, order: req.order, what: req.what, pos: req.pos, quiet: true,
			set: func(name string) { t.Name, req.prefix = name, name },
		}, req.depth)
	}
	if b.api.Event != nil {
		ns.take(b.api.Event.Name, "the webhook event union")
	}
	pinned := b.namer.pin(ns, append(all, b.enumClaims...))
	for d := 0; d <= maxDepth; d++ {
		b.namer.resolve(ns, byDepth[d], pinned)
	}
	b.namer.resolve(ns, b.enumClaims, pinned)
}

// wants lists the names a type asks for. A type that stands for several
// identical ones first asks for what their names share: the words they
// start and end with (AdGroupCreateParamsMetaGeo and
// AdGroupUpdateParamsMetaGeo share AdGroupMetaGeo).
func (r *nameReq) wants() []string {
	own := r.hint.wants()
	if len(r.merged) == 0 {
		return own
	}
	names := [][]string{splitWords(own[0])}
	for _, m := range r.merged {
		names = append(names, splitWords(m.hint.wants()[0]))
	}
	if s := shared(names); s != "" {
		return slices.Compact(append([]string{s}, own...))
	}
	return own
}

// numbered returns name, or name with the smallest number from 2 that is
// not in used, and records it.
func numbered(name string, used map[string]bool) string {
	base := name
	for i := 2; used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	used[name] = true
	return name
}
