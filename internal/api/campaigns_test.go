package api

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A client sets up a campaign, opens it and reads its progress; a second
// client holding an old version is refused, as is a kit that would hold
// itself.
func TestCampaignsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		coord := f.token[access.Coordinator]
		body := map[string]any{"slug": "road-2026", "programme": "kits", "organiser_id": f.org.ID,
			"starts_on": "2026-07-01", "ends_on": "2026-09-30", "regions": []string{"KZ-75"},
			"texts":    []map[string]string{{"locale": "ru", "name": "Дорога в школу", "slogan": "От сердца к сердцу"}},
			"contacts": []map[string]string{{"kind": "hotline", "phone": "1414"}},
			"items":    []map[string]any{{"code": "primary_kit", "target": 3500}}}
		w := f.do(t, "POST", "/api/v1/campaigns", coord, body)
		if w.Code != http.StatusCreated {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		c := decodeAs[map[string]any](t, w)
		id := int64(c["id"].(float64))
		path := "/api/v1/campaigns/" + itoa64(id)
		if c["starts_on"] != "2026-07-01" || c["apply_until"] != "2026-09-30" || c["status"] != "draft" {
			t.Errorf("created %v", c)
		}
		body["version"] = 1
		body["budget"], body["currency"] = 500000, "KZT"
		if w := f.do(t, "PUT", path, coord, body); w.Code != http.StatusOK {
			t.Fatalf("update: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "PUT", path, coord, body); w.Code != http.StatusConflict {
			t.Errorf("an update from version 1 again: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "POST", path+"/transitions", coord, map[string]any{"to": "reported", "version": 2}); w.Code != http.StatusConflict {
			t.Errorf("reporting a draft: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "POST", path+"/transitions", coord, map[string]any{"to": "open", "version": 2}); w.Code != http.StatusOK {
			t.Fatalf("open: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", path+"/progress", f.token[access.Operator], nil)
		if w.Code != http.StatusOK {
			t.Fatalf("progress: %d %s", w.Code, w.Body)
		}
		pr := decodeAs[map[string]any](t, w)
		if it := pr["items"].([]any)[0].(map[string]any); it["target"].(float64) != 3500 || it["progress"].(float64) != 0 {
			t.Errorf("progress %v", pr)
		}
		if w := f.do(t, "GET", path, f.token[access.Sponsor], nil); w.Code != http.StatusForbidden {
			t.Errorf("a sponsor reads a campaign: %d", w.Code)
		}
		w = f.do(t, "GET", "/api/v1/catalogue/kits", f.token[access.Operator], nil)
		kits := decodeAs[map[string][]map[string]any](t, w)["items"]
		if len(kits) != 2 || kits[0]["code"] != "primary_kit" {
			t.Errorf("kits %v", kits)
		}
		w = f.do(t, "POST", "/api/v1/catalogue/items", coord, map[string]any{"code": "loop", "is_kit": true,
			"names": map[string]string{"en": "Loop"}, "components": []map[string]any{{"code": "loop", "quantity": 1}}})
		if w.Code != http.StatusUnprocessableEntity {
			t.Errorf("a kit holding itself: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", "/api/v1/catalogue/items", coord, map[string]any{"code": "boots", "sizing": "shoes",
			"names": map[string]string{"en": "Winter boots", "ru": "Зимние сапоги"}})
		if w.Code != http.StatusCreated || len(decodeAs[map[string]any](t, w)["sizes"].([]any)) == 0 {
			t.Errorf("new item with sizes: %d %s", w.Code, w.Body)
		}
	})
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
