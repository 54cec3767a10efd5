package load

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/diag"
)

// repair rewrites, in place, the constructs of doc that are invalid but
// whose meaning is clear, so that validation and the model both see what
// the author meant, and reports each with a warning that says what was
// assumed:
//
//   - a name listed twice in required: read once;
//   - exclusiveMinimum/exclusiveMaximum in the other version's form (a
//     boolean in 3.1, a number in 3.0): read in the document's form;
//   - in 3.0, type: [T, "null"]: read as type: T, nullable: true;
//   - in 3.0, an array schema without items: items of any type;
//   - multipleOf not greater than 0: ignored (the client never checks it);
//   - a path parameter not marked required: required, as every path
//     parameter is;
//   - a path template variable an operation does not declare: read as
//     the declaration of another operation of the path, else a string.
//
// It must run before anything else reads the document.
func repair(file string, doc *openapi3.T) diag.List {
	r := repairer{file: file, is31: doc.IsOpenAPI31OrLater()}
	walk(doc, func(v reflect.Value) {
		switch x := v.Interface().(type) {
		case *openapi3.Schema:
			r.schema(x)
		case *openapi3.Parameter:
			r.parameter(x)
		}
	})
	if doc.Paths != nil {
		for _, path := range doc.Paths.InMatchingOrder() {
			r.pathItem(path, doc.Paths.Value(path))
		}
	}
	return r.diags
}

type repairer struct {
	file  string
	is31  bool
	diags diag.List
}

func (r *repairer) warn(line, col int, format string, args ...any) {
	r.diags.Add(diag.Diagnostic{File: r.file, Line: line, Col: col, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...)})
}

func (r *repairer) warnAt(origin *openapi3.Origin, field, format string, args ...any) {
	line, col := at(origin, field)
	r.warn(line, col, format, args...)
}

func (r *repairer) schema(s *openapi3.Schema) {
	r.duplicateRequired(s)
	if r.is31 {
		r.booleanBound(s, "exclusiveMinimum", &s.ExclusiveMin, &s.Min)
		r.booleanBound(s, "exclusiveMaximum", &s.ExclusiveMax, &s.Max)
	} else {
		r.numericBound(s, "exclusiveMinimum", &s.ExclusiveMin, &s.Min, func(a, b float64) bool { return a >= b })
		r.numericBound(s, "exclusiveMaximum", &s.ExclusiveMax, &s.Max, func(a, b float64) bool { return a <= b })
		r.nullInTypes(s)
		r.arrayWithoutItems(s)
	}
	if s.MultipleOf != nil && *s.MultipleOf <= 0 {
		r.warnAt(s.Origin, "multipleOf", "multipleOf must be greater than 0, not %v: ignored", *s.MultipleOf)
		s.MultipleOf = nil
	}
}

func (r *repairer) duplicateRequired(s *openapi3.Schema) {
	if len(s.Required) < 2 {
		return
	}
	var positions []openapi3.Location
	if s.Origin != nil {
		positions = s.Origin.Sequences["required"]
	}
	seen := map[string]bool{}
	kept := s.Required[:0:0]
	for i, name := range s.Required {
		if !seen[name] {
			seen[name] = true
			kept = append(kept, name)
			continue
		}
		line, col := at(s.Origin, "required")
		if i < len(positions) {
			line, col = positions[i].Line, positions[i].Column
		}
		r.warn(line, col, "%q is listed twice in required: read once", name)
	}
	s.Required = kept
}

// booleanBound reads a 3.0-style boolean exclusive bound in a 3.1
// document: true makes the plain bound exclusive.
func (r *repairer) booleanBound(s *openapi3.Schema, kw string, b *openapi3.ExclusiveBound, bound **float64) {
	if b.Bool == nil {
		return
	}
	plain := strings.ToLower(strings.TrimPrefix(kw, "exclusive"))
	switch {
	case *b.Bool && *bound != nil:
		r.warnAt(s.Origin, kw, "%s: true is OpenAPI 3.0; in 3.1 it is a number: read as %s: %v", kw, kw, **bound)
		*b = openapi3.ExclusiveBound{Value: *bound}
		*bound = nil
	case *b.Bool:
		r.warnAt(s.Origin, kw, "%s: true is OpenAPI 3.0 and needs %s; there is none: ignored", kw, plain)
		*b = openapi3.ExclusiveBound{}
	default:
		r.warnAt(s.Origin, kw, "%s: false is OpenAPI 3.0; in 3.1 it is a number: ignored (%s stays inclusive)", kw, plain)
		*b = openapi3.ExclusiveBound{}
	}
}

