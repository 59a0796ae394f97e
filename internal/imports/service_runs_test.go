package imports_test

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
)

// unknownHeader is the Russian list whose last-name column has a header
// Jol does not know, and the template that answers it.
var (
	unknownHeader = strings.Replace(russianList, "Фамилия;", "Фамилия ученика;", 1)
	studentTpl    = imports.Template{"Фамилия ученика": imports.LastName}
)

func TestTemplatesAreKeptPerOrganisationAndSuggested(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		header := []string{"Фамилия ученика", "Имя", "Класс"}
		if got := w.peopleTarget().Unknown(header); !slices.Equal(got, []string{"Фамилия ученика"}) {
			t.Fatalf("unknown headers: %q", got)
		}
		first, err := w.svc.SaveTemplate(ctx, w.operator, "people", w.school.ID, "Гимназия", studentTpl)
		if err != nil {
			t.Fatal(err)
		}
		second, err := w.svc.SaveTemplate(ctx, w.operator, "people", w.school.ID, " Гимназия ",
			imports.Template{"Фамилия ученика": imports.LastName, "Школа №": imports.School})
		if err != nil || second.ID != first.ID {
			t.Fatalf("saving under the same name made template %d (%v), want %d replaced", second.ID, err, first.ID)
		}
		list, err := w.svc.Templates(ctx, w.operator, "people")
		if err != nil || len(list) != 1 || list[0].Mapping.Lookup("школа №") != imports.School || list[0].OrgName != w.school.Name {
			t.Fatalf("templates: %+v, %v", list, err)
		}
		if got := w.peopleTarget().Suggest(list, header, w.school.ID); got == nil || got.ID != first.ID {
			t.Errorf("suggested %+v for a header the template answers", got)
		}
		if got := w.peopleTarget().Suggest(list, []string{"Фамилия", "Имя"}, w.school.ID); got != nil {
			t.Errorf("suggested %q for a header with nothing unknown", got.Name)
		}
		if got := w.peopleTarget().Suggest(list, append(header, "Рост"), w.school.ID); got != nil {
			t.Errorf("suggested %q though it does not answer every unknown header", got.Name)
		}
		if theirs, _ := w.svc.Templates(ctx, w.stranger, "people"); len(theirs) != 0 {
			t.Errorf("another organisation sees %d templates", len(theirs))
		}
		if _, err := w.svc.SavedTemplateByID(ctx, w.stranger, first.ID); errs.CodeOf(err) != errs.NotFound {
			t.Errorf("another organisation opened the template: %v", err)
		}
		if _, err := w.svc.SaveTemplate(ctx, w.stranger, "people", w.school.ID, "Чужой", studentTpl); err == nil {
			t.Error("a template was saved for an organisation out of scope")
		}
		if _, err := w.svc.SaveTemplate(ctx, w.operator, "people", w.school.ID, "Рост", imports.Template{"Рост": "height"}); err == nil {
			t.Error("a template with an unknown column was saved")
		}
		_, err = w.svc.SaveTemplate(ctx, w.operator, "people", w.school.ID, "  ", studentTpl)
		if e := errs.As(err); e == nil || len(e.Fields) != 1 || e.Fields[0].Field != "template_name" {
			t.Errorf("a template without a name: %v", err)
		}
	})
}

