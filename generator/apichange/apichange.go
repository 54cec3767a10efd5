// Package apichange tells what a regeneration changed in the Go API of the
// generated package: it type-checks the package generated from the old
// spec and the one generated from the new spec, compares them with
// golang.org/x/exp/apidiff, and explains each change in the spec's terms
// (operations, schemas, properties, enum values) using the two models.
//
// A spec element that keeps existing under a new Go name (the manifest
// keys of both models match, the names do not) is one change, "renamed",
// never a removal and an addition.
package apichange

import (
	"bytes"
	"fmt"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/exp/apidiff"

	"github.com/whopgen/whopgen/generator/emit"
	"github.com/whopgen/whopgen/generator/model"
)

// Side is one generated package: its files and the model they came from.
type Side struct {
	API   *model.API
	Files []emit.File
	// SpecFile and Spec are the spec the package came from. They are
	// optional: only the reason given for a moved or renamed operation
	// (a changed tag or x-codeSamples call) reads them.
	SpecFile string
	Spec     []byte
}

// Change is one change to the Go API.
type Change struct {
	Go         string // in Go terms: "User.Name: removed", "User2: renamed to User3"
	API        string // the same change in the spec's terms; "" when it has none
	Compatible bool
}

// Bump is the semantic version increment a change set calls for.
type Bump int

const (
	None  Bump = iota // the generated files are identical
	Patch             // the files differ (documentation, say), the API does not
	Minor             // only compatible additions
	Major             // something a caller may rely on changed or went away
)

func (b Bump) String() string {
	return [...]string{"none", "patch", "minor", "major"}[b]
}

// Report is the outcome of a comparison.
type Report struct {
	OldVersion, NewVersion string // info.version of each spec
	Incompatible           []Change
	Compatible             []Change
	OperationsAdded        []string // "METHOD /path", sorted
	OperationsRemoved      []string
	WebhooksAdded          []string // event types, sorted
	WebhooksRemoved        []string
	FilesChanged           bool
}

// Bump is the version increment the report calls for.
func (r *Report) Bump() Bump {
	switch {
	case len(r.Incompatible) > 0 || len(r.OperationsRemoved) > 0 || len(r.WebhooksRemoved) > 0:
		return Major
	case len(r.Compatible) > 0 || len(r.OperationsAdded) > 0 || len(r.WebhooksAdded) > 0:
		return Minor
	case r.FilesChanged:
		return Patch
	}
	return None
}

// pkgPath is the import path both sides are type-checked under; the
// comparison does not depend on it.
const pkgPath = "generated"

// Compare type-checks both packages and reports how the new one differs
// from the old one.
func Compare(old, new Side) (*Report, error) {
	c, err := compare(old, new)
	if err != nil {
		return nil, err
	}
	r := &Report{
		OldVersion:   old.API.Version,
		NewVersion:   new.API.Version,
		FilesChanged: !sameFiles(old.Files, new.Files),
	}
	for _, ch := range c.result() {
		if ch.Compatible {
			r.Compatible = append(r.Compatible, ch)
		} else {
			r.Incompatible = append(r.Incompatible, ch)
		}
	}
	added, removed := setDiff(c.old.operations(), c.new.operations())
	r.OperationsAdded, r.OperationsRemoved = spellAll(c.new, added), spellAll(c.old, removed)
	r.WebhooksAdded, r.WebhooksRemoved = setDiff(c.old.webhookEvents(), c.new.webhookEvents())
	return r, nil
}

// compare type-checks both packages and files every change apidiff finds.
func compare(old, new Side) (*comparison, error) {
	oldPkg, err := check(pkgPath, old.Files)
	if err != nil {
		return nil, fmt.Errorf("old package: %w", err)
	}
	newPkg, err := check(pkgPath, new.Files)
	if err != nil {
		return nil, fmt.Errorf("new package: %w", err)
	}
	c := newComparison(old, new, newPkg)
	for _, ch := range apidiff.Changes(oldPkg, newPkg).Changes {
		c.add(ch)
	}
	return c, nil
}

// comparison holds what explaining the changes of one comparison needs.
type comparison struct {
	old, new *index
	sides    [2]Side
	newPkg   *types.Package
	renames  []*rename
	// packageRenames maps the old name of every renamed package-level
	// identifier to its rename, to see through the changes it causes.
	packageRenames map[string]*rename
	reassigned     map[string]*reassignment // Go identifier -> its change of element
	changes        []entry
	sources        *[2]map[string]opSource // read on first use
}

