package files_test

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/files"
	"github.com/jolproject/jol/internal/store/storetest"
)

var (
	png  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	pdf  = []byte("%PDF-1.7\n")
	kind = files.Kind{Max: 64, MaxLabel: "64 B", Unnamed: "scan", Subject: "test_file",
		Types: map[string]bool{"image/png": true, "application/pdf": true}}
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestCheckRefusesTooLargeEmptyAndWrongContent(t *testing.T) {
	if typ, err := kind.Check(png); err != nil || typ != "image/png" {
		t.Fatalf("a PNG: %q, %v", typ, err)
	}
	if typ, err := kind.Check(pdf); err != nil || typ != "application/pdf" {
		t.Fatalf("a PDF: %q, %v", typ, err)
	}
	big := append(append([]byte{}, png...), make([]byte, kind.Max)...)
	_, err := kind.Check(big)
	if e := errs.As(err); e == nil || e.Code != errs.TooLarge || e.Key != "error.document_too_large" ||
		!slices.Equal(e.Args, []any{"Max", "64 B"}) {
		t.Fatalf("too large: %#v", err)
	}
	_, err = kind.Check(nil)
	if e := errs.As(err); e == nil || e.Code != errs.Invalid || e.Key != "error.document_empty" {
		t.Fatalf("empty: %#v", err)
	}
	// A name or a browser may claim a picture; the content is text.
	_, err = kind.Check([]byte("just some text, called photo.png"))
	if e := errs.As(err); e == nil || e.Code != errs.Invalid || e.Key != "error.document_type" {
		t.Fatalf("text: %#v", err)
	}
}

func TestNameKeepsTheLastPart(t *testing.T) {
	for in, want := range map[string]string{
		"list.jpg": "list.jpg", ` C:\Users\me\scan 1.pdf `: "scan 1.pdf", "/tmp/a/b.png": "b.png",
		"": "scan", "  ": "scan", ".": "scan", "/": "scan", `dir\`: "dir",
	} {
		if got := kind.Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestListAndOpen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		if _, err := db.W.ExecContext(ctx, `CREATE TABLE test_files (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL,
			name TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL, data BYTEA NOT NULL,
			uploaded_by INTEGER, uploaded_at TIMESTAMP NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
		insert := store.Rebind(db.Engine, `INSERT INTO test_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`)
		for _, row := range [][]any{{1, 7, "a.png", "image/png", len(png), png, 3, at}, {2, 7, "b.pdf", "application/pdf", len(pdf), pdf, nil, at},
			{3, 8, "c.png", "image/png", len(png), png, 3, at}} {
			if _, err := db.W.ExecContext(ctx, insert, row...); err != nil {
				t.Fatal(err)
			}
		}
		cols := `id, owner, name, content_type, size, COALESCE(uploaded_by, 0), uploaded_at`
		list := store.Rebind(db.Engine, `SELECT `+cols+` FROM test_files WHERE owner = $1 ORDER BY id`)
		got, err := files.List(ctx, db.R, list, func(f files.File) files.File { return f }, 7)
		if err != nil || len(got) != 2 {
			t.Fatalf("listed %v, %v", got, err)
		}
		want := files.File{ID: 2, Owner: 7, Name: "b.pdf", ContentType: "application/pdf", Size: len(pdf), UploadedAt: at}
		if got[0].ID != 1 || got[0].UploadedBy != 3 || got[0].Data != nil || !reflect.DeepEqual(got[1], want) {
			t.Fatalf("listed %+v", got)
		}

		log, err := audit.New(db, func() time.Time { return at })
		if err != nil {
			t.Fatal(err)
		}
		read := store.Rebind(db.Engine, `SELECT `+cols+`, data FROM test_files WHERE id = $1 AND owner = $2`)
		reader := access.Principal{Name: "reader", Role: access.Admin}
		where := access.Target{OrgPath: "org.a", RegionPath: "kz.krg"}
		f, err := kind.Open(ctx, db.R, read, 2, 7, log, reader, where, "web")
		if err != nil || string(f.Data) != string(pdf) || f.Name != "b.pdf" || f.Owner != 7 {
			t.Fatalf("opened %+v, %v", f, err)
		}
		// File 3 is another record's: as if there were none, and not logged.
		if f, err := kind.Open(ctx, db.R, read, 3, 7, log, reader, where, "web"); !errors.Is(err, errs.ErrNotFound) || f.Data != nil {
			t.Fatalf("another's file: %+v, %v", f, err)
		}
		var n int
		var id, org, region, via string
		if err := db.R.QueryRowContext(ctx, `SELECT COUNT(*), MIN(subject_id), MIN(org_path), MIN(region_path), MIN(via)
			FROM access_log WHERE subject_kind = 'test_file'`).Scan(&n, &id, &org, &region, &via); err != nil {
			t.Fatal(err)
		}
		if n != 1 || id != "2" || org != "org.a" || region != "kz.krg" || via != "web" {
			t.Fatalf("access log: %d entries, %s %s %s %s", n, id, org, region, via)
		}
	})
}
