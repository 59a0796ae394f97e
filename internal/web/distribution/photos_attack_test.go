package distribution_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web/webtest"
)

// Hostile photos of the signed list are refused with a reason in the
// reader's language and attach nothing: an empty file, HTML or SVG with
// a script under a photo's name, a file over the limit.
func TestHostileListPhotosAreRefused(t *testing.T) {
	f := setup(t)
	f.request(t, "Akhmetova", "Dana")
	day := f.openDay(t)
	ru := f.User(t, "ru@example.org", access.Coordinator, "ru")
	fa := f.User(t, "fa@example.org", access.Coordinator, "fa")
	for _, tc := range []struct {
		name    string
		c       *webtest.Client
		content []byte
		status  int
		want    string
	}{
		{"list.jpg", ru, nil, http.StatusUnprocessableEntity, "Файл пуст"},
		{"list.jpg", ru, []byte("<html><body><script>alert(document.cookie)</script></body></html>"),
			http.StatusUnprocessableEntity, "Приложите файл PDF, JPEG или PNG."},
		{"list.png", fa, []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
			http.StatusUnprocessableEntity, "PDF"},
		{"list.jpg", fa, append([]byte("\xff\xd8\xff\xe0"), make([]byte, 5<<20)...), http.StatusRequestEntityTooLarge, "بزرگ"},
	} {
		r := tc.c.Upload(day+"/photos", tc.name, tc.content)
		if r.Status != tc.status || !strings.Contains(r.Body, tc.want) {
			t.Errorf("%s of %d bytes: %d, want %d and %q in the page", tc.name, len(tc.content), r.Status, tc.status, tc.want)
		}
	}
	if n := f.count(t, "SELECT count(*) FROM distribution_photos"); n != 0 {
		t.Fatalf("%d photos attached", n)
	}
	// A JPEG whose bytes go on as a page is kept as a JPEG and sent as
	// one, never sniffed into a page.
	poly := append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), []byte("<html><script>alert(1)</script></html>")...)
	if r := ru.Upload(day+"/photos", "list.html", poly); r.Status != http.StatusSeeOther {
		t.Fatalf("a JPEG: %d", r.Status)
	}
	var photo int64
	webtest.Check(t, f.DB.R.QueryRow("SELECT id FROM distribution_photos").Scan(&photo))
	d := ru.Download(day + "/photos/" + webtest.Itoa(photo))
	h := d.Header
	if d.Status != http.StatusOK || h.Get("Content-Type") != "image/jpeg" || h.Get("X-Content-Type-Options") != "nosniff" ||
		!strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("the photo is sent as %d %v", d.Status, h)
	}
}
