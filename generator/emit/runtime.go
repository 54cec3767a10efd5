package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// rt is every identifier of the runtime (templates/runtime) that generated
// code refers to, declared once. TestRuntimeSymbols checks each against
// what the runtime declares, so renaming one there fails a test here
// instead of breaking every generated package.
var rt = struct {
	// Types.
	TransportType, APIRequest, TransportConfig, AuthScheme, UnionShape, Opt, RequestOption, Property string
	// Functions.
	NewTransport, PathParam, PathParamStyled, AutoPaging, Params, Encoding, StyleExplode, StyleAllowReserved                  string
	ParamsQuery, ParamsHeader, ParamsCookie                                                                                   string // methods of rtParams
	MarshalObject, UnmarshalObject, MarshalUnion, UnionField, UnionTag, UnionMatch, UnionCandidates, Some, NewWebhookVerifier string
	WebhookHandler, Result                                                                                                    string
	// Variables.
	ErrWebhookNoSecret string
	// Methods.
	Do, WebhookSettings, Verify string // Verify: the webhook verifier's method
	SetRawJSON                  string // what the transport calls on a decoded response
	// Fields, by the struct that holds them.
	Request apiRequestFields
	Config  transportConfigFields
	Auth    authSchemeFields
	Shape   unionShapeFields
	Prop    propertyFields
	Part    partEncodingFields
	W       jsonWriterMethods
	// The fields of Opt that generated encoders read, and the helpers
	// they call.
	OptState, OptValue, JSONWriter, NewJSONWriter, CountSet, IsZero string
}{
	TransportType: "transport", APIRequest: "apiRequest", TransportConfig: "transportConfig",
	AuthScheme: "authScheme", UnionShape: "unionShape", Opt: "Opt", RequestOption: "RequestOption",
	NewTransport: "newTransport", PathParam: "pathParam", PathParamStyled: "rtPathParam", AutoPaging: "autoPaging",
	Params: "rtParams", Encoding: "rtEncoding", StyleExplode: "rtExplode", StyleAllowReserved: "rtAllowReserved",
	ParamsQuery: "query", ParamsHeader: "header", ParamsCookie: "cookie",
	MarshalObject: "marshalObject", UnmarshalObject: "unmarshalObject", Property: "rtProperty", MarshalUnion: "marshalUnion", UnionField: "unionField", UnionTag: "unionTag",
	UnionMatch: "unionMatch", UnionCandidates: "unionCandidates", Some: "Some", NewWebhookVerifier: "newWebhookVerifier",
	WebhookHandler: "webhookHandler", Result: "rtResult", ErrWebhookNoSecret: "ErrWebhookNoSecret",
	Do: "do", WebhookSettings: "webhookSettings", Verify: "verify", SetRawJSON: "setRawJSON",
	Request: apiRequestFields{
		Operation: "Operation", Method: "Method", Path: "Path",
		Body: "Body", ContentType: "ContentType", NoAuth: "NoAuth", Options: "Options",
		Params: "Params", Encoding: "Encoding",
	},
	Part:   partEncodingFields{ContentType: "ContentType", Style: "Style", Headers: "Headers"},
	Config: transportConfigFields{DefaultBaseURL: "DefaultBaseURL", EnvPrefix: "EnvPrefix", UserAgent: "UserAgent", Auth: "Auth"},
	Auth:   authSchemeFields{In: "In", Name: "Name"},
	Shape:  unionShapeFields{Kind: "kind", Consts: "consts", Required: "required", Props: "props"},
	Prop:   propertyFields{Name: "name", Value: "value", Omit: "omit"},
	W: jsonWriterMethods{AnyValue: "anyValue", Bool: "bool", BoolValue: "boolValue", Close: "close", CloseList: "closeList", Elem: "elem", Fail: "fail", Finish: "finish", Float: "float", Float32: "float32", FloatValue: "floatValue", Int: "int", IntValue: "intValue", Key: "key", Lit: "lit", Null: "null", NullValue: "nullValue", Open: "open", OpenList: "openList", OptBool: "optBool", OptFloat: "optFloat", OptFloat32: "optFloat32", OptInt: "optInt", OptKey: "optKey", OptStr: "optStr", OptTime: "optTime", Raw: "raw", Str: "str", StrValue: "strValue", Strs: "strs", Time: "time", TimeValue: "timeValue",
		Request: "request"},
	OptState: "state", OptValue: "value", JSONWriter: "rtJSONWriter", NewJSONWriter: "rtNewJSONWriter",
	CountSet: "rtCountSet", IsZero: "rtIsZero",
}

