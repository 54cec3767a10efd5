package conformance

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// shapeCover picks, from instances of one schema, a few that together show
// every shape the full set shows: each position as null and as a value,
// each object key set (which tells union variants apart), empty and
// non-empty lists. Instances that differ only in scalar values, such as
// enum members, add nothing: the type-level tests cover those. Union
// variants told apart only by a constant have the same key set, so extra
// adds features of its own: the union variants the Go value decoded from
// the instance holds. The first instance is always kept.
func shapeCover(instances []any, extra func(any) []string) []any {
	seen := map[string]bool{}
	var out []any
	for i, v := range instances {
		added := false
		features := shapeFeatures(v, "", map[string]bool{})
		for _, f := range extra(v) {
			features["variant "+f] = true
		}
		for f := range features {
			if !seen[f] {
				seen[f] = true
				added = true
			}
		}
		if added || i == 0 {
			out = append(out, v)
		}
	}
	return out
}

// shapeFeatures lists the shape of every position of v; list indices are
// left out of positions, so all items of a list share theirs.
func shapeFeatures(v any, path string, out map[string]bool) map[string]bool {
	switch x := v.(type) {
	case nil:
		out[path+"=null"] = true
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out[path+"={"+strings.Join(keys, ",")+"}"] = true
		for k, e := range x {
			shapeFeatures(e, path+"/"+k, out)
		}
	case []any:
		out[fmt.Sprintf("%s=[%t]", path, len(x) > 0)] = true
		for _, e := range x {
			shapeFeatures(e, path+"/*", out)
		}
	default:
		out[fmt.Sprintf("%s=%T", path, v)] = true
	}
	return out
}

// variantSeen records, for each union type, which of its variants went
// through the client. A union is a struct with a Variant method and one
// pointer field per variant.
type variantSeen map[reflect.Type]map[string]bool

// collect walks a decoded or encoded Go value and records the variant of
// every union in it. It only reads, so it may look through unexported
// fields such as Opt's value.
func (s variantSeen) collect(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			s.collect(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			s.collect(v.Index(i))
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			s.collect(it.Value())
		}
	case reflect.Struct:
		t := v.Type()
		if _, ok := t.MethodByName("Variant"); ok {
			if s[t] == nil {
				s[t] = map[string]bool{}
			}
			for i := range t.NumField() {
				f := t.Field(i)
				if f.IsExported() && f.Type.Kind() == reflect.Pointer && !v.Field(i).IsNil() {
					s[t][f.Name] = true
				}
			}
		}
		for i := range v.NumField() {
			s.collect(v.Field(i))
		}
	}
}

// variantNames lists the union variants in v as Type.Field.
func variantNames(v reflect.Value) []string {
	s := variantSeen{}
	s.collect(v)
	var out []string
	for t, fields := range s {
		for f := range fields {
			out = append(out, t.Name()+"."+f)
		}
	}
	return out
}

// missing lists the variants of the unions seen that never went through.
func (s variantSeen) missing() (missing []string, unions, variants int) {
	for t, seen := range s {
		unions++
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Type.Kind() != reflect.Pointer {
				continue
			}
			variants++
			if !seen[f.Name] {
				missing = append(missing, t.Name()+"."+f.Name)
			}
		}
	}
	slices.Sort(missing)
	return missing, unions, variants
}
