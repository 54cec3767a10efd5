package whop

import (
	"context"
	"errors"
	"iter"
)

// autoPaging walks cursor pages. fetch is called with "" first (meaning: use
// the caller's own cursor), then with each page's end cursor while hasNext.
// Every item is yielded; the first error is yielded once as (zero, err) and
// ends the walk, after the items fetch returned with it (those of a page
// that decoded only in part). A page that claims more results but gives an
// empty or already seen cursor is an error, so a broken server cannot loop
// forever.
//
// Each range over the result starts again from the first page with state
// of its own, so the sequence may be ranged over again, and concurrently,
// as long as fetch itself allows it: fetch must not keep state between
// calls, such as parameters it changes in place.
func autoPaging[T any](ctx context.Context, fetch func(ctx context.Context, after string) (items []T, endCursor string, hasNext bool, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		after := ""
		seen := make(map[string]struct{})
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, end, hasNext, err := fetch(ctx, after)
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			if err != nil {
				yield(zero, err)
				return
			}
			if !hasNext {
				return
			}
			if end == "" {
				yield(zero, errors.New("pagination: server reported more pages but no end cursor"))
				return
			}
			if _, dup := seen[end]; dup {
				yield(zero, errors.New("pagination: server repeated cursor "+rtQuoteSafe(end)))
				return
			}
			seen[end] = struct{}{}
			after = end
		}
	}
}
