package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/accounts"
)

// TestParallelWrongLoginsThroughTheForm posts 100 wrong passwords for one
// e-mail at once: at most accounts.MaxFailures are checked (answered 401,
// the rest 429), and the right password is refused afterwards.
func TestParallelWrongLoginsThroughTheForm(t *testing.T) {
	f := newFixture(t)
	post := func(pw string) int {
		form := url.Values{"email": {"coord@example.org"}, "password": {pw}}
		req := must(http.NewRequest("POST", f.Srv.URL+"/login", strings.NewReader(form.Encode())))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res := must(http.DefaultTransport.RoundTrip(req))
		res.Body.Close()
		return res.StatusCode
	}
	statuses := make([]int, 100)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Go(func() { statuses[i] = post("wrong password") })
	}
	wg.Wait()
	checked := 0
	for _, s := range statuses {
		switch s {
		case http.StatusUnauthorized:
			checked++
		case http.StatusTooManyRequests:
		default:
			t.Fatalf("wrong password answered %d", s)
		}
	}
	if checked == 0 || checked > accounts.MaxFailures {
		t.Errorf("%d of 100 parallel wrong passwords were checked, want 1 to %d", checked, accounts.MaxFailures)
	}
	if s := post(password); s != http.StatusTooManyRequests {
		t.Errorf("right password during the lock-out: %d, want 429", s)
	}
}
