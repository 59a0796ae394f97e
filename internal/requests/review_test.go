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

// Only an active user who may decide the request becomes its reviewer:
// each other is refused with the reason; a reviewer is replaced and taken
// off, and their requests are listed apart.
func TestReviewerMayDecideTheRequest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		user := func(name, role string, org int64, active bool) int64 {
			var id int64
			must(t, db.W.QueryRowContext(ctx, store.Rebind(db.Engine, `INSERT INTO users (email, name, role, org_id, active,
				created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`), name+"@x", name, role,
				store.NullID(org), active, clock()).Scan(&id))
			return id
		}
		opK := user("Operator of K", "operator", w.k.ID, true)
		coordF := user("Coordinator of the foundation", "coordinator", w.found.ID, true)
		opA := user("Operator of A", "operator", w.a.ID, true)
		staffK := user("Teacher of K", "school_staff", w.k.ID, true)
		gone := user("Gone", "coordinator", w.found.ID, false)
		boss := w.coord // the coordinator of the foundation assigns
		boss.UserID = coordF
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		for _, tc := range []struct {
			user int64
			want string
		}{
			{opA, "invalid error.invalid; reviewer error.reviewer_scope"},
			{staffK, "invalid error.invalid; reviewer error.reviewer_role"},
			{gone, "invalid error.invalid; reviewer error.reviewer_unknown"},
			{opA + 1000, "invalid error.invalid; reviewer error.reviewer_unknown"},
		} {
			if _, err := w.s.AssignReviewer(ctx, boss, r.ID, r.Version, tc.user); keyOf(err) != tc.want {
				t.Errorf("reviewer %d: %s, want %s", tc.user, keyOf(err), tc.want)
			}
		}
		if e := errs.As(func() error { _, err := w.s.AssignReviewer(ctx, boss, r.ID, r.Version, opA); return err }()); e == nil ||
			e.Fields[0].Args[1] != "Operator of A" {
			t.Errorf("the refusal does not name the user: %+v", e)
		}
		r, err = w.s.AssignReviewer(ctx, boss, r.ID, r.Version, opK)
		must(t, err)
		if r.ReviewerID != opK || r.ReviewerName != "Operator of K" || r.Version != 2 {
			t.Fatalf("assigned %d %q v%d", r.ReviewerID, r.ReviewerName, r.Version)
		}
		same, err := w.s.AssignReviewer(ctx, boss, r.ID, 1, opK)
		must(t, err)
		if same.Version != 2 {
			t.Fatalf("naming the same reviewer again changed the request: v%d", same.Version)
		}
		r, err = w.s.AssignReviewer(ctx, boss, r.ID, r.Version, coordF)
		must(t, err)
		other, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykova", "Dana").ID))
		must(t, err)
		_, err = w.s.AssignReviewer(ctx, boss, other.ID, other.Version, opK)
		must(t, err)
		list := func(reviewer int64, st requests.Status) []int64 {
			rs, _, err := w.s.List(ctx, boss, requests.Filter{CampaignID: w.campaign, Reviewer: reviewer, Status: st}, store.Page{Limit: 50})
			must(t, err)
			var ids []int64
			for _, x := range rs {
				ids = append(ids, x.ID)
			}
			return ids
		}
		if got := list(coordF, ""); len(got) != 1 || got[0] != r.ID {
			t.Errorf("the coordinator reviews %v, want [%d]", got, r.ID)
		}
		if got := list(opK, requests.Submitted); len(got) != 1 || got[0] != other.ID {
			t.Errorf("the operator reviews %v, want [%d]", got, other.ID)
		}
		if got := list(opK, requests.Approved); len(got) != 0 {
			t.Errorf("the operator's approved requests: %v", got)
		}
		r, err = w.s.AssignReviewer(ctx, boss, r.ID, r.Version, 0)
		must(t, err)
		if r.ReviewerID != 0 || r.ReviewerName != "" || len(list(coordF, "")) != 0 {
			t.Fatalf("taken off, the reviewer stays: %d %q", r.ReviewerID, r.ReviewerName)
		}
		var logged int
		must(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM audit_log WHERE action = 'assign_reviewer'").Scan(&logged))
		if logged != 4 {
			t.Errorf("%d reviewer changes logged, want 4", logged)
		}
	})
}
