package generator

import (
	"fmt"

	"github.com/whopgen/whopgen/generator/diag"
	"github.com/whopgen/whopgen/generator/emit"
	"github.com/whopgen/whopgen/generator/gocheck"
	"github.com/whopgen/whopgen/generator/model"
	"github.com/whopgen/whopgen/templates"
)

// prefetchStd starts reading the standard library's export data, which
// typeCheck needs, while the spec is loaded.
func prefetchStd() {
	paths, err := templates.Imports()
	if err == nil {
		gocheck.Prefetch(append(paths, emit.Imports...))
	}
}

// typeCheck type-checks the generated package before anything is written.
// A type error is a bug in whopgen; it is reported at the spec element
// whose code failed, so the user can see what triggers it and work around
// it (rename it, say) until whopgen is fixed.
func typeCheck(opts Options, api *model.API, files []File) diag.List {
	var src []gocheck.File
	for _, f := range files {
		src = append(src, gocheck.File{Name: f.Name, Data: f.Data})
	}
	_, errs := gocheck.Shared().CheckWithTests(opts.Package, src, 10)
	var diags diag.List
	elements := declElements(api)
	for _, e := range errs {
		at, what := model.Pos{}, "the package"
		if e.Decl != nil {
			if el, ok := elements[*e.Decl]; ok {
				at, what = el.pos, el.what
			} else if el, ok := elements[gocheck.Decl{Name: e.Decl.Recv}]; ok {
				at, what = el.pos, el.what
			}
		}
		diags.Errorf(opts.SpecFile, at.Line, at.Col, "the Go generated for %s does not compile (a bug in whopgen, please report it): %s", what, e)
	}
	return diags
}

// element is a spec element as a diagnostic names it.
type element struct {
	pos  model.Pos
	what string
}

// declElements maps the Go declarations the model names to their spec
// elements: types and their constants, services and their methods.
func declElements(api *model.API) map[gocheck.Decl]element {
	out := map[gocheck.Decl]element{}
	for _, t := range api.Types {
		el := element{t.Pos, model.Describe(t.Key)}
		out[gocheck.Decl{Name: t.Name}] = el
		for _, v := range t.EnumValues {
			out[gocheck.Decl{Name: v.Name}] = el
		}
	}
	var walk func(r *model.Resource)
	walk = func(r *model.Resource) {
		out[gocheck.Decl{Name: r.TypeName}] = element{what: "the service " + fmt.Sprint(r.Path)}
		for _, m := range r.Methods {
			el := element{m.Pos, m.HTTPMethod + " " + m.Path}
			out[gocheck.Decl{Recv: r.TypeName, Name: m.Name}] = el
			if m.AutoPaging != "" {
				out[gocheck.Decl{Recv: r.TypeName, Name: m.AutoPaging}] = el
			}
		}
		for _, c := range r.Children {
			walk(c)
		}
	}
	for _, r := range api.Resources {
		walk(r)
	}
	return out
}
