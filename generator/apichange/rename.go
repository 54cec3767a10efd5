package apichange

import (
	"fmt"
	"go/types"
	"maps"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/exp/apidiff"
)

// rename is one spec element that has a new Go identifier: a new name, or
// for an operation a new service. It is one change, whatever apidiff
// reports for the identifiers involved.
type rename struct {
	key      string // the element, as the manifest names it
	from, to string // Go identifiers, as index writes them
	iterator *rename
	// broken is set when apidiff found an incompatible change that is
	// part of the rename (the old name removed, a field retyped by it).
	broken bool
}

func (r *rename) absorb(ch apidiff.Change) {
	if !ch.Compatible {
		r.broken = true
	}
}

// findRenames compares the two manifests: an element in both whose Go
// identifier differs was renamed, unless only its owner was (the fields
// of a renamed type are not renamed themselves). An operation that moved
// to another service is renamed too.
func (c *comparison) findRenames() {
	iterators := map[string]*rename{}
	for _, key := range slices.Sorted(maps.Keys(c.old.idents)) {
		from, to := c.old.idents[key], c.new.idents[key]
		if to == "" || from == to || c.old.names[key] == c.new.names[key] && !c.movedOperation(key) {
			continue
		}
		r := &rename{key: key, from: from, to: to}
		kind, rest, _ := strings.Cut(key, " ")
		switch kind {
		case "iterator":
			iterators[rest] = r
			continue
		case "type", "const", "server", "service":
			c.packageRenames[from] = r
		}
		c.renames = append(c.renames, r)
	}
	// An operation's iterator follows its method: one change for both.
	for _, r := range c.renames {
		if op, ok := strings.CutPrefix(r.key, "method "); ok && iterators[op] != nil {
			r.iterator = iterators[op]
			delete(iterators, op)
		}
	}
	for _, op := range slices.Sorted(maps.Keys(iterators)) {
		c.renames = append(c.renames, iterators[op])
	}
}

// movedOperation reports whether key is an operation's method or iterator
// that belongs to another resource in the new package.
func (c *comparison) movedOperation(key string) bool {
	kind, op, _ := strings.Cut(key, " ")
	if kind != "method" && kind != "iterator" {
		return false
	}
	om, nm := c.old.methods[op], c.new.methods[op]
	return om != nil && nm != nil && !slices.Equal(om.Resource.Path, nm.Resource.Path)
}

// renameOf returns the rename an identifier of one side belongs to: one
// found in the manifests; for a member whose owner was renamed, the
// owner's; for an identifier whose element the other side still has
// under another identifier, a new one.
func (c *comparison) renameOf(side *index, id string, other *index) *rename {
	key := side.keys[id]
	if key == "" {
		return nil
	}
	if r := c.renameWithKey(key); r != nil {
		return r
	}
	otherID := other.idents[key]
	if otherID == "" {
		return nil // the element itself came or went
	}
	from, to := id, otherID
	if side == c.new {
		from, to = otherID, id
	}
	if owner, _, isMember := strings.Cut(from, "."); isMember && memberName(from) == memberName(to) {
		if r := c.packageRenames[owner]; r != nil {
			return r
		}
	}
	r := &rename{key: key, from: from, to: to}
	c.renames = append(c.renames, r)
	return r
}

// renameWithKey returns the rename of an element, if it has one.
func (c *comparison) renameWithKey(key string) *rename {
	for _, r := range c.renames {
		if r.key == key || r.iterator != nil && r.iterator.key == key {
			return r
		}
	}
	return nil
}

// reassignment is a Go identifier that names one spec element in the old
// package and another in the new one: the schema Event, then the union of
// webhook events; or a property respelled with the same Go name. apidiff
// compares the two elements as one identifier, or sees no change at all.
type reassignment struct {
	id             string
	oldKey, newKey string
	broken         bool // apidiff found an incompatible change to it or its members
}

