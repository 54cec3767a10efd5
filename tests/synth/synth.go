// Package synth builds JSON instances from the schemas of an OpenAPI
// document, for tests that push them through generated code.
//
// Instances are plain decoded JSON: map[string]any, []any, string,
// float64, bool and nil. They cover a schema systematically: every
// property present, each nullable as null once and as a value once, each
// oneOf/anyOf variant and each enum value at least once. Generation is
// deterministic: the same schema always gives the same instances.
//
// The synthesizer writes what it believes the schema allows; Validate
// checks that belief with kin-openapi's JSON Schema 2020-12 validation, so
// a synthesizer bug shows up as a failing test rather than as a false
// round-trip.
package synth

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Synth builds instances of the schemas of one document.
type Synth struct {
	doc *openapi3.T
}

// New returns a synthesizer for the schemas of doc.
func New(doc *openapi3.T) *Synth {
	return &Synth{doc: doc}
}

// maxInstances bounds Instances, in case a schema had a coverage target
// that no instance can reach; the real spec needs far fewer.
const maxInstances = 400

// Instances returns several instances of the schema that together cover:
// every property present; each nullable as null in one instance and as a
// value in another; each oneOf/anyOf variant at least once; each enum value
// at least once across instances. The first instance is One's; the last
// one, when it differs, sets required properties only and leaves arrays
// and free-form objects empty. Deterministic.
func (s *Synth) Instances(ref *openapi3.SchemaRef) []any {
	out, _ := cover(ref, Both)
	minimal := (&walker{mode: modeMinimal}).value(ref, "", "", false)
	if !slices.ContainsFunc(out, func(v any) bool { return equal(v, minimal) }) {
		out = append(out, minimal)
	}
	return out
}

// One returns one instance with every property set to a non-null value
// (first variant, first enum value).
func (s *Synth) One(ref *openapi3.SchemaRef) any {
	return (&walker{mode: modeOne}).value(ref, "", "", false)
}

// Uncovered returns the coverage targets that Instances could not reach,
// such as "/owner#null" or "/status#enum=3". It is empty for every schema of
// a well-formed spec; a test asserts that.
func (s *Synth) Uncovered(ref *openapi3.SchemaRef) []string {
	_, cov := cover(ref, Both)
	var left []string
	for t, tg := range cov.targets {
		if !tg.covered {
			left = append(left, t)
		}
	}
	slices.Sort(left)
	return left
}

// cover writes instances until every coverage target is reached, or until
// an instance reaches nothing new (the choices depend only on what is
// covered, so the next one would not either). It writes at least one
// instance per flavour of scalar values.
func cover(ref *openapi3.SchemaRef, dir Direction) ([]any, *coverage) {
	return coverUpTo(ref, dir, maxInstances)
}

// coverUpTo is cover, stopping after n instances.
func coverUpTo(ref *openapi3.SchemaRef, dir Direction, n int) ([]any, *coverage) {
	cov := newCoverage()
	(&walker{cov: cov, dir: dir}).enumerate(ref, "", false)
	var out []any
	for i := 0; i < min(n, maxInstances); i++ {
		before := cov.left
		g := &walker{mode: modeCover, dir: dir, flavour: i % flavours, cov: cov, first: i == 0}
		out = append(out, g.value(ref, "", "", false))
		if i+1 >= flavours && (cov.left == 0 || cov.left == before) {
			break
		}
	}
	return out, cov
}

type mode int

const (
	modeOne     mode = iota // every property, values everywhere, first choices
	modeCover               // every property, choices that reach new targets
	modeMinimal             // required properties only, empty collections
	modeNulls               // every property, null wherever allowed, else first choices
	modeLast                // every property, values everywhere, last choices
)

// walker generates one instance. Paths name schema positions, not array
// indexes: "/data/*/owner|1/id" is property id of the second variant of
// owner in any item of data.
type walker struct {
	mode    mode
	dir     Direction // which of readOnly and writeOnly properties to leave out
	flavour int       // which family of scalar values to write; see scalars.go
	first   bool      // the first covering instance makes the One choices
	cov     *coverage // nil for One and minimal instances
	sites   *[]site   // when set, records the positions forward-compat changes can target

	// depth counts, for each schema, how many times it encloses the
	// position being written, so that recursive schemas end (see tooDeep).
	depth map[*openapi3.Schema]int
	// truncated is set when a recursion that the schema requires had to
	// be cut: the instance is then not valid (no finite one is).
	truncated bool
}

// maxDepth is how many times a schema may enclose itself in an instance:
// a node with a parent, whose own parent is left out.
const maxDepth = 2