func TestImportRunsAsTheUserAndKeepsTheRejectedRows(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		// What follows an import (a scan for duplicates) hears of the
		// import that wrote rows, not of the dry run nor of the one that
		// changed nothing.
		var mu sync.Mutex
		var heard []string
		w.svc.OnCommit(func(_ context.Context, target string) error {
			mu.Lock()
			defer mu.Unlock()
			heard = append(heard, target)
			return nil
		})
		defer func() {
			mu.Lock()
			defer mu.Unlock()
			if !slices.Equal(heard, []string{"people"}) {
				t.Errorf("the listeners heard of %q, want one import of people", heard)
			}
		}()
		up := w.save(t, "список.csv", []byte(unknownHeader))
		if _, err := w.svc.Start(ctx, w.operator, up.ID, nil, false); errs.As(err) == nil || errs.As(err).Key != "imports.header_unusable" {
			t.Fatalf("a run without a last-name column: %v", err)
		}
		check, err := w.svc.Check(ctx, w.operator, up, studentTpl)
		if err != nil || check.Fatal || check.Columns[0] != imports.LastName || len(check.Rows) != 7 {
			t.Fatalf("check: %+v, %v", check, err)
		}
		if e := check.Rows[3].Errors; len(e) != 1 || e[0].Key != "date.nonexistent" || e[0].Line != 5 {
			t.Errorf("the preview of line 5: %+v", e)
		}
		dry, err := w.svc.Start(ctx, w.operator, up.ID, studentTpl, true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Start(ctx, w.operator, up.ID, studentTpl, false); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("a second run while one is queued: %v", err)
		}
		var imported, again imports.RunRecord
		w.work(t, func() {
			dry = w.wait(t, dry)
			imported = w.wait(t, must(w.svc.Start(ctx, w.operator, up.ID, studentTpl, false)))
			again = w.wait(t, must(w.svc.Start(ctx, w.operator, up.ID, studentTpl, false)))
		})
		want := imports.Result{Read: 7, Created: 3, Rejected: 4}
		if dry.Status != jobs.Done || dry.Result != want || imported.Status != jobs.Done || imported.Result != want {
			t.Fatalf("dry run %s (%s %s), import %s (%s)", dry.Result.Line(), dry.Status, dry.ErrorKey, imported.Result.Line(), imported.Status)
		}
		if again.Result != (imports.Result{Read: 7, Unchanged: 3, Rejected: 4}) {
			t.Fatalf("the same file again: %s", again.Result.Line())
		}
		if imported.Reasons < 5 || w.count(t, "import_rejects", "run_id = $1", imported.ID) != imported.Reasons {
			t.Fatalf("%d reasons recorded", imported.Reasons)
		}
		page, next, err := w.svc.Rejects(ctx, imported, imports.RejectCursor{}, 2)
		if err != nil || len(page) != 2 || next.Line != 6 || page[0].Line != 5 || page[0].Column != "birth_date" {
			t.Fatalf("first page of rejects: %+v, next %v, %v", page, next, err)
		}
		rest, next, err := w.svc.Rejects(ctx, imported, imports.ParseRejectCursor(next.String()), 100)
		if err != nil || len(rest) != imported.Reasons-2 || next != (imports.RejectCursor{}) {
			t.Fatalf("rest of the rejects: %d, next %v, %v", len(rest), next, err)
		}
		for i := 1; i < len(rest); i++ {
			if rest[i].Line < rest[i-1].Line {
				t.Fatalf("rejects out of the file's order: %+v", rest)
			}
		}
		rows, failed := w.svc.RejectRows(ctx, up, imported, must(i18n.New()).Localizer(i18n.RU))
		var lines []string
		for r := range rows {
			lines = append(lines, strings.Join(r, "|"))
		}
		if *failed != nil || !slices.Contains(lines, "5|Дата рождения|31.02.2015|Такой даты не существует.") ||
			!slices.ContainsFunc(lines, func(s string) bool { return strings.HasPrefix(s, "6|ИИН|") }) {
			t.Fatalf("report rows: %q, %v", lines, *failed)
		}
		list, _, err := w.svc.Uploads(ctx, w.operator, 0, pageAll)
		if err != nil || len(list) != 1 || list[0].Latest == nil || list[0].Latest.ID != again.ID || list[0].Latest.Result.Unchanged != 3 {
			t.Fatalf("uploads: %+v, %v", list, err)
		}
		if theirs, _, _ := w.svc.Uploads(ctx, w.stranger, 0, pageAll); len(theirs) != 0 {
			t.Errorf("another organisation lists %d uploads", len(theirs))
		}
		if _, err := w.svc.Run(ctx, w.stranger, up.ID, imported.ID); errs.CodeOf(err) != errs.NotFound {
			t.Errorf("another organisation opened the run: %v", err)
		}
	})
}