// numericBound reads a 3.1-style numeric exclusive bound in a 3.0
// document. Both bounds hold in 3.1; stricter says whether the exclusive
// one is at least as strict as the plain one.
func (r *repairer) numericBound(s *openapi3.Schema, kw string, b *openapi3.ExclusiveBound, bound **float64, stricter func(a, b float64) bool) {
	if b.Value == nil {
		return
	}
	plain := strings.ToLower(strings.TrimPrefix(kw, "exclusive"))
	v := *b.Value
	if *bound != nil && !stricter(v, **bound) {
		r.warnAt(s.Origin, kw, "a numeric %s is OpenAPI 3.1; in 3.0 it is a boolean: ignored, as %s %v is stricter", kw, plain, **bound)
		*b = openapi3.ExclusiveBound{}
		return
	}
	r.warnAt(s.Origin, kw, "a numeric %s is OpenAPI 3.1; in 3.0 it is a boolean: read as %s: %v, %s: true", kw, plain, v, kw)
	yes := true
	*bound = &v
	*b = openapi3.ExclusiveBound{Bool: &yes}
}

// nullInTypes reads the 3.1 form type: [T, "null"] in a 3.0 document.
// Other lists of types have no 3.0 form and stay errors.
func (r *repairer) nullInTypes(s *openapi3.Schema) {
	if s.Type == nil || len(*s.Type) != 2 || !s.Type.Includes(openapi3.TypeNull) {
		return
	}
	other := slices.DeleteFunc(slices.Clone(*s.Type), func(t string) bool { return t == openapi3.TypeNull })
	if len(other) != 1 {
		return
	}
	r.warnAt(s.Origin, "type", "type: [%s, \"null\"] is OpenAPI 3.1: read as type: %s, nullable: true", other[0], other[0])
	s.Type = &openapi3.Types{other[0]}
	s.Nullable = true
}

func (r *repairer) arrayWithoutItems(s *openapi3.Schema) {
	if s.Items != nil || !s.Type.Is(openapi3.TypeArray) {
		return
	}
	r.warnAt(s.Origin, "type", "an array schema needs items in OpenAPI 3.0: items of any type assumed")
	s.Items = openapi3.NewSchemaRef("", &openapi3.Schema{})
}

func (r *repairer) parameter(p *openapi3.Parameter) {
	if p.In == openapi3.ParameterInPath && !p.Required {
		r.warnAt(p.Origin, "required", "path parameter %q is not marked required: read as required, as every path parameter is", p.Name)
		p.Required = true
	}
}

// templateVar matches a variable of a path template: {id}.
var templateVar = regexp.MustCompile(`\{([^{}]+)\}`)

// pathItem makes the path parameters of each operation of the path match
// its template: a declared parameter the template lacks is dropped (it
// could never be sent), a template variable left undeclared is declared.
func (r *repairer) pathItem(path string, item *openapi3.PathItem) {
	if item == nil {
		return
	}
	ops := item.Operations()
	methods := make([]string, 0, len(ops))
	for m := range ops {
		methods = append(methods, m)
	}
	slices.Sort(methods)
	vars := templateVars(path)
	item.Parameters = r.dropStrayPathParams(item.Parameters, vars, path)
	for _, m := range methods {
		ops[m].Parameters = r.dropStrayPathParams(ops[m].Parameters, vars, m+" "+path)
	}
	for _, name := range vars {
		if pathParam(item.Parameters, name) != nil {
			continue
		}
		param, from := declarationOf(name, ops, methods)
		for _, m := range methods {
			op := ops[m]
			if pathParam(op.Parameters, name) != nil {
				continue
			}
			op.Parameters = append(op.Parameters, param)
			line, col := at(op.Origin, "")
			r.warn(line, col, "%s %s does not declare its path parameter %q: read as %s", m, path, name, from)
		}
	}
}

func (r *repairer) dropStrayPathParams(params openapi3.Parameters, vars []string, where string) openapi3.Parameters {
	return slices.DeleteFunc(params, func(p *openapi3.ParameterRef) bool {
		if p == nil || p.Value == nil || p.Value.In != openapi3.ParameterInPath || slices.Contains(vars, p.Value.Name) {
			return false
		}
		line, col := at(p.Value.Origin, "name")
		r.warn(line, col, "%s has no variable {%s}: its path parameter %q is ignored", where, p.Value.Name, p.Value.Name)
		return true
	})
}

// declarationOf finds how another operation of the path declares the
// path parameter name, or makes it a required string.
func declarationOf(name string, ops map[string]*openapi3.Operation, methods []string) (*openapi3.ParameterRef, string) {
	for _, m := range methods {
		if p := pathParam(ops[m].Parameters, name); p != nil {
			return p, "the parameter " + m + " declares"
		}
	}
	p := openapi3.NewPathParameter(name).WithSchema(openapi3.NewStringSchema())
	return &openapi3.ParameterRef{Value: p}, "a required string"
}

func pathParam(params openapi3.Parameters, name string) *openapi3.ParameterRef {
	for _, p := range params {
		if p != nil && p.Value != nil && p.Value.In == openapi3.ParameterInPath && p.Value.Name == name {
			return p
		}
	}
	return nil
}

// templateVars lists the variables of a path template, in order, once
// each; a trailing * (kin-openapi's wildcard form) is not part of the name.
func templateVars(path string) []string {
	var names []string
	for _, m := range templateVar.FindAllStringSubmatch(path, -1) {
		name := strings.TrimSuffix(m[1], "*")
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}
