package generator

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/whopgen/whopgen/generator/emit"
	"github.com/whopgen/whopgen/generator/load"
	"github.com/whopgen/whopgen/generator/model"
)

// The benchmarks below run on the full Whop spec. BenchmarkGenerate times
// the whole pipeline and then each phase on its own; BenchmarkKinOpenAPI
// times kin-openapi alone loading and validating the same bytes, the
// baseline the generator is compared with (see BENCHMARKS.md).

const benchSpec = "../spec/openapi.yml"

func readBenchSpec(b *testing.B) Options {
	b.Helper()
	data, err := os.ReadFile(benchSpec)
	if err != nil {
		b.Fatal(err)
	}
	return Options{SpecFile: "spec/openapi.yml", Spec: data, Package: "whop"}
}

// parsed loads the spec the way Generate does for a clean spec.
func parsed(b *testing.B, opts Options) *openapi3.T {
	b.Helper()
	r := load.Parse(opts.SpecFile, opts.Spec, false)
	if r.Doc == nil || len(r.Diags) > 0 {
		b.Fatalf("loading the spec: %v", r.Diags)
	}
	return r.Doc
}

func built(b *testing.B, opts Options, doc *openapi3.T) *model.API {
	b.Helper()
	mopts, err := modelOptions(opts)
	if err != nil {
		b.Fatal(err)
	}
	api, diags := model.Build(doc, mopts)
	if diags.HasErrors() {
		b.Fatalf("building the model: %v", diags)
	}
	return api
}

func BenchmarkGenerate(b *testing.B) {
	opts := readBenchSpec(b)

	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			res, err := Generate(opts)
			if err != nil || len(res.Files) == 0 {
				b.Fatalf("Generate: %v, %v", err, res.Diags)
			}
		}
	})

	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			parsed(b, opts)
		}
	})

	b.Run("validate", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			b.StopTimer()
			doc := parsed(b, opts) // a fresh document: validation may cache in it
			b.StartTimer()
			if diags := load.Validate(opts.SpecFile, opts.Spec, doc); len(diags) > 0 {
				b.Fatal(diags)
			}
		}
	})

	doc := parsed(b, opts)
	b.Run("model", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			built(b, opts, doc)
		}
	})

	b.Run("emit", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			b.StopTimer()
			api := built(b, opts, doc)
			b.StartTimer()
			if _, err := emit.Source(api); err != nil {
				b.Fatal(err)
			}
		}
	})

	src, err := emit.Source(built(b, opts, doc))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("format", func(b *testing.B) {
		b.ReportAllocs()
		files := make([]emit.File, len(src))
		for range b.N {
			copy(files, src)
			if err := emit.Format(files); err != nil {
				b.Fatal(err)
			}
		}
	})

	res, err := Generate(opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		dir := b.TempDir() + "/generated"
		for b.Loop() {
			if err := Write(dir, res.Files); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkKinOpenAPI is the baseline: kin-openapi's loader and validator
// with their defaults ("load+validate"), and with the positions that
// whopgen asks for when a spec has something to report ("with-origins").
func BenchmarkKinOpenAPI(b *testing.B) {
	opts := readBenchSpec(b)
	run := func(b *testing.B, origins bool) {
		b.ReportAllocs()
		for b.Loop() {
			loader := openapi3.NewLoader()
			loader.IncludeOrigin = origins
			doc, err := loader.LoadFromData(opts.Spec)
			if err != nil {
				b.Fatal(err)
			}
			if err := doc.Validate(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("load+validate", func(b *testing.B) { run(b, false) })
	b.Run("with-origins", func(b *testing.B) { run(b, true) })
}

// BenchmarkGenerateVsKin alternates kin-openapi's load+validate and a whole
// generation in each iteration, so that a slow spell of a shared machine
// falls on both, and reports the ratio of their times: wall time, and
// process CPU time (all threads, the garbage collector's included).
func BenchmarkGenerateVsKin(b *testing.B) {
	opts := readBenchSpec(b)
	var kinWall, genWall, kinCPU, genCPU time.Duration
	for b.Loop() {
		t0, c0 := time.Now(), cpuTime()
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(opts.Spec)
		if err != nil {
			b.Fatal(err)
		}
		if err := doc.Validate(context.Background()); err != nil {
			b.Fatal(err)
		}
		t1, c1 := time.Now(), cpuTime()
		res, err := Generate(opts)
		if err != nil || len(res.Files) == 0 {
			b.Fatalf("Generate: %v, %v", err, res.Diags)
		}
		t2, c2 := time.Now(), cpuTime()
		kinWall += t1.Sub(t0)
		genWall += t2.Sub(t1)
		kinCPU += c1 - c0
		genCPU += c2 - c1
	}
	n := float64(b.N)
	b.ReportMetric(float64(kinWall)/1e6/n, "kin-ms/op")
	b.ReportMetric(float64(genWall)/1e6/n, "gen-ms/op")
	b.ReportMetric(float64(genWall)/float64(kinWall), "wall-ratio")
	if kinCPU > 0 {
		b.ReportMetric(float64(genCPU)/float64(kinCPU), "cpu-ratio")
	}
}
