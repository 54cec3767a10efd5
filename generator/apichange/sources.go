package apichange

import (
	"regexp"
	"strings"

	"github.com/whopgen/whopgen/generator/load"
)

// opSource is what the spec says an operation is called: the call of its
// JavaScript code sample (which names its SDK resource and method), its
// first tag and its operationId (which name it when it has no sample).
type opSource struct {
	call, tag, operationID string
}

var sampleCall = regexp.MustCompile(`client\.[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\(`)

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
			src := opSource{operationID: op.OperationID, call: sampleOf(op.Extensions["x-codeSamples"])}
			if len(op.Tags) > 0 {
				src.tag = op.Tags[0]
			}
			out[canonicalKey(strings.ToUpper(method)+" "+path)] = src
		}
	}
	return out
}

// sampleOf returns the SDK call ("client.products.delete(") of the first
// JavaScript or TypeScript code sample that makes one.
func sampleOf(ext any) string {
	samples, _ := ext.([]any)
	for _, s := range samples {
		m, _ := s.(map[string]any)
		lang, _ := m["lang"].(string)
		src, _ := m["source"].(string)
		if !strings.EqualFold(lang, "JavaScript") && !strings.EqualFold(lang, "TypeScript") {
			continue
		}
		if call := sampleCall.FindString(src); call != "" {
			return call
		}
	}
	return ""
}
