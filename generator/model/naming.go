package model

import (
	"slices"
	"strconv"
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
	// prefix is what the names of types inside this element start with:
	// a type's own name, or for a method its resource's stem and its name
	// (UserList for users.list).
	prefix string
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
	full := h.base
	if h.name != nil {
		full = *h.name
	}
	if h.parent != nil {
		full = h.parent.prefix + full
	}
	cands := []string{full}
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

// nameAll gives every identifier its name: the members of each type, the
// members of each service, then the package namespace in rounds.
func (b *builder) nameAll() {
	b.nameMembers()
	b.nameServices()
	b.namePackage()
}

// nameMembers names the fields, variants and methods of every type. They
// do not depend on any type's name.
func (b *builder) nameMembers() {
	for _, t := range b.api.Types {
		var reserved []string
		switch t.Kind {
		case TypeStruct:
			reserved = b.opts.Reserved.StructMethods
		case TypeUnion:
			reserved = b.opts.Reserved.UnionMethods
		}
		ns := newNamespace(reserved, "a method the client declares on "+describe(t.Key))
		b.namer.resolveAll(ns, b.members[t])
	}
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
		add(&claim{
			key: "type " + req.key, wants: req.hint.wants, class: req.class, order: req.order, what: req.what, pos: req.pos, quiet: true,
			set: func(name string) { t.Name, req.prefix = name, name },
		}, req.depth)
	}
	if b.api.Event != nil {
		ns.take(b.api.Event.Name, "", "the webhook event union")
	}
	pinned := b.namer.pin(ns, append(all, b.enumClaims...))
	for d := 0; d <= maxDepth; d++ {
		b.namer.resolve(ns, byDepth[d], pinned)
	}
	b.namer.resolve(ns, b.enumClaims, pinned)
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
