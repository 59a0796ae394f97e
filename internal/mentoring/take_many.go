package mentoring

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/errs"
)

// Want is one place wanted of a mentor, for a minor or not.
type Want struct {
	Mentor int64
	Minor  bool
}

// TakeMany takes the places wanted in tx, the run's transaction, as Take
// would one after another, and returns for each want its refusal (nil
// when taken): the mentor not Eligible on day (for a minor, when the
// place is a minor's), or no place left. A mentor is read and their
// standing asked once, however many places are wanted of them, and their
// places are taken with one conditional update, so the capacity holds
// against parallel takers as Take's does; when that update finds too few
// places free (taken meanwhile), they are taken one by one in the order
// given, the last ones refused. An error that is not a refusal (an
// unknown mentor, the database failing) is returned as err.
func (s *Service) TakeMany(ctx context.Context, tx *sql.Tx, wants []Want, day time.Time) ([]error, error) {
	refusals := make([]error, len(wants))
	byMentor := map[int64][]int{} // the indexes of each mentor's places, in order
	var order []int64
	for i, p := range wants {
		if _, ok := byMentor[p.Mentor]; !ok {
			order = append(order, p.Mentor)
		}
		byMentor[p.Mentor] = append(byMentor[p.Mentor], i)
	}
	for _, id := range order {
		if err := s.takeOne(ctx, tx, id, byMentor[id], wants, day, refusals); err != nil {
			return nil, err
		}
	}
	return refusals, nil
}

// takeOne takes the places at idx, all of mentor id's, filling refusals.
func (s *Service) takeOne(ctx context.Context, tx *sql.Tx, id int64, idx []int, wants []Want, day time.Time, refusals []error) error {
	m, err := s.byID(ctx, tx, id)
	if err != nil {
		return err
	}
	var checked [2]bool  // adult, minor
	var refusal [2]error // the refusal of each kind of place, once checked
	var wanted []int
	for _, i := range idx {
		k := 0
		if wants[i].Minor {
			k = 1
		}
		if !checked[k] {
			checked[k] = true
			refusal[k] = s.eligible(ctx, tx, m, day, wants[i].Minor)
			if e := errs.As(refusal[k]); refusal[k] != nil && (e == nil || e.Code != errs.Conflict) {
				return refusal[k]
			}
		}
		if refusals[i] = refusal[k]; refusals[i] == nil {
			wanted = append(wanted, i)
		}
	}
	if len(wanted) == 0 {
		return nil
	}
	full := errs.New(errs.Conflict, "error.mentor_over_capacity", "Mentor", m.ID)
	res, err := tx.ExecContext(ctx, s.q.TakeSome, id, len(wanted))
	if err = affected(res, err, full); !errors.Is(err, full) {
		return err
	}
	// Too few places free for all: as many as there are, in order.
	for _, i := range wanted {
		res, err := tx.ExecContext(ctx, s.q.Take, id)
		if err = affected(res, err, full); errors.Is(err, full) {
			refusals[i] = err
		} else if err != nil {
			return err
		}
	}
	return nil
}
