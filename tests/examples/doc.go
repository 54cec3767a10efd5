// Package examples holds runnable examples of the generated client
// (github.com/whopgen/whopgen/generated, package whop). They live outside
// generated/ because the generator owns that directory; `go test` compiles
// and runs them, and the README shows the same code.
package examples
