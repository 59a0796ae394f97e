package strands_test

import (
	"context"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/youth/youthtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	today = youthtest.Today
	admin = youthtest.Admin
	ctx   = context.Background()
)

// world is the youth organisation of package youthtest with the
// activities' service.
type world struct {
	*youthtest.World
	s *strands.Service
}

func setup(t testing.TB, db *store.DB) *world {
	t.Helper()
	w := &world{World: youthtest.New(t, db)}
	w.s = must(strands.New(db, w.Log, youthtest.Clock))(t)
	return w
}

// activity makes a dombra class of the Almaty branch for capacity young
// people, running through the autumn.
func (w *world) activity(t testing.TB, capacity int, edit func(*strands.Input)) strands.Activity {
	t.Helper()
	in := strands.Input{Name: "Dombra for beginners", Strand: strands.Creative, OrgID: w.Almaty.ID, RegionCode: "KZ-75",
		StartsOn: today.AddDate(0, 0, 7), EndsOn: today.AddDate(0, 3, 0), Capacity: capacity}
	if edit != nil {
		edit(&in)
	}
	return must(w.s.Create(ctx, w.CoordAlmaty, in))(t)
}

func must[T any](v T, err error) func(testing.TB) T { return youthtest.Must(v, err) }

func check(t testing.TB, err error) { t.Helper(); youthtest.Check(t, err) }

var keys = youthtest.Keys
