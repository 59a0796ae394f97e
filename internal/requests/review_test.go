package requests_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestReviewerCommentsAndDocuments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		var uid int64
		must(t, db.W.QueryRowContext(ctx, store.Rebind(db.Engine, `INSERT INTO users (email, name, role, created_at, updated_at)
			VALUES ('c@x', 'Coordinator', 'coordinator', $1, $1) RETURNING id`), clock()).Scan(&uid))
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		r, err = w.s.AssignReviewer(ctx, w.coord, r.ID, r.Version, uid)
		must(t, err)
		if r.ReviewerID != uid || r.ReviewerName != "Coordinator" || r.Version != 2 {
			t.Fatalf("assigned = %d %q v%d", r.ReviewerID, r.ReviewerName, r.Version)
		}
		if _, err := w.s.AssignReviewer(ctx, w.coord, r.ID, 1, 0); keyOf(err) != "conflict error.request_changed" {
			t.Fatalf("assign from a stale version: %s", keyOf(err))
		}
		_, err = w.s.AddComment(ctx, w.opK, r.ID, "  Mother called back, documents on Monday.  ")
		must(t, err)
		if _, err := w.s.AddComment(ctx, w.opK, r.ID, " "); keyOf(err) != "invalid error.invalid; body error.required" {
			t.Fatalf("empty comment: %s", keyOf(err))
		}
		cs, err := w.s.Comments(ctx, w.coord, r.ID)
		must(t, err)
		if len(cs) != 1 || cs[0].Body != "Mother called back, documents on Monday." || cs[0].AuthorName != "Operator K" {
			t.Fatalf("comments = %+v", cs)
		}
		png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 100)...)
		d, err := w.s.Attach(ctx, w.opK, r.ID, `C:\scans\birth.png`, png)
		must(t, err)
		if d.ContentType != "image/png" || d.Name != "birth.png" || d.Size != len(png) {
			t.Fatalf("document = %+v", d)
		}
		if _, err := w.s.Attach(ctx, w.opK, r.ID, "cert.pdf", []byte("<html>not a pdf</html>")); keyOf(err) != "invalid error.document_type" {
			t.Fatalf("html named pdf: %s", keyOf(err))
		}
		big := append([]byte("%PDF-1.4\n"), make([]byte, requests.MaxDocument)...)
		if _, err := w.s.Attach(ctx, w.opK, r.ID, "big.pdf", big); keyOf(err) != "too_large error.document_too_large" {
			t.Fatalf("oversized: %s", keyOf(err))
		}
		ds, err := w.s.Documents(ctx, w.opK, r.ID)
		must(t, err)
		if len(ds) != 1 || ds[0].Data != nil {
			t.Fatalf("documents = %+v", ds)
		}
		got, err := w.s.DocumentData(ctx, w.coord, r.ID, d.ID, "web")
		must(t, err)
		if !bytes.Equal(got.Data, png) {
			t.Fatal("document content differs")
		}
		var logged int
		must(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM access_log WHERE subject_kind = 'request_document'").Scan(&logged))
		if logged != 1 {
			t.Fatalf("%d access-log entries for the document, want 1", logged)
		}
		for _, op := range []func() error{
			func() error { _, err := w.s.Comments(ctx, w.opA, r.ID); return err },
			func() error { _, err := w.s.Documents(ctx, w.opA, r.ID); return err },
			func() error { _, err := w.s.DocumentData(ctx, w.opA, r.ID, d.ID, "web"); return err },
			func() error { _, err := w.s.AddComment(ctx, w.opA, r.ID, "x"); return err },
		} {
			if err := op(); !errors.Is(err, errs.ErrNotFound) {
				t.Fatalf("other school's operator: %v", err)
			}
		}
	})
}

func TestLookupSaysTheSameForUnknownAndWrongPhone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		got, err := w.s.Lookup(ctx, strings.ToLower(r.Reference), "8 (701) 123-45-67")
		must(t, err)
		if got.Status != requests.Submitted || got.Message == nil || got.Message.Key != "requestnotice.submitted" {
			t.Fatalf("lookup = %+v", got)
		}
		for _, c := range [][2]string{{r.Reference, "+7 701 000 00 00"}, {"ABC-DEF-GHJ", "+7 701 123 45 67"}, {"", ""}} {
			if _, err := w.s.Lookup(ctx, c[0], c[1]); !errors.Is(err, errs.ErrNotFound) || keyOf(err) != "not_found error.not_found" {
				t.Errorf("lookup %q %q: %v", c[0], c[1], err)
			}
		}
	})
}