// tooDeep reports whether ref's schema already encloses the position
// maxDepth times.
func (w *walker) tooDeep(ref *openapi3.SchemaRef) bool {
	return ref != nil && w.depth[shapeOf(ref).schema] >= maxDepth
}

// enter records that the position is inside sh's schema; the returned
// function leaves it.
func (w *walker) enter(sh shape) func() {
	if w.depth == nil {
		w.depth = map[*openapi3.Schema]int{}
	}
	w.depth[sh.schema]++
	return func() { w.depth[sh.schema]-- }
}

// cut ends a recursion at a position the schema requires: null when
// allowed, else an empty list, else an empty object (no finite instance
// exists; truncated says so).
func (w *walker) cut(sh shape) any {
	switch {
	case sh.nullable:
		return nil
	case sh.kind == kindArray && sh.schema.MinItems == 0:
		return []any{}
	}
	w.truncated = true
	return map[string]any{}
}

// site is a position in a generated instance where a newer API could send
// something this spec does not describe.
type site struct {
	pointer string // JSON pointer into the instance
	kind    ChangeKind
	disc    string // discriminator property, for unions
	props   []string
}

// value generates an instance of ref's schema at schema path path and JSON
// pointer ptr.
// inUnion is set for a variant's root, where null must not be chosen: a
// null would match every nullable variant and break oneOf.
func (w *walker) value(ref *openapi3.SchemaRef, path, ptr string, inUnion bool) any {
	sh := shapeOf(ref)
	if w.tooDeep(ref) {
		return w.cut(sh)
	}
	defer w.enter(sh)()
	nullable := sh.nullable && !inUnion
	if nullable && w.chooseNull(path) {
		return nil
	}
	if len(sh.union) > 0 {
		i := w.chooseVariant(path, len(sh.union))
		if sh.disc != "" && w.sites != nil {
			*w.sites = append(*w.sites, site{pointer: ptr, kind: UnknownVariant, disc: sh.disc})
		}
		v := w.value(sh.union[i], fmt.Sprintf("%s|%d", path, i), ptr, true)
		tagVariant(v, sh, i)
		return v
	}
	return w.concrete(sh, path, ptr)
}

// tagVariant sets the discriminator property of variant i of a
// discriminated union to the value that names the variant: its key in the
// mapping, else its schema's name. A property with a const or an enum of
// its own already holds such a value.
func tagVariant(v any, sh shape, i int) {
	obj, ok := v.(map[string]any)
	if !ok || sh.disc == "" {
		return
	}
	if prop := shapeOf(sh.union[i]).schema.Properties[sh.disc]; prop != nil {
		// shapeOf sees through a nullable wrapper: anyOf: [{enum: [x]}, {type: null}].
		if p := shapeOf(prop).schema; p.Const != nil || len(p.Enum) > 0 {
			return
		}
	}
	ref := sh.union[i].Ref
	for _, key := range slices.Sorted(maps.Keys(sh.mapping)) {
		if sh.mapping[key].Ref == ref {
			obj[sh.disc] = key
			return
		}
	}
	if ref != "" {
		obj[sh.disc] = ref[strings.LastIndex(ref, "/")+1:]
	}
}

// concrete generates a value of a schema without a union.
func (w *walker) concrete(sh shape, path, ptr string) any {
	s := sh.schema
	if s.Const != nil {
		return s.Const
	}
	if values := nonNil(s.Enum); len(values) > 0 {
		i := w.chooseEnum(enumKey(sh, path), path, len(values))
		if _, ok := values[i].(string); ok && w.sites != nil {
			*w.sites = append(*w.sites, site{pointer: ptr, kind: UnknownEnum})
		}
		return values[i]
	}
	switch sh.kind {
	case kindObject:
		return w.object(s, sh.choice, path, ptr)
	case kindArray:
		return w.array(s, path, ptr)
	case kindNull:
		return nil
	case kindAny:
		return w.freeForm()
	}
	return w.scalar(sh, path)
}

