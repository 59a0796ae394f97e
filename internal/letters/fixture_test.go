package letters_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fix is a world with an open kits campaign of the Foundation in Almaty
// offering backpacks, and a central warehouse to receive gifts in kind.
type fix struct {
	*testworld.World
	s        *letters.Service
	ctx      context.Context
	coord    access.Principal
	central  stock.Warehouse
	camp     campaign.Campaign
	backpack int64
}

func setup(t testing.TB, w *testworld.World) *fix {
	t.Helper()
	f := &fix{World: w, s: w.Services.Letters, ctx: t.Context(), coord: w.Principal(access.Coordinator)}
	f.backpack = f.scalar(t, "SELECT id FROM aid_items WHERE code = 'backpack'")
	var err error
	f.central, err = w.Services.Stock.CreateWarehouse(f.ctx, access.System, stock.WarehouseInput{Code: "ALA-C",
		Name: "Central warehouse", Kind: stock.Store, OrgID: w.Foundation.ID, RegionCode: "KZ-75", Active: true})
	must(t, err)
	c, err := w.Services.Campaigns.Create(f.ctx, f.coord, campaign.Input{Slug: "road", Programme: campaign.Kits,
		OrganiserID: w.Foundation.ID, StartsOn: testworld.Day(2026, 7, 1), EndsOn: testworld.Day(2026, 12, 31),
		Texts: []campaign.Text{{Locale: "en", Name: "Road to School"}, {Locale: "ru", Name: "Дорога в школу"},
			{Locale: "kk", Name: "Мектепке жол"}, {Locale: "fr", Name: "En route pour l'école"},
			{Locale: "fa", Name: "راه مدرسه"}},
		RegionCodes: []string{"KZ-75"}, Items: []campaign.Offered{{Code: "backpack", Target: 100}}})
	must(t, err)
	f.camp, err = w.Services.Campaigns.Transition(f.ctx, f.coord, c.ID, c.Version, campaign.Open)
	must(t, err)
	return f
}

// sponsor records a sponsor of the Foundation supporting the campaign.
func (f *fix) sponsor(t testing.TB, name, language string) sponsors.Sponsor {
	t.Helper()
	sp, err := f.Services.Sponsors.Create(f.ctx, f.coord, sponsors.Input{Name: name, Kind: stock.DonorCompany,
		OrgID: f.Foundation.ID, Language: language, CampaignIDs: []int64{f.camp.ID}})
	must(t, err)
	return sp
}

// donate receives n units of item from sponsor sp at the central warehouse.
func (f *fix) donate(t testing.TB, sp sponsors.Sponsor, item, n int64) {
	t.Helper()
	_, err := f.Services.Stock.Receive(f.ctx, access.System, stock.ReceiptInput{WarehouseID: f.central.ID,
		Kind: stock.Donation, DonorID: sp.ID, Lines: []stock.Line{{ItemID: item, Quantity: n}}})
	must(t, err)
}

// handOver hands one unit of item to a new pupil of School №1 in grade,
// through an approved request of the campaign.
func (f *fix) handOver(t testing.TB, name string, grade int, item int64) {
	t.Helper()
	in := f.Child("Pupil", name, testworld.Day(2016, 3, 1))
	in.Grade = grade
	child := f.Person(t, in)
	r, err := f.Services.Requests.Submit(f.ctx, f.coord, requests.Input{CampaignID: f.camp.ID, PersonID: child.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "Parent", Channel: requests.Centre, Locale: "en",
		Lines: []requests.LineInput{{ItemID: item, Quantity: 1}}, Via: "web"})
	must(t, err)
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		r, err = f.Services.Requests.Transition(f.ctx, f.coord, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"})
		must(t, err)
	}
	_, err = f.Services.Stock.Issue(f.ctx, f.coord, stock.IssueInput{WarehouseID: f.central.ID, RequestID: r.ID, Line: 1})
	must(t, err)
}

// runLetters starts the campaign's run as the coordinator and does its
// job here, returning the run as it ended and the job's error.
func (f *fix) runLetters(t testing.TB, ctx context.Context) (letters.Run, error) {
	t.Helper()
	run, err := f.s.Start(f.ctx, f.coord, f.camp.ID, letters.SponsorLetter)
	must(t, err)
	payload, _ := json.Marshal(map[string]int64{"run_id": run.ID})
	_, jerr := f.s.Handle(ctx, &jobs.Job{ID: run.JobID, Kind: letters.JobKind, Payload: payload}, nopProgress{})
	run, err = f.s.Run(f.ctx, f.coord, run.ID)
	must(t, err)
	return run, jerr
}

type nopProgress struct{}

func (nopProgress) Set(done, total int64) {}

func (f *fix) scalar(t testing.TB, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := f.DB.W.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// pdfText is the text pdftotext reads from pdf, one string per page, in
// NFKC (Persian presentation forms read as their letters) and without the
// bidi embedding marks pdftotext puts around right-to-left runs.
func pdfText(t testing.TB, pdf []byte) []string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("JOL_REQUIRE_PDFTOOLS") != "" {
			t.Fatalf("pdftotext is required: %v", err)
		}
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "letter.pdf")
	must(t, os.WriteFile(file, pdf, 0o644))
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	must(t, err)
	strip := strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "")
	pages := strings.Split(strip.Replace(norm.NFKC.String(string(out))), "\f")
	return pages[:len(pages)-1]
}

// missing is the first of words not found in text after those before
// it, "" when all are there in order.
func missing(text string, words []string) string {
	for _, w := range words {
		i := strings.Index(text, w)
		if i < 0 {
			return w
		}
		text = text[i+len(w):]
	}
	return ""
}
