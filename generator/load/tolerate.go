package load

import (
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/diag"
)

// tolerate finds what kin-openapi's validator refuses although a reader
// can simply skip it, and reports each as a warning:
//
//   - keys no version of OpenAPI defines. In a 3.1 schema an unknown
//     keyword is an annotation (JSON Schema 2020-12, section 6.5 of the
//     core); in a 3.0 schema and in every other object it is invalid, but
//     ignoring it is the only sensible reading. kin-openapi keeps such keys
//     in the object's Extensions and reports ExtraSiblingFieldsError.
//   - JSON Schema keywords of OpenAPI 3.1 in a 3.0 document (const,
//     examples, $defs, ...), which kin-openapi reads anyway and reports as
//     FieldVersionMismatchError; they are read as in 3.1.
//   - patterns Go's regexp cannot compile (OpenAPI patterns are ECMA-262,
//     which has lookaround and backreferences): the client never checks
//     patterns, so they stay documentation.
//
// The returned options make kin-openapi's validation accept all of them.
// Schema validation stops at the first problem in a schema, so turning
// these errors into warnings after validation would hide whatever else is
// wrong with that schema; allowing them before keeps every other check.
func tolerate(file string, doc *openapi3.T) (diag.List, []openapi3.ValidationOption) {
	t := tolerance{
		file:     file,
		is31:     doc.IsOpenAPI31OrLater(),
		allowed:  map[string]bool{},
		patterns: map[string]error{},
		fields:   map[reflect.Type]objectFields{},
	}
	walk(doc, t.object)
	allowed := make([]string, 0, len(t.allowed))
	for k := range t.allowed {
		allowed = append(allowed, k)
	}
	slices.Sort(allowed)
	return t.diags, []openapi3.ValidationOption{
		openapi3.AllowExtraSiblingFields(allowed...),
		openapi3.DisableSchemaPatternValidation(),
	}
}

type tolerance struct {
	file     string
	is31     bool
	diags    diag.List
	allowed  map[string]bool               // keys validation must accept
	patterns map[string]error              // compiled patterns and their errors
	fields   map[reflect.Type]objectFields // where each object type keeps its extensions and origin
}

// objectFields are the indexes of an object type's Extensions and Origin
// fields, -1 when it has none.
type objectFields struct{ extensions, origin int }

func (t *tolerance) warn(origin *openapi3.Origin, field, format string, args ...any) {
	line, col := at(origin, field)
	t.diags.Add(diag.Diagnostic{File: t.file, Line: line, Col: col, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...)})
}

func (t *tolerance) object(v reflect.Value) {
	if s, ok := v.Interface().(*openapi3.Schema); ok {
		t.schema(s)
	}
	if strings.HasSuffix(v.Elem().Type().Name(), "Ref") {
		// The Extensions of a reference are the siblings of its $ref, which
		// every version allows.
		return
	}
	ext, origin := t.extensionsOf(v.Elem())
	for _, key := range slices.Sorted(maps.Keys(ext)) {
		if strings.HasPrefix(key, "x-") {
			continue
		}
		t.allowed[key] = true
		t.warn(origin, key, "%s", t.unknownKey(v.Elem().Type(), key))
	}
}

func (t *tolerance) unknownKey(typ reflect.Type, key string) string {
	if typ != reflect.TypeFor[openapi3.Schema]() {
		return fmt.Sprintf("unknown field %q in %s: ignored (only x- extensions may be added)", key, objectName(typ))
	}
	hint := ""
	if known := knownKeyword(key); known != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", known)
	}
	if !t.is31 {
		return fmt.Sprintf("%q is not an OpenAPI 3.0 schema keyword: ignored%s", key, hint)
	}
	if successor, ok := draft2019[key]; ok {
		return fmt.Sprintf("%s is JSON Schema 2019-09, not the 2020-12 of OpenAPI 3.1 (%s): an annotation, ignored", key, successor)
	}
	return fmt.Sprintf("%q is not a JSON Schema 2020-12 keyword: an annotation, ignored%s", key, hint)
}

// extensionsOf returns the Extensions and Origin of the object v, a struct.
func (t *tolerance) extensionsOf(v reflect.Value) (map[string]any, *openapi3.Origin) {
	f, ok := t.fields[v.Type()]
	if !ok {
		f = objectFields{extensions: fieldIndex(v.Type(), "Extensions"), origin: fieldIndex(v.Type(), "Origin")}
		t.fields[v.Type()] = f
	}
	var ext map[string]any
	var origin *openapi3.Origin
	if f.extensions >= 0 {
		ext, _ = v.Field(f.extensions).Interface().(map[string]any)
	}
	if f.origin >= 0 {
		origin, _ = v.Field(f.origin).Interface().(*openapi3.Origin)
	}
	return ext, origin
}

func fieldIndex(t reflect.Type, name string) int {
	if f, ok := t.FieldByName(name); ok && len(f.Index) == 1 {
		return f.Index[0]
	}
	return -1
}

// schema checks the keywords kin-openapi parsed into s.
func (t *tolerance) schema(s *openapi3.Schema) {
	if !t.is31 {
		for _, kw := range keywordsOf31(s) {
			t.allowed[kw] = true
			t.warn(s.Origin, kw, "%s is an OpenAPI 3.1 keyword, not 3.0: read as in 3.1", kw)
		}
	}
	if s.Pattern != "" {
		if err := t.compile(s.Pattern); err != nil {
			t.warn(s.Origin, "pattern", "pattern %q is not a Go regular expression (%v): not used to check values", s.Pattern, err)
		}
	}
}

