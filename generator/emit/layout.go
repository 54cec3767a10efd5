package emit

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/whopgen/whopgen/generator/model"
)

// The package's files: client.go, doc.go, one file per top-level resource
// holding its service and the types only it uses, webhook_events.go for
// the types only webhooks use, and types_<letter>.go for shared types. A
// file that would pass fileBudget lines continues in numbered companions
// (see Source).
const (
	clientFile   = "client"
	docFile      = "doc"
	webhookFile  = "webhook_events"
	sharedPrefix = "types_"
	runtimeFile  = "runtime_" // the prefix of the copied runtime's files
)

// layout says which file holds each resource's service and each type.
type layout struct {
	resource map[*model.Resource]string // top-level resource -> file (no extension)
	types    map[string][]*model.Type   // file -> its types, in name order
	files    []string                   // every file that holds types or services, sorted
}

func newLayout(api *model.API) *layout {
	l := &layout{resource: map[*model.Resource]string{}, types: map[string][]*model.Type{}}
	taken := map[string]bool{}
	for _, r := range api.Resources {
		l.resource[r] = resourceFile(r, taken)
	}
	owner := l.owners(api)
	for _, t := range api.Types { // sorted by name
		l.types[owner[t]] = append(l.types[owner[t]], t)
	}
	for _, f := range l.resource {
		l.files = append(l.files, f)
	}
	for f := range l.types {
		if !slices.Contains(l.files, f) {
			l.files = append(l.files, f)
		}
	}
	if len(api.Webhooks) > 0 && !slices.Contains(l.files, webhookFile) {
		l.files = append(l.files, webhookFile)
	}
	slices.Sort(l.files)
	return l
}

// owners puts each type in the file of the one resource that uses it, in
// the webhooks file when only events use it, and otherwise in a shared
// file chosen by its first letter.
func (l *layout) owners(api *model.API) map[*model.Type]string {
	users := typeUsers{}
	for _, r := range api.Resources {
		users.markResource(r, l.resource[r])
	}
	for _, w := range api.Webhooks {
		users.markType(w.Type, webhookFile)
	}
	if api.Event != nil {
		users.markType(api.Event, webhookFile)
	}
	owner := map[*model.Type]string{}
	for _, t := range api.Types {
		owner[t] = ownerFile(t, users[t])
	}
	return owner
}

// ownerFile is the one file whose declarations use t (a webhook payload
// also used by one resource goes with the resource), or else a shared
// file by the initial of its name.
func ownerFile(t *model.Type, files map[string]bool) string {
	if len(files) == 1 || len(files) == 2 && files[webhookFile] {
		for f := range files {
			if f != webhookFile || len(files) == 1 {
				return f
			}
		}
	}
	return sharedPrefix + initial(t.Name)
}

// typeUsers records, for each type, the files whose declarations reach it.
type typeUsers map[*model.Type]map[string]bool

func (u typeUsers) markResource(r *model.Resource, file string) {
	for _, m := range r.Methods {
		if m.Params != nil {
			u.markType(m.Params, file)
		}
		u.mark(m.Response, file)
	}
	for _, c := range r.Children {
		u.markResource(c, file)
	}
}

func (u typeUsers) markType(t *model.Type, file string) {
	if u[t] == nil {
		u[t] = map[string]bool{}
	}
	if u[t][file] {
		return
	}
	u[t][file] = true
	for _, f := range t.Fields {
		u.mark(f.Type, file)
	}
	for _, v := range t.Variants {
		u.mark(v.Type, file)
	}
	u.mark(t.Target, file)
}

// mark marks the named type g refers to, through slices, maps and
// pointers.
func (u typeUsers) mark(g *model.GoType, file string) {
	for ; g != nil; g = g.Elem {
		if g.Kind == model.KindNamed {
			u.markType(g.Named, file)
		}
	}
}

func initial(name string) string {
	if c := name[0]; 'A' <= c && c <= 'Z' {
		return strings.ToLower(name[:1])
	}
	return "x"
}

// resourceFile names a top-level resource's file: its path in snake_case,
// kept clear of the package's own files and of suffixes the go command
// reads as build constraints (a "windows" resource in windows.go would
// build on Windows only).
func resourceFile(r *model.Resource, taken map[string]bool) string {
	name := cmp.Or(model.SnakeCase(r.Path[len(r.Path)-1]), "resource")
	if reservedFile(name) {
		name += "_api"
	}
	for base, i := name, 2; taken[name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	taken[name] = true
	return name
}

func reservedFile(name string) bool {
	switch name {
	case clientFile, docFile, webhookFile:
		return true
	}
	if strings.HasPrefix(name, sharedPrefix) || strings.HasPrefix(name, runtimeFile) {
		return true
	}
	return buildSuffixes[name[strings.LastIndexByte(name, '_')+1:]]
}

// buildSuffixes are the file name suffixes that constrain a build: _test
// and every GOOS and GOARCH.
var buildSuffixes = map[string]bool{
	"test": true, "aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true,
	"hurd": true, "illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
	"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true,
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true, "arm64": true, "arm64be": true,
	"loong64": true, "mips": true, "mipsle": true, "mips64": true, "mips64le": true, "mips64p32": true,
	"mips64p32le": true, "ppc": true, "ppc64": true, "ppc64le": true, "riscv": true, "riscv64": true,
	"s390": true, "s390x": true, "sparc": true, "sparc64": true, "wasm": true,
}
