package audit_test

import (
	"context"
	"database/sql"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestRegionScopedReaders: an auditor scoped to Kazakhstan reads, in both
// logs, the entries of records placed there, not those of records in Iran
// nor those with no place (written before the logs kept it); a reader
// without a region scope reads all three.
func TestRegionScopedReaders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		l := newLog(t, db)
		places := map[string]string{"kz": "/KZ/KZ-75/", "ir": "/IR/IR-03/", "none": ""}
		for _, id := range []string{"kz", "ir", "none"} {
			writer := access.Principal{UserID: int64(len(id)), Name: id, Role: access.Admin}
			err := db.Tx(ctx, func(tx *sql.Tx) error {
				return l.Record(ctx, tx, writer, audit.Change{Action: "update", Entity: "person", EntityID: id,
					OrgPath: "/1/", RegionPath: places[id], After: map[string]string{"last_name": "Rahimi"}})
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := l.ViewedIn(ctx, writer, "person", id, access.Target{OrgPath: "/1/", RegionPath: places[id]}, "web"); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			p    access.Principal
			want []string
		}{
			{access.Principal{UserID: 9, Role: access.Auditor, OrgPath: "/1/", RegionPath: "/KZ/"}, []string{"kz"}},
			{access.Principal{UserID: 9, Role: access.Auditor, OrgPath: "/1/"}, []string{"none", "ir", "kz"}},
		} {
			changes, _, err := l.Changes(ctx, tc.p, audit.Filter{}, store.Page{})
			if err != nil {
				t.Fatal(err)
			}
			accesses, _, err := l.Accesses(ctx, tc.p, audit.AccessFilter{}, store.Page{})
			if err != nil {
				t.Fatal(err)
			}
			var gotChanges, gotAccesses []string
			for _, e := range changes {
				gotChanges = append(gotChanges, e.EntityID)
			}
			for _, a := range accesses {
				gotAccesses = append(gotAccesses, a.SubjectID)
			}
			if !slices.Equal(gotChanges, tc.want) || !slices.Equal(gotAccesses, tc.want) {
				t.Errorf("region %q: changes %v, accesses %v, want %v", tc.p.RegionPath, gotChanges, gotAccesses, tc.want)
			}
		}
	})
}
