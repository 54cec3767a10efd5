// Package model is the generator's view of an API: plain data with every Go
// name final and unique. It is built from a kin-openapi document by Build
// and read by the emitter; no kin-openapi or jennifer type leaks out of it.
//
// The model owns names and shapes: which types exist, what they hold, what
// every declared identifier is called. It knows nothing of files or of how
// Go source is laid out; the emitter decides that.
package model

// API is everything the emitter needs to write a client package.
type API struct {
	Package     string // Go package name
	Title       string
	Version     string // info.version
	SpecSHA256  string
	EnvPrefix   string // prefix of the environment variables the client reads, e.g. WHOP
	Description string
	Servers     []Server
	Auth        Auth        // how the client sends its API key
	Resources   []*Resource // top-level resources, sorted by Go field name
	Types       []*Type     // every named type, sorted by name
	Webhooks    []*Webhook  // sorted by event name
	// Event is the union of every webhook payload, told apart by "type";
	// nil when the spec has no webhooks.
	Event *Type
	// WebhookService is the service that verifies webhooks: the top-level
	// "webhooks" resource when the API has one, else a service of its own
	// (Own is true, no methods from the spec).
	WebhookService *Resource
	// Names lists every name the model gave a spec element, sorted by key:
	// the manifest that lets a later generation keep them.
	Names []NameEntry
}

// NameEntry is one published name: the spec element (Key) and its Go name.
type NameEntry struct {
	Key, Name string
}

// AuthKind says where the API key goes.
type AuthKind int

const (
	// AuthBearer sends "Authorization: Bearer <key>".
	AuthBearer AuthKind = iota
	// AuthBasic sends the key ("user:password") as HTTP basic credentials.
	AuthBasic
	// AuthHeader sends the key in the header Auth.Name.
	AuthHeader
	// AuthQuery sends the key as the query parameter Auth.Name.
	AuthQuery
)

// Auth says how credentials are sent.
type Auth struct {
	Kind AuthKind
	Name string // the header or query parameter of an API key
}

// Server is one entry of the spec's servers list, variables substituted
// with their defaults.
type Server struct {
	URL         string
	Description string
	// Const is the Go constant naming an extra server (ServerURL2, ...);
	// "" for the first server, which is DefaultBaseURL.
	Const string
}

// Resource is a service: a group of methods, possibly with sub-resources.
type Resource struct {
	Field       string // the Go field name on the parent (or the Client): Affiliates
	TypeName    string // the service type: AffiliateService
	Constructor string // the unexported function that builds it: newAffiliateService
	Path        []string
	Parent      *Resource // nil for a top-level resource
	Methods     []*Method // sorted by name
	Children    []*Resource
	// Own is true for the webhook service the generator adds when the
	// spec has webhooks but no "webhooks" resource.
	Own bool
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
	BodyField   *Field    // for BodyInField: the field of Params holding the body
	BodyMedia   MediaType // request media type; zero when there is no body
	// BodyEncoding says how properties of a form or multipart body are
	// sent, where the spec's encoding object says more than the defaults.
	BodyEncoding []PartEncoding
	Response     *GoType // nil when the operation returns no body
	// ResponseNullable is true when the response body may be JSON null:
	// the method then returns a pointer that is nil for null.
	ResponseNullable bool
	RespMedia        MediaType
	Page             *Page
	// AutoPaging is the Go name of the iterator twin of a list method; ""
	// when the method is not paginated.
	AutoPaging string
	Pos        Pos
}

// BodyKind says how a method's request body relates to its Params type.
type BodyKind int

const (
	// BodyNone: no request body.
	BodyNone BodyKind = iota
	// BodyFlat: the body fields are fields of Params (tagged for JSON), next
	// to parameter fields (tagged json:"-").
	BodyFlat
	// BodyWhole: Params is itself the body (a union, say).
	BodyWhole
	// BodyInField: the body is one field of Params.
	BodyInField
)

