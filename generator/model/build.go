package model

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/diag"
)

// Options configures Build.
type Options struct {
	Package    string // Go package name
	File       string // spec file name, for diagnostics
	SpecSHA256 string // recorded in the output
	Reserved   Reserved
	// Pins are the names a previous generation published, by element key
	// (the manifest of its output). Build keeps each while its element
	// exists; nil means a fresh generation.
	Pins map[string]string
}

// Reserved are the names the runtime and the emitter declare or use, which
// no spec-derived name may take. The emitter and the runtime export them.
type Reserved struct {
	Package        []string // package-level identifiers of the runtime and the emitter
	Locals         []string // identifiers a method body uses besides its arguments
	StructMethods  []string // methods the emitter may declare on a struct
	UnionMethods   []string // methods the emitter declares on a union
	ServiceMembers []string // members the emitter declares on a service
}

// builder walks one document. It holds all state of one Build call, so
// Build can run any number of times in one process.
type builder struct {
	doc   *openapi3.T
	opts  Options
	diags diag.List
	api   *API
	namer *namer

	components map[*openapi3.Schema]*Type // component schema -> its named type
	byRef      map[string]*Type           // "#/components/schemas/X" -> its named type
	schemaOf   map[*Type]*openapi3.Schema // component type -> its schema
	filling    map[*Type]bool             // component types filled or being filled
	inline     map[*openapi3.Schema]*Type // inline schema already given a type
	warned     map[*openapi3.Schema]bool  // schemas already warned about

	typeNames  map[*Type]*nameReq   // how each type's name is built
	members    map[*Type][]*claim   // member claims of each type
	enumClaims []*claim             // enum constants, named last
	resources  map[string]*Resource // joined resource path -> resource
	resNames   map[*Resource]*resourceNames
	methods    []*methodInfo // in spec order: path, then method
	servers    []*claim
	// bodyNames are the names a method's body uses, which its path
	// parameters avoid; made on first use and shared.
	bodyNames map[string]bool
	// afterNaming holds diagnostics that quote names given only at the end.
	afterNaming []func()
}

// Build turns a loaded document into the model. Shapes are built first;
// names are given last, all at once, so that no name depends on the order
// in which the spec lists things.
func Build(doc *openapi3.T, opts Options) (*API, diag.List) {
	b := &builder{
		doc:        doc,
		opts:       opts,
		components: map[*openapi3.Schema]*Type{},
		byRef:      map[string]*Type{},
		schemaOf:   map[*Type]*openapi3.Schema{},
		filling:    map[*Type]bool{},
		inline:     map[*openapi3.Schema]*Type{},
		warned:     map[*openapi3.Schema]bool{},
		typeNames:  map[*Type]*nameReq{},
		members:    map[*Type][]*claim{},
		resources:  map[string]*Resource{},
		resNames:   map[*Resource]*resourceNames{},
	}
	b.namer = &namer{pins: opts.Pins, warn: b.warn}
	b.api = &API{
		Package:    opts.Package,
		SpecSHA256: opts.SpecSHA256,
		EnvPrefix:  strings.ToUpper(GoName(opts.Package)),
	}
	if doc.Info != nil {
		b.api.Title = doc.Info.Title
		b.api.Version = doc.Info.Version
		b.api.Description = doc.Info.Description
	}
	b.buildServers()
	b.security()
	b.componentSchemas()
	b.sharedComponents()
	b.operations()
	b.webhooks()
	b.markUsage()
	b.dropOneWayFields()
	b.unionExtras()
	// Members are named first: the names types would have, which decide
	// which identical types merge, are built from them.
	b.nameMembers()
	b.dedup()
	b.nameServices()
	b.namePackage()
	for _, f := range b.afterNaming {
		f()
	}
	b.sortAll()
	b.breakCycles()
	return b.api, b.diags.Sort()
}

func (b *builder) pos(o *openapi3.Origin) Pos {
	if o == nil || o.Key == nil {
		return Pos{}
	}
	return Pos{Line: o.Key.Line, Col: o.Key.Column}
}

func (b *builder) warn(p Pos, format string, args ...any) {
	b.diags.Warnf(b.opts.File, p.Line, p.Col, format, args...)
}

func (b *builder) buildServers() {
	for i, s := range b.doc.Servers {
		if s == nil {
			continue
		}
		u := s.URL
		for _, name := range slices.Sorted(maps.Keys(s.Variables)) {
			if v := s.Variables[name]; v != nil {
				u = strings.ReplaceAll(u, "{"+name+"}", v.Default)
			}
		}
		b.api.Servers = append(b.api.Servers, Server{URL: u, Description: s.Description})
		if len(b.api.Servers) == 1 {
			continue // the first is DefaultBaseURL
		}
		n := len(b.api.Servers)
		b.servers = append(b.servers, &claim{
			key:   fmt.Sprintf("server %d", i+1),
			wants: fixed(fmt.Sprintf("ServerURL%d", n)),
			class: classServer,
			order: fmt.Sprintf("%08d", n),
			what:  fmt.Sprintf("server %d (%s)", n, u),
			// By index: a pointer into Servers goes stale when it grows.
			set: func(name string) { b.api.Servers[n-1].Const = name },
		})
	}
}

// sortAll puts resources, methods and types in name order, so the emitter
// writes them in an order that does not depend on the spec's.
func (b *builder) sortAll() {
	for _, r := range b.resources {
		slices.SortFunc(r.Methods, func(x, y *Method) int { return cmp.Compare(x.Name, y.Name) })
		slices.SortFunc(r.Children, func(x, y *Resource) int { return cmp.Compare(x.Field, y.Field) })
	}
	slices.SortFunc(b.api.Resources, func(x, y *Resource) int { return cmp.Compare(x.Field, y.Field) })
	for _, mi := range b.methods {
		if p := mi.m.Params; p != nil && p.Kind == TypeStruct {
			// Parameters in name order, before the body's fields.
			slices.SortStableFunc(p.Fields, func(x, y *Field) int {
				if !x.In.IsParameter() || !y.In.IsParameter() {
					return cmp.Compare(boolOrder(!x.In.IsParameter()), boolOrder(!y.In.IsParameter()))
				}
				return cmp.Compare(x.Name, y.Name)
			})
		}
	}
	slices.SortFunc(b.api.Types, func(x, y *Type) int { return cmp.Compare(x.Name, y.Name) })
	slices.SortFunc(b.api.Webhooks, func(x, y *Webhook) int { return cmp.Compare(x.Event, y.Event) })
	names := b.namer.names
	slices.SortFunc(names, func(x, y NameEntry) int { return cmp.Compare(x.Key, y.Key) })
	b.api.Names = slices.CompactFunc(names, func(x, y NameEntry) bool { return x.Key == y.Key })
}

// docOf is a schema's documentation: its description, else its title.
func docOf(s *openapi3.Schema) string {
	if s.Description != "" {
		return s.Description
	}
	return s.Title
}
