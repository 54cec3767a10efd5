// Package generic is the generic round-trip suite: for every spec of the
// corpus (spec/openapi.yml, testdata/positive, the construct cases in
// testdata/cases that generate, testdata/specs, and the shared specs
// beside the repository) it generates the client, and calls every
// operation through it against an in-process server that answers with
// responses synthesized from the schemas.
//
// Each operation is called in several modes: first variant and enum value
// everywhere; null wherever the schema allows it; last variant and enum
// value; and as many more calls as it takes to reach every variant, enum
// value and null of its parameters, body and response ("variants"), at
// most 12, and fewer in specs with hundreds of operations (coverCalls). For
// each call the server validates the request with kin-openapi, reads every
// parameter back in the style the spec declares and compares it with the
// value sent (kin-openapi reads a wrongly styled parameter as absent),
// compares a JSON body with the one the driver was given, and then
// requires every key and value of its response to come back when the
// client's decoded result is re-encoded.
//
// The generated packages import the standard library only, so they are
// built in a temporary module, each with a small driver test
// (driverSource) that fetches its plan and inputs from the server, calls
// the methods by reflection and posts back what they returned. One go test
// run executes every driver.
//
// The server runs in the command internal/roundtrip, which TestRoundTrip
// builds without the race detector and runs; it reports as JSON, and the
// test judges the report. Specs are read as the generator reads them
// (generator/load: repaired, validated leniently), so every spec that
// generates is exercised. Validation errors that say nothing about the
// client (see validate.go) are listed as notes, not failures.
//
// -summary FILE writes the table of every spec as Markdown
// (docs/roundtrip.md).
package generic
