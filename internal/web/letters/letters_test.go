package letters_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// A coordinator opens a campaign's letters page, runs the letters,
// downloads one and the combined file; an operator may not open the
// page; a template with an unknown placeholder comes back refused in the
// editor's language, naming it.
func TestLettersPages(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	for _, name := range []string{"Acme Stationery", "ТОО Жарық"} {
		webtest.Must(f.Svc.Sponsors.Create(ctx, access.System, sponsors.Input{Name: name, Kind: stock.DonorCompany,
			OrgID: f.Org.ID, Language: map[bool]string{true: "ru", false: "en"}[strings.HasPrefix(name, "ТОО")],
			CampaignIDs: []int64{c.ID}}))
	}
	page := "/campaigns/" + webtest.Itoa(c.ID) + "/letters"
	coord := f.Login(t, "coord@example.org")
	r := coord.Get(page)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Acme Stationery") || !strings.Contains(r.Body, "0 of 2 sponsors thanked") {
		t.Fatalf("page: %d\n%s", r.Status, r.Body)
	}
	if r := coord.Post(page+"/run", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("run: %d", r.Status)
	}
	runs := webtest.Must(f.Svc.Letters.Runs(ctx, access.System, c.ID))
	if len(runs) != 1 || runs[0].Status != letters.RunQueued {
		t.Fatalf("runs %+v", runs)
	}
	if r := coord.Get(page); !strings.Contains(r.Body, `http-equiv="refresh"`) && !strings.Contains(r.Body, "refresh") {
		t.Errorf("the page of a queued run does not refresh itself")
	}
	payload, _ := json.Marshal(map[string]int64{"run_id": runs[0].ID})
	webtest.Must(f.Svc.Letters.Handle(ctx, &jobs.Job{Payload: payload}, noProgress{}))
	r = coord.Get(page)
	if !strings.Contains(r.Body, "2 of 2 sponsors thanked") || !strings.Contains(r.Body, "Download all (PDF)") {
		t.Fatalf("after the run:\n%s", r.Body)
	}
	// The runs table names each run's kind; a campaign without approved
	// hours lists no volunteer.
	if !strings.Contains(r.Body, `<tr role="row" data-kind="sponsor">`) || !strings.Contains(r.Body, "Sponsor&#39;s thanks</td>") ||
		!strings.Contains(r.Body, "No volunteer has hours approved for this campaign yet.") {
		t.Errorf("the runs' kinds or the volunteers' section:\n%s", r.Body)
	}
	recips := webtest.Must(f.Svc.Letters.Recipients(ctx, access.System, c.ID))
	d := coord.Download(page + "/" + webtest.Itoa(recips[0].LetterID) + "/pdf")
	if d.Status != http.StatusOK || d.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(d.Body, []byte("%PDF")) {
		t.Errorf("letter download: %d %q", d.Status, d.Header.Get("Content-Type"))
	}
	if d := coord.Download(page + "/runs/" + webtest.Itoa(runs[0].ID) + "/pdf"); d.Status != http.StatusOK || !bytes.HasPrefix(d.Body, []byte("%PDF")) {
		t.Errorf("combined download: %d", d.Status)
	}
	// The kind is chosen beside the button: a volunteers' run is queued
	// beside the sponsors' one, an unknown kind refused.
	if !strings.Contains(r.Body, `name="kind"`) || !strings.Contains(r.Body, "Volunteer&#39;s recognition") {
		t.Errorf("the page offers no choice of kind:\n%s", r.Body)
	}
	if r := coord.Post(page+"/run", url.Values{"kind": {"volunteer"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("volunteer run: %d", r.Status)
	}
	if runs := webtest.Must(f.Svc.Letters.Runs(ctx, access.System, c.ID)); len(runs) != 2 ||
		runs[0].Kind != letters.VolunteerLetter || runs[0].Status != letters.RunQueued {
		t.Errorf("after starting the volunteers' run: %+v", runs)
	}
	if r := coord.Post(page+"/run", url.Values{"kind": {"donor"}}); r.Status == http.StatusSeeOther || r.Status == http.StatusOK {
		t.Errorf("a run of an unknown kind: %d", r.Status)
	}
	// A letter asked for under another campaign is not found.
	if d := coord.Download("/campaigns/999/letters/" + webtest.Itoa(recips[0].LetterID) + "/pdf"); d.Status != http.StatusNotFound {
		t.Errorf("a letter under another campaign: %d", d.Status)
	}
	op := f.User(t, "op@example.org", access.Operator, "en")
	if r := op.Get(page); r.Status != http.StatusForbidden {
		t.Errorf("an operator opened the letters page: %d", r.Status)
	}

	ru := f.User(t, "ru@example.org", access.Coordinator, "ru")
	ed := ru.Get("/letters/templates?kind=sponsor&locale=ru")
	if ed.Status != http.StatusOK || !strings.Contains(ed.Body, "{{impact}}") || !strings.Contains(ed.Body, "Благодарственное письмо") {
		t.Fatalf("editor: %d", ed.Status)
	}
	r = ru.Post("/letters/templates", url.Values{"org": {webtest.Itoa(f.Org.ID)}, "kind": {"sponsor"}, "locale": {"ru"},
		"version": {"0"}, "subject": {"Спасибо"}, "body": {"Дорогой {{sponsor}}, вы помогли {{children}} детям."}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "В шаблоне есть {{children}}") {
		t.Fatalf("unknown placeholder: %d\n%s", r.Status, r.Body)
	}
	r = ru.Post("/letters/templates", url.Values{"org": {webtest.Itoa(f.Org.ID)}, "kind": {"sponsor"}, "locale": {"ru"},
		"version": {"0"}, "subject": {"Спасибо"}, "body": {"Дорогой {{sponsor}}!\n\n{{impact}}"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("save: %d", r.Status)
	}
	if h := webtest.Must(f.Svc.Letters.History(ctx, access.System, f.Org.ID, letters.SponsorLetter, "ru")); len(h) != 1 ||
		h[0].Body != "Дорогой {{sponsor}}!\n\n{{impact}}" {
		t.Errorf("saved: %+v", h)
	}
	r = ru.Post("/letters/letterhead", url.Values{"org": {webtest.Itoa(f.Org.ID)}, "version": {"0"},
		"name": {"Управление образования"}, "lines": {"г. Алматы\n+7 727 000 00 00"}, "signatory_name": {"А. Жумабаева"},
		"signatory_position": {"Руководитель"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("letterhead: %d\n%s", r.Status, r.Body)
	}
	if h := webtest.Must(f.Svc.Letters.Letterhead(ctx, access.System, f.Org.ID)); len(h.Lines) != 2 || h.SignatoryName != "А. Жумабаева" {
		t.Errorf("letterhead saved: %+v", h)
	}
}

type noProgress struct{}

func (noProgress) Set(done, total int64) {}
