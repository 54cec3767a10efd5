package whop

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

type rtTestPage struct {
	Data     []string `json:"data"`
	PageInfo struct {
		EndCursor   string `json:"end_cursor"`
		HasNextPage bool   `json:"has_next_page"`
	} `json:"page_info"`
}

// rtPagedServer serves three pages of three items, cursors "c1" and "c2".
func rtPagedServer(t *testing.T) *rtTestServer {
	return newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		page := map[string]int{"": 0, "c1": 1, "c2": 2}[r.URL.Query().Get("after")]
		next := ""
		if page < 2 {
			next = fmt.Sprintf(`"c%d"`, page+1)
		} else {
			next = "null"
		}
		rtJSON(w, 200, fmt.Sprintf(`{"data":["p%[1]d-a","p%[1]d-b","p%[1]d-c"],"page_info":{"end_cursor":%s,"has_next_page":%t}}`, page, next, page < 2))
	})
}

func rtFetchPage(tr *transport) func(ctx context.Context, after string) ([]string, string, bool, error) {
	return func(ctx context.Context, after string) ([]string, string, bool, error) {
		params := &rtParams{}
		if after != "" {
			params.query("after", after, rtForm)
		}
		req := &apiRequest{Operation: "items.list", Method: "GET", Path: "/items", Params: params}
		var page rtTestPage
		if err := tr.do(ctx, req, &page); err != nil {
			return nil, "", false, err
		}
		return page.Data, page.PageInfo.EndCursor, page.PageInfo.HasNextPage, nil
	}
}

func TestAutoPagingWalksAllPages(t *testing.T) {
	srv := rtPagedServer(t)
	tr, _ := newRTTestTransport(t, srv.URL)
	var got []string
	for item, err := range autoPaging(context.Background(), rtFetchPage(tr)) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, item)
	}
	if want := "p0-a p0-b p0-c p1-a p1-b p1-c p2-a p2-b p2-c"; strings.Join(got, " ") != want {
		t.Errorf("got %v", got)
	}
	if srv.hits.Load() != 3 {
		t.Errorf("requests = %d, want 3", srv.hits.Load())
	}
}

func TestAutoPagingEarlyBreak(t *testing.T) {
	srv := rtPagedServer(t)
	tr, _ := newRTTestTransport(t, srv.URL)
	n := 0
	for _, err := range autoPaging(context.Background(), rtFetchPage(tr)) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 4 {
			break
		}
	}
	if srv.hits.Load() != 2 {
		t.Errorf("requests = %d, want 2", srv.hits.Load())
	}
}

func TestAutoPagingBrokenCursor(t *testing.T) {
	tests := map[string][]string{
		"empty cursor":    {"c1", ""},
		"repeated cursor": {"c1", "c1"},
		"cursor cycle":    {"c1", "c2", "c1"},
	}
	for name, cursors := range tests {
		t.Run(name, func(t *testing.T) {
			calls := 0
			fetch := func(ctx context.Context, after string) ([]int, string, bool, error) {
				if calls >= 10 {
					t.Fatal("still fetching")
				}
				calls++
				return []int{calls}, cursors[min(calls-1, len(cursors)-1)], true, nil
			}
			var items []int
			var errs []error
			for item, err := range autoPaging(context.Background(), fetch) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				items = append(items, item)
			}
			if len(errs) != 1 || calls != len(cursors) || len(items) != len(cursors) {
				t.Errorf("calls = %d, items = %v, errors = %v", calls, items, errs)
			}
		})
	}
}

func TestAutoPagingStopsOnError(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	fetch := func(ctx context.Context, after string) ([]int, string, bool, error) {
		calls++
		if calls == 2 {
			return nil, "", false, boom
		}
		return []int{1, 2}, "next", true, nil
	}
	var got []error
	n := 0
	for item, err := range autoPaging(context.Background(), fetch) {
		if err != nil {
			got = append(got, err)
			if item != 0 {
				t.Errorf("item with error = %d, want zero", item)
			}
			continue
		}
		n++
	}
	if len(got) != 1 || !errors.Is(got[0], boom) || n != 2 || calls != 2 {
		t.Errorf("errors = %v, items = %d, calls = %d", got, n, calls)
	}
}

func TestAutoPagingChecksContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	fetch := func(ctx context.Context, after string) ([]int, string, bool, error) {
		calls++
		cancel()
		return []int{1}, fmt.Sprint("c", calls), true, nil
	}
	var errs []error
	for _, err := range autoPaging(ctx, fetch) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if calls != 1 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("calls = %d, errors = %v", calls, errs)
	}
}

// rtPagesFetch serves pages of three items from a fixed list of pages, as
// a stateless fetch must: the page depends on the cursor alone.
func rtPagesFetch(pages int, fetches *atomic.Int32) func(ctx context.Context, after string) ([]string, string, bool, error) {
	return func(ctx context.Context, after string) ([]string, string, bool, error) {
		fetches.Add(1)
		page := 0
		if after != "" {
			if _, err := fmt.Sscanf(after, "c%d", &page); err != nil {
				return nil, "", false, err
			}
		}
		items := []string{fmt.Sprint(page, "a"), fmt.Sprint(page, "b"), fmt.Sprint(page, "c")}
		return items, fmt.Sprint("c", page+1), page+1 < pages, nil
	}
}

func rtCollect(seq iter.Seq2[string, error]) ([]string, error) {
	var items []string
	for item, err := range seq {
		if err != nil {
			return items, err
		}
		items = append(items, item)
	}
	return items, nil
}

// Every range starts again from the first page: ranging twice gives the
// same items twice, also after a range that stopped early.
func TestAutoPagingRangedAgain(t *testing.T) {
	var fetches atomic.Int32
	seq := autoPaging(context.Background(), rtPagesFetch(3, &fetches))
	first, err := rtCollect(seq)
	if err != nil || len(first) != 9 {
		t.Fatalf("first range: %v, %v", first, err)
	}
	for item := range seq {
		if item == "1a" {
			break
		}
	}
	again, err := rtCollect(seq)
	if err != nil || !slices.Equal(first, again) {
		t.Errorf("range after a full and a broken one = %v, %v; want %v", again, err, first)
	}
	if n := fetches.Load(); n != 3+2+3 {
		t.Errorf("fetches = %d, want 8", n)
	}
}

// Ranges over one sequence may run at the same time (run with -race).
func TestAutoPagingConcurrentRanges(t *testing.T) {
	var fetches atomic.Int32
	seq := autoPaging(context.Background(), rtPagesFetch(5, &fetches))
	want, _ := rtCollect(seq)
	const ranges = 8
	results := make([][]string, ranges)
	var wg sync.WaitGroup
	for i := range ranges {
		wg.Go(func() {
			items, err := rtCollect(seq)
			if err != nil {
				t.Error(err)
			}
			results[i] = items
		})
	}
	wg.Wait()
	for i, got := range results {
		if !slices.Equal(got, want) {
			t.Errorf("range %d = %v, want %v", i, got, want)
		}
	}
}

// Items fetched along with an error (a page that decoded in part) are
// yielded before the error.
func TestAutoPagingYieldsItemsBeforeTheirError(t *testing.T) {
	partial := &DecodeError{Err: errors.New("x"), Fields: []FieldError{{Path: "data[1].total"}}}
	fetch := func(ctx context.Context, after string) ([]int, string, bool, error) {
		if after == "" {
			return []int{1, 2}, "c1", true, nil
		}
		return []int{3, 4}, "c2", true, partial
	}
	var items []int
	var errs []error
	for item, err := range autoPaging(context.Background(), fetch) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, item)
	}
	if !slices.Equal(items, []int{1, 2, 3, 4}) || len(errs) != 1 || errs[0] != partial {
		t.Errorf("items = %v, errors = %v", items, errs)
	}
}
