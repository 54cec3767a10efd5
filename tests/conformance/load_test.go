package conformance

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	whop "github.com/whopgen/whopgen/generated"
	"github.com/whopgen/whopgen/tests/mock"
)

const (
	loadWorkers = 64
	loadCalls   = 10_000
)

// loadResponder answers with cheap bodies that depend on the request id,
// so a response delivered to the wrong call shows.
func loadResponder(op *openapi3.Operation, hit *mock.Hit) (any, error) {
	switch op.OperationID {
	case retrieveUser, updateUser:
		return userJSON(hit.RequestID), nil
	case "checkAccess":
		return map[string]any{"access_level": "customer", "has_access": evenID(hit.RequestID)}, nil
	case "deleteAiChat":
		return evenID(hit.RequestID), nil
	}
	return nil, fmt.Errorf("no answer for %s", op.OperationID)
}

func evenID(id string) bool {
	n, _ := strconv.Atoi(id)
	return n%2 == 0
}

// loadFault makes some calls fail once before they succeed: 429 with a
// zero Retry-After for one call in 7, 503 for one in 11.
type loadFault struct {
	attempts sync.Map // request id -> *atomic.Int32
	injected atomic.Int32
}

func (f *loadFault) intercept(w http.ResponseWriter, _ *http.Request, hit *mock.Hit) bool {
	n, _ := strconv.Atoi(hit.RequestID)
	v, _ := f.attempts.LoadOrStore(hit.RequestID, new(atomic.Int32))
	if v.(*atomic.Int32).Add(1) > 1 {
		return false
	}
	status := 0
	switch {
	case n%7 == 3:
		status = http.StatusTooManyRequests
	case n%11 == 5:
		status = http.StatusServiceUnavailable
	default:
		return false
	}
	f.injected.Add(1)
	w.Header().Set("Retry-After", "0")
	mock.WriteJSON(w, status, map[string]any{"error": map[string]any{"type": "busy", "message": "try again"}})
	return true
}

// TestLoad shares one client between 64 goroutines making 10,000 mixed
// calls. Each call carries a unique request id that the mock echoes in a
// header and in the body; every call must return once, with its own answer.
func TestLoad(t *testing.T) {
	fault := &loadFault{}
	h := newHarness(t, mock.Options{
		Respond:                loadResponder,
		Intercept:              fault.intercept,
		SkipResponseValidation: true,
	}, whop.WithMaxRetries(2), whop.WithLogger(nil))
	ctx := context.Background()

	var next atomic.Int64
	returned := make([]atomic.Int32, loadCalls)
	var failures atomic.Int32
	fail := func(i int, format string, args ...any) {
		if failures.Add(1) <= 10 {
			t.Errorf("call %d: %s", i, fmt.Sprintf(format, args...))
		}
	}
	var wg sync.WaitGroup
	for range loadWorkers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= loadCalls {
					return
				}
				id := strconv.Itoa(i)
				var echoed string
				echo := whop.WithMiddleware(func(r *http.Request, next whop.MiddlewareNext) (*http.Response, error) {
					resp, err := next(r)
					if resp != nil {
						echoed = resp.Header.Get(mock.RequestIDHeader)
					}
					return resp, err
				})
				opts := []whop.RequestOption{whop.WithHeader(mock.RequestIDHeader, id), echo}
				if err := loadCall(ctx, h.client, i, id, opts); err != nil {
					fail(i, "%v", err)
				}
				if echoed != id {
					fail(i, "answer carries request id %q", echoed)
				}
				returned[i].Add(1)
			}
		})
	}
	wg.Wait()

	for i := range returned {
		if n := returned[i].Load(); n != 1 {
			fail(i, "returned %d times", n)
		}
	}
	// Every request reached its operation valid, and every call was
	// answered 200 exactly once.
	ok := map[string]int{}
	for _, hit := range h.srv.Hits() {
		if err := hit.Err(); err != nil {
			fail(-1, "request %d: %v", hit.Seq, err)
		}
		if hit.Status == http.StatusOK {
			ok[hit.RequestID]++
		}
	}
	for i := range loadCalls {
		if n := ok[strconv.Itoa(i)]; n != 1 {
			fail(i, "answered 200 %d times", n)
		}
	}
	if got, want := len(h.srv.Hits()), loadCalls+int(fault.injected.Load()); got != want {
		t.Errorf("server saw %d requests, want %d calls + %d injected faults", got, loadCalls, fault.injected.Load())
	}
	t.Logf("load: %d calls from %d goroutines, %d answered 429/503 first, %d requests", loadCalls, loadWorkers, fault.injected.Load(), len(h.srv.Hits()))
}

// loadCall makes call i, one of four operations, and checks its result.
func loadCall(ctx context.Context, c *whop.Client, i int, id string, opts []whop.RequestOption) error {
	switch i % 4 {
	case 0:
		u, err := c.Users.Retrieve(ctx, "user_"+id, whop.UserRetrieveParams{CompanyID: whop.Some("biz_" + id)}, opts...)
		if err != nil {
			return err
		}
		if deref(u.Bio) != id {
			return fmt.Errorf("users.retrieve: got the answer for %q", deref(u.Bio))
		}
	case 1:
		u, err := c.Users.Update(ctx, "user_"+id, whop.UserUpdateParams{Bio: whop.Some(id)}, opts...)
		if err != nil {
			return err
		}
		if deref(u.Bio) != id {
			return fmt.Errorf("users.update: got the answer for %q", deref(u.Bio))
		}
	case 2:
		a, err := c.Users.CheckAccess(ctx, "user_"+id, "res_"+id, opts...)
		if err != nil {
			return err
		}
		if a.HasAccess != evenID(id) {
			return errors.New("users.checkAccess: got another call's answer")
		}
	case 3:
		ok, err := c.AIChats.Delete(ctx, "chat_"+id, opts...)
		if err != nil {
			return err
		}
		if ok != evenID(id) {
			return errors.New("aiChats.delete: got another call's answer")
		}
	}
	return nil
}
