package imports_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// web is the import service beside a registry, with the world's operator
// of the school, an operator of another school in Almaty, and the job
// queue.
type web struct {
	*registry
	db       *store.DB
	svc      *imports.Service
	queue    *jobs.Queue
	accounts *accounts.Service
	operator access.Principal
	stranger access.Principal
}

func newWeb(t *testing.T, db *store.DB) *web {
	t.Helper()
	r := newRegistry(t, db)
	s := r.world.Services
	w := &web{registry: r, db: db, svc: s.Imports, queue: s.Jobs, accounts: s.Accounts,
		operator: r.world.Principal(access.Operator)}
	other := r.world.Org(t, orgs.Input{Name: "Other school", Type: orgs.School, RegionCode: "KZ-75"})
	w.stranger = r.world.User(t, accounts.NewUser{Email: "other@example.org", Name: "Other operator", Role: access.Operator,
		OrgID: other.ID, Region: "KZ-75", Locale: "ru"}).Principal()
	return w
}

func (w *web) save(t *testing.T, name string, body []byte) imports.Upload {
	t.Helper()
	up, err := w.svc.Save(ctx, w.operator, "people", w.school.ID, name, bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("save %s: %v", name, err)
	}
	return up
}

// count counts the rows of a table that match a condition on $1.
func (w *web) count(t *testing.T, table, cond string, arg any) int {
	t.Helper()
	var n int
	q := store.Rebind(w.db.Engine, "SELECT COUNT(*) FROM "+table+" WHERE "+cond)
	if err := w.db.R.QueryRowContext(ctx, q, arg).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestUploadIsStoredInChunksAndReadBack(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		var b strings.Builder
		b.WriteString("Фамилия;Имя;Дата рождения\n")
		for i := 0; b.Len() < 2*imports.ChunkSize+imports.ChunkSize/2; i++ {
			fmt.Fprintf(&b, "Иванов-%d;Иван;01.09.2015\n", i)
		}
		body := []byte(b.String())
		up := w.save(t, "большой.csv", body)
		if n := w.count(t, "import_chunks", "upload_id = $1", up.ID); n != 3 {
			t.Fatalf("%d bytes stored in %d chunks, want 3", len(body), n)
		}
		if up.Preview.Format != "csv" || up.Preview.Separator != ";" || len(up.Preview.Rows) != imports.PreviewRows ||
			!up.Preview.More || up.Preview.Rows[0].Cells[0] != "Иванов-0" || up.Preview.Rows[0].Line != 2 {
			t.Fatalf("preview: %+v", up.Preview)
		}
		f, err := w.svc.File(ctx, w.operator, up.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(f)
		if err != nil || !bytes.Equal(got, body) {
			t.Fatalf("read back %d bytes (%v), want %d", len(got), err, len(body))
		}
		// A read across the boundary of two chunks, and one past the end.
		part := make([]byte, 100)
		if n, err := f.ReadAt(part, imports.ChunkSize-50); n != 100 || err != nil || !bytes.Equal(part, body[imports.ChunkSize-50:imports.ChunkSize+50]) {
			t.Fatalf("ReadAt across chunks: %d, %v", n, err)
		}
		if n, err := f.ReadAt(part, int64(len(body)-10)); n != 10 || err != io.EOF {
			t.Fatalf("ReadAt at the end: %d, %v", n, err)
		}
		if _, err := w.svc.File(ctx, w.stranger, up.ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("another organisation's operator opened the file: %v", err)
		}
		again, err := w.svc.Upload(ctx, w.operator, up.ID)
		if err != nil || again.Preview.Rows[9].Cells[0] != "Иванов-9" || again.Name != "большой.csv" {
			t.Fatalf("upload read back: %+v, %v", again.Preview.Rows, err)
		}
	})
}

func TestUnreadableUploadsAreRefusedWithTheReason(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		for _, c := range []struct{ name, body, key string }{
			{"empty.csv", "", "tabular.empty"},
			{"header.csv", "Фамилия;Имя\n", "imports.no_rows"},
			{"old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an old workbook", "tabular.old_excel"},
			{"list.xlsx", "Фамилия;Имя\nКим;Ольга\n", "tabular.format"},
		} {
			_, err := w.svc.Save(ctx, w.operator, "people", w.school.ID, c.name, strings.NewReader(c.body), int64(len(c.body)))
			if e := errs.As(err); e == nil || e.Key != c.key {
				t.Errorf("%s: %v, want %s", c.name, err, c.key)
			}
		}
		body := "Фамилия;Имя\nКим;Ольга\n"
		_, err := w.svc.Save(ctx, w.operator, "people", w.school.ID, "big.csv", strings.NewReader(body), imports.MaxUploadBytes+1)
		if e := errs.As(err); e == nil || e.Code != errs.TooLarge {
			t.Errorf("a file over the limit: %v", err)
		}
		if _, err := w.svc.Save(ctx, w.stranger, "people", w.school.ID, "list.csv", strings.NewReader(body), int64(len(body))); err == nil {
			t.Error("an operator uploaded a list for another organisation")
		}
		if n := w.count(t, "import_uploads", "org_id = $1", w.school.ID); n != 0 {
			t.Errorf("refused files left %d uploads", n)
		}
	})
}

// eachEngine runs fn with a fresh service on each engine.
func eachEngine(t *testing.T, fn func(t *testing.T, w *web)) {
	t.Helper()
	storetest.Each(t, func(t *testing.T, db *store.DB) { fn(t, newWeb(t, db)) })
}

// work runs the queue until fn returns, then stops it.
func (w *web) work(t *testing.T, fn func()) {
	t.Helper()
	qctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := w.queue.Start(qctx, 1); err != nil {
			t.Errorf("queue: %v", err)
		}
	})
	defer func() { cancel(); wg.Wait() }()
	fn()
}

// wait polls run until it is finished.
func (w *web) wait(t *testing.T, run imports.RunRecord) imports.RunRecord {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		r, err := w.svc.Run(ctx, w.operator, run.UploadID, run.ID)
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

// pageAll is a page as long as they get.
var pageAll = store.Page{Limit: store.MaxLimit}

// peopleTarget is the people list's target.
func (w *web) peopleTarget() *imports.Target {
	return imports.PeopleTarget(w.registry.people, w.geo, w.orgs)
}