// MediaKind groups media types by how the client encodes or decodes them.
type MediaKind int

const (
	// MediaNone: no body.
	MediaNone MediaKind = iota
	// MediaJSON: application/json, +json suffixes and */*.
	MediaJSON
	// MediaForm: application/x-www-form-urlencoded.
	MediaForm
	// MediaMultipart: multipart/form-data.
	MediaMultipart
	// MediaText: text/*, carried as a Go string.
	MediaText
	// MediaBinary: anything else, carried as bytes.
	MediaBinary
)

// MediaType is a media type as the spec writes it, parsed once.
type MediaType struct {
	Raw     string // as in the spec, parameters included: "application/json; charset=utf-8"
	Essence string // lower case, without parameters: "application/json"
	Kind    MediaKind
}

// PartEncoding is the spec's encoding of one property of a form or
// multipart body.
type PartEncoding struct {
	Property    string // the property's JSON name
	ContentType string // as the spec writes it; "" for the default
	// Style is "" unless the spec gives style, explode or allowReserved.
	Style         Style
	Explode       bool
	AllowReserved bool
	Headers       []PartHeader // headers whose schema fixes their value
}

// PartHeader is a header sent with a multipart part.
type PartHeader struct {
	Name, Value string
}

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
	// TypeStruct is an object with properties.
	TypeStruct TypeKind = iota
	// TypeEnum is a string or integer type with named constants.
	TypeEnum
	// TypeUnion is one of several variants.
	TypeUnion
	// TypeAlias names another named type: type A = B.
	TypeAlias
	// TypeDefined is a new type over a scalar, slice or map: type Tags []string.
	TypeDefined
)

// Type is a named Go type.
type Type struct {
	Name       string
	Key        string // the spec element it comes from; see keys.go
	Kind       TypeKind
	Doc        string
	Deprecated bool
	Pos        Pos

	Fields []*Field // TypeStruct

	EnumValues []EnumValue // TypeEnum
	EnumBase   Kind        // TypeEnum: KindString or KindInt64

	Variants      []*Variant // TypeUnion
	Discriminator string     // TypeUnion: the property naming the variant, "" when untagged
	// TagMethod is the Go name of the method returning the discriminator's
	// value, "" when there is none; TagType is its result type (a string
	// enum of the API when one lists every tag), nil for string.
	TagMethod string
	TagType   *Type
	// Accessors are the properties every variant has with the same Go type,
	// each read by a method of the union.
	Accessors []*Accessor

	Target *GoType // TypeAlias and TypeDefined

	// Request is true for types built only for request parameters.
	Request bool
	// Response is true for types some response or webhook reaches.
	Response bool
	// Consts are properties whose value the spec fixes; they are not Go
	// fields, the encoder writes them.
	Consts []*Field

	// PageOf is the list method whose page this type is, when the page
	// has a NextPage method.
	PageOf *Method
}

// Accessor is a method of a union that reads a property every variant has
// with the same Go type.
type Accessor struct {
	Name     string   // the Go method name
	JSONName string   // the property
	Fields   []*Field // each variant's field, in the order of Variants
}

// EnumValue is one constant of an enum.
type EnumValue struct {
	Name  string // Go constant name
	Value string // the JSON value (a string, or a number's literal)
}

// Variant is one member of a union.
type Variant struct {
	Name string  // the Go field name in the union struct
	Type *GoType // the variant's Go type
	Tag  string  // the discriminator value, if any
	// Consts are the properties the variant fixes, by JSON name: a string
	// value's text, or a number's or boolean's JSON ("7", "true").
	Consts   map[string]string
	Required []string // JSON names of required properties, used to tell untagged variants apart

	label string // the name the variant asks for, while building
}

// Kind is the shape of a Go type expression.
type Kind int

