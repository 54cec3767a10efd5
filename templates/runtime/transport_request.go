package whop

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// apiRequestPlan is an apiRequest resolved once and replayed per attempt.
type apiRequestPlan struct {
	method  string
	url     string
	path    string // URL path, for errors and logs
	header  http.Header
	body    []byte
	hasBody bool
}

// newRequest builds the HTTP request for one attempt. A bytes.Reader body
// makes net/http set ContentLength and GetBody, so redirects can replay it.
func (p *apiRequestPlan) newRequest(ctx context.Context) (*http.Request, error) {
	var body io.Reader
	if p.hasBody {
		body = bytes.NewReader(p.body)
	}
	r, err := http.NewRequestWithContext(ctx, p.method, p.url, body)
	if err != nil {
		return nil, err
	}
	r.Header = p.header.Clone()
	return r, nil
}

// plan resolves the URL, headers and body of req under cfg.
func (t *transport) plan(cfg *requestConfig, req *apiRequest) (*apiRequestPlan, error) {
	params, paramHeader, err := req.Params.encoded()
	if err != nil {
		return nil, t.errorf("%s: %w", req.Operation, err)
	}
	u, err := t.requestURL(cfg, req, params)
	if err != nil {
		return nil, err
	}
	p := &apiRequestPlan{method: req.Method, url: u.String(), path: u.Path, header: make(http.Header)}
	switch {
	case req.RawBody != nil:
		p.body, p.hasBody = req.RawBody, true
		if req.ContentType != "" {
			p.header.Set("Content-Type", req.ContentType)
		}
	case req.Body != nil:
		var ct string
		if p.body, ct, err = rtEncodeBodyWith(req.Body, req.ContentType, req.Encoding); err != nil {
			return nil, t.errorf("%s: encoding request body: %w", req.Operation, err)
		}
		p.hasBody = true
		p.header.Set("Content-Type", ct)
	}
	if len(cfg.jsonSet) > 0 {
		if err := p.setJSONFields(cfg.jsonSet); err != nil {
			return nil, t.errorf("%s: %w", req.Operation, err)
		}
	}
	t.setHeader(p.header, cfg, req.NoAuth)
	// Options come last, as WithQuery does for the query: they are the
	// escape hatch, so they win over the operation's own parameters.
	rtOverrideHeader(p.header, paramHeader)
	rtOverrideHeader(p.header, cfg.header)
	if err := rtCheckHeader(p.header); err != nil {
		return nil, t.errorf("%s: %w", req.Operation, err)
	}
	return p, nil
}

// requestURL joins the base URL, the path and the query: the encoded
// parameters, then the credentials and the WithQuery edits.
func (t *transport) requestURL(cfg *requestConfig, req *apiRequest, params string) (*url.URL, error) {
	if strings.ContainsAny(req.Path, "\r\n") {
		return nil, t.errorf("%s: path contains CR or LF", req.Operation)
	}
	path := req.Path
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	// An empty or unencodable path parameter marks the path (rtPathParam):
	// sent, it could reach another operation (GET /users/ lists users
	// instead of retrieving one). A template may end in "/" itself.
	if err := rtCheckPath(path); err != nil {
		return nil, t.errorf("%s: %w", req.Operation, err)
	}
	u, err := url.Parse(strings.TrimRight(cfg.baseURL, "/") + path)
	if err != nil {
		return nil, t.errorf("%s: building URL: %w", req.Operation, err)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, t.errorf("%s: base URL %q must be an absolute http(s) URL", req.Operation, cfg.baseURL)
	}
	var query url.Values
	if t.auth.In == "query" && !req.NoAuth {
		query = url.Values{t.auth.Name: {cfg.apiKey}}
	}
	params = rtDropQueryKeys(params, cfg.query)
	query = rtEditQuery(query, cfg.query)
	u.RawQuery = rtJoinQuery(u.RawQuery, params, query.Encode())
	return u, nil
}

// setHeader sets the credentials, Accept and User-Agent.
func (t *transport) setHeader(h http.Header, cfg *requestConfig, noAuth bool) {
	if !noAuth {
		switch t.auth.In {
		case "header":
			h.Set(t.auth.Name, cfg.apiKey)
		case "query":
		case "basic":
			h.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cfg.apiKey)))
		default:
			h.Set("Authorization", "Bearer "+cfg.apiKey)
		}
	}
	h.Set("Accept", "application/json")
	if t.userAgent != "" {
		h.Set("User-Agent", t.userAgent)
	}
}

// rtEditQuery returns q with the WithQuery and WithQueryAdd edits applied,
// leaving q itself (the caller's parameters) unchanged.
func rtEditQuery(q url.Values, edits []rtQueryEdit) url.Values {
	if len(edits) == 0 {
		return q
	}
	out := make(url.Values, len(q)+len(edits))
	for k, v := range q {
		out[k] = slices.Clone(v)
	}
	for _, e := range edits {
		if e.add {
			out.Add(e.key, e.value)
		} else {
			out.Set(e.key, e.value)
		}
	}
	return out
}

// rtDropQueryKeys removes from an encoded query the parameters WithQuery
// replaces, so the caller's value is the only one sent.
func rtDropQueryKeys(query string, edits []rtQueryEdit) string {
	replaced := map[string]bool{}
	for _, e := range edits {
		if !e.add {
			replaced[e.key] = true
		}
	}
	if len(replaced) == 0 || query == "" {
		return query
	}
	var kept []string
	for _, pair := range strings.Split(query, "&") {
		name, _, _ := strings.Cut(pair, "=")
		if key, err := url.QueryUnescape(name); err == nil && replaced[key] {
			continue
		}
		kept = append(kept, pair)
	}
	return strings.Join(kept, "&")
}

// rtOverrideHeader replaces the values in dst of every key present in src.
func rtOverrideHeader(dst, src http.Header) {
	for k, vs := range src {
		k = http.CanonicalHeaderKey(k)
		dst.Del(k)
		for _, v := range vs {
			dst.Add(k, v)
		}
	}
}

// rtCheckHeader rejects header names and values that could inject extra
// headers. The value is not quoted in the error: it may be a secret.
func rtCheckHeader(h http.Header) error {
	for k, vs := range h {
		if k == "" || strings.ContainsAny(k, "\r\n\x00: \t") {
			return errors.New("invalid header name " + rtQuoteSafe(k))
		}
		for _, v := range vs {
			if strings.ContainsAny(v, "\r\n\x00") {
				return errors.New("header " + rtQuoteSafe(k) + " contains CR, LF or NUL")
			}
		}
	}
	return nil
}

// rtQuoteSafe quotes s with control characters escaped.
func rtQuoteSafe(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// rtHTTPClient returns a copy of hc that drops credentials when a redirect
// leaves the original scheme, host or port. net/http only compares host
// names, so it would send the key to another port on the same host.
func rtHTTPClient(hc *http.Client) *http.Client {
	c := *hc
	next := hc.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > 0 {
			first := via[0].URL
			if req.URL.Scheme != first.Scheme || !strings.EqualFold(req.URL.Host, first.Host) {
				req.Header.Del("Authorization")
				req.Header.Del("Cookie")
			}
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &c
}

// rtChain wraps send in the middleware, the first one outermost.
func rtChain(mws []Middleware, send MiddlewareNext) MiddlewareNext {
	next := send
	for i := len(mws) - 1; i >= 0; i-- {
		if mws[i] == nil {
			continue
		}
		mw, inner := mws[i], next
		next = func(r *http.Request) (*http.Response, error) { return mw(r, inner) }
	}
	return next
}
