package model

import "strings"

// Singular and Plural turn the last word of a name between its English
// plural and singular forms. Their results become public Go names
// (CompanyService from "companies", Question from a list of "questions"),
// so a wrong rule is a breaking change to fix later: they use a small set
// of suffix rules, and lists of the words those rules get wrong.

// uncountable words are their own singular and plural.
var uncountable = set("access", "aircraft", "analytics", "audio", "chassis", "data", "deer",
	"equipment", "evidence", "feedback", "firmware", "fish", "hardware", "headquarters", "info",
	"information", "knowledge", "logistics", "means", "media", "metadata", "middleware", "money",
	"moose", "news", "police", "rice", "series", "sheep", "sms", "software", "species", "staff",
	"traffic", "weather")

// irregular maps plurals the suffix rules get wrong to their singular.
var irregular = map[string]string{
	"people": "person", "children": "child", "men": "man", "women": "woman", "mice": "mouse",
	"geese": "goose", "feet": "foot", "teeth": "tooth", "oxen": "ox", "dice": "die",
	"indices": "index", "matrices": "matrix", "vertices": "vertex", "appendices": "appendix",
	"criteria": "criterion", "phenomena": "phenomenon", "quizzes": "quiz", "corpora": "corpus",
	// -ves from -f or -fe (most -ves words just drop the s: archives, drives).
	"wolves": "wolf", "knives": "knife", "lives": "life", "leaves": "leaf", "halves": "half",
	"shelves": "shelf", "thieves": "thief", "wives": "wife", "calves": "calf", "loaves": "loaf",
	"selves": "self", "scarves": "scarf", "elves": "elf",
	// -oes from -o (most -oes words just drop the s: shoes, toes).
	"heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "echoes": "echo", "vetoes": "veto",
	"torpedoes": "torpedo", "volcanoes": "volcano", "embargoes": "embargo", "cargoes": "cargo",
	"mosquitoes": "mosquito", "dominoes": "domino", "tornadoes": "tornado",
	// -ses from -sis.
	"analyses": "analysis", "diagnoses": "diagnosis", "hypotheses": "hypothesis", "theses": "thesis",
	"crises": "crisis", "synopses": "synopsis", "parentheses": "parenthesis", "emphases": "emphasis",
	"oases": "oasis", "syntheses": "synthesis", "ellipses": "ellipsis", "prognoses": "prognosis",
	"bases": "base", "axes": "axis",
}

// pluralOf is irregular read backwards, for Plural.
var pluralOf = func() map[string]string {
	m := make(map[string]string, len(irregular))
	for plural, single := range irregular {
		m[single] = plural
	}
	m["base"], m["axis"] = "bases", "axes"
	return m
}()

// keepsS lists singular words ending in -us, -as or -is whose plural adds
// -es: statuses is a status, while houses is a house.
var keepsS = set("status", "bus", "bonus", "virus", "campus", "census", "radius", "focus",
	"prospectus", "surplus", "syllabus", "consensus", "genus", "apparatus", "stimulus", "nexus",
	"caucus", "circus", "chorus", "plus", "minus", "cactus", "octopus", "fungus", "thesaurus",
	"walrus", "abacus", "hiatus", "impetus", "lotus", "onus", "sinus", "terminus", "exodus",
	"alias", "bias", "canvas", "atlas", "gas", "iris", "tennis")

// keepsIE lists singular words ending in -ie, whose plural -ies is not
// from -y: movies is a movie, while companies is a company.
var keepsIE = set("movie", "cookie", "zombie", "rookie", "calorie", "goodie", "smoothie", "selfie",
	"freebie", "newbie", "brownie", "pie", "tie", "lie", "hippie", "auntie", "genie", "hoodie",
	"techie", "veggie", "prairie", "sortie", "birdie", "bookie", "budgie", "collie", "indie",
	"lingerie", "oldie", "pixie", "rookie", "specie", "talkie", "walkie")

// keepsE lists singular words ending in -che, -xe or -ze whose plural is
// not the -ches, -xes or -zes of a word without the e: caches, sizes.
var keepsE = set("cache", "niche", "avalanche", "headache", "moustache", "mustache", "psyche",
	"cliche", "quiche", "microfiche")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Singular returns the singular of the last word of s, keeping the rest of
