package whop

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// rtIdleConnsPerHost is how many idle keep-alive connections to the API the
// shared transport keeps. net/http's default of 2 makes a busy process
// close and reopen connections (and redo TLS handshakes) all the time: a
// connection released while more than 2 are idle is closed.
const rtIdleConnsPerHost = 128

// rtSharedClient is the HTTP client of every client built without
// WithHTTPClient. Clients share it, and so share one pool of connections;
// it is made on first use.
var rtSharedClient = sync.OnceValue(func() *http.Client {
	return &http.Client{Transport: rtNewTransport()}
})

// rtNewTransport returns a transport for many concurrent calls to one API
// host. Proxies come from the environment as with http.DefaultTransport,
// and HTTP/2 is used when the server offers it. Dial, TLS and idle
// timeouts bound what the per-attempt timeout does not see: connections
// sitting in the pool.
func rtNewTransport() *http.Transport {
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          2 * rtIdleConnsPerHost,
		MaxIdleConnsPerHost:   rtIdleConnsPerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}
