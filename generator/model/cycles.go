package model

// breakCycles turns a field that would make a struct contain itself by
// value into a pointer.
func (b *builder) breakCycles() {
	const (
		unseen = iota
		active
		done
	)
	state := map[*Type]int{}
	var visit func(t *Type)
	visit = func(t *Type) {
		state[t] = active
		for _, f := range t.Fields {
			u := f.Type.Underlying()
			if u.Kind != KindNamed || u.Named.Kind != TypeStruct || f.Wrap() == Pointer {
				continue
			}
			next := u.Named
			switch state[next] {
			case active:
				f.Recursive = true
			case unseen:
				visit(next)
			}
		}
		state[t] = done
	}
	for _, t := range b.api.Types {
		if t.Kind == TypeStruct && state[t] == unseen {
			visit(t)
		}
	}
}
