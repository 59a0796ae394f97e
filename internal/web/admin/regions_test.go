package admin_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestRegionImportReportsLines(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	csv := "code,parent_code,type,name_en,name_ru\n" +
		"KZ-75-01,KZ-75,district,Medeu District,Медеуский район\n" +
		"KZ-75-02,KZ-99,district,Nowhere,\n" +
		"KZ-75-03,KZ-75,,Nameless,\n" +
		"KZ-75-04,KZ-75,district,Bostandyk District,\n"
	r := c.Upload("/admin/regions/import", "districts.csv", []byte(csv))
	if r.Status != http.StatusOK {
		t.Fatalf("import: %d %s", r.Status, r.Body)
	}
	for _, want := range []string{
		`<th scope="row" class="num">3</th>`, `<code>parent_code</code>`, `<code>KZ-99</code>`,
		"There is no region with this code", `<th scope="row" class="num">4</th>`, "Type is required.",
	} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("result lacks %q", want)
		}
	}
	if strings.Contains(r.Body, `<th scope="row" class="num">2</th>`) || strings.Contains(r.Body, `<th scope="row" class="num">5</th>`) {
		t.Error("a good line is reported as rejected")
	}
	if page := c.Get("/regions?parent=KZ-75"); !strings.Contains(page.Body, "Medeu District") || !strings.Contains(page.Body, "Bostandyk District") {
		t.Error("imported districts are not under Almaty")
	}
	c.Post("/locale", url.Values{"lang": {"ru"}})
	if page := c.Get("/regions?q=медеу"); !strings.Contains(page.Body, "Медеуский район") || !strings.Contains(page.Body, "Район") {
		t.Error("search does not find the Russian name")
	}
	if page := c.Get("/regions?parent=KZ-75-01"); !strings.Contains(page.Body, `href="/regions?parent=KZ-75"`) {
		t.Error("no breadcrumb up to Almaty")
	}
}

func TestUploadLimitIsPerRoute(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	big := bytes.Repeat([]byte("x"), 11<<20)
	if r := c.Upload("/admin/regions/import", "big.csv", big); r.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("11 MiB upload: %d", r.Status)
	}
	// Two MiB pass the import, whose limit is its own, but no other form.
	padded := "code,parent_code,type,name_en\nKZ-75-09,KZ-75,district,Padded\n" + strings.Repeat("\n", 2<<20)
	if r := c.Upload("/admin/regions/import", "padded.csv", []byte(padded)); r.Status != http.StatusOK {
		t.Fatalf("2 MiB upload: %d", r.Status)
	}
	form := url.Values{"name": {strings.Repeat("x", 2<<20)}, "default_locale": {"en"}, "country": {"KZ"}, "calendar": {"gregorian"}}
	if r := c.Post("/admin/settings", form); r.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("2 MiB settings form: %d", r.Status)
	}
	if r := c.PostBody("/admin/regions/import", "application/x-www-form-urlencoded", []byte("file=x")); r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("no file: %d", r.Status)
	}
}

func TestImportNeedsAUsableHeader(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "admin@example.org")
	r := c.Upload("/admin/regions/import", "bad.csv", []byte("code;parent;type\nKZ-75-01;KZ-75;district\n"))
	for _, want := range []string{"Unknown column.", "The file has no column named name_en.", `<code>parent</code>`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("bad header: lacks %q", want)
		}
	}
	if coord := f.Login(t, "coord@example.org"); coord.Get("/admin/regions/import").Status != http.StatusForbidden {
		t.Error("a coordinator may open the import")
	}
}
