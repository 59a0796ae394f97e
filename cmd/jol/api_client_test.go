package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"

	"github.com/jolproject/jol/internal/store/storetest"
)

// Behind a trusted proxy every request comes from the proxy's address:
// the API's public routes must count the client the proxy names, as the
// web pages do, or one busy client would lock every young person out.
func TestAPIPublicLimitPerClientBehindProxy(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := buildApp(ctx, storetest.Engine(t), newLogger(testLog(t)))
	if err != nil {
		t.Fatal(err)
	}
	sf, err := a.handler(serveConfig{trustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
	if err != nil {
		t.Fatal(err)
	}
	get := func(client string) int {
		r := httptest.NewRequest("GET", "/api/v1/y/no-such-link/shortlist", nil)
		r.RemoteAddr = "127.0.0.1:40000"
		r.Header.Set("X-Forwarded-For", client)
		w := httptest.NewRecorder()
		sf.handler.ServeHTTP(w, r)
		return w.Code
	}
	n := 0
	for get("203.0.113.7") == http.StatusNotFound {
		if n++; n > 1000 {
			t.Fatal("the link route is not limited at all")
		}
	}
	if code := get("198.51.100.9"); code != http.StatusNotFound {
		t.Fatalf("another client behind the proxy = %d after the first used its %d attempts, want 404", code, n)
	}
}