// findReassignments lists the identifiers whose element changed. An enum
// constant whose value was respelled is left to the value change apidiff
// reports.
func (c *comparison) findReassignments() {
	for _, id := range slices.Sorted(maps.Keys(c.old.keys)) {
		oldKey, newKey := c.old.keys[id], c.new.keys[id]
		if newKey == "" || newKey == oldKey || sameEnum(oldKey, newKey) {
			continue
		}
		c.reassigned[id] = &reassignment{id: id, oldKey: oldKey, newKey: newKey}
	}
}

// sameEnum reports whether two keys are constants of one enum.
func sameEnum(a, b string) bool {
	ta, _, okA := strings.Cut(a, ` "`)
	tb, _, okB := strings.Cut(b, ` "`)
	return okA && okB && strings.HasPrefix(a, "const ") && ta == tb
}

// reassignedOf files a change to a reassigned identifier, or to a member
// of a reassigned type, into its reassignment.
func (c *comparison) reassignedOf(id string, ch apidiff.Change) bool {
	a := c.reassigned[id]
	if owner, _, isMember := strings.Cut(id, "."); a == nil && isMember {
		a = c.reassigned[owner]
	}
	if a == nil {
		return false
	}
	if !ch.Compatible {
		a.broken = true
	}
	return true
}

// reassignmentChange writes a reassignment as one change: which element
// has the name now, and what became of the one that had it.
func (c *comparison) reassignmentChange(a *reassignment) Change {
	now := c.new.describe(a.newKey)
	if r := c.renameWithKey(a.newKey); r != nil {
		now += " (was " + c.goIdent(a.newKey, r.from) + ")"
	} else if _, existed := c.old.names[a.newKey]; !existed {
		now += " (new)"
	}
	before := c.old.describe(a.oldKey)
	if r := c.renameWithKey(a.oldKey); r != nil {
		before += " (now " + c.goIdent(a.oldKey, r.to) + ")"
	} else if _, exists := c.new.names[a.oldKey]; !exists {
		before += " (removed)"
	}
	return Change{
		Go:         c.goIdent(a.oldKey, a.id) + ": now names another spec element",
		API:        "now " + now + " instead of " + before,
		Compatible: !a.broken,
	}
}

// identifier matches a Go identifier, with the dot before it when it is
// qualified (context.Context), so that only unqualified names are renamed.
var identifier = regexp.MustCompile(`\.?\b[A-Za-z_][A-Za-z0-9_]*\b`)

// causedByRenames reports whether a "changed from A to B" change only
// follows renames (a field of type User2 whose type is now User3), and
// files it into them.
func (c *comparison) causedByRenames(ch apidiff.Change, fromTo string) bool {
	from, to, ok := strings.Cut(fromTo, " to ")
	if !ok || len(c.packageRenames) == 0 {
		return false
	}
	var involved []*rename
	rewritten := identifier.ReplaceAllStringFunc(from, func(id string) string {
		if r := c.packageRenames[id]; r != nil {
			involved = append(involved, r)
			return r.to
		}
		return id
	})
	if len(involved) == 0 || rewritten != to {
		return false
	}
	for _, r := range involved {
		r.absorb(ch)
	}
	return true
}

// renameChange writes a rename as a Change. Renaming an exported
// identifier breaks its callers unless the old name still exists.
func (c *comparison) renameChange(r *rename) Change {
	from, to := c.goIdent(r.key, r.from), c.goIdent(r.key, r.to)
	if r.iterator != nil {
		from += ", " + memberName(r.iterator.from)
		to += ", " + memberName(r.iterator.to)
	}
	broken := c.breaks(r) || r.iterator != nil && c.breaks(r.iterator)
	return Change{
		Go:         from + ": renamed to " + to,
		API:        c.why(r),
		Compatible: !broken,
	}
}

// breaks reports whether a rename breaks callers: the old name is gone, or
// now means another element, or apidiff found a break that follows it.
func (c *comparison) breaks(r *rename) bool {
	return r.broken || !exists(c.newPkg, r.from) || c.reassigned[r.from] != nil
}