// codepoint matches the \uXXXX escapes of ECMA-262 patterns, which Go
// writes \x{XXXX} (kin-openapi rewrites them the same way).
var codepoint = regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`)

func (t *tolerance) compile(pattern string) error {
	if err, ok := t.patterns[pattern]; ok {
		return err
	}
	_, err := regexp.Compile(codepoint.ReplaceAllString(pattern, `\x{$1}`))
	if err != nil {
		err = unwrapSyntax(err)
	}
	t.patterns[pattern] = err
	return err
}

// unwrapSyntax keeps the part of a regexp error that says what is wrong.
func unwrapSyntax(err error) error {
	msg := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
	return fmt.Errorf("%s", msg)
}

// keywordsOf31 lists the JSON Schema keywords of OpenAPI 3.1 that s uses,
// the same ones kin-openapi refuses in a 3.0 document.
func keywordsOf31(s *openapi3.Schema) []string {
	var kws []string
	add := func(present bool, kw string) {
		if present {
			kws = append(kws, kw)
		}
	}
	add(s.Const != nil, "const")
	add(len(s.Examples) != 0, "examples")
	add(len(s.PrefixItems) != 0, "prefixItems")
	add(s.Contains != nil, "contains")
	add(s.MinContains != nil, "minContains")
	add(s.MaxContains != nil, "maxContains")
	add(len(s.PatternProperties) != 0, "patternProperties")
	add(len(s.DependentSchemas) != 0, "dependentSchemas")
	add(s.PropertyNames != nil, "propertyNames")
	add(s.UnevaluatedItems.Has != nil || s.UnevaluatedItems.Schema != nil, "unevaluatedItems")
	add(s.UnevaluatedProperties.Has != nil || s.UnevaluatedProperties.Schema != nil, "unevaluatedProperties")
	add(s.If != nil, "if")
	add(s.Then != nil, "then")
	add(s.Else != nil, "else")
	add(len(s.DependentRequired) != 0, "dependentRequired")
	add(len(s.Defs) != 0, "$defs")
	add(s.SchemaDialect != "", "$schema")
	add(s.Comment != "", "$comment")
	add(s.SchemaID != "", "$id")
	add(s.Anchor != "", "$anchor")
	add(s.DynamicRef != "", "$dynamicRef")
	add(s.DynamicAnchor != "", "$dynamicAnchor")
	add(s.ContentMediaType != "", "contentMediaType")
	add(s.ContentEncoding != "", "contentEncoding")
	add(s.ContentSchema != nil, "contentSchema")
	return kws
}

// draft2019 maps the JSON Schema 2019-09 keywords that 2020-12 replaced to
// their successors.
var draft2019 = map[string]string{"$recursiveRef": "$dynamicRef", "$recursiveAnchor": "$dynamicAnchor"}

// schemaKeywords are the keywords of OpenAPI 3.0 and 3.1 schemas, for
// suggesting one when an unknown key is a misspelling of it (min_items).
var schemaKeywords = []string{
	"$anchor", "$comment", "$defs", "$dynamicAnchor", "$dynamicRef", "$id", "$ref", "$schema",
	"additionalProperties", "allOf", "anyOf", "const", "contains", "contentEncoding",
	"contentMediaType", "contentSchema", "default", "dependentRequired", "dependentSchemas",
	"deprecated", "description", "discriminator", "else", "enum", "example", "examples",
	"exclusiveMaximum", "exclusiveMinimum", "externalDocs", "format", "if", "items",
	"maxContains", "maxItems", "maxLength", "maxProperties", "maximum", "minContains",
	"minItems", "minLength", "minProperties", "minimum", "multipleOf", "not", "nullable",
	"oneOf", "pattern", "patternProperties", "prefixItems", "properties", "propertyNames",
	"readOnly", "required", "then", "title", "type", "unevaluatedItems",
	"unevaluatedProperties", "uniqueItems", "writeOnly", "xml",
}

// knownKeyword returns the keyword key is a variant spelling of (other
// case, snake_case, kebab-case), or "".
func knownKeyword(key string) string {
	fold := func(s string) string {
		return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(s))
	}
	for _, kw := range schemaKeywords {
		if fold(kw) == fold(key) {
			return kw
		}
	}
	return ""
}

// objectName names an OpenAPI object type for a message: "the path item".
func objectName(t reflect.Type) string {
	if t == reflect.TypeFor[openapi3.T]() {
		return "the OpenAPI object"
	}
	var words []string
	start := 0
	name := t.Name()
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) {
			words = append(words, strings.ToLower(name[start:i]))
			start = i
		}
	}
	words = append(words, strings.ToLower(name[start:]))
	return "the " + strings.Join(words, " ")
}

// at returns the position of field in the object origin describes: the
// field's own when it is recorded (scalar fields), else the object's.
func at(origin *openapi3.Origin, field string) (line, col int) {
	if origin == nil {
		return 0, 0
	}
	if loc, ok := origin.Fields.Lookup(field); ok && loc.Line > 0 {
		return loc.Line, loc.Column
	}
	if origin.Key != nil {
		return origin.Key.Line, origin.Key.Column
	}
	return 0, 0
}
