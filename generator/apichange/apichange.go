// Package apichange tells what a regeneration changed in the Go API of the
// generated package: it type-checks the package generated from the old
// spec and the one generated from the new spec, compares them with
// golang.org/x/exp/apidiff, and explains each change in the spec's terms
// (operations, schemas, properties, enum values) using the two models.
package apichange

import (
	"bytes"
	"fmt"
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
}

// Change is one change to the Go API.
type Change struct {
	Go         string // apidiff's description: "User.Name: removed"
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
	oldPkg, err := check(pkgPath, old.Files)
	if err != nil {
		return nil, fmt.Errorf("old package: %w", err)
	}
	newPkg, err := check(pkgPath, new.Files)
	if err != nil {
		return nil, fmt.Errorf("new package: %w", err)
	}
	oldIdx, newIdx := newIndex(old.API), newIndex(new.API)
	r := &Report{
		OldVersion:   old.API.Version,
		NewVersion:   new.API.Version,
		FilesChanged: !sameFiles(old.Files, new.Files),
	}
	for _, ch := range apidiff.Changes(oldPkg, newPkg).Changes {
		c, keep := classify(ch, oldIdx, newIdx)
		switch {
		case !keep:
		case c.Compatible:
			r.Compatible = append(r.Compatible, c)
		default:
			r.Incompatible = append(r.Incompatible, c)
		}
	}
	r.OperationsAdded, r.OperationsRemoved = setDiff(oldIdx.operations(), newIdx.operations())
	r.WebhooksAdded, r.WebhooksRemoved = setDiff(oldIdx.webhooks(), newIdx.webhooks())
	return r, nil
}

// classify turns one apidiff change into a Change, deciding the few cases
// where the generated package's promise differs from apidiff's verdict.
func classify(ch apidiff.Change, old, new *index) (Change, bool) {
	subject, what, _ := strings.Cut(ch.Message, ": ")
	c := Change{Go: ch.Message, Compatible: ch.Compatible}
	switch {
	case subject == "SpecVersion" || subject == "SpecSHA256":
		// They record which spec the package came from; a new spec
		// changes them by design.
		return c, false
	case (subject == "DefaultBaseURL" || subject == "SandboxBaseURL") && strings.HasPrefix(what, "value changed"):
		c.Compatible = true
		c.API = "the spec's servers changed"
		return c, true
	case what == "old is comparable, new is not":
		// A new property whose Go type is a slice, map or union makes a
		// struct incomparable. Generated types do not promise ==, or no
		// property could ever be added.
		c.Compatible = true
		c.API = "can no longer be compared with == (generated types do not promise comparability)"
		return c, true
	}
	c.API = explain(subject, what, old, new)
	return c, true
}

// explain says what a change to one Go identifier means in the spec.
func explain(subject, what string, old, new *index) string {
	owner, name, _ := strings.Cut(strings.NewReplacer("(*", "", ")", "").Replace(subject), ".")
	verb := what
	if strings.HasPrefix(what, "changed") || strings.HasPrefix(what, "value changed") {
		verb = "changed"
	}
	at := old // the side that has the identifier
	if what == "added" {
		at = new
	}
	if name == "" {
		return explainTop(owner, verb, old, new, at)
	}
	if m := at.method(owner, name); m != nil {
		if verb == "changed" {
			return explainMethod(m, new.method(owner, name))
		}
		return fmt.Sprintf("operation %s %s", operation(m), verb)
	}
	if r := at.child(owner, name); r != nil {
		return fmt.Sprintf("resource %s %s", strings.Join(r.Path, "."), verb)
	}
	t := at.types[owner]
	if t == nil {
		return ""
	}
	f, v := member(t, name)
	switch {
	case v != nil:
		return at.variantPlace(t, v) + " " + verb
	case f == nil:
		return ""
	case verb == "changed":
		if nt := new.types[owner]; nt != nil {
			if nf, _ := member(nt, name); nf != nil {
				return explainField(t, f, nf)
			}
		}
		return fieldPlace(t, f) + " changed"
	}
	return fieldPlace(t, f) + " " + verb
}

// explainTop explains a change to a package-level identifier.
func explainTop(name, verb string, old, new, at *index) string {
	if c, ok := at.constants[name]; ok {
		return fmt.Sprintf("enum value %q of %s %s", c.value, place(c.typ), verb)
	}
	if r := at.services[name]; r != nil {
		return fmt.Sprintf("resource %s %s", strings.Join(r.Path, "."), verb)
	}
	t := at.types[name]
	if t == nil {
		return ""
	}
	if verb == "changed" {
		if nt := new.types[name]; nt != nil && nt.Kind != t.Kind {
			return fmt.Sprintf("%s changed from %s to %s", place(t), kindWord(t.Kind), kindWord(nt.Kind))
		}
	}
	return place(t) + " " + verb
}

func kindWord(k model.TypeKind) string {
	return [...]string{"an object", "an enum", "a union", "another type"}[k]
}

// explainField says how a field's spec changed when its Go type did: a
// request field that became required turns Opt[T] into T, a response
// field that became nullable turns T into *T.
func explainField(t *model.Type, old, new *model.Field) string {
	p := fieldPlace(t, old)
	switch {
	case !old.Required && new.Required:
		return p + " became required"
	case old.Required && !new.Required:
		return p + " became optional"
	case !old.Nullable && new.Nullable:
		return p + " became nullable"
	case old.Nullable && !new.Nullable:
		return p + " is no longer nullable"
	}
	if o, n := specType(old.Type), specType(new.Type); o != n {
		return fmt.Sprintf("%s changed type from %s to %s", p, o, n)
	}
	return p + " changed"
}

// explainMethod says how an operation changed when its Go signature did.
func explainMethod(old, new *model.Method) string {
	op := "operation " + operation(old)
	if new == nil {
		return op + " changed"
	}
	var what []string
	if operation(new) != operation(old) {
		what = append(what, "now calls "+operation(new))
	}
	if names(old.PathParams) != names(new.PathParams) {
		what = append(what, fmt.Sprintf("path parameters changed from (%s) to (%s)", names(old.PathParams), names(new.PathParams)))
	}
	switch {
	case old.Params == nil && new.Params != nil:
		what = append(what, "now takes parameters")
	case old.Params != nil && new.Params == nil:
		what = append(what, "no longer takes parameters")
	case old.Params != nil && old.Params.Name != new.Params.Name:
		what = append(what, "parameters changed")
	}
	if o, n := specType(old.Response), specType(new.Response); o != n {
		what = append(what, fmt.Sprintf("response changed from %s to %s", o, n))
	}
	if len(what) == 0 {
		return op + " changed"
	}
	return op + ": " + strings.Join(what, "; ")
}

func names(fields []*model.Field) string {
	var out []string
	for _, f := range fields {
		out = append(out, f.JSONName)
	}
	return strings.Join(out, ", ")
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

func sameFiles(a, b []emit.File) bool {
	return slices.EqualFunc(a, b, func(x, y emit.File) bool {
		return x.Name == y.Name && bytes.Equal(x.Data, y.Data)
	})
}
