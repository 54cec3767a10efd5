package model

import "slices"

// markUsage records which types requests reach and which responses (and
// webhooks) reach, so that a one-way property can be left out of the
// direction that never carries it.
func (b *builder) markUsage() {
	seen := map[*Type]int{}
	const request, response = 1, 2
	var mark func(g *GoType, dir int)
	var markType func(t *Type, dir int)
	markType = func(t *Type, dir int) {
		if seen[t]&dir != 0 {
			return
		}
		seen[t] |= dir
		if dir == request {
			t.Request = true
		} else {
			t.Response = true
		}
		for _, f := range t.Fields {
			mark(f.Type, dir)
		}
		for _, v := range t.Variants {
			mark(v.Type, dir)
		}
		mark(t.Target, dir)
	}
	mark = func(g *GoType, dir int) {
		for ; g != nil; g = g.Elem {
			if g.Kind == KindNamed {
				markType(g.Named, dir)
			}
		}
	}
	for _, mi := range b.methods {
		if mi.m.Params != nil {
			markType(mi.m.Params, request)
		}
		mark(mi.m.Response, response)
	}
	for _, w := range b.api.Webhooks {
		markType(w.Type, response)
	}
	if b.api.Event != nil {
		markType(b.api.Event, response)
	}
}

// dropOneWayFields leaves read-only properties out of types only requests
// use, and write-only properties out of types only responses use. A type
// both use keeps both; its read-only fields are not required on encoding.
func (b *builder) dropOneWayFields() {
	for _, t := range b.api.Types {
		if t.Kind != TypeStruct || t.Request == t.Response {
			continue
		}
		drop := func(f *Field) bool { return (f.ReadOnly && !t.Response) || (f.WriteOnly && !t.Request) }
		kept := slices.DeleteFunc(slices.Clone(t.Fields), drop)
		if len(kept) == len(t.Fields) {
			continue
		}
		gone := map[string]bool{}
		for _, f := range t.Fields {
			if drop(f) {
				gone["field "+propKey(t.Key, f.JSONName)] = true
			}
		}
		t.Fields = kept
		b.members[t] = slices.DeleteFunc(b.members[t], func(c *claim) bool { return gone[c.key] })
	}
}
