package importing_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
)

func TestImportListCountsTheUploadsOfItsScope(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "ru")
	for range 3 {
		if r := uploadList(op, url.Values{"org": {itoa(f.Org.ID)}}, "список.csv", []byte(schoolList)); r.Status != http.StatusSeeOther {
			t.Fatalf("upload: %d", r.Status)
		}
	}
	if r := op.Get("/imports"); !strings.Contains(r.Body, "3 записи") {
		t.Error("the list of uploads does not say 3 записи")
	}
	if r := op.Get("/imports?limit=2&page=2"); !strings.Contains(r.Body, "Страница 2 из 2") {
		t.Error("the second page of uploads does not say where it is")
	}
}
