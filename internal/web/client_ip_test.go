package web

import (
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestClientIPTrustsOnlyConfiguredProxies(t *testing.T) {
	s := &Server{Options: Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.0.0.0/8")}}}
	tests := []struct {
		name, remote, xff, want string
	}{
		{"direct client", "203.0.113.7:5000", "", "203.0.113.7"},
		{"direct client forging the header", "203.0.113.7:5000", "198.51.100.1", "203.0.113.7"},
		{"through the local proxy", "127.0.0.1:40000", "198.51.100.1", "198.51.100.1"},
		{"client forging a hop before the proxy", "127.0.0.1:40000", "1.2.3.4, 198.51.100.1", "198.51.100.1"},
		{"two trusted proxies", "127.0.0.1:40000", "198.51.100.1, 10.1.2.3", "198.51.100.1"},
		{"proxy without the header", "127.0.0.1:40000", "", "127.0.0.1"},
		{"garbage in the header", "127.0.0.1:40000", "not-an-ip", "127.0.0.1"},
		{"IPv6 client", "[2001:db8::1]:443", "", "2001:db8::1"},
	}
	for _, tc := range tests {
		r := httptest.NewRequest("POST", "/login", nil)
		r.RemoteAddr = tc.remote
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		if got := s.ClientIP(r); got != tc.want {
			t.Errorf("%s: ClientIP = %q, want %q", tc.name, got, tc.want)
		}
	}
	untrusting := &Server{}
	r := httptest.NewRequest("POST", "/login", nil)
	r.RemoteAddr = "127.0.0.1:40000"
	r.Header.Set("X-Forwarded-For", "198.51.100.1")
	if got := untrusting.ClientIP(r); got != "127.0.0.1" {
		t.Errorf("with no trusted proxies the header was believed: %q", got)
	}
}
