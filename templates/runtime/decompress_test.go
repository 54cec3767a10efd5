package whop

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func rtGzip(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	io.WriteString(w, s)
	w.Close()
	return b.Bytes()
}

func rtZlib(s string) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	io.WriteString(w, s)
	w.Close()
	return b.Bytes()
}

func rtRawDeflate(s string) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestSpeed)
	io.WriteString(w, s)
	w.Close()
	return b.Bytes()
}

// rtEncodedServer answers with body encoded as encoding says, whatever the
// request asked for.
func rtEncodedServer(t *testing.T, status int, encoding string, body []byte) *rtTestServer {
	return newRTTestServer(t, func(w http.ResponseWriter, r *http.Request, _ int32) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", encoding)
		w.WriteHeader(status)
		w.Write(body)
	})
}

// A caller who asks for compression itself turns off net/http's own
// decoding; the client decodes the body anyway.
func TestCompressedBodiesAreDecoded(t *testing.T) {
	const body = `{"id":"u_1","name":"Ann"}`
	for name, tc := range map[string]struct {
		encoding string
		data     []byte
	}{
		"gzip":        {"gzip", rtGzip(body)},
		"x-gzip":      {"x-gzip", rtGzip(body)},
		"deflate":     {"deflate", rtZlib(body)},
		"raw deflate": {"Deflate", rtRawDeflate(body)},
		"identity":    {"identity", []byte(body)},
	} {
		t.Run(name, func(t *testing.T) {
			srv := rtEncodedServer(t, 200, tc.encoding, tc.data)
			tr, _ := newRTTestTransport(t, srv.URL, WithHeader("Accept-Encoding", "gzip, deflate"))
			var out struct{ ID, Name string }
			var resp *http.Response
			err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x", Options: []RequestOption{WithResponseInto(&resp)}}, &out)
			if err != nil || out.ID != "u_1" || out.Name != "Ann" {
				t.Fatalf("out = %+v, err = %v", out, err)
			}
			if tc.encoding != "identity" && (resp.Header.Get("Content-Encoding") != "" || !resp.Uncompressed) {
				t.Errorf("response still claims an encoding: %v", resp.Header)
			}
		})
	}
}

func TestCompressedStreamAndErrorBodies(t *testing.T) {
	t.Run("stream", func(t *testing.T) {
		srv := rtEncodedServer(t, 200, "gzip", rtGzip("line 1\nline 2\n"))
		tr, _ := newRTTestTransport(t, srv.URL, WithHeader("Accept-Encoding", "gzip"))
		var stream io.ReadCloser
		if err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, &stream); err != nil {
			t.Fatal(err)
		}
		defer stream.Close()
		if b, err := io.ReadAll(stream); err != nil || string(b) != "line 1\nline 2\n" {
			t.Errorf("stream = %q, %v", b, err)
		}
	})
	t.Run("error", func(t *testing.T) {
		srv := rtEncodedServer(t, 404, "gzip", rtGzip(`{"error":{"type":"not_found","message":"no such user"}}`))
		tr, _ := newRTTestTransport(t, srv.URL, WithHeader("Accept-Encoding", "gzip"))
		err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, nil)
		var apiErr *Error
		if !errors.As(err, &apiErr) || apiErr.Type != "not_found" || apiErr.Message != "no such user" {
			t.Errorf("err = %v", err)
		}
	})
}

// A body that is not what its Content-Encoding says is the server's fault:
// a *DecodeError, not retried. A body cut short may be the network's, and
// is retried like any interrupted body.
func TestCorruptCompressedBody(t *testing.T) {
	good := rtGzip(`{"id":"u_1"}`)
	bad := bytes.Clone(good)
	bad[len(bad)-5] ^= 0xff // break the checksum
	for name, tc := range map[string]struct {
		encoding  string
		data      []byte
		wantHits  int32
		wantError string
	}{
		"not gzip":        {"gzip", []byte(`{"id":"u_1"}`), 1, "gzip: invalid header"},
		"bad checksum":    {"gzip", bad, 1, "gzip: invalid checksum"},
		"not deflate":     {"deflate", []byte{0xff, 0xff, 0xff, 0xff}, 1, "flate: corrupt input"},
		"truncated gzip":  {"gzip", good[:len(good)-8], 3, "unexpected EOF"},
		"no zlib trailer": {"deflate", rtZlib(`{"id":"u_1"}`)[:10], 3, "EOF"},
	} {
		t.Run(name, func(t *testing.T) {
			srv := rtEncodedServer(t, 200, tc.encoding, tc.data)
			tr, _ := newRTTestTransport(t, srv.URL, WithHeader("Accept-Encoding", "gzip"))
			var out struct{ ID string }
			err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, &out)
			if err == nil || !strings.Contains(err.Error(), tc.wantError) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.wantError)
			}
			var de *DecodeError
			if errors.As(err, &de) != (tc.wantHits == 1) {
				t.Errorf("err = %T %v", err, err)
			}
			if srv.hits.Load() != tc.wantHits {
				t.Errorf("attempts = %d, want %d", srv.hits.Load(), tc.wantHits)
			}
		})
	}
}

// The size limit applies to the decoded body, so a small compressed body
// cannot make the client hold gigabytes.
func TestMaxResponseBytesCountsDecodedBytes(t *testing.T) {
	huge := `"` + strings.Repeat("0", 1<<20) + `"`
	srv := rtEncodedServer(t, 200, "gzip", rtGzip(huge))
	tr, _ := newRTTestTransport(t, srv.URL, WithHeader("Accept-Encoding", "gzip"), WithMaxResponseBytes(64<<10))
	var out string
	err := tr.do(context.Background(), &apiRequest{Operation: "a.b", Method: "GET", Path: "/x"}, &out)
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "exceeds 65536 bytes") || out != "" {
		t.Errorf("err = %v", err)
	}
}
