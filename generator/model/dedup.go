package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Specs often repeat an object inline where they mean the same thing: the
// card details of three payment method unions, the geo target of both the
// create and the update parameters. Each copy would be a type of its own,
// identical to the others. dedup keeps one type per shape: copies of a
// component schema become that component; identical inline types become
// one, named after what their names share and listing every copy's key in
// the manifest, so the name holds while any copy exists.
//
// Types with a role of their own are never merged: components with each
// other (the spec named them apart), params types, pages, webhook payloads.
func (b *builder) dedup() {
	into := map[*Type]*Type{}
	for _, g := range b.identicalGroups() {
		b.mergeGroup(g, into)
	}
	if len(into) == 0 {
		return
	}
	b.api.Types = slices.DeleteFunc(b.api.Types, func(t *Type) bool { return into[t] != nil })
	b.redirect(into)
	b.forgetMerged(into)
}

// identicalGroups groups the types that may merge by their signature, in
// the order the types come, each group with components first, then by key.
func (b *builder) identicalGroups() [][]*Type {
	sig := &signer{b: b, memo: map[*Type]string{}, busy: map[*Type]bool{}}
	groups := map[string][]*Type{}
	var order []string
	for _, t := range b.api.Types {
		if !b.mergeable(t) && !b.isComponent(t) {
			continue
		}
		s := sig.of(t)
		if groups[s] == nil {
			order = append(order, s)
		}
		groups[s] = append(groups[s], t)
	}
	out := make([][]*Type, 0, len(order))
	for _, s := range order {
		g := groups[s]
		slices.SortFunc(g, func(x, y *Type) int {
			return strings.Compare(boolOrder(!b.isComponent(x))+x.Key, boolOrder(!b.isComponent(y))+y.Key)
		})
		out = append(out, g)
	}
	return out
}

// mergeGroup records in into which types of one group of identical types
// become which.
func (b *builder) mergeGroup(g []*Type, into map[*Type]*Type) {
	var inline []*Type
	for _, t := range g {
		if !b.isComponent(t) {
			inline = append(inline, t) // components stay apart: the spec named them
		}
	}
	if keep := g[0]; b.isComponent(keep) {
		// Copies of a component are the component.
		for _, t := range inline {
			into[t] = keep
			b.absorb(keep, t)
		}
		return
	}
	// Copies are merged by what they are called: the card details of
	// three unions are one type, a user and a creator stay apart.
	for _, part := range b.byLastWord(inline) {
		if len(part) < 2 || b.sharedName(part) == "" {
			continue // no name fits every copy: they stay apart
		}
		for _, t := range part[1:] {
			into[t] = part[0]
			b.absorb(part[0], t)
		}
	}
}

// forgetMerged drops the names of merged types' members and the constants
// of merged enums: only the kept type's are published.
func (b *builder) forgetMerged(into map[*Type]*Type) {
	gone := map[string]bool{}
	for t := range into {
		for _, c := range b.members[t] {
			gone[c.key] = true
		}
	}
	b.namer.names = slices.DeleteFunc(b.namer.names, func(e NameEntry) bool { return gone[e.Key] })
	b.enumClaims = slices.DeleteFunc(b.enumClaims, func(c *claim) bool {
		for t := range into {
			if t.Kind == TypeEnum && strings.HasPrefix(c.key, "const "+t.Key+" ") {
				return true
			}
		}
		return false
	})
}

// isComponent reports whether t is a component schema's own type.
func (b *builder) isComponent(t *Type) bool {
	_, ok := b.schemaOf[t]
	return ok
}

// mergeable reports whether t is an inline type with no role of its own.
func (b *builder) mergeable(t *Type) bool {
	req := b.typeNames[t]
	return req != nil && req.class == classInline && t.PageOf == nil && !strings.HasSuffix(t.Key, " params") && !strings.HasSuffix(t.Key, " body")
}

// byLastWord splits copies by the last word of the name each would have,
// keeping their order.
func (b *builder) byLastWord(copies []*Type) [][]*Type {
	var order []string
	parts := map[string][]*Type{}
	for _, t := range copies {
		words := splitWords(b.typeNames[t].namePrefix())
		last := ""
		if len(words) > 0 {
			last = words[len(words)-1]
		}
		if parts[last] == nil {
			order = append(order, last)
		}
		parts[last] = append(parts[last], t)
	}
	out := make([][]*Type, len(order))
	for i, w := range order {
		out[i] = parts[w]
	}
	return out
}

// sharedName is what the names the copies would have share: the words
// they all start and end with, when that ends in the same word and says
// at least two (PaymentListItemPlan and PaymentPlan share PaymentPlan);
// "" when it does not.
func (b *builder) sharedName(copies []*Type) string {
	names := make([][]string, len(copies))
	for i, t := range copies {
		names[i] = splitWords(b.typeNames[t].namePrefix())
	}
	return shared(names)
}

