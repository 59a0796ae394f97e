package imports_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
)

// notes is a target defined here only, to show that the engine imports
// any list: notes of an organisation, by code, into a table of the test.
type notes struct {
	db      *store.DB
	batch   int                 // rows per batch; 0 for the engine's
	onBatch func(seq int) error // called before each batch is written
	mu      sync.Mutex          // guards seq
	seq     int                 // batches begun
}

// note is the row type of the notes list.
type note struct {
	line       int
	code, text string
}

const notesTable = "CREATE TABLE test_notes (org_id BIGINT NOT NULL, code TEXT NOT NULL, body TEXT NOT NULL, " +
	"PRIMARY KEY (org_id, code))"

func (*notes) Name() string  { return "notes" }
func (*notes) Label() string { return "imports.target" }
func (n *notes) BatchSize() int {
	return n.batch
}

func (*notes) Columns() []imports.ColumnSpec {
	return []imports.ColumnSpec{
		{Key: "code", Required: true, Aliases: []string{"code", "код", "коды", "کد"}, Label: "field.code"},
		{Key: "text", Required: true, Aliases: []string{"text", "note", "заметка", "жазба", "texte", "یادداشت"}, Label: "field.text"},
		{Key: "colour", Aliases: []string{"colour", "color"}, Label: "field.colour"},
	}
}

func (*notes) Parser(ctx context.Context, p access.Principal, o imports.Options) (func(imports.Fields) (note, []imports.RowError), error) {
	return func(f imports.Fields) (note, []imports.RowError) {
		var bad []imports.RowError
		n := note{line: f.Line, code: f.Get("code"), text: f.Get("text")}
		if strings.Trim(n.code, "0123456789") != "" {
			bad = append(bad, f.Error("code", "error.invalid_choice"))
		}
		if n.text == "" {
			bad = append(bad, f.Error("text", "error.required", "Field", "text"))
		}
		return n, bad
	}, nil
}

func (n *notes) Open(ctx context.Context, p access.Principal, o imports.Options) (imports.Session[note], error) {
	return &notesSession{n: n, org: o.OrgID, dry: o.DryRun}, nil
}

type notesSession struct {
	n   *notes
	org int64
	dry bool
}

