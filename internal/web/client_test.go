package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
)

// client is a browser without JavaScript: it keeps cookies and does not
// follow redirects, so a test sees each 303.
type client struct {
	t  *testing.T
	f  *fixture
	hc *http.Client
}

// login returns a client logged in as the user with email.
func (f *fixture) login(t *testing.T, email string) *client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, f: f, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	r := c.post("/login", url.Values{"email": {email}, "password": {password}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("login %s: %d %s", email, r.status, r.body)
	}
	return c
}

// response is what a request got back.
type response struct {
	status   int
	location string
	body     string
}

func (c *client) get(path string) response {
	c.t.Helper()
	return c.do(must(http.NewRequest("GET", c.f.srv.URL+path, nil)))
}

func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	req := must(http.NewRequest("POST", c.f.srv.URL+path, strings.NewReader(form.Encode())))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// postBody sends body as it is, with its content type.
func (c *client) postBody(path, contentType string, body []byte) response {
	c.t.Helper()
	req := must(http.NewRequest("POST", c.f.srv.URL+path, bytes.NewReader(body)))
	req.Header.Set("Content-Type", contentType)
	return c.do(req)
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, location: res.Header.Get("Location"), body: string(b)}
}

// upload posts a multipart form with content as its file field.
func (c *client) upload(path, name string, content []byte) response {
	c.t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	fw := must(w.CreateFormFile("file", name))
	_ = must(fw.Write(content))
	check(c.t, w.Close())
	return c.postBody(path, w.FormDataContentType(), b.Bytes())
}
