package model

import (
	"cmp"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// Every identifier the output declares is decided here, under one policy:
//
//   - A namespace is a set of names that must differ: the package block, the
//     members (fields and methods) of one type, the members of one service,
//     the arguments and locals of one method.
//   - Names the runtime and the emitter declare are reserved: they always
//     win.
//   - A name published before (Options.Pins, read back from the manifest of
//     the previous output) is kept while its spec element exists.
//   - Otherwise each claimant takes its first free candidate name, in an
//     order that depends only on the claimants themselves (their class,
//     then their spelling, then their key), never on where they appear in
//     the spec. One that finds every candidate taken gets its first
//     candidate with the smallest free number from 2.
//
// Package-level names are given in rounds, because the name of an inline
// type is built from its parent's: roots (components, services), then
// each depth of nesting, then enum constants.

// namespace is a set of Go identifiers that must differ.
type namespace struct {
	reserved map[string]bool   // names held before any claim; may be shared, never written
	why      string            // what holds the reserved names, for warnings
	what     map[string]string // name -> description of the claim holding it, for warnings
}

func newNamespace(reserved []string, why string) *namespace {
	return newNamespaceOver(reservedSet(reserved), why)
}

// newNamespaceOver is a namespace whose reserved names are set, which it
// shares: many namespaces with the same reserved names cost one set.
func newNamespaceOver(reserved map[string]bool, why string) *namespace {
	return &namespace{reserved: reserved, why: why, what: map[string]string{}}
}

func reservedSet(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, r := range names {
		set[r] = true
	}
	return set
}

func (ns *namespace) taken(name string) bool {
	_, ok := ns.what[name]
	return ok || ns.reserved[name]
}

// holder describes what holds name.
func (ns *namespace) holder(name string) string {
	if w, ok := ns.what[name]; ok {
		return w
	}
	return ns.why
}

func (ns *namespace) take(name, what string) {
	ns.what[name] = what
}

// claim asks for a name in a namespace.
type claim struct {
	key   string          // the spec element; pins are found by it
	also  []string        // more elements that share the name (merged types)
	wants func() []string // candidate names, best first
	class int             // lower classes win over higher ones
	order string          // decides within a class, after spelling
	what  string          // the element, as diagnostics describe it
	pos   Pos
	// followsSDK: the name follows the official SDKs, so a pin that is not
	// one of the candidates any more gives way (see validLike).
	followsSDK bool
	// quiet: taking a later candidate is by design (the items of Chapters
	// are a ChaptersItem when a Chapter exists); only numbering warns.
	quiet bool
	set   func(name string) // receives the result
}

// namer resolves claims against pins and reports collisions.
type namer struct {
	pins      map[string]string
	canonical map[string]string // pins by CanonicalKey, made on first use
	warn      func(p Pos, format string, args ...any)
	names     []NameEntry // every name given to a keyed element, for the manifest
}

// rankLess orders claims: class, then the spelling of the spec's
// convention, then order (the spec element's own spelling or key).
func rankCompare(x, y *claim) int {
	return cmp.Or(cmp.Compare(x.class, y.class), cmp.Compare(x.order, y.order), cmp.Compare(x.key, y.key))
}

// pin takes, for every claim that has one, its published name, so that no
// other claim of the namespace can take it first, whatever its round. It
// returns the claims that were pinned.
func (n *namer) pin(ns *namespace, claims []*claim) map[*claim]string {
	pinned := map[*claim]string{}
	sorted := slices.Clone(claims)
	slices.SortStableFunc(sorted, rankCompare)
	for _, c := range sorted {
		name, ok := n.pinOf(c)
		if !ok || !validLike(name, c) || ns.taken(name) {
			continue
		}
		ns.take(name, c.what)
		pinned[c] = name
	}
	return pinned
}

// pinOf finds c's published name: its own element's, else that of one
// merged into it. Keys are compared with path parameters unnamed: OpenAPI
// counts /users/{id} and /users/{user_id} as one path, and so do pins.
func (n *namer) pinOf(c *claim) (string, bool) {
	if c.key == "" {
		return "", false
	}
	if n.canonical == nil {
		n.canonical = make(map[string]string, len(n.pins))
		for k, name := range n.pins {
			n.canonical[CanonicalKey(k)] = name
		}
	}
	for _, k := range append([]string{c.key}, c.also...) {
		if name, ok := n.canonical[CanonicalKey(k)]; ok {
			return name, true
		}
	}
	return "", false
}

// validLike reports whether a pinned name can stand for c: an identifier,
// exported or not as c's own candidates are. A claim that follows an
// outside authority (a method's name follows the official SDKs' code
// samples) keeps only a pin that is one of its candidates, numbered or
// not: when the SDK renames the method, so does the client.
func validLike(name string, c *claim) bool {
	if !token.IsIdentifier(name) || token.IsKeyword(name) {
		return false
	}
	wants := c.wants()
	if len(wants) == 0 || token.IsExported(name) != token.IsExported(wants[0]) {
		return false
	}
	if !c.followsSDK {
		return true
	}
	for _, w := range wants {
		if rest, ok := strings.CutPrefix(name, w); ok && strings.Trim(rest, "0123456789") == "" {
			return true
		}
	}
	return false
}

// resolve gives each claim its name: the pinned one, else its first free
// candidate, else its first candidate numbered. Numbers are given after
// every claim has tried its candidates, so that a numbered name never
// takes the name another claim asks for: Client numbered (the runtime
// declares Client) does not push a schema named Client2 to Client22.
func (n *namer) resolve(ns *namespace, claims []*claim, pinned map[*claim]string) {
	sorted := slices.Clone(claims)
	slices.SortStableFunc(sorted, rankCompare)
	var unplaced []*claim
	for _, c := range sorted {
		if name, ok := pinned[c]; ok {
			n.give(c, name)
			continue
		}
		i := slices.IndexFunc(c.wants(), func(w string) bool { return !ns.taken(w) })
		if i < 0 {
			unplaced = append(unplaced, c)
			continue
		}
		n.place(ns, c, c.wants()[i])
	}
	for _, c := range unplaced {
		first := c.wants()[0]
		for i := 2; ; i++ {
			if alt := first + strconv.Itoa(i); !ns.taken(alt) {
				n.place(ns, c, alt)
				break
			}
		}
	}
}

// place gives c the free name name, with a warning when it is not the
// name c asked for first.
func (n *namer) place(ns *namespace, c *claim, name string) {
	wants := c.wants()
	if name != wants[0] && n.warn != nil && !(c.quiet && slices.Contains(wants, name)) {
		holder := ns.holder(wants[0])
		n.warn(c.pos, "%s and %s both want the Go name %s; %s is named %s", holder, c.what, wants[0], c.what, name)
	}
	ns.take(name, c.what)
	n.give(c, name)
}

func (n *namer) give(c *claim, name string) {
	c.set(name)
	if c.key != "" {
		n.names = append(n.names, NameEntry{Key: c.key, Name: name})
		for _, k := range c.also {
			n.names = append(n.names, NameEntry{Key: k, Name: name})
		}
	}
}

// resolveAll pins and resolves one namespace whose claims are all known.
func (n *namer) resolveAll(ns *namespace, claims []*claim) {
	n.resolve(ns, claims, n.pin(ns, claims))
}

// fixed returns a wants function for names that do not depend on others.
func fixed(names ...string) func() []string {
	return func() []string { return names }
}

var (
	lowerSnake = func(s string) bool { return isSnake(s, isLower) }
	upperSnake = func(s string) bool { return isSnake(s, isUpper) }
)

// isSnake reports whether s is words of one case joined by underscores.
func isSnake(s string, letter func(rune) bool) bool {
	if s == "" || !letter(rune(s[0])) || strings.HasSuffix(s, "_") || strings.Contains(s, "__") {
		return false
	}
	for _, r := range s {
		if !letter(r) && !isASCIIDigit(r) && r != '_' {
			return false
		}
	}
	return true
}

// spellingOrder orders spec names so that the spelling of the spec's
// convention comes first: snake_case (the JSON convention), then
// UPPER_SNAKE, then the rest, each in byte order. Of "fooBar" and
// "foo_bar", "foo_bar" keeps FooBar, whichever was there first.
func spellingOrder(s string) string {
	switch {
	case lowerSnake(s):
		return "0" + s
	case upperSnake(s):
		return "1" + s
	}
	return "2" + s
}
