package model

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
)

// When two spec names want one Go name, the winner must not depend on
// what else the spec contains, or adding a name would rename an existing
// field. So names are given out in an order that depends only on each
// name's own spelling: the spelling of the spec's convention first (a
// new "fooBar" beside an existing "foo_bar" takes the number, not the
// other way round), then byte order. The loser gets a numbered name and a
// warning that names both.

var (
	lowerSnake = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	upperSnake = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)
)

// spellingRank orders property, parameter and enum value spellings:
// snake_case, the JSON convention, first; then UPPER_SNAKE; then the rest.
func spellingRank(s string) int {
	switch {
	case lowerSnake.MatchString(s):
		return 0
	case upperSnake.MatchString(s):
		return 1
	}
	return 2
}

// uniqueNames gives each spec name the Go name goName(name), numbered when
// a name before it in convention order (or a name already in used) has
// it, and warns about every such collision. The result is in the order of
// names. what says what the names are ("properties", "parameters",
// "values") and where is the place that holds them.
func (b *builder) uniqueNames(names []string, goName func(string) string, used map[string]bool, what, where string, p Pos) []string {
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		nx, ny := names[x], names[y]
		return cmp.Or(cmp.Compare(spellingRank(nx), spellingRank(ny)), cmp.Compare(nx, ny))
	})
	out := make([]string, len(names))
	owner := map[string]string{}
	for _, i := range order {
		name := names[i]
		want := goName(name)
		got := uniqueField(want, used)
		if got != want {
			other := "another member"
			if o, ok := owner[want]; ok {
				other = strconv.Quote(o)
			}
			b.warn(p, "%s: %s %s and %q both want the Go name %s; %q is named %s", where, what, other, name, want, name, got)
		}
		owner[got] = name
		out[i] = got
	}
	return out
}
