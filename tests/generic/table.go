package generic

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
)

// Modes is the order of a table's rows.
var Modes = []string{"first", "nulls", "last", "variants"}

// Table sums a spec's outcomes by mode.
type Table struct {
	Ops        int // operations of the spec
	ReachedOps int // operations every call of which reached them
	Rows       map[string]*Row
	Failures   []string // what went wrong, one line each
	Notes      []string // what could not be checked, once each
}

// Row counts the calls of one mode.
type Row struct {
	Calls       int
	Reached     int // calls whose request reached the operation
	RequestOK   int // ... and was valid, in the right styles, with the body given
	ResponseOK  int // ... and whose response came back whole
	Lost        int // ... and whose response did not
	NotCompared int // ... and whose response could not be compared
}

func tabulate(st *specState) *Table {
	st.mu.Lock()
	defer st.mu.Unlock()
	t := &Table{Ops: len(st.ops), Rows: map[string]*Row{}}
	for _, m := range Modes {
		t.Rows[m] = &Row{}
	}
	for i, op := range st.ops {
		allReached := len(op.calls) > 0
		for _, p := range op.problems {
			t.fail("%s: %s", op.op.ID, p)
		}
		for _, o := range st.outcomes[i] {
			r := t.Rows[o.c.Mode]
			r.Calls++
			allReached = allReached && o.reached
			t.count(r, o)
		}
		if allReached {
			t.ReachedOps++
		}
	}
	for _, h := range st.orphanHits {
		t.fail("a request arrived with no call current: %s", h)
	}
	return t
}

// count files one outcome in its row and lists what went wrong.
func (t *Table) count(r *Row, o *outcome) {
	where := fmt.Sprintf("%s (%s)", o.op.op.ID, o.c.Mode)
	switch {
	case !o.fetched || !o.resulted:
		t.fail("%s: the driver never made the call", where)
		return
	case o.driverErr != "":
		t.fail("%s: the call cannot be made: %s", where, o.driverErr)
		return
	case !o.reached:
		t.fail("%s: no request reached the operation (error %q; %s)", where, o.clientErr, strings.Join(o.request, "; "))
		return
	}
	r.Reached++
	for _, n := range o.notes {
		if !slices.Contains(t.Notes, o.op.op.ID+": "+n) {
			t.Notes = append(t.Notes, o.op.op.ID+": "+n)
		}
	}
	if len(o.request) == 0 {
		r.RequestOK++
	}
	for _, p := range o.request {
		t.fail("%s: request: %s", where, p)
	}
	switch {
	case o.response == "ok":
		r.ResponseOK++
	case strings.HasPrefix(o.response, "not compared"):
		r.NotCompared++
	default:
		r.Lost++
		t.fail("%s: response: %s", where, o.response)
	}
}

func (t *Table) fail(format string, args ...any) {
	t.Failures = append(t.Failures, fmt.Sprintf(format, args...))
}

// String renders the table.
func (t *Table) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d operations, %d reached in every call\n", t.Ops, t.ReachedOps)
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "mode\tcalls\treached\trequest ok\tresponse ok\tlost\tnot compared\t")
	for _, m := range Modes {
		r := t.Rows[m]
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t\n", m, r.Calls, r.Reached, r.RequestOK, r.ResponseOK, r.Lost, r.NotCompared)
	}
	w.Flush()
	for _, n := range t.Notes {
		fmt.Fprintln(&b, "note: "+n)
	}
	return b.String()
}
