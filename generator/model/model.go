// Package model is the generator's view of an API: plain data with every Go
// name final and unique. It is built from a kin-openapi document by Build
// and read by the emitter; no kin-openapi or jennifer type leaks out of it.
package model

import "github.com/getkin/kin-openapi/openapi3"

// API is everything the emitter needs to write a client package.
type API struct {
	Package    string // Go package name
	Title      string
	Version    string // info.version
	SpecSHA256 string
	EnvPrefix  string // prefix of the environment variables the client reads, e.g. WHOP
	Servers    []Server
	Auth       Auth        // how the client sends its API key
	Resources  []*Resource // top-level resources, sorted by name
	Types      []*Type     // every named type, sorted by name
	Webhooks   []*Webhook  // sorted by event name
	// Event is the union of every webhook payload, told apart by "type";
	// nil when the spec has no webhooks.
	Event *Type
	// WebhookService is the service that verifies webhooks: the top-level
	// "webhooks" resource when the API has one, else a service of its own
	// (Resource.Field "Webhooks", no methods from the spec).
	WebhookService *Resource
	Description    string
}

// Auth says how credentials are sent: In is "bearer", "basic", "header"
// or "query"; Name is the header or query parameter of an API key.
type Auth struct {
	In, Name string
}

// Server is one entry of the spec's servers list, variables substituted
// with their defaults.
type Server struct {
	URL         string
	Description string
}

// Resource is a service: a group of methods, possibly with sub-resources.
type Resource struct {
	Field    string // the Go field name on the parent: Affiliates
	TypeName string // the service type: AffiliateService
	Path     []string
	File     string // file name without extension, for top-level resources
	Methods  []*Method
	Children []*Resource
}

// Method is one operation.
type Method struct {
	Name        string // Go method name: Update
	Resource    *Resource
	HTTPMethod  string // GET, POST, ...
	Path        string // the path template exactly as in the spec
	OperationID string
	Summary     string
	Description string
	Deprecated  bool
	Scopes      []string
	NoAuth      bool     // the operation declares no security requirement
	PathParams  []*Field // in path order; Name is the Go argument name
	Params      *Type    // the ...Params type, nil when the operation takes none
	Body        BodyKind
	BodyField   *Field // for BodyField: the field of Params holding the body
	BodyMedia   string // request media type
	Response    *GoType
	RespMedia   string
	Page        *Page
	Pos         Pos
}

// BodyKind says how a method's request body relates to its Params type.
type BodyKind int

const (
	// BodyNone: no request body.
	BodyNone BodyKind = iota
	// BodyFlat: the body fields are fields of Params (tagged for JSON), next
	// to query fields (tagged json:"-").
	BodyFlat
	// BodyWhole: Params is itself the body (a union, say).
	BodyWhole
	// BodyInField: the body is one field of Params.
	BodyInField
)

// Page describes cursor pagination detected from a method's shape.
type Page struct {
	// Owned is true when the page type was made for this method alone, so
	// it can carry a NextPage method bound to the method's parameters.
	Owned       bool
	Item        *GoType
	Data        *Field // the items field of the response
	PageInfo    *Field // the page info field of the response
	EndCursor   *Field // in the page info type
	HasNextPage *Field // in the page info type
	After       *Field // the cursor query parameter in Params
}

// Pos is a place in the spec.
type Pos struct {
	Line, Col int
}

// TypeKind says what kind of Go declaration a named type becomes.
type TypeKind int

const (
	// Struct is an object with properties.
	Struct TypeKind = iota
	// Enum is a string type with named constants.
	Enum
	// Union is one of several variants.
	Union
	// Alias names another type expression.
	Alias
)

// Type is a named Go type.
type Type struct {
	Name       string
	Kind       TypeKind
	Doc        string
	Deprecated bool
	Origin     string // JSON pointer-like place in the spec, for messages
	Pos        Pos
	File       string // file name without extension

	Fields []*Field // Struct

	EnumValues []EnumValue // Enum
	EnumBase   Kind        // Enum: String, Int64 or Float64

	Variants      []*Variant // Union
	Discriminator string     // Union: the property naming the variant, "" when untagged

	Target *GoType // Alias

	// Request is true for types built only for request parameters.
	Request bool
	// Consts are fields whose value the spec fixes; they are not Go fields,
	// the encoder writes them.
	Consts []*Field

	// PageOf is the list method whose page this type is, when the page
	// has a NextPage method.
	PageOf *Method

	schema *openapi3.Schema // the component schema, while building
}

// EnumValue is one constant of an enum.
type EnumValue struct {
	Name  string // Go constant name
	Value string // the JSON value (a string, or a number's literal)
}

// Variant is one member of a union.
type Variant struct {
	Name     string  // the Go field name in the union struct
	Type     *GoType // always Named
	Tag      string  // the discriminator value, if any
	Consts   map[string]string
	Required []string // JSON names of required properties, used to tell untagged variants apart
}

// Kind is the shape of a Go type expression.
type Kind int

const (
	String Kind = iota
	Int64
	Int32
	Float64
	Float32
	Bool
	Time
	Any // free-form JSON value: any
	Bytes
	Slice
	Map
	Named
	RawJSON
	Reader       // a streamed body: io.Reader in requests, io.ReadCloser in responses
	NullableElem // *Elem: a nullable element of a slice or map
)

// GoType is a Go type expression.
type GoType struct {
	Kind  Kind
	Elem  *GoType // Slice, Map
	Named *Type   // Named
}

// Nilable reports whether the Go type has nil as a value of its own, so
// that null needs no wrapper.
func (t *GoType) Nilable() bool {
	return t.Kind == Slice || t.Kind == Map || t.Kind == Any || t.Kind == RawJSON || t.Kind == Bytes || t.Kind == Reader || t.Kind == NullableElem
}

// Field is a struct field, a parameter, or a const property.
type Field struct {
	Name       string // Go name
	JSONName   string // name in JSON, query or header
	Doc        string
	Type       *GoType
	Required   bool
	Nullable   bool
	Deprecated bool
	ReadOnly   bool
	WriteOnly  bool
	Default    string // rendered default value, for docs
	Const      string
	In         string // "" for a body field; "query", "header", "path", "cookie"
	Style      string // query style: form, deepObject, ...
	Explode    bool
	// Recursive marks a field whose type contains the field's own struct by
	// value; it becomes a pointer to keep the Go type finite.
	Recursive bool
}

// Wrap is how a field's type is wrapped in Go.
type Wrap int

const (
	// Plain: T.
	Plain Wrap = iota
	// Pointer: *T, nil meaning null.
	Pointer
	// Optional: Opt[T], which tells "not sent" from null and a value.
	Optional
)

// Wrap decides how the field is represented: required values are plain,
// required nullables are pointers (or their own nil), and optional values
// are Opt[T] so that a zero value is still sent. Slices and maps are their
// own "not sent" state when they cannot be null.
func (f *Field) Wrap() Wrap {
	switch {
	case f.Recursive:
		return Pointer
	case f.Required && !f.Nullable:
		return Plain
	case f.Required:
		if f.Type.Nilable() {
			return Plain
		}
		return Pointer
	case f.Type.Nilable() && !f.Nullable:
		return Plain
	default:
		return Optional
	}
}

// OmitZero reports whether the field is left out of JSON when unset.
func (f *Field) OmitZero() bool { return !f.Required }

// Webhook is one event the API sends.
type Webhook struct {
	Event string // the event type, e.g. invoice.created
	Type  *Type  // the payload type
}