func shared(names [][]string) string {
	shortest := names[0]
	for _, n := range names {
		if len(n) < len(shortest) {
			shortest = n
		}
	}
	prefix := 0
	for prefix < len(shortest) && allEqual(names, func(n []string) string { return n[prefix] }) {
		prefix++
	}
	suffix := 0
	for prefix+suffix < len(shortest) && allEqual(names, func(n []string) string { return n[len(n)-1-suffix] }) {
		suffix++
	}
	if suffix == 0 {
		return ""
	}
	head, tail := shortest[:prefix], shortest[len(shortest)-suffix:]
	if len(tail) == 1 && genericWords[tail[0]] {
		return "" // AdGroupItem says too little of what it is
	}
	// A word the head ends and the tail starts with is said once; a tail
	// the head already says whole names nothing new.
	for k := min(len(head), len(tail)); k > 0; k-- {
		if slices.Equal(head[len(head)-k:], tail[:k]) {
			if k == len(tail) {
				return ""
			}
			tail = tail[k:]
			break
		}
	}
	name := slices.Concat(head, tail)
	if len(name) < 2 || genericWords[name[0]] {
		return "" // ParamsLogo says what the name is made of, not whose logo
	}
	return strings.Join(name, "")
}

// genericWords say what a name is made of rather than what it is.
var genericWords = map[string]bool{
	"Item": true, "Value": true, "Details": true, "Response": true, "Body": true, "Params": true, "Object": true,
	"Data": true, "Create": true, "Update": true, "List": true,
}

// absorb merges t into keep: keep answers for t's key and usage.
func (b *builder) absorb(keep, t *Type) {
	req, gone := b.typeNames[keep], b.typeNames[t]
	req.also = append(req.also, t.Key)
	req.also = append(req.also, gone.also...)
	req.merged = append(req.merged, gone)
	req.merged = append(req.merged, gone.merged...)
	keep.Request = keep.Request || t.Request
	keep.Response = keep.Response || t.Response
	if keep.Doc != t.Doc {
		// Copies described apart (the user who created it, the owner):
		// the fields holding the type keep those words.
		keep.Doc = ""
	}
	delete(b.typeNames, t)
}

// redirect makes every reference to a merged type refer to the one kept.
func (b *builder) redirect(into map[*Type]*Type) {
	var fix func(g *GoType)
	fix = func(g *GoType) {
		for ; g != nil; g = g.Elem {
			if k, ok := into[g.Named]; ok && g.Kind == KindNamed {
				g.Named = k
			}
		}
	}
	for _, t := range b.api.Types {
		for _, f := range t.Fields {
			fix(f.Type)
		}
		for _, v := range t.Variants {
			fix(v.Type)
		}
		fix(t.Target)
	}
	for _, mi := range b.methods {
		fix(mi.m.Response)
		if p := mi.m.Page; p != nil {
			fix(p.Item)
		}
	}
}

// signer computes a type's shape: everything that would appear in its Go
// declaration except its name.
type signer struct {
	b    *builder
	memo map[*Type]string
	busy map[*Type]bool
}

func (s *signer) of(t *Type) string {
	if sig, ok := s.memo[t]; ok {
		return sig
	}
	if s.busy[t] {
		return "cycle:" + t.Key // a type inside itself is never merged
	}
	s.busy[t] = true
	var w strings.Builder
	fmt.Fprintf(&w, "%d|%t|%d|%q|", t.Kind, t.Deprecated, t.EnumBase, t.Discriminator)
	for _, f := range t.Fields {
		s.field(&w, f)
	}
	w.WriteString("consts")
	for _, c := range t.Consts {
		fmt.Fprintf(&w, "|%q=%q,%t,%q", c.JSONName, c.Const, c.Required, c.Doc)
	}
	w.WriteString("values")
	for _, v := range t.EnumValues {
		w.WriteString("|" + strconv.Quote(v.Value))
	}
	w.WriteString("variants")
	for _, v := range t.Variants {
		fmt.Fprintf(&w, "|%s:%s:%q:%v:%v", v.label, s.goType(v.Type), v.Tag, v.Consts, v.Required)
	}
	if t.Target != nil {
		w.WriteString("target:" + s.goType(t.Target))
	}
	delete(s.busy, t)
	sig := w.String()
	if s.b.isComponent(t) || s.b.mergeable(t) {
		s.memo[t] = sig
	} else {
		sig = "own:" + t.Key // a type with a role stands for itself
		s.memo[t] = sig
	}
	return sig
}

func (s *signer) field(w *strings.Builder, f *Field) {
	fmt.Fprintf(w, "|%q:%s:%t%t%t%t%t:%q:%q:%d:%q:%t", f.JSONName, s.goType(f.Type), f.Required, f.Nullable,
		f.Deprecated, f.ReadOnly, f.WriteOnly, f.Doc, f.Default, f.In, f.Style, f.Explode)
}

func (s *signer) goType(g *GoType) string {
	var w strings.Builder
	for ; g != nil; g = g.Elem {
		fmt.Fprintf(&w, "%d", g.Kind)
		if g.Kind == KindNamed {
			if s.b.isComponent(g.Named) {
				w.WriteString("[" + g.Named.Key + "]")
			} else {
				w.WriteString("[" + s.of(g.Named) + "]")
			}
		}
		w.WriteByte('/')
	}
	return w.String()
}