func TestAnImportOfADeactivatedUserFails(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		up := w.save(t, "список.csv", []byte(russianList))
		run, err := w.svc.Start(ctx, w.operator, up.ID, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.accounts.Update(ctx, access.System, w.operator.UserID, accounts.Changes{Name: w.operator.Name,
			Role: access.Operator, OrgID: w.school.ID, Region: "KZ-75", Active: false})
		if err != nil {
			t.Fatal(err)
		}
		w.work(t, func() { run = w.wait(t, run) })
		if run.Status != jobs.Failed || run.ErrorKey != "imports.user_inactive" || run.Result.Created != 0 {
			t.Fatalf("run of a deactivated user: %s %s %s", run.Status, run.ErrorKey, run.Result.Line())
		}
	})
}

func TestOldUploadsArePurgedAtTheNextUpload(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		old := w.save(t, "список.csv", []byte(russianList))
		var run imports.RunRecord
		w.work(t, func() { run = w.wait(t, must(w.svc.Start(ctx, w.operator, old.ID, nil, false))) })
		if run.Reasons == 0 {
			t.Fatal("no rejects to purge")
		}
		if err := w.svc.MapSchools(ctx, w.operator, old, imports.SchoolMap{"гимназия 9": w.school.ID}); err != nil {
			t.Fatal(err)
		}
		if n := w.count(t, "import_school_map", "upload_id = $1", old.ID); n != 1 {
			t.Fatalf("%d schools mapped before the purge", n)
		}
		w.world.Clock.Advance(imports.Retention + time.Hour)
		fresh := w.save(t, "новый.csv", []byte(russianList))
		if n := w.count(t, "import_chunks", "upload_id = $1", old.ID); n != 0 {
			t.Errorf("%d chunks of a purged upload are left", n)
		}
		if n := w.count(t, "import_rejects", "run_id = $1", run.ID); n != 0 {
			t.Errorf("%d rejects of a purged upload are left", n)
		}
		if n := w.count(t, "import_school_map", "upload_id = $1", old.ID); n != 0 {
			t.Errorf("%d schools mapped by a purged upload are left", n)
		}
		if n := w.count(t, "import_chunks", "upload_id = $1", fresh.ID); n != 1 {
			t.Errorf("the new upload has %d chunks", n)
		}
		up, err := w.svc.Upload(ctx, w.operator, old.ID)
		if err != nil || !up.Purged || len(up.Preview.Rows) != 0 {
			t.Fatalf("purged upload: %+v, %v", up, err)
		}
		if _, err := w.svc.File(ctx, w.operator, old.ID); errs.As(err) == nil || errs.As(err).Key != "imports.purged" {
			t.Errorf("file of a purged upload: %v", err)
		}
		if _, err := w.svc.Start(ctx, w.operator, old.ID, nil, true); errs.As(err) == nil || errs.As(err).Key != "imports.purged" {
			t.Errorf("a run of a purged upload: %v", err)
		}
		list, _, err := w.svc.Uploads(ctx, w.operator, w.school.ID, pageAll)
		if err != nil || len(list) != 2 || list[1].ID != old.ID || list[1].Latest == nil || list[1].Latest.Result.Created != 3 {
			t.Fatalf("the history of a purged upload: %+v, %v", list, err)
		}
	})
}

// The server purges what expired every hour, without waiting for an upload.
func TestOldUploadsArePurgedByTheServer(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		old := w.save(t, "список.csv", []byte(russianList))
		w.world.Clock.Advance(imports.Retention + time.Hour)
		pctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() {
			w.svc.PurgeEvery(pctx, time.Hour, slog.New(slog.DiscardHandler))
			close(done)
		}()
		deadline := time.Now().Add(10 * time.Second)
		for w.count(t, "import_chunks", "upload_id = $1", old.ID) != 0 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
		<-done
		if up, err := w.svc.Upload(ctx, w.operator, old.ID); err != nil || !up.Purged {
			t.Fatalf("an expired upload after the server's purge: %+v, %v", up, err)
		}
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
