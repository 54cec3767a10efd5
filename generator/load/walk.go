package load

import (
	"reflect"

	"github.com/getkin/kin-openapi/openapi3"
)

// walk calls visit once for every object of doc: each struct that kin-openapi
// reaches through a pointer (the document, its info, paths, operations,
// parameters, schemas and so on), whether written inline or reached
// through a $ref. Reflection keeps the walk complete when kin-openapi adds
// an object type; cycles between schemas are cut by remembering what was
// visited.
func walk(doc *openapi3.T, visit func(obj reflect.Value)) {
	// A large spec has tens of thousands of objects; growing the set from
	// empty costs a tenth of the walk.
	w := walker{seen: make(map[uintptr]struct{}, 1<<12), children: map[reflect.Type][]int{}, visit: visit}
	w.value(reflect.ValueOf(doc))
}

type walker struct {
	seen     map[uintptr]struct{}
	children map[reflect.Type][]int // per struct type, the fields childFields keeps
	visit    func(obj reflect.Value)
}

func (w *walker) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return
		}
		if _, seen := w.seen[v.Pointer()]; seen {
			return
		}
		w.seen[v.Pointer()] = struct{}{}
		w.visit(v)
		w.mapLike(v)
		w.fields(v.Elem())
	case reflect.Struct:
		w.fields(v)
	case reflect.Slice, reflect.Array:
		if mayHoldObjects(v.Type().Elem()) {
			for i := range v.Len() {
				w.value(v.Index(i))
			}
		}
	case reflect.Map:
		if mayHoldObjects(v.Type().Elem()) {
			for it := v.MapRange(); it.Next(); {
				w.value(it.Value())
			}
		}
	}
}

// mapLike walks the entries of the objects kin-openapi keeps in an
// unexported map, which reflection cannot hand out.
func (w *walker) mapLike(v reflect.Value) {
	switch x := v.Interface().(type) {
	case *openapi3.Paths:
		w.value(reflect.ValueOf(x.Map()))
	case *openapi3.Responses:
		w.value(reflect.ValueOf(x.Map()))
	case *openapi3.Callback:
		w.value(reflect.ValueOf(x.Map()))
	}
}

func (w *walker) fields(v reflect.Value) {
	fields, ok := w.children[v.Type()]
	if !ok {
		fields = childFields(v.Type())
		w.children[v.Type()] = fields
	}
	for _, i := range fields {
		w.value(v.Field(i))
	}
}

// childFields lists the exported fields of struct type t that can hold
// objects: not Origin (positions), not Extensions and other free-form
// values (examples, defaults, enums), whose contents are plain JSON.
func childFields(t reflect.Type) []int {
	var out []int
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "Origin" || f.Name == "Extensions" || !mayHoldObjects(f.Type) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// mayHoldObjects reports whether a value of type t can contain a struct.
func mayHoldObjects(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return mayHoldObjects(t.Elem())
	}
	return false
}
