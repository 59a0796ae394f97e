package strands

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// Enrolment is a young person's place on an activity, as the change log
// keeps it.
type Enrolment struct {
	ActivityID int64  `json:"activity_id"`
	YouthID    int64  `json:"youth_id"`
	Source     Source `json:"enrolled_via"`
}

// Enrol enrols young person youthID on activity id: a coordinator's
// action. p must manage the activity and the young person must lie within
// p's scope; a young person p may not see is refused as unknown.
func (s *Service) Enrol(ctx context.Context, p access.Principal, id, youthID int64) (Enrolment, error) {
	if err := access.Can(p, access.ManageStrands, p.Scope()); err != nil {
		return Enrolment{}, err
	}
	return s.enrol(ctx, p, id, youthID, ByCoordinator)
}

// Join enrols young person youthID on activity id at their own request:
// the young person's page and the bot call it once they know who is
// asking. It applies the same checks as Enrol but for the coordinator's
// scope, and joins only an activity OpenFor offers them (any other is
// not found); the change log names the young person.
func (s *Service) Join(ctx context.Context, youthID, id int64) (Enrolment, error) {
	p := youth.Self(youthID)
	return s.enrol(ctx, p, id, youthID, BySelf)
}

// enrol does the work of Enrol and Join: every check, then the place
// taken with one guarded UPDATE in the enrolment's transaction.
func (s *Service) enrol(ctx context.Context, p access.Principal, id, youthID int64, via Source) (Enrolment, error) {
	out := Enrolment{ActivityID: id, YouthID: youthID, Source: via}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		a, err := s.activity(ctx, tx, id)
		if err == nil && via == ByCoordinator && access.Can(p, access.ManageStrands, a.Target()) != nil {
			err = errs.ErrNotFound
		}
		if err != nil {
			return err
		}
		y, err := s.youthOf(ctx, tx, youthID)
		if err == nil && via == ByCoordinator && !access.Within(p, y.target) {
			err = errs.ErrNotFound
		}
		if errors.Is(err, errs.ErrNotFound) {
			return errs.Validation(errs.Field("youth_id", "error.youth_unknown"))
		}
		if err != nil {
			return err
		}
		if err := fits(a, y, s.today()); err != nil {
			return err
		}
		if via == BySelf && !offered(a, y, s.today()) {
			return errs.ErrNotFound
		}
		now := s.now().UTC()
		res, err := tx.ExecContext(ctx, s.q.InsertEnrolment, id, youthID, string(via), store.NullID(p.UserID), now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return errs.New(errs.Conflict, "error.activity_enrolled_already")
		}
		if res, err = tx.ExecContext(ctx, s.q.TakePlace, id, now); err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return errs.New(errs.Conflict, "error.activity_full", "Capacity", a.Capacity)
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "enrol", Entity: "activity_enrolment",
			EntityID: itoa(id) + "/" + itoa(youthID), OrgPath: a.orgPath, RegionPath: a.regionPath, After: out})
	})
	return out, err
}

// young is what enrolment needs of a young person.
type young struct {
	birth  time.Time
	target access.Target
}

func (s *Service) youthOf(ctx context.Context, q store.Querier, id int64) (young, error) {
	var y young
	err := q.QueryRowContext(ctx, s.q.YouthOf, id).Scan(&y.birth, &y.target.RegionPath, &y.target.OrgPath)
	if errors.Is(err, sql.ErrNoRows) {
		return young{}, errs.ErrNotFound
	}
	y.birth = store.Day(y.birth.UTC())
	return y, err
}

// offered reports whether the young person's own page offers activity a
// (see OpenFor): not over by today, of their region or of a region above
// or below it. A young person joins nothing else — an activity elsewhere
// would show their name to another organisation's staff.
func offered(a Activity, y young, today time.Time) bool {
	near := strings.HasPrefix(y.target.RegionPath, a.regionPath) || strings.HasPrefix(a.regionPath, y.target.RegionPath)
	return near && !a.EndsOn.Before(today)
}

// fits applies the activity's own checks: the ages it sets (years
// completed on its first day, or today once it has begun) and, for a
// local activity, that the young person lives within its region.
func fits(a Activity, y young, today time.Time) error {
	on := a.StartsOn
	if today.After(on) {
		on = today
	}
	age := youth.Age(y.birth, on)
	if a.MinAge != 0 && age < a.MinAge || a.MaxAge != 0 && age > a.MaxAge {
		lo, hi := a.MinAge, a.MaxAge
		if lo == 0 {
			lo = youth.MinAge
		}
		if hi == 0 {
			hi = youth.MaxAge
		}
		return errs.Validation(errs.Field("youth_id", "error.activity_age", "Min", lo, "Max", hi, "Age", age))
	}
	if a.LocalOnly && !strings.HasPrefix(y.target.RegionPath, a.regionPath) {
		return errs.Validation(errs.Field("youth_id", "error.activity_region"))
	}
	return nil
}
