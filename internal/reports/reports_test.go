package reports_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/testworld"
	"golang.org/x/text/unicode/norm"
)

// TestReportPack produces the report of a closed campaign with 23
// requests in Almaty and 3 in Karaganda, and reads the pack back: the
// open campaign refused, the PDF through pdftotext in all five languages
// (Persian in logical order), the public tables without a count under 5,
// and the workbook through LibreOffice with the dashboard's totals.
func TestReportPack(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		cs, rs, ctx := w.Services.Campaigns, w.Services.Reports, t.Context()
		c := must(cs.Create(ctx, coord(w), road(w, "road-2026", day(2026, 7, 1))))
		c = must(cs.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		kit := c.Items[0].ItemID
		orphan := category(t, w, "orphan")
		for range 12 {
			request(t, w, c, kit, 1, "delivered", almaty, orphan)
		}
		for range 8 {
			request(t, w, c, kit, 1, "approved", almaty, 0)
		}
		for range 3 {
			request(t, w, c, kit, 1, "rejected", almaty, 0)
		}
		for range 3 {
			request(t, w, c, kit, 1, "delivered", karaganda, 0)
		}
		_, err := rs.Produce(ctx, coord(w), c.ID)
		if de := errs.As(err); de == nil || de.Key != "error.report_not_closed" {
			t.Fatalf("an open campaign's report: %v", err)
		}
		c = must(cs.Transition(ctx, coord(w), c.ID, c.Version, campaign.Closed))
		rep := must(rs.Produce(ctx, coord(w), c.ID))
		if c = must(cs.Get(ctx, coord(w), c.ID)); c.Status != campaign.Reported {
			t.Fatalf("status after the report: %s", c.Status)
		}
		if _, err := rs.Produce(ctx, coord(w), c.ID); err == nil {
			t.Fatal("a second report was produced")
		}
		d := must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
		f := rep.Figures
		if f.Requests != d.Requests || f.Reached != d.Reached || f.Delivered != d.Delivered || d.Requests != 26 {
			t.Fatalf("figures %d/%d/%d, dashboard %d/%d/%d", f.Requests, f.Reached, f.Delivered, d.Requests, d.Reached, d.Delivered)
		}

		l := w.Services.Catalog.Localizer(i18n.EN)
		for _, tb := range f.Tables(l, true) {
			for i := range tb.Grid.Rows() + 1 {
				for j := range tb.Grid.Cols() + 1 {
					if v, shown := tb.Grid.Shown(i, j); shown && v < 5 {
						t.Errorf("%s shows %d at (%d,%d)", tb.ID, v, i, j)
					}
				}
			}
		}

		if testing.Short() || w.DB.Engine != "sqlite" {
			return // the files are the same on both engines
		}
		var en, fa bytes.Buffer
		if err := rs.WritePDF(&en, rep, i18n.EN); err != nil {
			t.Fatal(err)
		}
		if err := rs.WritePDF(&fa, rep, i18n.FA); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Final report", "Road to School road-2026", "Children reached", "Almaty", "26", "Thank you"} {
			if text := pdfText(t, en.Bytes()); !strings.Contains(text, want) {
				t.Errorf("English PDF lacks %q:\n%s", want, text)
			}
		}
		for _, want := range []string{"گزارش پایانی", "راه مدرسه", "کودکان بهره\u200cمند", "سپاس"} {
			if text := pdfText(t, fa.Bytes()); !strings.Contains(strings.ReplaceAll(text, "\u200c", ""), strings.ReplaceAll(want, "\u200c", "")) {
				t.Errorf("Persian PDF lacks %q:\n%s", want, text)
			}
		}
		for lang, words := range map[i18n.Locale][]string{
			i18n.RU: {"Итоговый отчёт", "Детей получили помощь", "Спасибо"},
			i18n.KK: {"Қорытынды есеп", "Көмек алған балалар", "Рахмет"},
			i18n.FR: {"Rapport final", "Enfants aidés", "Merci"},
		} {
			var pdf bytes.Buffer
			if err := rs.WritePDF(&pdf, rep, lang); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, pdf.Bytes())
			for _, want := range words {
				if !strings.Contains(text, want) {
					t.Errorf("%s PDF lacks %q:\n%s", lang, want, text)
				}
			}
		}
		if dir := os.Getenv("JOL_KEEP_REPORTS"); dir != "" {
			_ = os.WriteFile(filepath.Join(dir, "report-en.pdf"), en.Bytes(), 0o644)
			_ = os.WriteFile(filepath.Join(dir, "report-fa.pdf"), fa.Bytes(), 0o644)
		}

		var book bytes.Buffer
		if err := rs.WriteXLSX(&book, rep, i18n.EN); err != nil {
			t.Fatal(err)
		}
		sheets := sheetsCSV(t, book.Bytes())
		summary := sheets["Summary"]
		for _, want := range []string{"Requests,26", "Children reached,23", "Requests delivered,15"} {
			if !strings.Contains(summary, want) {
				t.Errorf("summary sheet lacks %q:\n%s", want, summary)
			}
		}
		if outcome := sheets["Requests by region and outcome"]; !strings.Contains(outcome, "Total,15,8,0,3,26") {
			t.Errorf("outcome sheet:\n%s", outcome)
		}
	})
}

// pdfText is the text pdftotext reads, with Persian presentation forms
// read as letters and the bidi marks dropped.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := need(t, "pdftotext", "JOL_REQUIRE_PDFTOOLS")
	file := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "").Replace(norm.NFKC.String(string(out)))
}

// sheetsCSV has LibreOffice convert every sheet of book to CSV and
// returns them by sheet name.
func sheetsCSV(t *testing.T, book []byte) map[string]string {
	t.Helper()
	soffice := need(t, "soffice", "JOL_REQUIRE_LIBREOFFICE")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "r.xlsx"), book, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", dir, filepath.Join(dir, "r.xlsx"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "r-*.csv"))
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "r-"), ".csv")] = string(data)
	}
	if len(out) == 0 {
		t.Fatal("LibreOffice wrote no sheet")
	}
	return out
}

func need(t *testing.T, tool, env string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if errors.Is(err, exec.ErrNotFound) || err != nil {
		if os.Getenv(env) != "" {
			t.Fatalf("%s is required (%s is set): %v", tool, env, err)
		}
		t.Skipf("%s not installed", tool)
	}
	return path
}
