package apichange

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/whopgen/whopgen/generator/load"
	"github.com/whopgen/whopgen/generator/model"
)

// opSource is what the spec says an operation is called: the call of its
// JavaScript code sample (which names its SDK resource and method), its
// first tag and its operationId (which name it when it has no sample).
type opSource struct {
	call, tag, operationID string
}

// readSources reads the naming sources of every operation of a spec, by
// "METHOD /path". It parses the spec again (about a second for the Whop
// spec), so it is only called to explain a moved or renamed method; nil
// when the spec is not given or does not parse.
func readSources(file string, spec []byte) map[string]opSource {
	if spec == nil {
		return nil
	}
	doc := load.Parse(file, spec, false).Doc
	if doc == nil || doc.Paths == nil {
		return nil
	}
	out := map[string]opSource{}
	for path, item := range doc.Paths.Map() {
		if item == nil {
			continue
		}
		for method, op := range item.Operations() {
			src := opSource{operationID: op.OperationID, call: sampleOf(op)}
			if len(op.Tags) > 0 {
				src.tag = op.Tags[0]
			}
			out[model.CanonicalKey(strings.ToUpper(method)+" "+path)] = src
		}
	}
	return out
}

// sampleOf returns the operation's SDK call as its code sample writes it:
// "client.products.delete(".
func sampleOf(op *openapi3.Operation) string {
	if call := model.SampleCall(op); call != "" {
		return "client." + call + "("
	}
	return ""
}
