package load

import (
	"os"
	"testing"
)

// BenchmarkLenience times the two walks that read a spec leniently, on
// the Whop spec: repair (in Parse) and tolerate (in Validate). Both are
// small next to parsing and validating the same spec (BenchmarkGenerate in
// package generator).
func BenchmarkLenience(b *testing.B) {
	data, err := os.ReadFile("../../spec/openapi.yml")
	if err != nil {
		b.Fatal(err)
	}
	r := Parse("spec/openapi.yml", data, false)
	if r.Doc == nil || len(r.Diags) > 0 {
		b.Fatalf("parse: %v", r.Diags)
	}
	b.Run("repair", func(b *testing.B) {
		for b.Loop() {
			if diags := repair("spec/openapi.yml", r.Doc); len(diags) > 0 {
				b.Fatal(diags)
			}
		}
	})
	b.Run("tolerate", func(b *testing.B) {
		for b.Loop() {
			if diags, _ := tolerate("spec/openapi.yml", r.Doc); len(diags) > 0 {
				b.Fatal(diags)
			}
		}
	})
}