const (
	KindString Kind = iota
	KindInt64
	KindInt32
	KindFloat64
	KindFloat32
	KindBool
	KindTime
	KindAny // free-form JSON value: any
	KindBytes
	KindSlice
	KindMap
	KindNamed
	KindRawJSON
	KindReader       // a streamed body: io.Reader in requests, io.ReadCloser in responses
	KindNullableElem // *Elem: a nullable element of a slice or map
)

// GoType is a Go type expression.
type GoType struct {
	Kind  Kind
	Elem  *GoType // KindSlice, KindMap, KindNullableElem
	Named *Type   // KindNamed
}

// Nilable reports whether the Go type has nil as a value of its own, so
// that null needs no wrapper.
func (t *GoType) Nilable() bool {
	switch t.Kind {
	case KindSlice, KindMap, KindAny, KindRawJSON, KindBytes, KindReader, KindNullableElem:
		return true
	case KindNamed:
		if n := t.Named; (n.Kind == TypeDefined || n.Kind == TypeAlias) && n.Target != nil {
			return n.Target.Nilable()
		}
	}
	return false
}

// Underlying returns the type expression a named alias or defined type
// stands for, and t itself for anything else.
func (t *GoType) Underlying() *GoType {
	for i := 0; t.Kind == KindNamed && (t.Named.Kind == TypeAlias || t.Named.Kind == TypeDefined) && t.Named.Target != nil && i < 64; i++ {
		t = t.Named.Target
	}
	return t
}

// JSONKind names the kind of JSON value the Go type encodes as: object,
// array, string, integer, number, boolean, or "" for any value.
func (t *GoType) JSONKind() string {
	t = t.Underlying()
	switch t.Kind {
	case KindString, KindTime, KindBytes:
		return "string"
	case KindInt64, KindInt32:
		return "integer"
	case KindFloat64, KindFloat32:
		return "number"
	case KindBool:
		return "boolean"
	case KindSlice:
		return "array"
	case KindMap:
		return "object"
	case KindNullableElem:
		return t.Elem.JSONKind()
	case KindNamed:
		switch t.Named.Kind {
		case TypeStruct:
			return "object"
		case TypeEnum:
			if t.Named.EnumBase == KindInt64 {
				return "integer"
			}
			return "string"
		}
	}
	return ""
}

// Location says where a Params field travels.
type Location int

const (
	// InBody: a property of the JSON (or form) body.
	InBody Location = iota
	// InQuery: a query parameter.
	InQuery
	// InHeader: a header parameter.
	InHeader
	// InPath: a path parameter.
	InPath
	// InCookie: a cookie parameter.
	InCookie
	// InWholeBody: the field holds the whole request body.
	InWholeBody
)

// String is the word the spec uses for the location.
func (l Location) String() string {
	return [...]string{"body", "query", "header", "path", "cookie", "body"}[l]
}

// IsParameter reports whether a field with this location is a parameter
// (query, header, path or cookie) rather than body content.
func (l Location) IsParameter() bool {
	return l == InQuery || l == InHeader || l == InPath || l == InCookie
}

// Style is how a parameter is serialized, as OpenAPI names it.
type Style string

const (
	StyleForm           Style = "form"
	StyleSimple         Style = "simple"
	StyleLabel          Style = "label"
	StyleMatrix         Style = "matrix"
	StyleSpaceDelimited Style = "spaceDelimited"
	StylePipeDelimited  Style = "pipeDelimited"
	StyleDeepObject     Style = "deepObject"
)

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
	In         Location
	Style      Style // for parameters
	Explode    bool  // for parameters
	// AllowReserved: a query parameter's reserved characters are sent as
	// they are.
	AllowReserved bool
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

// OmitZero reports whether the field is left out of JSON when unset. (A
// request leaves out read-only properties whatever their value, and a
// re-encoded response leaves out an empty write-only one: the encoder
// decides that, knowing which it writes.)
func (f *Field) OmitZero() bool { return !f.Required }

// Webhook is one event the API sends.
type Webhook struct {
	Event string // the event type, e.g. invoice.created
	Type  *Type  // the payload type
}
