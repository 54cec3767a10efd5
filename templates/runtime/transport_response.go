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
	"strconv"
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
func (t *transport) decodeSuccess(resp *http.Response, cfg *requestConfig, op string, out any) error {
	if out == nil && cfg.responseInto == nil {
		// Read to the end so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, rtMaxBodyBytes))
		resp.Body.Close()
		return nil
	}
	limit := cfg.maxResponseBytes
	if limit <= 0 {
		limit = rtMaxBodyBytes
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	resp.Body.Close()
	ct := resp.Header.Get("Content-Type")
	decodeErr := func(err error) *DecodeError {
		return &DecodeError{
			Operation:   op,
			StatusCode:  resp.StatusCode,
			ContentType: ct,
			Snippet:     bytes.Clone(body[:min(len(body), rtSnippetBytes)]),
			Err:         err,
			prefix:      t.prefix,
		}
	}
	if err != nil {
		if encErr, ok := errors.AsType[*rtEncodingError](err); ok {
			return decodeErr(encErr)
		}
		return &rtReadError{err}
	}
	if int64(len(body)) > limit {
		return decodeErr(fmt.Errorf("response body exceeds %s (WithMaxResponseBytes)", rtByteSize(limit)))
	}
	if cfg.responseInto != nil {
		resp.Body = io.NopCloser(bytes.NewReader(body))
	}
	switch out := out.(type) {
	case nil:
		return nil
	case *[]byte:
		*out = body
		return nil
	}
	if !rtIsJSON(ct) {
		return decodeErr(fmt.Errorf("unexpected content type %q, want JSON", ct))
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return decodeErr(errors.New("empty response body"))
	}
	if err := json.Unmarshal(body, out); err != nil {
		fields, partial := rtDecodeLenient(body, out, err)
		if !partial {
			return decodeErr(err)
		}
		rtSetRawJSON(out, body)
		de := decodeErr(err)
		de.Fields = fields
		return de
	}
	rtSetRawJSON(out, body)
	return nil
}

// rtSetRawJSON gives out the body it was decoded from, if it keeps it. The
// body is not reused, so it is not copied.
func rtSetRawJSON(out any, body []byte) {
	if s, ok := out.(rtRawJSONSetter); ok {
		s.setRawJSON(body)
	}
}

// rtByteSize formats a byte count for messages: "32 MiB", "1000 bytes".
func rtByteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
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