func (w *walker) object(s *openapi3.Schema, choice requiredChoice, path, ptr string) any {
	if isFreeForm(s) {
		return w.freeForm()
	}
	out := map[string]any{}
	required := map[string]bool{}
	for _, r := range s.Required {
		required[r] = true
	}
	omit := w.choose(choice, path, required)
	names := slices.Sorted(maps.Keys(s.Properties))
	for _, name := range names {
		prop := s.Properties[name]
		if omit[name] || w.mode == modeMinimal && !required[name] || w.dir.omits(prop) || !required[name] && w.tooDeep(prop) {
			continue
		}
		out[name] = w.value(s.Properties[name], path+"/"+name, ptr+"/"+escape(name), false)
	}
	if ap := s.AdditionalProperties.Schema; ap != nil && w.mode != modeMinimal && !w.tooDeep(ap) {
		for _, key := range []string{"key_a", "key_b"} {
			if _, taken := out[key]; !taken {
				out[key] = w.value(ap, path+"/+", ptr+"/"+key, false)
			}
		}
	}
	if w.sites != nil && s.AdditionalProperties.Schema == nil {
		*w.sites = append(*w.sites, site{pointer: ptr, kind: ExtraProperty, props: names})
	}
	return out
}

// choose picks a variant of a choice of required properties and adds
// them to required. It returns the properties to leave out: for a oneOf,
// those only the other variants require, so that exactly one matches.
func (w *walker) choose(choice requiredChoice, path string, required map[string]bool) map[string]bool {
	if len(choice.sets) == 0 {
		return nil
	}
	i := w.chooseVariant(path, len(choice.sets))
	for _, name := range choice.sets[i] {
		required[name] = true
	}
	omit := map[string]bool{}
	for j, set := range choice.sets {
		for _, name := range set {
			if j != i && choice.exclusive && !required[name] {
				omit[name] = true
			}
		}
	}
	return omit
}

// maxCoverItems bounds the items of a covering instance's arrays.
const maxCoverItems = 8

// array writes one item. When covering it writes at least two, and more
// while the items still have something to cover, so that an array of
// enum values covers several values per instance; minimal instances
// write as few as minItems allows.
func (w *walker) array(s *openapi3.Schema, path, ptr string) any {
	items := path + "/*"
	lo, hi := 1, 1
	switch {
	case w.mode == modeCover && !w.first:
		lo, hi = 2, maxCoverItems
	case w.mode == modeMinimal:
		lo, hi = 0, 0
	}
	lo, hi = max(lo, int(s.MinItems)), max(hi, int(s.MinItems))
	if s.MaxItems != nil {
		lo, hi = min(lo, int(*s.MaxItems)), min(hi, int(*s.MaxItems))
	}
	if len(s.PrefixItems) > 0 {
		return w.tuple(s, path, ptr)
	}
	if w.tooDeep(s.Items) {
		lo, hi = 0, 0
	}
	out := []any{}
	for i := 0; i < hi; i++ {
		if i >= lo && (w.cov == nil || w.cov.under[items] == 0) {
			break
		}
		ptr := fmt.Sprintf("%s/%d", ptr, i)
		if s.Items == nil {
			out = append(out, w.freeForm())
			continue
		}
		v, ok := w.item(s, items, ptr, out)
		if !ok {
			break
		}
		out = append(out, v)
	}
	return out
}

// item writes an item of an array that already holds items. With
// uniqueItems, an item equal to one written before is written again in
// the other flavours of scalar values; ok is false when every flavour
// repeats one (an array of enum values, say), and the array ends there.
func (w *walker) item(s *openapi3.Schema, path, ptr string, before []any) (v any, ok bool) {
	flavour := w.flavour
	defer func() { w.flavour = flavour }()
	for k := range flavours {
		w.flavour = (flavour + k) % flavours
		sites := w.siteCount()
		v = w.value(s.Items, path, ptr, false)
		if !s.UniqueItems || !slices.ContainsFunc(before, func(b any) bool { return equal(b, v) }) {
			return v, true
		}
		w.dropSites(sites)
	}
	return nil, false
}

func (w *walker) siteCount() int {
	if w.sites == nil {
		return 0
	}
	return len(*w.sites)
}

// dropSites forgets the sites recorded for an item that was not kept.
func (w *walker) dropSites(n int) {
	if w.sites != nil {
		*w.sites = (*w.sites)[:n]
	}
}

// tuple writes one item per prefixItems schema.
func (w *walker) tuple(s *openapi3.Schema, path, ptr string) any {
	out := []any{}
	for i, item := range s.PrefixItems {
		out = append(out, w.value(item, fmt.Sprintf("%s/%d", path, i), fmt.Sprintf("%s/%d", ptr, i), false))
	}
	return out
}

// chooseNull decides whether a nullable position gets null: only when
// covering, only once null is the one thing left to cover there, so that
// the value's own subtree is covered first.
func (w *walker) chooseNull(path string) bool {
	if w.mode == modeNulls {
		return true
	}
	if w.mode != modeCover || w.first {
		return false
	}
	t := path + "#null"
	if w.cov.done(t) || w.cov.under[path]-1 > 0 {
		return false
	}
	w.cov.mark(t)
	return true
}

