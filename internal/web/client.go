package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ClientIP is the address a request came from, for the login throttle
// and the public pages' limits (the API's too, which cmd/jol hands it). It
// is the connection's address, unless that address is one of the
// TrustedProxies: then the X-Forwarded-For entries are read from the right
// and the first address that is not a trusted proxy is the client. Headers
// from anyone else are ignored, so a client cannot choose its own address.
func (s *Server) ClientIP(r *http.Request) string {
	addr := remoteAddr(r)
	if !s.trusted(addr) {
		return addr.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if !s.trusted(hop) {
			return hop.String()
		}
		addr = hop
	}
	return addr.String()
}

func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

func remoteAddr(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		if a, err := netip.ParseAddr(r.RemoteAddr); err == nil {
			return a.Unmap()
		}
		return netip.Addr{}
	}
	return ap.Addr().Unmap()
}

// isLoopback reports whether the request came from this machine directly:
// not through a proxy, which would make every visitor look local.
func isLoopback(r *http.Request) bool {
	if r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("Forwarded") != "" {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