// s and the case of the letters it keeps: "card_transactions" gives
// "card_transaction", "ShippingAddresses" "ShippingAddress", "news" "news".
func Singular(s string) string {
	word, start := lastWord(s)
	lw := strings.ToLower(word)
	if lw == "" || uncountable[lw] {
		return s
	}
	if one, ok := irregular[lw]; ok {
		return s[:start] + matchCase(one, word)
	}
	for _, r := range singularRules {
		if strings.HasSuffix(lw, r.plural) && r.applies(lw) {
			stem := word[:len(word)-len(r.plural)]
			return s[:start] + stem + matchCase(r.single, word[len(stem):])
		}
	}
	return s
}

// Plural returns the plural of the last word of s, the inverse of
// Singular for the words it knows.
func Plural(s string) string {
	word, start := lastWord(s)
	lw := strings.ToLower(word)
	if lw == "" || uncountable[lw] {
		return s
	}
	if many, ok := pluralOf[lw]; ok {
		return s[:start] + matchCase(many, word)
	}
	for _, r := range pluralRules {
		if strings.HasSuffix(lw, r.single) && r.applies(lw) {
			stem := word[:len(word)-len(r.single)]
			return s[:start] + stem + matchCase(r.plural, word[len(stem):])
		}
	}
	return s + matchCase("s", word[len(word)-1:])
}

// rule replaces the suffix single with plural (or back).
type rule struct {
	plural, single string
	when           func(word string) bool // nil: always
}

func (r rule) applies(word string) bool { return r.when == nil || r.when(word) }

// singularRules are tried in order; the first whose suffix matches wins.
var singularRules = []rule{
	{"ies", "ie", func(w string) bool { return keepsIE[w[:len(w)-1]] }},
	{"ies", "y", func(w string) bool { return len(w) > 3 }},
	{"sses", "ss", nil},
	{"uses", "us", func(w string) bool { return keepsS[w[:len(w)-2]] }},
	{"ases", "as", func(w string) bool { return keepsS[w[:len(w)-2]] }},
	{"ises", "is", func(w string) bool { return keepsS[w[:len(w)-2]] }},
	{"ches", "che", func(w string) bool { return keepsE[w[:len(w)-1]] }},
	{"ches", "ch", nil},
	{"shes", "sh", nil},
	{"xes", "x", nil},
	{"zzes", "zz", nil},
	{"ss", "ss", nil},
	{"us", "us", nil},
	{"is", "is", nil},
	{"s", "", func(w string) bool { return len(w) > 1 }},
}

// pluralRules are singularRules read backwards.
var pluralRules = []rule{
	{"ies", "ie", nil},
	{"ies", "y", func(w string) bool { return len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])) }},
	{"sses", "ss", nil},
	{"ses", "s", nil},
	{"ches", "ch", nil},
	{"shes", "sh", nil},
	{"xes", "x", nil},
	{"zzes", "zz", nil},
}

// lastWord returns the last word of s, cut as splitWords cuts words
// (at punctuation, digits and case changes), and where it starts. It is ""
// when s does not end in a letter.
func lastWord(s string) (string, int) {
	if s == "" || !isASCIILetter(rune(s[len(s)-1])) {
		return "", len(s)
	}
	start := 0
	for i := 1; i < len(s); i++ {
		r, prev := rune(s[i]), rune(s[i-1])
		switch {
		case !isASCIILetter(prev):
			start = i
		case isUpper(r) && isLower(prev):
			start = i
		case isUpper(r) && isUpper(prev) && i+1 < len(s) && isLower(rune(s[i+1])):
			start = i
		}
	}
	return s[start:], start
}

// matchCase writes repl in the case of like: all capitals when like is,
// capitalised when like starts with a capital.
func matchCase(repl, like string) string {
	switch {
	case like == "" || repl == "":
		return repl
	case strings.ToUpper(like) == like && len(like) > 1:
		return strings.ToUpper(repl)
	case isUpper(rune(like[0])):
		return strings.ToUpper(repl[:1]) + repl[1:]
	}
	return repl
}
