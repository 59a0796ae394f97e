package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestLoginNextStaysOnThisSite logs in with hostile and ordinary next=
// values: a hostile one must send the user to "/", an ordinary local path
// must be kept as it is.
func TestLoginNextStaysOnThisSite(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ next, want string }{
		// The value a browser sends for next=/%09/evil.example: a tab, which
		// browsers strip, leaving the protocol-relative //evil.example.
		{"/\t/evil.example", "/"},
		{"//evil", "/"},
		{"/\\evil", "/"},
		{"/%2F%2Fevil", "/"},
		{"/%2f/evil", "/"},
		{"/%5Cevil", "/"},
		{"/%09/evil.example", "/"},
		{"/%0A/evil.example", "/"},
		{"/\n/evil.example", "/"},
		{"/\r\n/evil.example", "/"},
		{"/people%0D%0ALocation:%20https://evil", "/"},
		{"/people?q=%0A", "/"},
		{"/ /evil", "/"},
		{"/\u00a0/evil", "/"},
		{"/\u2028/evil", "/"},
		{"https://evil", "/"},
		{"http:/evil", "/"},
		{"javascript:alert(1)", "/"},
		{"evil.example", "/"},
		{"\t/people", "/"},
		{" /people", "/"},
		{"", "/"},
		// Ordinary local paths come back unchanged.
		{"/people", "/people"},
		{"/people/12?tab=records", "/people/12?tab=records"},
		{"/people?q=Ali%20Khan", "/people?q=Ali%20Khan"},
		{"/people?q=%D0%90%D0%BB%D0%B8", "/people?q=%D0%90%D0%BB%D0%B8"},
	}
	for _, tc := range tests {
		form := url.Values{"email": {"admin@example.org"}, "password": {password}, "next": {tc.next}}
		req := must(http.NewRequest("POST", f.Srv.URL+"/login", strings.NewReader(form.Encode())))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		// The transport, not a client: a client refuses to parse the very
		// Location headers this test looks for.
		res := must(http.DefaultTransport.RoundTrip(req))
		res.Body.Close()
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != tc.want {
			t.Errorf("next=%q: %d to %q, want a redirect to %q", tc.next, res.StatusCode, loc, tc.want)
		}
	}
}
