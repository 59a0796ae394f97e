package main

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/demo"
)

func TestWrongPasswordSaysNothingAboutTheUser(t *testing.T) {
	s := startServer(t)
	body := func(email string) (int, string) {
		res, err := s.client(t).PostForm(s.url+"/login", url.Values{"email": {email}, "password": {"not the password"}})
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(res.Body)
		// The e-mail is echoed back into the form; remove it to compare the rest.
		return res.StatusCode, strings.ReplaceAll(b.String(), email, "")
	}
	c1, known := body(demo.Email("operator"))
	c2, unknown := body("nobody@demo.jol.example")
	if c1 != http.StatusUnauthorized || c2 != c1 || known != unknown {
		t.Fatalf("known user: %d, unknown user: %d; pages differ: %v", c1, c2, known != unknown)
	}
}

func TestOversizedBodiesAre413(t *testing.T) {
	s := startServer(t)
	big := strings.Repeat("x", 2<<20)
	for _, path := range []string{"/login", "/locale"} {
		res, err := s.client(t).Post(s.url+path, "application/x-www-form-urlencoded", strings.NewReader("email="+big))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("POST %s with 2 MiB: %d, want 413", path, res.StatusCode)
		}
	}
	req, _ := http.NewRequest("POST", s.url+"/api/v1/users", strings.NewReader(`{"name":"`+big+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer jol_whatever")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge && res.StatusCode != http.StatusUnauthorized {
		t.Errorf("API with 2 MiB: %d", res.StatusCode)
	}
}

func TestCrossSiteFormPostIsRefused(t *testing.T) {
	s := startServer(t)
	c := s.login(t, "coordinator")
	req, _ := http.NewRequest("POST", s.url+"/locale", strings.NewReader("lang=fa&next=/"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d, want 403", res.StatusCode)
	}
	if code, body := get(t, c, s.url+"/"); code != 200 || strings.Contains(body, `<html lang="fa"`) {
		t.Fatalf("the forged request changed the language (%d)", code)
	}
}

func TestUnknownLocaleFallsBackToTheOrganisationDefault(t *testing.T) {
	s := startServer(t)
	// The Tehran coordinator chose Persian; the Kazakh-speaking foundation's
	// coordinator chose nothing, so their organisation's default applies.
	c := s.login(t, "coordinator")
	_, body := get(t, c, s.url+"/", "Accept-Language", "de-DE, xx;q=0.9")
	if !strings.Contains(body, `<html lang="kk" dir="ltr">`) {
		t.Fatalf("unknown Accept-Language: page is not in the organisation's Kazakh:\n%.300s", body)
	}
	_, body = get(t, s.client(t), s.url+"/login", "Accept-Language", "xx")
	if !strings.Contains(body, `<html lang="ru"`) {
		t.Fatalf("anonymous with unknown language: want the installation default (ru):\n%.200s", body)
	}
	_, body = get(t, s.client(t), s.url+"/login", "Accept-Language", "fa-IR,fa;q=0.9")
	if !strings.Contains(body, `<html lang="fa" dir="rtl">`) {
		t.Fatalf("Accept-Language fa: %.200s", body)
	}
}

func TestSetupPageIsClosedOnceUsersExist(t *testing.T) {
	s := startServer(t)
	if code, _ := get(t, s.client(t), s.url+"/setup"); code != http.StatusNotFound {
		t.Fatalf("GET /setup with users: %d, want 404", code)
	}
}
