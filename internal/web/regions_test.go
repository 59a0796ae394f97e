package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

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

func TestRegionImportReportsLines(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "admin@example.org")
	csv := "code,parent_code,type,name_en,name_ru\n" +
		"KZ-75-01,KZ-75,district,Medeu District,Медеуский район\n" +
		"KZ-75-02,KZ-99,district,Nowhere,\n" +
		"KZ-75-03,KZ-75,,Nameless,\n" +
		"KZ-75-04,KZ-75,district,Bostandyk District,\n"
	r := c.upload("/admin/regions/import", "districts.csv", []byte(csv))
	if r.status != http.StatusOK {
		t.Fatalf("import: %d %s", r.status, r.body)
	}
	for _, want := range []string{
		`<th scope="row" class="num">3</th>`, `<code>parent_code</code>`, `<code>KZ-99</code>`,
		"There is no region with this code", `<th scope="row" class="num">4</th>`, "Type is required.",
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("result lacks %q", want)
		}
	}
	if strings.Contains(r.body, `<th scope="row" class="num">2</th>`) || strings.Contains(r.body, `<th scope="row" class="num">5</th>`) {
		t.Error("a good line is reported as rejected")
	}
	if page := c.get("/regions?parent=KZ-75"); !strings.Contains(page.body, "Medeu District") || !strings.Contains(page.body, "Bostandyk District") {
		t.Error("imported districts are not under Almaty")
	}
	c.post("/locale", url.Values{"lang": {"ru"}})
	if page := c.get("/regions?q=медеу"); !strings.Contains(page.body, "Медеуский район") || !strings.Contains(page.body, "Район") {
		t.Error("search does not find the Russian name")
	}
	if page := c.get("/regions?parent=KZ-75-01"); !strings.Contains(page.body, `href="/regions?parent=KZ-75"`) {
		t.Error("no breadcrumb up to Almaty")
	}
}

func TestUploadLimitIsPerRoute(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "admin@example.org")
	big := bytes.Repeat([]byte("x"), 11<<20)
	if r := c.upload("/admin/regions/import", "big.csv", big); r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("11 MiB upload: %d", r.status)
	}
	// Two MiB pass the import, whose limit is its own, but no other form.
	padded := "code,parent_code,type,name_en\nKZ-75-09,KZ-75,district,Padded\n" + strings.Repeat("\n", 2<<20)
	if r := c.upload("/admin/regions/import", "padded.csv", []byte(padded)); r.status != http.StatusOK {
		t.Fatalf("2 MiB upload: %d", r.status)
	}
	form := url.Values{"name": {strings.Repeat("x", 2<<20)}, "default_locale": {"en"}, "country": {"KZ"}, "calendar": {"gregorian"}}
	if r := c.post("/admin/settings", form); r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("2 MiB settings form: %d", r.status)
	}
	if r := c.postBody("/admin/regions/import", "application/x-www-form-urlencoded", []byte("file=x")); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("no file: %d", r.status)
	}
}
