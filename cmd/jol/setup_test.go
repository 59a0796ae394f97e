package main

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestSetupCreatesTheFirstAdminOnceAndOnlyLocally(t *testing.T) {
	s := startServerWith(t, false)
	c := s.client(t)
	if code, _ := get(t, c, s.url+"/setup", "X-Forwarded-For", "203.0.113.9"); code != http.StatusNotFound {
		t.Fatalf("set-up through a proxy: %d, want 404", code)
	}
	if code, body := get(t, c, s.url+"/setup"); code != http.StatusOK || !strings.Contains(body, `action="/setup"`) {
		t.Fatalf("set-up page on an empty installation: %d", code)
	}
	post := func(v url.Values) (*http.Response, string) {
		res, err := c.PostForm(s.url+"/setup", v)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b strings.Builder
		_, _ = io.Copy(&b, res.Body)
		return res, b.String()
	}
	res, body := post(url.Values{"name": {"Root"}, "email": {"not-an-email"}, "password": {"short"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `value="not-an-email"`) || !strings.Contains(body, `aria-invalid="true"`) {
		t.Fatalf("bad set-up form: %d\n%.400s", res.StatusCode, body)
	}
	if n, _ := s.app.Accounts.Count(t.Context()); n != 0 {
		t.Fatalf("a rejected set-up created %d users", n)
	}
	res, _ = post(url.Values{"name": {"Root Admin"}, "email": {"root@example.org"}, "password": {"a long enough secret"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("set-up: %d", res.StatusCode)
	}
	if code, body := get(t, c, s.url+"/"); code != http.StatusOK || !strings.Contains(body, "Root Admin") {
		t.Fatalf("after set-up the admin is not logged in: %d", code)
	}
	if code, _ := get(t, s.client(t), s.url+"/setup"); code != http.StatusNotFound {
		t.Fatalf("set-up page after the first admin: %d, want 404", code)
	}
	if res, _ := post(url.Values{"name": {"Second"}, "email": {"second@example.org"}, "password": {"a long enough secret"}}); res.StatusCode != http.StatusNotFound {
		t.Fatalf("second set-up POST: %d, want 404", res.StatusCode)
	}
}
