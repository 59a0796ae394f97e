package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

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

func TestImportNeedsAUsableHeader(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "admin@example.org")
	r := c.upload("/admin/regions/import", "bad.csv", []byte("code;parent;type\nKZ-75-01;KZ-75;district\n"))
	for _, want := range []string{"Unknown column.", "The file has no column named name_en.", `<code>parent</code>`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("bad header: lacks %q", want)
		}
	}
	if coord := f.login(t, "coord@example.org"); coord.get("/admin/regions/import").status != http.StatusForbidden {
		t.Error("a coordinator may open the import")
	}
}
