package emit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"testing"

	"github.com/whopgen/whopgen/templates"
)

// runtimeDecls is what the runtime declares: top-level names, methods and
// the fields of each struct type.
type runtimeDecls struct {
	top      map[string]bool
	methods  map[string]bool
	methodOf map[string]map[string]bool // receiver type -> its methods
	fields   map[string]map[string]bool // struct type -> its fields
}

func readRuntime(t *testing.T) runtimeDecls {
	t.Helper()
	files, err := templates.Runtime("whop")
	if err != nil {
		t.Fatal(err)
	}
	d := runtimeDecls{top: map[string]bool{}, methods: map[string]bool{}, methodOf: map[string]map[string]bool{}, fields: map[string]map[string]bool{}}
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f.Name, f.Data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv != nil {
					d.methods[decl.Name.Name] = true
					recv := recvType(decl.Recv.List[0].Type)
					if d.methodOf[recv] == nil {
						d.methodOf[recv] = map[string]bool{}
					}
					d.methodOf[recv][decl.Name.Name] = true
				} else {
					d.top[decl.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						d.top[s.Name.Name] = true
						if it, ok := s.Type.(*ast.InterfaceType); ok {
							// Methods the runtime calls and generated types declare.
							for _, m := range it.Methods.List {
								for _, n := range m.Names {
									d.methods[n.Name] = true
								}
							}
						}
						if st, ok := s.Type.(*ast.StructType); ok {
							d.fields[s.Name.Name] = map[string]bool{}
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									d.fields[s.Name.Name][n.Name] = true
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							d.top[n.Name] = true
						}
					}
				}
			}
		}
	}
	return d
}

// TestRuntimeSymbols checks every runtime identifier the emitter writes
// (rt) against what templates/runtime declares.
func TestRuntimeSymbols(t *testing.T) {
	d := readRuntime(t)
	structOf := map[string]string{"Request": rt.APIRequest, "Config": rt.TransportConfig, "Auth": rt.AuthScheme, "Shape": rt.UnionShape, "Prop": rt.Property, "Part": "rtPartEncoding"}
	for _, style := range rtStyles {
		if !d.top[style] {
			t.Errorf("the runtime declares no style %s", style)
		}
	}
	for _, f := range []string{rt.OptState, rt.OptValue} {
		if !d.fields[rt.Opt][f] {
			t.Errorf("%s has no field %q", rt.Opt, f)
		}
	}
	v := reflect.ValueOf(rt)
	for i := range v.NumField() {
		name, f := v.Type().Field(i).Name, v.Field(i)
		if name == "W" {
			for j := range f.NumField() {
				if m := f.Field(j).String(); !d.methodOf[rt.JSONWriter][m] && !d.fields[rt.JSONWriter][m] {
					t.Errorf("rt.W.%s: %s has no method %q", f.Type().Field(j).Name, rt.JSONWriter, m)
				}
			}
			continue
		}
		if name == "OptState" || name == "OptValue" {
			continue
		}
		if f.Kind() == reflect.Struct {
			typ := structOf[name]
			if d.fields[typ] == nil {
				t.Errorf("rt.%s: the runtime has no struct %q", name, typ)
				continue
			}
			for j := range f.NumField() {
				if field := f.Field(j).String(); !d.fields[typ][field] {
					t.Errorf("rt.%s.%s: %s has no field %q", name, f.Type().Field(j).Name, typ, field)
				}
			}
			continue
		}
		if s := f.String(); !d.top[s] && !d.methods[s] {
			t.Errorf("rt.%s: the runtime declares no %q", name, s)
		}
	}
	for _, name := range []string{clientType, newClientFunc, defaultBaseURL, sandboxBaseURL, specVersionConst, specSHAConst} {
		if d.top[name] {
			t.Errorf("the emitter declares %s, and so does the runtime", name)
		}
	}
}

// TestReservedCoversTheRuntime: every name the runtime declares at
// package level is reserved for the model.
func TestReservedCoversTheRuntime(t *testing.T) {
	names, err := templates.Names()
	if err != nil {
		t.Fatal(err)
	}
	res := Reserved(names)
	have := map[string]bool{}
	for _, n := range res.Package {
		have[n] = true
	}
	for name := range readRuntime(t).top {
		if !have[name] {
			t.Errorf("%s is declared by the runtime but not reserved", name)
		}
	}
	for _, n := range []string{rt.Opt, rt.Some, clientType} {
		if !have[n] {
			t.Errorf("%s is not reserved", n)
		}
	}
}

func recvType(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}
