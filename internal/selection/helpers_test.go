package selection_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

// youngPerson inserts a young person of org living in region code
// (a top-level region), consenting or not to be named on a shortlist.
func youngPerson(t testing.TB, w *testworld.World, org orgs.Organisation, code, last string, consent bool) int64 {
	t.Helper()
	db := w.DB
	var regionID int64
	var path string
	check(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine, "SELECT id, path FROM regions WHERE code = $1"), code).Scan(&regionID, &path))
	var id int64
	now := w.Clock.Now()
	check(t, db.W.QueryRowContext(ctx, store.Rebind(db.Engine, `INSERT INTO youth (identity, last_name, first_name,
		birth_date, age_group, region_id, region_path, settlement, status, field, language, channel, shortlist_consent,
		org_id, org_path, registered_on, created_at, updated_at)
		VALUES ($1, $2, 'Aru', $3, '18-24', $4, $5, 'rural', 'neet', 'media', 'kk', 'web', $6, $7, $8, $3, $9, $9)
		RETURNING id`), fmt.Sprintf("%s-%s-%d", last, code, now.UnixNano()), last, testworld.Day(2004, 5, 1), regionID,
		path, consent, org.ID, org.Path, now).Scan(&id))
	return id
}

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fieldKey is the key of field's error in err, "" when there is none.
func fieldKey(err error, field string) string {
	if e := errs.As(err); e != nil {
		for _, f := range e.Fields {
			if f.Field == field {
				return f.Key
			}
		}
	}
	return ""
}

// keyOf is err's key, "" for no domain error.
func keyOf(err error) string {
	if e := errs.As(err); e != nil {
		return e.Key
	}
	return ""
}

// fake is a Source for tests.
type fake []struct {
	youth int64
	score float64
}

func (f fake) Results(_ context.Context, _ access.Principal, _ int64) ([]selection.Result, error) {
	out := make([]selection.Result, len(f))
	for i, r := range f {
		out[i] = selection.Result{YouthID: r.youth, Score: r.score, Rank: i + 1}
	}
	return out, nil
}
