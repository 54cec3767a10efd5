// Package whopgen generates a Go client for the Whop API from its OpenAPI
// description.
//
// The generated package lives in generated/ and imports the standard
// library only. To regenerate it after changing spec/openapi.yml, run
//
//	go generate ./...
//
// which runs the whopgen command below with no flags. In another module, run
//
//	go run github.com/whopgen/whopgen/cmd/whopgen@latest -out ./whop -package whop
//
// which uses the Whop spec embedded in the command (or ./spec/openapi.yml,
// or the file named by -spec). With Go 1.24 or later, make it a tool of
// the module (go get -tool github.com/whopgen/whopgen/cmd/whopgen) and put
// this line in a file of the package that holds the client:
//
//	//go:generate go tool whopgen -out . -package whop
//
// Regenerating keeps the names the package published (see
// docs/updating.md). See cmd/whopgen for every flag.
package whopgen

import _ "embed"

//go:generate go run ./cmd/whopgen

// Spec is the Whop OpenAPI description the command falls back to when no
// spec file is at hand.
//
//go:embed spec/openapi.yml
var Spec []byte