// goIdent writes an identifier as apidiff does: service methods have
// pointer receivers.
func (c *comparison) goIdent(key, id string) string {
	kind, _, _ := strings.Cut(key, " ")
	if owner, name, ok := strings.Cut(id, "."); ok && (kind == "method" || kind == "iterator") {
		return "(*" + owner + ")." + name
	}
	return id
}

func memberName(id string) string {
	_, name, _ := strings.Cut(id, ".")
	return name
}

// exists reports whether an identifier ("Name" or "Owner.Member") is
// declared in pkg.
func exists(pkg *types.Package, id string) bool {
	owner, name, isMember := strings.Cut(id, ".")
	obj := pkg.Scope().Lookup(owner)
	if obj == nil || !isMember {
		return obj != nil
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return false
	}
	found, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, name)
	return found != nil
}

// why says which element has a new Go identifier, and why.
func (c *comparison) why(r *rename) string {
	kind, op, _ := strings.Cut(r.key, " ")
	if kind != "method" && kind != "iterator" {
		return c.old.describe(r.key) + ": " + c.whyTaken(r)
	}
	om, nm := c.old.methods[op], c.new.methods[op]
	what := "operation " + c.old.spelled(op)
	if !slices.Equal(om.Resource.Path, nm.Resource.Path) {
		what += fmt.Sprintf(" moved from resource `%s` to `%s`", strings.Join(om.Resource.Path, "."), strings.Join(nm.Resource.Path, "."))
	}
	if cause := c.whyOperation(op, r); cause != "" {
		what += ": " + cause
	}
	return what
}

// whyOperation says why an operation's method moved or was renamed: the
// spec's code sample, tag or operationId changed, or a collision took its
// name.
func (c *comparison) whyOperation(op string, r *rename) string {
	src := c.opSources()
	o, n := src[0][op], src[1][op]
	switch {
	case o.call != n.call && o.call != "" && n.call != "":
		return fmt.Sprintf("its x-codeSamples call changed from %s to %s", o.call, n.call)
	case o.call != n.call && n.call != "":
		return fmt.Sprintf("it has an x-codeSamples call now, %s", n.call)
	case o.call != n.call:
		return fmt.Sprintf("its x-codeSamples call %s is gone, so it is named after its tag and operationId", o.call)
	case n.call == "" && o.tag != n.tag:
		return fmt.Sprintf("its first tag changed from %s to %s", orNone(o.tag), orNone(n.tag))
	case n.call == "" && o.operationID != n.operationID:
		return fmt.Sprintf("its operationId changed from %s to %s", orNone(o.operationID), orNone(n.operationID))
	case memberName(r.from) != memberName(r.to):
		return c.whyTaken(r)
	case src[0] == nil || src[1] == nil:
		return "its tag or x-codeSamples call changed"
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// opSources reads, once, what each spec says the operations are called.
func (c *comparison) opSources() *[2]map[string]opSource {
	if c.sources == nil {
		c.sources = &[2]map[string]opSource{
			readSources(c.sides[0].SpecFile, c.sides[0].Spec),
			readSources(c.sides[1].SpecFile, c.sides[1].Spec),
		}
	}
	return c.sources
}

// whyTaken explains why an element's published name was not kept: another
// element or the client itself holds it now, or the element took a better
// name another element gave up (when the names were not pinned).
func (c *comparison) whyTaken(r *rename) string {
	old, holderID := r.from, r.from
	if owner, _, isMember := strings.Cut(r.to, "."); isMember {
		old = memberName(r.from)
		holderID = owner + "." + old
	}
	if holder := c.new.keys[holderID]; holder != "" && holder != r.key {
		return fmt.Sprintf("the name %s now belongs to %s", old, c.new.describe(holder))
	}
	if exists(c.newPkg, holderID) {
		return fmt.Sprintf("the generated client now declares %s itself", old)
	}
	if gaveUp := c.old.keys[r.to]; gaveUp != "" && gaveUp != r.key {
		return fmt.Sprintf("it takes the name %s, which %s had", c.goIdent(r.key, r.to), c.old.describe(gaveUp))
	}
	return "its published name was not kept"
}
