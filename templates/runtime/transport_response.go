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
	body, err := rtReadBody(resp.Body, cfg.maxResponseBytes)
	resp.Body.Close()
	ct := resp.Header.Get("Content-Type")
	decodeErr := func(err error, fields []FieldError) *DecodeError {
		return &DecodeError{
			Operation:   op,
			StatusCode:  resp.StatusCode,
			ContentType: ct,
			Snippet:     bytes.Clone(body[:min(len(body), rtSnippetBytes)]),
			Err:         err,
			Fields:      fields,
			prefix:      t.prefix,
		}
	}
	if err != nil {
		if _, failedToRead := errors.AsType[*rtReadError](err); failedToRead {
			return err
		}
		return decodeErr(err, nil)
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
	if fields, err := rtDecodeJSON(body, ct, out); err != nil {
		return decodeErr(err, fields)
	}
	return nil
}

// rtReadBody reads a response body of at most limit bytes (the default
// limit when it is not positive). A body that fails to decompress or is too
// long is a decode error; another failure to read is an *rtReadError.
func rtReadBody(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = rtMaxBodyBytes
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		if encErr, ok := errors.AsType[*rtEncodingError](err); ok {
			return body, encErr
		}
		return body, &rtReadError{err}
	}
	if int64(len(body)) > limit {
		return body, fmt.Errorf("response body exceeds %s (WithMaxResponseBytes)", rtByteSize(limit))
	}
	return body, nil
}

// rtDecodeJSON decodes a JSON body into out and gives out the body. A body
// that fits out only in part is still decoded and kept: the error then
// comes with the fields that did not fit.
func rtDecodeJSON(body []byte, contentType string, out any) ([]FieldError, error) {
	if !rtIsJSON(contentType) {
		return nil, fmt.Errorf("unexpected content type %q, want JSON", contentType)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("empty response body")
	}
	if err := json.Unmarshal(body, out); err != nil {
		fields, partial := rtDecodeLenient(body, out, err)
		if !partial {
			return nil, err
		}
		rtSetRawJSON(out, body)
		return fields, err
	}
	rtSetRawJSON(out, body)
	return nil, nil
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