func newComparison(old, new Side, newPkg *types.Package) *comparison {
	c := &comparison{
		old:            newIndex(old.API),
		new:            newIndex(new.API),
		sides:          [2]Side{old, new},
		newPkg:         newPkg,
		packageRenames: map[string]*rename{},
		reassigned:     map[string]*reassignment{},
	}
	c.findRenames()
	c.findReassignments()
	return c
}

// add files one apidiff change: into the rename it is part of, or as a
// change of its own.
func (c *comparison) add(ch apidiff.Change) {
	subject, what, _ := strings.Cut(ch.Message, ": ")
	id := ident(subject)
	if c.reassignedOf(id, ch) {
		return
	}
	switch {
	case what == "removed":
		if r := c.renameOf(c.old, id, c.new); r != nil {
			r.absorb(ch)
			return
		}
	case what == "added":
		if r := c.renameOf(c.new, id, c.old); r != nil {
			r.absorb(ch)
			return
		}
	case strings.HasPrefix(what, "changed from "):
		if c.causedByRenames(ch, strings.TrimPrefix(what, "changed from ")) {
			return
		}
	}
	if change, keep := c.classify(ch, subject, what); keep {
		e := entry{Change: change, verb: what}
		if what == "added" {
			e.key = c.new.keys[id]
		} else {
			e.key = c.old.keys[id]
		}
		c.changes = append(c.changes, e)
	}
}

// entry is a change with the element it concerns.
type entry struct {
	Change
	key  string // the element's manifest key; "" when it has none
	verb string // apidiff's: "added", "removed", "changed from ..."
}

// result lists every change, renames included, sorted by their Go text.
func (c *comparison) result() []Change {
	var out []Change
	for _, e := range c.changes {
		if !c.partOfAnother(e) {
			out = append(out, e.Change)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(c.reassigned)) {
		out = append(out, c.reassignmentChange(c.reassigned[id]))
	}
	for _, r := range c.renames {
		out = append(out, c.renameChange(r))
	}
	slices.SortFunc(out, func(a, b Change) int { return strings.Compare(a.Go, b.Go) })
	return out
}

// classify turns one apidiff change into a Change, deciding the few cases
// where the generated package's promise differs from apidiff's verdict.
func (c *comparison) classify(ch apidiff.Change, subject, what string) (Change, bool) {
	out := Change{Go: ch.Message, Compatible: ch.Compatible}
	switch {
	case subject == "SpecVersion" || subject == "SpecSHA256":
		// They record which spec the package came from; a new spec
		// changes them by design.
		return out, false
	case strings.HasPrefix(what, "value changed") && c.isServer(subject):
		out.Compatible = true
		out.API = "the spec's servers changed"
		return out, true
	case what == "old is comparable, new is not":
		// A new property whose Go type is a slice, map or union makes a
		// struct incomparable. Generated types do not promise ==, or no
		// property could ever be added. apidiff also says so of the
		// runtime's generic types, whose declarations did not change.
		if c.old.keys[ident(subject)] == "" {
			return out, false
		}
		out.Compatible = true
		out.API = "can no longer be compared with == (generated types do not promise comparability)"
		return out, true
	}
	out.API = c.explain(ident(subject), what)
	return out, true
}

// isServer reports whether a constant holds one of the spec's server URLs.
func (c *comparison) isServer(name string) bool {
	if name == "DefaultBaseURL" || name == "SandboxBaseURL" {
		return true
	}
	return strings.HasPrefix(c.old.keys[name], "server ")
}

// ident writes an apidiff subject without pointer marks: "(*UserService).List"
// gives "UserService.List".
func ident(subject string) string {
	return strings.NewReplacer("(*", "", "(", "", ")", "").Replace(subject)
}

// setDiff returns the keys only in new (added) and only in old (removed).
func setDiff(old, new map[string]bool) (added, removed []string) {
	for k := range new {
		if !old[k] {
			added = append(added, k)
		}
	}
	for k := range old {
		if !new[k] {
			removed = append(removed, k)
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	return added, removed
}

// spellAll gives canonical keys back as the spec writes them.
func spellAll(x *index, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = x.spelled(k)
	}
	slices.Sort(out)
	return out
}

func sameFiles(a, b []emit.File) bool {
	return slices.EqualFunc(a, b, func(x, y emit.File) bool {
		return x.Name == y.Name && bytes.Equal(x.Data, y.Data)
	})
}
