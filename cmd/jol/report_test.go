package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// jol report refuses an open campaign in the operator's language; once
// the campaign is closed it produces the report (reporting the campaign)
// and writes a PDF that pdftotext reads and a workbook with the totals,
// the second file from the report kept.
func TestReportCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jol.db")
	ctx := t.Context()
	db := must(store.Open(ctx, path))
	defer db.Close()
	must(db.Migrate(ctx))
	svc := must(services.New(ctx, db, services.Options{}))
	org := must(svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Fund", Type: orgs.Foundation, RegionCode: "KZ-75"}))
	c := requeststest.Open(t, db, time.Now(), "road", org.ID, org.Path, "KZ-75")
	for i, status := range []string{"delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "approved", "rejected"} {
		p := must(svc.People.Create(ctx, access.System, childInput(string(rune('A'+i)), org.ID)))
		for _, q := range []struct {
			sql  string
			args []any
		}{{`INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, channel, status, region_id, region_path, submitted_at, updated_at)
			SELECT $1, $2, $3, 'parent', 'web', $4, id, path, $5, $5 FROM regions WHERE code = 'KZ-75'`,
			[]any{"R-" + itoa(p.ID), c.ID, p.ID, status, time.Now()}},
			{`INSERT INTO request_lines (request_id, line, item_id, quantity) SELECT id, 1, $1, 1 FROM requests WHERE person_id = $2`,
				[]any{c.Kit, p.ID}}} {
			if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, q.sql), q.args...); err != nil {
				t.Fatal(err)
			}
		}
	}
	pdf, book := filepath.Join(t.TempDir(), "r.pdf"), filepath.Join(t.TempDir(), "r.xlsx")
	code, _, stderr := runCLI(t, "", map[string]string{"JOL_LANG": "ru"}, "report", "--db", path, "--campaign", "road", "--format", "pdf", "-o", pdf)
	if code != exitError || !strings.Contains(stderr, "Отчёт формируется только по закрытой кампании") {
		t.Fatalf("an open campaign: exit %d, err %q", code, stderr)
	}
	cur := must(svc.Campaigns.Get(ctx, access.System, c.ID))
	must(svc.Campaigns.Transition(ctx, access.System, c.ID, cur.Version, campaign.Closed))

	code, out, stderr := runCLI(t, "", nil, "report", "--db", path, "--campaign", "road", "--format", "pdf", "-o", pdf, "--lang", "en")
	if code != exitOK || !strings.Contains(out, "the pdf report of campaign") {
		t.Fatalf("pdf: exit %d, out %q, err %q", code, out, stderr)
	}
	if got := must(svc.Campaigns.Get(ctx, access.System, c.ID)); got.Status != campaign.Reported {
		t.Errorf("the campaign is %s after its report", got.Status)
	}
	if tool, err := exec.LookPath("pdftotext"); err == nil {
		text := string(must(exec.Command(tool, "-enc", "UTF-8", pdf, "-").Output()))
		for _, want := range []string{"Final report", "Children reached", "Thank you"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF lacks %q:\n%s", want, text)
			}
		}
	} else if os.Getenv("JOL_REQUIRE_PDFTOOLS") != "" {
		t.Fatal(err)
	}

	code, out, stderr = runCLI(t, "", nil, "report", "--db", path, "--campaign", itoa(c.ID), "--format", "xlsx", "-o", book, "--lang", "en")
	if code != exitOK || !strings.Contains(out, "the xlsx report") {
		t.Fatalf("xlsx: exit %d, out %q, err %q", code, out, stderr)
	}
	f := must(excelize.OpenFile(book))
	defer f.Close()
	rows := must(f.GetRows("Summary"))
	summary := map[string]string{}
	for _, r := range rows {
		if len(r) == 2 {
			summary[r[0]] = r[1]
		}
	}
	if summary["Requests"] != "8" || summary["Children reached"] != "7" || summary["Requests delivered"] != "6" {
		t.Errorf("the summary sheet: %q", rows)
	}
	if code, _, stderr := runCLI(t, "", nil, "report", "--db", path, "--campaign", "road", "--format", "doc", "-o", book); code != exitUsage {
		t.Errorf("an unknown format: exit %d, err %q", code, stderr)
	}
}
