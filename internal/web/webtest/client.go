package webtest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Client is a browser without JavaScript: it keeps cookies and does not
// follow redirects, so a test sees each 303.
type Client struct {
	T  *testing.T
	F  *Fixture
	HC *http.Client
}

// Login returns a client logged in as the user with email.
func (f *Fixture) Login(t *testing.T, email string) *Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &Client{T: t, F: f, HC: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	r := c.Post("/login", url.Values{"email": {email}, "password": {Password}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("login %s: %d %s", email, r.Status, r.Body)
	}
	return c
}

// Response is what a request got back.
type Response struct {
	Status   int
	Location string
	Body     string
}

// Get asks for path.
func (c *Client) Get(path string) Response {
	c.T.Helper()
	return c.Do(Must(http.NewRequest("GET", c.F.Srv.URL+path, nil)))
}

// Post posts form to path.
func (c *Client) Post(path string, form url.Values) Response {
	c.T.Helper()
	req := Must(http.NewRequest("POST", c.F.Srv.URL+path, strings.NewReader(form.Encode())))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.Do(req)
}

// PostBody sends body as it is, with its content type.
func (c *Client) PostBody(path, contentType string, body []byte) Response {
	c.T.Helper()
	req := Must(http.NewRequest("POST", c.F.Srv.URL+path, bytes.NewReader(body)))
	req.Header.Set("Content-Type", contentType)
	return c.Do(req)
}

// Do sends req and reads the whole answer.
func (c *Client) Do(req *http.Request) Response {
	c.T.Helper()
	res, err := c.HC.Do(req)
	if err != nil {
		c.T.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return Response{Status: res.StatusCode, Location: res.Header.Get("Location"), Body: string(b)}
}

// Upload posts a multipart form with content as its file field.
func (c *Client) Upload(path, name string, content []byte) Response {
	c.T.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	fw := Must(w.CreateFormFile("file", name))
	_ = Must(fw.Write(content))
	Check(c.T, w.Close())
	return c.PostBody(path, w.FormDataContentType(), b.Bytes())
}

// Download is a file as the server sent it.
type Download struct {
	Status int
	Header http.Header
	Body   []byte
}

// Download asks for the file at path.
func (c *Client) Download(path string) Download {
	c.T.Helper()
	res, err := c.HC.Get(c.F.Srv.URL + path)
	if err != nil {
		c.T.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.T.Fatalf("GET %s: %v", path, err)
	}
	return Download{Status: res.StatusCode, Header: res.Header, Body: b}
}

// RTL reports whether the first sheet of a workbook is right-to-left.
func RTL(t *testing.T, b []byte) bool {
	t.Helper()
	book := Must(excelize.OpenReader(bytes.NewReader(b)))
	defer book.Close()
	v := Must(book.GetSheetView(book.GetSheetName(0), 0))
	return v.RightToLeft != nil && *v.RightToLeft
}
