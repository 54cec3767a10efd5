package generic

import (
	"strings"
	"testing"
)

func TestJSONDiff(t *testing.T) {
	for _, c := range []struct {
		want, got string
		diff      string // a substring of the difference, "" for none
	}{
		{`{"a":1,"b":[true,null]}`, `{"b":[true,null],"a":1.0}`, ""},
		{`{"t":"2023-12-01T05:00:00.400Z"}`, `{"t":"2023-12-01T05:00:00.4Z"}`, ""},
		{`{"t":"2023-12-01T05:00:00.401Z"}`, `{"t":"2023-12-01T05:00:00.4Z"}`, "/t: want"},
		{`{"n":9007199254740993}`, `{"n":9007199254740992}`, "/n: want"},
		{`{"a":{"b":1}}`, `{"a":{}}`, "/a/b: missing"},
		{`{"a":1}`, `{"a":1,"b":null}`, "/b: unexpected"},
		{`{"a":""}`, `{"a":null}`, "/a: want"},
		{`["x"]`, `["x","y"]`, "want 1 items, got 2"},
		{`null`, `{"a":0}`, "(root)"},
		{`"\u003cb\u003e"`, `"<b>"`, ""},
	} {
		d := jsonDiff([]byte(c.want), []byte(c.got))
		if c.diff == "" && d != "" || c.diff != "" && !strings.Contains(d, c.diff) {
			t.Errorf("jsonDiff(%s, %s) = %q, want %q", c.want, c.got, d, c.diff)
		}
	}
}

func TestCompareResponse(t *testing.T) {
	text := "hello"
	jsonResp := response{Kind: "json", Body: []byte(`{"a":1}`)}
	for _, c := range []struct {
		sent response
		got  driverResult
		want string // a prefix of the outcome
	}{
		{jsonResp, driverResult{Kind: "value", JSON: []byte(`{"a":1}`)}, "ok"},
		{jsonResp, driverResult{Kind: "value", JSON: []byte(`{}`)}, "/a: missing"},
		{jsonResp, driverResult{Err: "decoding failed"}, "error: decoding failed"},
		{jsonResp, driverResult{Kind: "value", EncodeErr: "no variant"}, "re-encoding"},
		{jsonResp, driverResult{Kind: "none"}, "not compared"},
		{response{Kind: "json", Body: []byte(`{}`), Infinite: true}, driverResult{Kind: "value", JSON: []byte(`{"x":1}`)}, "not compared"},
		{response{Kind: "text", Body: []byte("hello")}, driverResult{Kind: "value", Text: &text}, "ok"},
		{response{Kind: "text", Body: []byte("bye")}, driverResult{Kind: "value", Text: &text}, "text"},
		{response{Kind: "bytes", Body: []byte{0, 1}}, driverResult{Kind: "bytes", Bytes: []byte{0, 1}}, "ok"},
		{response{Kind: "bytes", Body: []byte{0, 1}}, driverResult{Kind: "bytes", Bytes: []byte{0}}, "body bytes"},
		{response{Kind: "none"}, driverResult{Kind: "none"}, "ok"},
	} {
		if got := compareResponse(c.sent, c.got); !strings.HasPrefix(got, c.want) {
			t.Errorf("compareResponse(%+v, %+v) = %q, want %q...", c.sent, c.got, got, c.want)
		}
	}
}
