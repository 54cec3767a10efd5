package whop

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"net/http"
	"strings"
)

// rtDecompress makes resp.Body read the decoded bytes of a gzip or deflate
// body. net/http decodes gzip itself only when it asked for it; a caller
// who sets Accept-Encoding (WithHeader, a middleware) gets the encoded
// bytes, which would not decode as JSON. Other encodings are left alone.
func rtDecompress(resp *http.Response) {
	var open func(io.Reader) (io.Reader, error)
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		open = func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }
	case "deflate":
		open = rtOpenDeflate
	default:
		return
	}
	resp.Body = &rtDecodingBody{raw: resp.Body, open: open}
	// As net/http does: the header now describes the decoded body.
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	resp.Uncompressed = true
}

// rtOpenDeflate reads HTTP's "deflate", which is zlib (RFC 1950), and also
// raw deflate (RFC 1951), which some servers send under that name.
func rtOpenDeflate(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(2)
	if err != nil {
		return nil, err
	}
	// A zlib header names the deflate method and is a multiple of 31.
	if head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// rtDecodingBody decodes a compressed body, opening the decoder on the
// first Read so that a body nobody reads is not touched.
type rtDecodingBody struct {
	raw     io.ReadCloser
	open    func(io.Reader) (io.Reader, error)
	decoded io.Reader
	err     error
}

func (b *rtDecodingBody) Read(p []byte) (int, error) {
	if b.decoded == nil && b.err == nil {
		decoded, err := b.open(b.raw)
		if err != nil {
			// Keep decoded nil: a failed gzip.NewReader returns a nil
			// *gzip.Reader, which is not a nil io.Reader.
			b.err = rtClassifyDecoding(err)
			return 0, b.err
		}
		b.decoded = decoded
	}
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.decoded.Read(p)
	return n, rtClassifyDecoding(err)
}

func (b *rtDecodingBody) Close() error {
	if c, ok := b.decoded.(io.Closer); ok {
		c.Close()
	}
	return b.raw.Close()
}

// rtEncodingError marks a body that is not validly encoded: the server's
// fault, unlike a connection that broke while reading, which may succeed
// when retried.
type rtEncodingError struct{ err error }

func (e *rtEncodingError) Error() string { return "decoding compressed body: " + e.err.Error() }
func (e *rtEncodingError) Unwrap() error { return e.err }

// rtClassifyDecoding wraps the errors that mean the encoded bytes are
// malformed in rtEncodingError, and returns other errors (io.EOF, network
// errors) unchanged.
func rtClassifyDecoding(err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum),
		errors.Is(err, zlib.ErrHeader), errors.Is(err, zlib.ErrChecksum), errors.Is(err, zlib.ErrDictionary),
		errors.As(err, &corrupt):
		return &rtEncodingError{err}
	}
	return err
}
