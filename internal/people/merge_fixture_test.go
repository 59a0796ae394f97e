package people_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// webp is the start of a WebP file, a photo other than png.
var webp = append([]byte("RIFF\x24\x00\x00\x00WEBPVP8 "), bytes.Repeat([]byte{1}, 64)...)

// rows dumps, as stored, the categories of person id and whether they
// have a photo: what an undo must give back exactly.
func rows(t *testing.T, db *store.DB, id int64) string {
	t.Helper()
	out := ""
	for _, q := range []string{
		`SELECT category_id, doc_type, doc_number, issued_on, expires_on, verified_by, verified_at, assigned_by, assigned_at
		 FROM person_categories WHERE person_id = $1 ORDER BY category_id`,
		`SELECT length(photo) FROM persons WHERE id = $1`,
	} {
		rs, err := db.R.QueryContext(ctx, store.Rebind(db.Engine, q), id)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			for i := range vals {
				vals[i] = new(any)
			}
			if err := rs.Scan(vals...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				out += fmt.Sprintf("%v|", *v.(*any))
			}
			out += "\n"
		}
		rs.Close()
	}
	return out
}

// shared gives both twins rows of the same kinds: categories with better
// evidence on one side or the other, and a photo on the dropped record
// only.
func shared(t *testing.T, w *world, keep, drop people.Person) {
	t.Helper()
	assign := func(p access.Principal, id int64, code string, ev people.Evidence) {
		if _, err := w.s.Assign(ctx, p, id, code, ev); err != nil {
			t.Fatalf("assign %s: %v", code, err)
		}
	}
	// The dropped record's evidence is better: verified where the kept
	// one has none, expiring later, in force where the kept one expired.
	assign(w.opA, keep.ID, "disability", people.Evidence{})
	assign(admin, drop.ID, "disability", people.Evidence{DocType: "Заключение ПМПК", DocNumber: "2026/17", Verified: true})
	assign(w.opA, keep.ID, "incomplete-family", people.Evidence{DocType: "Справка", ExpiresOn: day(2026, 12, 31)})
	assign(admin, drop.ID, "incomplete-family", people.Evidence{DocType: "Справка", ExpiresOn: day(2027, 6, 30)})
	assign(w.opA, keep.ID, "veteran-family", people.Evidence{DocType: "Удостоверение", Verified: true,
		IssuedOn: day(2024, 1, 1), ExpiresOn: day(2025, 1, 1)})
	assign(admin, drop.ID, "veteran-family", people.Evidence{DocType: "Удостоверение"})
	// The kept record's is better: verified, where the dropped one is not.
	assign(w.opA, keep.ID, "large-family", people.Evidence{DocType: "Куәлік", Verified: true})
	assign(admin, drop.ID, "large-family", people.Evidence{DocType: "Куәлік", DocNumber: "17"})

	if _, err := w.s.GiveConsent(ctx, w.opA, drop.ID, people.ConsentInput{Purpose: people.Photos,
		GivenByName: "Серікова Гүлнар", Method: people.OnPaper}); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetPhoto(ctx, w.opA, drop.ID, png); err != nil {
		t.Fatal(err)
	}
}

// evidence returns a person's assignments by category code.
func evidence(t *testing.T, w *world, id int64) map[string]people.Assignment {
	t.Helper()
	as, err := w.s.Assignments(ctx, admin, id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]people.Assignment{}
	for _, a := range as {
		out[a.Category.Code] = a
	}
	return out
}