// chooseVariant picks the first variant whose subtree still has something
// to cover, else the first.
func (w *walker) chooseVariant(path string, n int) int {
	pick := 0
	if w.mode == modeLast {
		pick = n - 1
	}
	if w.mode == modeCover && !w.first {
		for i := range n {
			if w.cov.under[fmt.Sprintf("%s|%d", path, i)] > 0 {
				pick = i
				break
			}
		}
	}
	if w.cov != nil {
		w.cov.mark(fmt.Sprintf("%s|%d#variant", path, pick))
	}
	return pick
}

// chooseEnum picks the first enum value not yet covered, else the first.
func (w *walker) chooseEnum(key, path string, n int) int {
	pick := 0
	if w.mode == modeLast {
		pick = n - 1
	}
	if w.mode == modeCover && !w.first {
		for i := range n {
			if !w.cov.done(fmt.Sprintf("%s#enum=%d", key, i)) {
				pick = i
				break
			}
		}
	}
	if w.cov != nil {
		w.cov.mark(fmt.Sprintf("%s#enum=%d", key, pick))
	}
	return pick
}

// enumKey names an enum for coverage: a named enum is covered once across
// all the places it is used, an inline one at its own position.
func enumKey(sh shape, path string) string {
	if sh.ref != "" {
		return sh.ref
	}
	return path
}

// enumerate lists every coverage target under s, walking every branch the
// way value would.
func (w *walker) enumerate(ref *openapi3.SchemaRef, path string, inUnion bool) {
	sh := shapeOf(ref)
	if w.depth[sh.schema] > 0 {
		return // a recursion: its targets are those of the enclosing schema
	}
	defer w.enter(sh)()
	if sh.nullable && !inUnion {
		w.cov.add(path+"#null", path)
	}
	if len(sh.union) > 0 {
		for i, v := range sh.union {
			p := fmt.Sprintf("%s|%d", path, i)
			w.cov.add(p+"#variant", p)
			w.enumerate(v, p, true)
		}
		return
	}
	s := sh.schema
	if s.Const != nil {
		return
	}
	if values := nonNil(s.Enum); len(values) > 0 {
		for i := range values {
			w.cov.add(fmt.Sprintf("%s#enum=%d", enumKey(sh, path), i), path)
		}
		return
	}
	for i := range sh.choice.sets {
		p := fmt.Sprintf("%s|%d", path, i)
		w.cov.add(p+"#variant", p)
	}
	switch sh.kind {
	case kindObject:
		if isFreeForm(s) {
			return
		}
		for name, p := range s.Properties {
			if !w.dir.omits(p) {
				w.enumerate(p, path+"/"+name, false)
			}
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			w.enumerate(ap, path+"/+", false)
		}
	case kindArray:
		if s.Items != nil {
			w.enumerate(s.Items, path+"/*", false)
		}
	}
}

// coverage tracks targets such as "/owner#null" and, for every path, how
// many targets reachable at or below it are still uncovered. A target can
// be reachable from several paths (an enum used in several places).
type coverage struct {
	targets map[string]*target
	under   map[string]int
	left    int
}

type target struct {
	covered bool
	paths   []string
}

func newCoverage() *coverage {
	return &coverage{targets: map[string]*target{}, under: map[string]int{}}
}

// add registers target t as reachable from path.
func (c *coverage) add(t, path string) {
	tg := c.targets[t]
	if tg == nil {
		tg = &target{}
		c.targets[t] = tg
		c.left++
	}
	if slices.Contains(tg.paths, path) {
		return
	}
	tg.paths = append(tg.paths, path)
	c.bump(path, 1)
}

func (c *coverage) done(t string) bool {
	tg := c.targets[t]
	return tg != nil && tg.covered
}

func (c *coverage) mark(t string) {
	tg := c.targets[t]
	if tg == nil || tg.covered {
		return
	}
	tg.covered = true
	c.left--
	for _, p := range tg.paths {
		c.bump(p, -1)
	}
}

// bump adds d to the count of path and of every ancestor path. Path
// separators are "/" (property or items) and "|" (variant).
func (c *coverage) bump(p string, d int) {
	for {
		c.under[p] += d
		i := strings.LastIndexAny(p, "/|")
		if i < 0 {
			return
		}
		p = p[:i]
	}
}

func nonNil(values []any) []any {
	var out []any
	for _, v := range values {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

// escape encodes a property name as a JSON pointer token (RFC 6901).
func escape(name string) string {
	return strings.ReplaceAll(strings.ReplaceAll(name, "~", "~0"), "/", "~1")
}
