package whop

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

const (
	rtMaxBodyBytes  = 32 << 20 // largest 2xx body read into memory
	rtMaxErrorBytes = 64 << 10 // error body kept in Error.Body
	rtMaxDrainBytes = 256 << 10
	rtSnippetBytes  = 512
)

// rtReadError marks a failure while reading a 2xx body. The request reached
// the server, so only idempotent requests retry it.
type rtReadError struct{ err error }

func (e *rtReadError) Error() string { return "reading response body: " + e.err.Error() }
func (e *rtReadError) Unwrap() error { return e.err }

// decodeSuccess stores a 2xx response in out and closes the body. Streaming
// (*io.ReadCloser) is handled by the caller.
func (t *transport) decodeSuccess(resp *http.Response, op string, out any) error {
	if out == nil {
		// Read to the end so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, rtMaxBodyBytes))
		resp.Body.Close()
		return nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, rtMaxBodyBytes+1))
	resp.Body.Close()
	if err != nil {
		return &rtReadError{err}
	}
	ct := resp.Header.Get("Content-Type")
	decodeErr := func(err error) error {
		return &DecodeError{
			Operation:   op,
			StatusCode:  resp.StatusCode,
			ContentType: ct,
			Snippet:     bytes.Clone(body[:min(len(body), rtSnippetBytes)]),
			Err:         err,
			prefix:      t.prefix,
		}
	}
	if len(body) > rtMaxBodyBytes {
		return decodeErr(fmt.Errorf("response body exceeds %d MiB", rtMaxBodyBytes>>20))
	}
	if raw, ok := out.(*[]byte); ok {
		*raw = body
		return nil
	}
	if !rtIsJSON(ct) {
		return decodeErr(fmt.Errorf("unexpected content type %q, want JSON", ct))
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return decodeErr(errors.New("empty response body"))
	}
	if err := json.Unmarshal(body, out); err != nil {
		return decodeErr(err)
	}
	return nil
}

// rtIsJSON accepts JSON media types, and a missing Content-Type.
func rtIsJSON(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(ct), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// newError reads a non-2xx response into an *Error and closes the body.
func (t *transport) newError(resp *http.Response, op string, p *apiRequestPlan) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, rtMaxErrorBytes))
	rtDrainClose(resp.Body)
	e := &Error{
		StatusCode: resp.StatusCode,
		Operation:  op,
		Method:     p.method,
		Path:       p.path,
		RequestID:  rtFirstNonEmpty(resp.Header.Get("X-Request-Id"), resp.Header.Get("Request-Id")),
		Header:     resp.Header,
		Body:       body,
		prefix:     t.prefix,
	}
	e.fillFromBody()
	return e
}

// rtDrainClose reads a bounded remainder of body, so that the connection
// can be reused, and closes it.
func rtDrainClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, rtMaxDrainBytes))
	body.Close()
}

// rtStreamBody hands a response body to the caller and releases the
// attempt's timeout context when the caller closes it.
type rtStreamBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *rtStreamBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
