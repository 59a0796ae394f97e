package outcomes_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/youth/youthtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	now   = youthtest.Now
	today = youthtest.Today
	admin = youthtest.Admin
	ctx   = context.Background()
)

// world is the youth organisation of package youthtest with the
// services of activities and outcomes; the installation's target of
// young people reached per region is 10.
type world struct {
	*youthtest.World
	s *strands.Service
	o *outcomes.Service
}

func setup(t testing.TB, db *store.DB) *world {
	t.Helper()
	w := &world{World: youthtest.New(t, db)}
	w.s = must(strands.New(db, w.Log, youthtest.Clock))(t)
	w.o = must(outcomes.New(db, w.Log, func(context.Context) int { return 10 }, youthtest.Clock))(t)
	return w
}

// mentored gives young person id a mentorship, as the matching would.
func (w *world) mentored(t testing.TB, id int64) {
	t.Helper()
	q := func(sql string, args ...any) {
		_, err := w.DB.W.ExecContext(ctx, store.Rebind(w.DB.Engine, sql), args...)
		check(t, err)
	}
	var region int64
	check(t, w.DB.R.QueryRowContext(ctx, "SELECT id FROM regions WHERE code = 'KZ-75'").Scan(&region))
	q(`INSERT INTO mentors (name, contact_key, background, org_id, org_path, region_id, region_path, in_person, online,
		capacity, minors, status, source, created_at, updated_at)
		VALUES ('Mentor', $1, 'coach', $2, $3, $4, '/KZ/KZ-75/', TRUE, FALSE, 3, FALSE, 'active', 'web', $5, $5)`,
		"m"+strconv.FormatInt(id, 10), w.Almaty.ID, w.Almaty.Path, region, now)
	q(`INSERT INTO mentorships (youth_id, mentor_id, org_path, region_path, minor, status, started_on, created_at, updated_at)
		SELECT y.id, (SELECT max(id) FROM mentors), y.org_path, y.region_path, FALSE, 'active', $2, $3, $3 FROM youth y WHERE y.id = $1`,
		id, today, now)
}

func must[T any](v T, err error) func(testing.TB) T { return youthtest.Must(v, err) }

func check(t testing.TB, err error) { t.Helper(); youthtest.Check(t, err) }

var keys = youthtest.Keys
