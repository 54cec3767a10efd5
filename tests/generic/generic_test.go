package generic

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/whopgen/whopgen/tests/tempmod"
)

// root is the repository, relative to this package.
var root = filepath.Join("..", "..")

var (
	keep    = flag.String("keep", "", "build the packages and drivers in this directory and leave it there")
	summary = flag.String("summary", "", "write the table of every spec run to this Markdown file (docs/roundtrip.md)")
)

// TestRoundTrip calls every operation of every spec of the corpus through
// its generated client, against a server that answers with synthesized
// responses, in several modes; see the package documentation. Each spec
// reports as TestRoundTrip/ID with a table of its calls.
//
// The suite runs in the command internal/roundtrip, built without the
// race detector whatever this test was built with (see its doc); this
// test builds it, runs it, and judges its report.
func TestRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every generated package with the go command")
	}
	only, err := selectedSpecs()
	if err != nil {
		t.Fatal(err)
	}
	if only != nil && len(only) == 0 {
		t.Skip("-run selects no spec")
	}
	rep := runSuite(t, only)
	t.Logf("generated and planned %d specs in %v; built the packages and drove them in %v",
		len(rep.Specs), rep.Prepare.Round(time.Millisecond), rep.Drive.Round(time.Millisecond))
	for _, s := range rep.Specs {
		t.Run(s.ID, func(t *testing.T) { judge(t, s) })
	}
	if *summary != "" {
		if err := os.WriteFile(*summary, Summary(rep), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// selectedSpecs lists the specs the -run pattern can select, or nil for
// all of them.
func selectedSpecs() ([]string, error) {
	ids, err := SpecIDs(root)
	if err != nil {
		return nil, err
	}
	only := []string{}
	for _, id := range ids {
		if tempmod.Selected(id) {
			only = append(only, id)
		}
	}
	if len(only) == len(ids) {
		return nil, nil
	}
	return only, nil
}

// runSuite builds the command internal/roundtrip and runs it on the specs
// named by only (all when nil).
func runSuite(t *testing.T, only []string) *Report {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "roundtrip")
	build := exec.Command("go", "build", "-o", bin, "./internal/roundtrip")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the suite: %v\n%s", err, out)
	}
	ctx := context.Background()
	if deadline, ok := t.Deadline(); ok {
		// Stop in time to report what went wrong.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-10*time.Second))
		defer cancel()
	}
	args := []string{"-root", root, "-keep", *keep}
	if only != nil {
		args = append(args, "-only", strings.Join(only, ","))
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("running the suite: %v\n%s", err, stderr.Bytes())
	}
	var rep Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("reading the suite's report: %v\n%s", err, stderr.Bytes())
	}
	return &rep
}

// judge prints a spec's table and fails on anything lost.
func judge(t *testing.T, s *SpecReport) {
	switch {
	case s.Problem != "":
		t.Fatalf("%s: %s", s.Name, s.Problem)
	case s.Build != "":
		t.Fatalf("%s: the generated package does not build:\n%s", s.Name, s.Build)
	case s.Driver != "":
		t.Errorf("%s: the driver failed:\n%s", s.Name, s.Driver)
	}
	t.Logf("%s: %s", s.Name, s.Table)
	for _, op := range s.Missing {
		t.Errorf("no method calls %s", op)
	}
	known, failures := splitKnown(s.ID, s.Table.Failures)
	for i, f := range failures {
		if i == maxFailures {
			t.Errorf("... and %d more problems", len(failures)-maxFailures)
			break
		}
		t.Error(f)
	}
	if len(known) > 0 {
		t.Logf("%d problems of a known generator defect (see known.go), the first: %s", len(known), known[0])
	}
	for _, op := range fixedOperations(s.ID, s.Table.Failures) {
		t.Errorf("%s no longer fails: remove it from its known defect in known.go", op)
	}
}

// maxFailures bounds the problems listed one by one per spec.
const maxFailures = 25