// Batch writes rows in one transaction; a note saying "forbidden" is
// refused at writing, as a registry refuses what only it can check.
func (s *notesSession) Batch(ctx context.Context, rows []note) ([]imports.Outcome, []imports.RowError, error) {
	s.n.mu.Lock()
	s.n.seq++
	seq := s.n.seq
	s.n.mu.Unlock()
	if s.n.onBatch != nil {
		if err := s.n.onBatch(seq); err != nil {
			return nil, nil, err
		}
	}
	e := s.n.db.Engine
	tx, err := s.n.db.W.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	defer func() { _ = tx.Rollback() }()
	outs := make([]imports.Outcome, len(rows))
	var bad []imports.RowError
	for i, r := range rows {
		if r.text == "forbidden" {
			outs[i] = imports.Rejected
			bad = append(bad, imports.RowError{Line: r.line, Column: "text", Value: r.text, Key: "error.forbidden"})
			continue
		}
		var body string
		err := tx.QueryRowContext(ctx, store.Rebind(e, "SELECT body FROM test_notes WHERE org_id = $1 AND code = $2"),
			s.org, r.code).Scan(&body)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			outs[i] = imports.Created
			_, err = tx.ExecContext(ctx, store.Rebind(e, "INSERT INTO test_notes (org_id, code, body) VALUES ($1, $2, $3)"),
				s.org, r.code, r.text)
		case err == nil && body == r.text:
			outs[i] = imports.Unchanged
		case err == nil:
			outs[i] = imports.Updated
			_, err = tx.ExecContext(ctx, store.Rebind(e, "UPDATE test_notes SET body = $1 WHERE org_id = $2 AND code = $3"),
				r.text, s.org, r.code)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	if s.dry {
		return outs, bad, nil
	}
	return outs, bad, tx.Commit()
}

func (s *notesSession) Close(context.Context) error { return nil }

// engine is an import service with the people and notes targets, with a
// job queue of its own.
type engine struct {
	*web
	svc   *imports.Service
	notes *notes
}

func newEngine(t *testing.T, w *web, n *notes) *engine {
	t.Helper()
	if _, err := w.db.W.ExecContext(ctx, notesTable); err != nil {
		t.Fatal(err)
	}
	n.db = w.db
	return &engine{web: w, notes: n, svc: w.engineService(t, n)}
}

// engineService is an import service of the people and notes targets;
// each stands for one process, with a queue that runs its jobs.
func (w *web) engineService(t *testing.T, n *notes) *imports.Service {
	t.Helper()
	q, err := jobs.New(w.db, time.Now, nil)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := imports.New(w.db, imports.Deps{
		Targets: imports.NewTargets(w.peopleTarget(), imports.Define[note](n)),
		Orgs:    w.orgs, Accounts: w.accounts, Audit: w.world.Services.Audit, Jobs: q, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	q.Register(imports.JobKind, svc.Handle)
	return svc
}

// runJobs runs svc's queue until fn returns.
func runJobs(t *testing.T, svc *imports.Service, fn func(stop context.CancelFunc)) {
	t.Helper()
	qctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := svc.Jobs.Start(qctx, 1); err != nil {
			t.Errorf("queue: %v", err)
		}
	})
	defer func() { cancel(); wg.Wait() }()
	fn(cancel)
}

func (e *engine) wait(t *testing.T, run imports.RunRecord) imports.RunRecord {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		r, err := e.svc.Run(ctx, e.operator, run.UploadID, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Finished() {
			return r
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("run %d did not finish", run.ID)
	return run
}

func (e *engine) save(t *testing.T, name, body string) imports.Upload {
	t.Helper()
	up, err := e.svc.Save(ctx, e.operator, "notes", e.school.ID, name, strings.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("save %s: %v", name, err)
	}
	return up
}

// A list of notes, with a column the target does not know by that name,
// two rows its parser rejects and one its writer does.
const notesList = "Код;Заметка;Цвет\n" +
	"1;Купить мел;синий\n" +
	"2;;красный\n" +
	"x3;Позвонить;\n" +
	"4;forbidden;\n" +
	"5;Тетради;\n"

func TestASecondTargetRunsThroughTheWholeEngine(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		e := newEngine(t, w, &notes{})
		if _, err := e.svc.Save(ctx, e.operator, "pets", e.school.ID, "x.csv", strings.NewReader(notesList),
			int64(len(notesList))); errs.As(err) == nil || errs.As(err).Fields[0].Key != "imports.target_unknown" {
			t.Fatalf("an upload for a target that does not exist: %v", err)
		}
		up := e.save(t, "заметки.csv", notesList)
		if up.Target != "notes" {
			t.Fatalf("upload target %q", up.Target)
		}
		tg, err := e.svc.Target(up.Target)
		if err != nil {
			t.Fatal(err)
		}
		if got := tg.Unknown(up.Preview.Header); !slices.Equal(got, []string{"Цвет"}) {
			t.Fatalf("unknown headers %q", got)
		}
		if _, err := e.svc.SaveTemplate(ctx, e.operator, "notes", e.school.ID, "Цвета", imports.Template{"Цвет": "last_name"}); err == nil {
			t.Fatal("a notes template took a column of the people list")
		}
		tpl := imports.Template{"Цвет": "colour"}
		saved, err := e.svc.SaveTemplate(ctx, e.operator, "notes", e.school.ID, "Цвета", tpl)
		if err != nil {
			t.Fatal(err)
		}
		if ts, err := e.svc.Templates(ctx, e.operator, "people"); err != nil || len(ts) != 0 {
			t.Fatalf("the people list offers the notes template: %+v, %v", ts, err)
		}
		ts, err := e.svc.Templates(ctx, e.operator, "notes")
		if got := tg.Suggest(ts, up.Preview.Header, e.school.ID); err != nil || got == nil || got.ID != saved.ID {
			t.Fatalf("suggested %+v, %v", got, err)
		}
		check, err := e.svc.Check(ctx, e.operator, up, tpl)
		if err != nil || check.Fatal || !slices.Equal(check.Columns, []imports.Column{"code", "text", "colour"}) {
			t.Fatalf("check: %+v, %v", check, err)
		}
		if r := check.Rows[1].Errors; len(r) != 1 || r[0].Key != "error.required" || r[0].Line != 3 {
			t.Fatalf("preview of line 3: %+v", r)
		}
		if r := check.Rows[2].Errors; len(r) != 1 || r[0].Key != "error.invalid_choice" || r[0].Value != "x3" {
			t.Fatalf("preview of line 4: %+v", r)
		}
		var dry, imported, again imports.RunRecord
		runJobs(t, e.svc, func(context.CancelFunc) {
			dry = e.wait(t, must(e.svc.Start(ctx, e.operator, up.ID, tpl, true)))
			if n := w.count(t, "test_notes", "org_id = $1", e.school.ID); n != 0 {
				t.Errorf("the dry run wrote %d notes", n)
			}
			imported = e.wait(t, must(e.svc.Start(ctx, e.operator, up.ID, tpl, false)))
			again = e.wait(t, must(e.svc.Start(ctx, e.operator, up.ID, tpl, false)))
		})
		want := imports.Result{Read: 5, Created: 2, Rejected: 3}
		if dry.Status != jobs.Done || dry.Result != want || imported.Status != jobs.Done || imported.Result != want {
			t.Fatalf("dry run %s (%s %s), import %s (%s %s)", dry.Result.Line(), dry.Status, dry.ErrorKey,
				imported.Result.Line(), imported.Status, imported.ErrorKey)
		}
		if again.Result != (imports.Result{Read: 5, Unchanged: 2, Rejected: 3}) {
			t.Fatalf("the same list again: %s", again.Result.Line())
		}
		if n := w.count(t, "test_notes", "org_id = $1", e.school.ID); n != 2 {
			t.Fatalf("%d notes written, want 2", n)
		}
		rows, failed := e.svc.RejectRows(ctx, up, imported, must(i18n.New()).Localizer(i18n.RU))
		var lines []string
		for r := range rows {
			lines = append(lines, r[0]+"|"+r[1]+"|"+r[2])
		}
		if *failed != nil || !slices.Equal(lines, []string{"3|Заметка|", "4|Код|x3", "5|Заметка|forbidden"}) {
			t.Fatalf("rejected rows report: %q, %v", lines, *failed)
		}
	})
}

// A list of ten notes: line 3 has no text, line 8 is refused at writing,
// note 1 is there already as it is and note 9 with another text.
const longNotes = "code;text\n1;один\n2;\n3;три\n4;четыре\n5;пять\n6;шесть\n7;forbidden\n8;восемь\n9;девять\n10;десять\n"

func TestAnImportInterruptedByARestartResumesWithItsTotals(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		var crashed atomic.Bool
		var stop context.CancelFunc
		n := &notes{batch: 2}
		// The process dies while the third batch is written: the first two
		// are committed with their checkpoint.
		n.onBatch = func(seq int) error {
			if seq == 3 && !crashed.Load() {
				crashed.Store(true)
				stop()
				return context.Canceled
			}
			return nil
		}
		e := newEngine(t, w, n)
		for _, q := range []string{"INSERT INTO test_notes VALUES ($1, '1', 'один')", "INSERT INTO test_notes VALUES ($1, '9', 'nine')"} {
			if _, err := w.db.W.ExecContext(ctx, store.Rebind(w.db.Engine, q), e.school.ID); err != nil {
				t.Fatal(err)
			}
		}
		up := e.save(t, "заметки.csv", longNotes)
		var run imports.RunRecord
		runJobs(t, e.svc, func(cancel context.CancelFunc) {
			stop = cancel
			run = must(e.svc.Start(ctx, e.operator, up.ID, nil, false))
			for !crashed.Load() || w.count(t, "jobs", "id = $1 AND status = 'queued'", run.JobID) == 0 {
				time.Sleep(10 * time.Millisecond)
			}
		})
		// What a crash leaves: the job and the run running, claimed by a
		// process of this host that is gone.
		host, _ := os.Hostname()
		if _, err := w.db.W.ExecContext(ctx, store.Rebind(w.db.Engine,
			"UPDATE jobs SET status = 'running', started_at = $1, owner = $2 WHERE id = $3"),
			time.Now().UTC().Truncate(time.Second), host+"|4194305|0123456789abcdef", run.JobID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.db.W.ExecContext(ctx, store.Rebind(w.db.Engine, "UPDATE import_runs SET status = 'running' WHERE id = $1"), run.ID); err != nil {
			t.Fatal(err)
		}
		mid, err := e.svc.Run(ctx, e.operator, up.ID, run.ID)
		if err != nil || mid.ResumeLine != 6 || mid.Result.Created != 3 || mid.Result.Rejected != 1 {
			t.Fatalf("the run before the restart: line %d, %s, %v", mid.ResumeLine, mid.Result.Line(), err)
		}
		restarted := w.engineService(t, n) // a new process
		runJobs(t, restarted, func(context.CancelFunc) { run = e.wait(t, run) })
		want := imports.Result{Read: 10, Created: 6, Updated: 1, Unchanged: 1, Rejected: 2}
		if run.Status != jobs.Done || run.Result != want {
			t.Fatalf("the resumed import: %s (%s %s), want %s", run.Result.Line(), run.Status, run.ErrorKey, want.Line())
		}
		if run.Reasons != 2 || w.count(t, "import_rejects", "run_id = $1", run.ID) != 2 {
			t.Fatalf("%d reasons recorded, want 2", run.Reasons)
		}
		if got := w.count(t, "test_notes", "org_id = $1", e.school.ID); got != 8 {
			t.Fatalf("%d notes, want 8", got)
		}
	})
}