// jsonWriterMethods are the methods of the runtime's rtJSONWriter that
// generated encoders call.
type jsonWriterMethods struct {
	Request string // a field: the output is a request body

	AnyValue, Bool, BoolValue, Close, CloseList, Elem, Fail, Finish, Float, Float32, FloatValue, Int, IntValue, Key, Lit, Null, NullValue, Open, OpenList, OptBool, OptFloat, OptFloat32, OptInt, OptKey, OptStr, OptTime, Raw, Str, StrValue, Strs, Time, TimeValue string
}

type apiRequestFields struct {
	Operation, Method, Path, Body, ContentType, NoAuth, Options, Params, Encoding string
}

type partEncodingFields struct{ ContentType, Style, Headers string }

// rtStyles are the runtime's names of the parameter styles.
var rtStyles = map[model.Style]string{
	model.StyleSimple: "rtSimple", model.StyleLabel: "rtLabel", model.StyleMatrix: "rtMatrix",
	model.StyleForm: "rtForm", model.StyleSpaceDelimited: "rtSpaceDelimited",
	model.StylePipeDelimited: "rtPipeDelimited", model.StyleDeepObject: "rtDeepObject",
}

type transportConfigFields struct{ DefaultBaseURL, EnvPrefix, UserAgent, Auth string }

type authSchemeFields struct{ In, Name string }

type unionShapeFields struct{ Kind, Consts, Required, Props string }

type propertyFields struct{ Name, Value, Omit string }

// id writes a runtime identifier.
func id(name string) *jen.Statement { return jen.Id(name) }

// Names the emitter declares itself, at package level and in every method
// body. The model keeps spec-derived names clear of them.
const (
	clientType       = "Client"
	newClientFunc    = "NewClient"
	defaultBaseURL   = "DefaultBaseURL"
	sandboxBaseURL   = "SandboxBaseURL"
	specVersionConst = "SpecVersion"
	specSHAConst     = "SpecSHA256"
	transportField   = "t"
)

// Locals of generated method bodies.
const (
	recvService = "s"
	argCtx      = "ctx"
	argParams   = "params"
	argOpts     = "opts"
	localReq    = "req"
	localOut    = "out"
	localErr    = "err"
	localCursor = "cursor"
	localNext   = "next"
	localPage   = "page"
	localAfter  = "after"
	localValue  = "v"
	localOK     = "ok"
	localMore   = "more"
)

// Imports are the packages generated code (outside the runtime) may import.
var Imports = []string{"bytes", "context", "encoding/json", "fmt", "io", "iter", "net/http", "net/url", "time"}

// importedPackages are the names generated method bodies may refer to as
// packages; an argument must not shadow them.
var importedPackages = []string{"bytes", "context", "encoding", "errors", "fmt", "http", "io", "iter", "json", "url", "strconv", "time"}

// Reserved returns the names generated code declares or uses besides the
// spec's, for the model to keep its names clear of: runtime is every
// top-level name the runtime declares.
func Reserved(runtime []string) model.Reserved {
	return model.Reserved{
		Package: append(runtime, clientType, newClientFunc, defaultBaseURL, sandboxBaseURL, specVersionConst, specSHAConst),
		Locals: append([]string{recvService, argCtx, argParams, argOpts, localReq, localOut, localErr, localCursor,
			localNext, localPage, localAfter, localValue, localOK, localMore}, importedPackages...),
		StructMethods:  []string{"MarshalJSON", "UnmarshalJSON", "RawJSON", "NextPage"},
		UnionMethods:   []string{"Variant", "RawJSON", "MarshalJSON", "UnmarshalJSON"},
		ServiceMembers: nil,
	}
}
