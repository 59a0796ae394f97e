package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A coordinator starts a campaign's volunteer letters through the API,
// the kind in the query; a run without one is the sponsors', and an
// unknown kind is refused naming the field.
func TestLetterRunKindsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		coord := f.token[access.Coordinator]
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		path := fmt.Sprintf("/api/v1/campaigns/%d/letters/runs", c.ID)
		w := f.do(t, "POST", path+"?kind=volunteer", coord, nil)
		if run := decodeAs[letters.Run](t, w); w.Code != 202 || run.Kind != letters.VolunteerLetter {
			t.Fatalf("volunteer run: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", path, coord, nil)
		if run := decodeAs[letters.Run](t, w); w.Code != 202 || run.Kind != letters.SponsorLetter {
			t.Fatalf("run without a kind: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "POST", path+"?kind=donor", coord, nil); w.Code != 422 && w.Code != 400 {
			t.Fatalf("unknown kind: %d %s", w.Code, w.Body)
		}
		// The campaign's letters name each recipient's and each run's kind.
		if _, err := f.svc.Sponsors.Create(t.Context(), access.System, sponsors.Input{Name: "Acme", Kind: stock.DonorCompany,
			OrgID: f.org.ID, CampaignIDs: []int64{c.ID}}); err != nil {
			t.Fatal(err)
		}
		w = f.do(t, "GET", fmt.Sprintf("/api/v1/campaigns/%d/letters", c.ID), coord, nil)
		out := decodeAs[campaignLettersOut](t, w)
		if w.Code != 200 || len(out.Recipients) != 1 || out.Recipients[0].Kind != letters.SponsorLetter ||
			out.Recipients[0].Name != "Acme" || len(out.Runs) != 2 || out.Runs[0].Kind != letters.SponsorLetter ||
			out.Runs[1].Kind != letters.VolunteerLetter || !strings.Contains(w.Body.String(), `"kind":"sponsor"`) {
			t.Errorf("the campaign's letters: %d %s", w.Code, w.Body)
		}
	})
}