func TestAJobQueuedBeforeTargetsStillRuns(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		up := w.save(t, "список.csv", []byte("Фамилия;Имя;Область\nКим;Ольга;Алматы\n"))
		run := must(w.svc.Start(ctx, w.operator, up.ID, nil, false))
		// The kind and payload of the people list's jobs before there were
		// targets; the migration renames queued ones, a database restored
		// from before it may hold them still.
		old := `{"run":` + strconv.FormatInt(run.ID, 10) + `,"upload":` + strconv.FormatInt(up.ID, 10) +
			`,"org":` + strconv.FormatInt(w.school.ID, 10) + `,"dry_run":false,"user":` + strconv.FormatInt(w.operator.UserID, 10) + `}`
		if _, err := w.db.W.ExecContext(ctx, store.Rebind(w.db.Engine, "UPDATE jobs SET kind = $1, payload = $2 WHERE id = $3"),
			imports.OldJobKind, old, run.JobID); err != nil {
			t.Fatal(err)
		}
		w.work(t, func() { run = w.wait(t, run) })
		if run.Status != jobs.Done || run.Result != (imports.Result{Read: 1, Created: 1}) {
			t.Fatalf("the old job: %s (%s %s)", run.Result.Line(), run.Status, run.ErrorKey)
		}
	})
}
