package generic

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
)

// modes is the order of the table's rows.
var modes = []string{"first", "nulls", "last", "variants"}

// table sums a spec's outcomes by mode.
type table struct {
	ops, reachedOps int
	rows            map[string]*row
	failures        []string
	notes           []string // what could not be checked, once each
	orphans         []string
}

// row counts the calls of one mode.
type row struct {
	calls, reached, requestOK, responseOK, lost, notCompared int
}

func tabulate(st *specState) *table {
	st.mu.Lock()
	defer st.mu.Unlock()
	t := &table{ops: len(st.ops), rows: map[string]*row{}, orphans: st.orphanHits}
	for _, m := range modes {
		t.rows[m] = &row{}
	}
	for i, op := range st.ops {
		allReached := len(op.calls) > 0
		for _, p := range op.problems {
			t.fail("%s: %s", op.op.ID, p)
		}
		for _, o := range st.outcomes[i] {
			r := t.rows[o.c.Mode]
			r.calls++
			allReached = allReached && o.reached
			t.count(r, o)
		}
		if allReached {
			t.reachedOps++
		}
	}
	for _, h := range st.orphanHits {
		t.fail("a request arrived with no call current: %s", h)
	}
	return t
}

// count files one outcome in its row and lists what went wrong.
func (t *table) count(r *row, o *outcome) {
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
	r.reached++
	for _, n := range o.notes {
		if !slices.Contains(t.notes, o.op.op.ID+": "+n) {
			t.notes = append(t.notes, o.op.op.ID+": "+n)
		}
	}
	if len(o.request) == 0 {
		r.requestOK++
	}
	for _, p := range o.request {
		t.fail("%s: request: %s", where, p)
	}
	switch {
	case o.response == "ok":
		r.responseOK++
	case strings.HasPrefix(o.response, "not compared"):
		r.notCompared++
	default:
		r.lost++
		t.fail("%s: response: %s", where, o.response)
	}
}

func (t *table) fail(format string, args ...any) {
	t.failures = append(t.failures, fmt.Sprintf(format, args...))
}

// String renders the table.
func (t *table) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d operations, %d reached in every call\n", t.ops, t.reachedOps)
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "mode\tcalls\treached\trequest ok\tresponse ok\tlost\tnot compared\t")
	for _, m := range modes {
		r := t.rows[m]
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t\n", m, r.calls, r.reached, r.requestOK, r.responseOK, r.lost, r.notCompared)
	}
	w.Flush()
	for _, n := range t.notes {
		fmt.Fprintln(&b, "note: "+n)
	}
	return b.String()
}
