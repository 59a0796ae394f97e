package webtest

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// RefusesLongText posts form to path as the client's user (email) in
// each of the five languages, with field holding max+1 characters and
// then a megabyte: the first is refused beside its field (422) with a
// message naming max in that language, the second as a request too large
// (413) in that language, whether its length is told beforehand or not.
// Nothing posted may be stored: the caller checks that.
func (c *Client) RefusesLongText(email, path string, form url.Values, field string, max int) {
	c.T.Helper()
	cat := Must(i18n.New())
	link := regexp.MustCompile(`<a href="#` + regexp.QuoteMeta(field) + `">([^<]*)</a>`)
	seen := map[string]bool{}
	for _, l := range i18n.All() {
		_ = Must(c.F.DB.W.Exec(store.Rebind(c.F.DB.Engine, "UPDATE users SET locale = $1 WHERE email = $2"), string(l), email))
		loc := cat.Localizer(l)
		long := url.Values{}
		for k, v := range form {
			long[k] = v
		}
		long.Set(field, strings.Repeat("ж", max+1))
		r := c.Post(path, long)
		m := link.FindStringSubmatch(r.Body)
		num := loc.Digits(loc.Number(int64(max)))
		if r.Status != 422 || m == nil || !strings.Contains(m[1], num) || strings.Contains(m[1], "error.") || seen[m[1]] {
			c.T.Errorf("%s in %s with %d characters of %s: %d, message %q, want 422 naming %s", path, l, max+1, field, r.Status, m, num)
		} else {
			seen[m[1]] = true
		}
		long.Set(field, strings.Repeat("x", 1<<20))
		want := html.EscapeString(loc.T("error.too_large"))
		if r = c.Post(path, long); r.Status != 413 || !strings.Contains(r.Body, want) {
			c.T.Errorf("%s in %s with a megabyte of %s: %d, want 413 with %q", path, l, field, r.Status, want)
		}
		// The same without its length told beforehand: read, and refused
		// once it passes the limit, not taken as a form left empty.
		req := Must(http.NewRequest("POST", c.F.Srv.URL+path, io.MultiReader(strings.NewReader(long.Encode()))))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if r = c.Do(req); r.Status != 413 || !strings.Contains(r.Body, want) {
			c.T.Errorf("%s in %s with a megabyte of %s sent in chunks: %d, want 413 with %q", path, l, field, r.Status, want)
		}
	}
}
