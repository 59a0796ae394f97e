package mentoring_test

import (
	"database/sql"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

func TestThePoolIsCountedByFieldRegionAndBackground(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		coord := w.Principal(access.Coordinator)
		a := application(w, "Aigerim Nurlanova", "aigerim@example.org") // career, education; KZ-75; deputy; 2
		am, err := s.Create(ctx, coord, a)
		must(t, err)
		b := application(w, "Daniyar Sapar", "daniyar@example.org")
		b.Fields, b.RegionCode, b.Background, b.Capacity = []string{"career"}, "KZ-71", mentoring.Coach, 5
		_, err = s.Create(ctx, coord, b)
		must(t, err)
		c := application(w, "Applied only", "applied@example.org") // not approved: not counted
		_, err = s.Apply(ctx, c)
		must(t, err)
		// One of Aigerim's places is in use: it is not free.
		must(t, w.DB.Tx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, store.Rebind(w.DB.Engine, "UPDATE mentors SET mentees = 1 WHERE id = $1"), am.ID)
			return err
		}))

		st, err := s.Stats(ctx, coord)
		must(t, err)
		if st.Total != (mentoring.Count{Mentors: 2, Capacity: 7, Free: 6}) {
			t.Fatalf("total %+v", st.Total)
		}
		if st.ByField["career"] != (mentoring.Count{Mentors: 2, Capacity: 7, Free: 6}) ||
			st.ByField["education"] != (mentoring.Count{Mentors: 1, Capacity: 2, Free: 1}) || len(st.ByField) != 2 {
			t.Fatalf("by field %+v", st.ByField)
		}
		if st.ByRegion["KZ-75"] != (mentoring.Count{Mentors: 1, Capacity: 2, Free: 1}) ||
			st.ByRegion["KZ-71"] != (mentoring.Count{Mentors: 1, Capacity: 5, Free: 5}) {
			t.Fatalf("by region %+v", st.ByRegion)
		}
		if st.ByBackground[mentoring.YoungDeputy].Mentors != 1 || st.ByBackground[mentoring.Coach].Capacity != 5 {
			t.Fatalf("by background %+v", st.ByBackground)
		}

		// Another region's coordinator counts none of them; a mentor
		// counts nothing at all.
		other, err := s.Stats(ctx, w.Stranger.Principal())
		must(t, err)
		if other.Total.Mentors != 0 {
			t.Fatalf("stranger's pool %+v", other)
		}
		_, err = s.Stats(ctx, w.Principal(access.Mentor))
		wantKey(t, err, "error.forbidden")
	})
}
