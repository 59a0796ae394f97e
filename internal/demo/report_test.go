package demo_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// Last year's "Road to School" is reported with its final report
// produced by the demo: its 5,000 kits and children recorded by hand, its
// consenting sponsors named, published, and drawn as a PDF and a workbook; seeding again keeps the
// one report.
func TestDemoReport(t *testing.T) {
	svc := services(t, storetest.SQLite(t))
	for range 2 {
		if _, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true}); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := svc.Reports.Published(ctx, "road-2025")
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Figures
	if !f.Recorded || f.Reached != 5000 || len(f.Items) != 1 || f.Items[0].Delivered != 5000 || f.Items[0].Children != 5000 ||
		f.Name.In(i18n.FA) != "راه مدرسه" || len(f.Partners) != 5 {
		t.Errorf("last year's report: %+v", f)
	}
	// A third of this year's sponsors supported last year's campaign:
	// those who consented are named, the others not.
	supported, _, err := svc.Sponsors.List(ctx, access.System, sponsors.Filter{CampaignID: rep.CampaignID}, store.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var named, unnamed int
	for _, row := range supported {
		sp, err := svc.Sponsors.Get(ctx, access.System, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		if sp.Consent != slices.Contains(f.Sponsors, sp.Name) {
			t.Errorf("sponsor %q (consent %v) named: %v", sp.Name, sp.Consent, !sp.Consent)
		}
		if len(sp.CampaignIDs) != 2 {
			t.Errorf("sponsor %q supports %v, want this year's and last year's", sp.Name, sp.CampaignIDs)
		}
		if sp.Consent {
			named++
		} else {
			unnamed++
		}
	}
	if named == 0 || unnamed == 0 || len(f.Sponsors) != named {
		t.Errorf("last year's sponsors: %d named, %d not; the report names %d", named, unnamed, len(f.Sponsors))
	}
	c, err := svc.Campaigns.Public(ctx, "road-2025")
	if err != nil || c.Status != campaign.Reported {
		t.Fatalf("last year's campaign: %v %v", c.Status, err)
	}
	if _, err := svc.Reports.Produce(ctx, access.System, c.ID); err == nil {
		t.Error("a second report was produced")
	}
	for _, loc := range []i18n.Locale{i18n.RU, i18n.FA} {
		var pdf, book bytes.Buffer
		if err := svc.Reports.WritePDF(&pdf, rep, loc); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
			t.Errorf("PDF in %s: %v", loc, err)
		}
		if err := svc.Reports.WriteXLSX(&book, rep, loc); err != nil || !bytes.HasPrefix(book.Bytes(), []byte("PK")) {
			t.Errorf("workbook in %s: %v", loc, err)
		}
	}
}
