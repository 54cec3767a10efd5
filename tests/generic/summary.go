package generic

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// summaryHead explains the table Summary writes.
const summaryHead = `# Generic round-trip results

Written by ` + "`go test ./tests/generic -run TestRoundTrip -args -summary ../../docs/roundtrip.md`" + `;
do not edit. The suite (tests/generic) generates a client for every spec of the corpus and calls
every operation through it against a server that answers with instances synthesized from the spec.
Every operation is called in modes *first* (first variant and enum value everywhere), *nulls*
(null wherever the schema allows it) and *last* (last variant and enum value), and *variants*
adds calls until every variant, enum value and null of its parameters, body and response has
been sent (at most 12 calls per operation, and about 600 per spec: at least 3 per operation).

Columns: *calls* made; *reached*: the request reached the operation; *request ok*: it passed
kin-openapi's validation, every parameter read back in its declared style holds the value given,
and the body is the one given; *response ok*: every JSON key and value of the response came back
when the client re-encoded what it decoded; *lost*: some did not (or the call failed);
*not compared*: the response could not be compared (a schema that requires itself, a method that
returns nothing); *problems*: the spec's failures, listed below; *known*: failures of a generator
defect not fixed yet, listed in tests/generic/known.go, which the test logs instead of failing.

`

// Summary renders a report as Markdown: one table row per spec and mode,
// then the problems of each spec that has some.
func Summary(rep *Report) []byte {
	var b bytes.Buffer
	b.WriteString(summaryHead)
	b.WriteString("| spec | operations | all calls reached | mode | calls | reached | request ok | response ok | lost | not compared | problems |\n")
	b.WriteString("|---|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|\n")
	totals := map[string]*Row{}
	for _, m := range Modes {
		totals[m] = &Row{}
	}
	for _, s := range rep.Specs {
		if s.Table == nil {
			fmt.Fprintf(&b, "| %s | | | | | | | | | | not run |\n", s.ID)
			continue
		}
		for i, m := range Modes {
			r := s.Table.Rows[m]
			add(totals[m], r)
			if i == 0 {
				fmt.Fprintf(&b, "| %s | %d | %d ", s.ID, s.Table.Ops, s.Table.ReachedOps)
			} else {
				b.WriteString("| | | ")
			}
			problems := ""
			if i == 0 {
				known, rest := splitKnown(s.ID, s.Table.Failures)
				problems = fmt.Sprint(len(rest) + len(s.Missing))
				if len(known) > 0 {
					problems += fmt.Sprintf(" (+%d known)", len(known))
				}
			}
			fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %s |\n",
				m, r.Calls, r.Reached, r.RequestOK, r.ResponseOK, r.Lost, r.NotCompared, problems)
		}
	}
	for i, m := range Modes {
		r := totals[m]
		name := ""
		if i == 0 {
			name = "**all specs**"
		}
		fmt.Fprintf(&b, "| %s | | | %s | %d | %d | %d | %d | %d | %d | |\n",
			name, m, r.Calls, r.Reached, r.RequestOK, r.ResponseOK, r.Lost, r.NotCompared)
	}
	writeProblems(&b, rep)
	return b.Bytes()
}

func add(sum, r *Row) {
	sum.Calls += r.Calls
	sum.Reached += r.Reached
	sum.RequestOK += r.RequestOK
	sum.ResponseOK += r.ResponseOK
	sum.Lost += r.Lost
	sum.NotCompared += r.NotCompared
}

// summaryProblems bounds the problems listed per spec.
const summaryProblems = 5

// writeProblems lists, per spec, why it was not run, or its first
// problems, and what could not be checked.
func writeProblems(b *bytes.Buffer, rep *Report) {
	b.WriteString("\n## Problems\n")
	none := true
	for _, s := range rep.Specs {
		var lines []string
		switch {
		case s.Problem != "":
			lines = []string{s.Problem}
		case s.Build != "":
			lines = []string{"the generated package does not build"}
		case s.Driver != "":
			lines = []string{"the driver failed"}
		}
		for _, op := range s.Missing {
			lines = append(lines, "no method calls "+op)
		}
		var notes, known []string
		if s.Table != nil {
			var rest []string
			known, rest = splitKnown(s.ID, s.Table.Failures)
			lines = append(lines, rest...)
			notes = s.Table.Notes
		}
		if len(lines) == 0 && len(notes) == 0 && len(known) == 0 {
			continue
		}
		none = false
		fmt.Fprintf(b, "\n### %s\n\n", s.ID)
		for i, l := range lines {
			if i == summaryProblems {
				fmt.Fprintf(b, "- ... and %d more\n", len(lines)-summaryProblems)
				break
			}
			fmt.Fprintf(b, "- %s\n", markdownLine(l))
		}
		if len(known) > 0 {
			fmt.Fprintf(b, "- known defect, %d problems in %d operations: %s; the first: %s\n",
				len(known), len(operationsOf(known)), knownFor(s.ID, known[0]).reason, markdownLine(known[0]))
		}
		for _, n := range notes {
			fmt.Fprintf(b, "- not checked: %s\n", markdownLine(n))
		}
	}
	if none {
		b.WriteString("\nNone.\n")
	}
}

// markdownLine keeps a message on one line of a list, within 300
// characters, quoted as code.
func markdownLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:297]) + "..."
	}
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}

// operationsOf lists the operations failures are about.
func operationsOf(failures []string) []string {
	var ops []string
	for _, f := range failures {
		op, _, _ := strings.Cut(f, " (")
		op, _, _ = strings.Cut(op, ": ")
		if !slices.Contains(ops, op) {
			ops = append(ops, op)
		}
	}
	return ops
}
