package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// fillEnum makes t a string (or integer) type with one constant per value.
// Constants are named after the type and the value (AccessLevelAdmin);
// two values with one Go spelling (DELETE and delete) are numbered within
// the enum, and a constant whose name a type holds gets "Value" appended.
func (b *builder) fillEnum(t *Type, s *openapi3.Schema) {
	t.Kind = TypeEnum
	t.EnumBase = KindString
	values := s.Enum
	if len(values) == 0 && s.Const != nil {
		values = []any{s.Const}
	}
	if allIntegers(values) {
		t.EnumBase = KindInt64
	}
	lits, suffixes := b.enumLiterals(t, values)
	unique := b.uniqueSuffixes(t, lits, suffixes)
	t.EnumValues = make([]EnumValue, len(lits))
	for i, lit := range lits {
		i, suffix := i, unique[i]
		t.EnumValues[i].Value = lit
		key := "const " + t.Key + " " + strconv.Quote(lit)
		b.enumClaims = append(b.enumClaims, &claim{
			key: key,
			wants: func() []string {
				return []string{t.Name + suffix, t.Name + suffix + "Value"}
			},
			class: classEnumValue, order: spellingOrder(lit), what: fmt.Sprintf("the value %q of %s", lit, describe(t.Key)), pos: t.Pos,
			set: func(name string) { t.EnumValues[i].Name = name },
		})
	}
}

// enumLiterals lists the distinct values of an enum as they are written in
// Go, null left out, with the Go spelling each wants for its constant.
func (b *builder) enumLiterals(t *Type, values []any) (lits, suffixes []string) {
	seen := map[string]bool{}
	for _, v := range values {
		if v == nil {
			continue // null in an enum only makes the type nullable
		}
		lit := fmt.Sprint(v)
		if seen[lit] {
			continue
		}
		seen[lit] = true
		suffix := enumSuffix(lit)
		if _, isString := v.(string); !isString {
			suffix = enumSuffix(strings.ReplaceAll(lit, "-", "Minus"))
			if t.EnumBase == KindString {
				b.warn(t.Pos, "%s: enum value %v is not a string; it is kept as the string %q", describe(t.Key), v, lit)
			}
		}
		lits, suffixes = append(lits, lit), append(suffixes, suffix)
	}
	return lits, suffixes
}

// uniqueSuffixes numbers the values that share a Go spelling, in spelling
// order, and warns of each renumbered value once names are known.
func (b *builder) uniqueSuffixes(t *Type, lits, suffixes []string) []string {
	order := make([]int, len(lits))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return strings.Compare(spellingOrder(lits[x]), spellingOrder(lits[y])) })
	used := map[string]bool{}
	unique := make([]string, len(lits))
	for _, i := range order {
		unique[i] = numbered(suffixes[i], used)
		if unique[i] != suffixes[i] {
			winner := lits[order[slices.IndexFunc(order, func(j int) bool { return suffixes[j] == suffixes[i] })]]
			lit, want, got := lits[i], suffixes[i], unique[i]
			b.afterNaming = append(b.afterNaming, func() {
				b.warn(t.Pos, "%s: values %q and %q both want the Go name %s; %q is named %s", describe(t.Key), winner, lit, t.Name+want, lit, t.Name+got)
			})
		}
	}
	return unique
}

// allIntegers reports whether an enum's values are all whole numbers.
func allIntegers(values []any) bool {
	n := 0
	for _, v := range values {
		switch x := v.(type) {
		case nil:
			continue
		case float64:
			if x != float64(int64(x)) {
				return false
			}
		case int, int64, uint64:
		default:
			return false
		}
		n++
	}
	return n > 0
}

// enumSuffix is the Go name of an enum value as it follows the type's
// name. The X that GoName puts before a name that cannot start an
// exported identifier is not needed there (Type2FA); an X that starts the
// value itself is kept (CurrenciesXcd). The empty string is Empty.
func enumSuffix(value string) string {
	if value == "" {
		return "Empty"
	}
	name := GoName(value)
	for _, r := range asciiRunes(value) {
		if isASCIILetter(r) || isASCIIDigit(r) {
			if r != 'x' && r != 'X' {
				name = strings.TrimPrefix(name, "X")
			}
			break
		}
	}
	if name == "" {
		return "X"
	}
	return name
}
