package mentoring

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Enrol adds approved mentor mentorID to cohort cohortID; p needs
// ManageMentors over both.
func (s *Service) Enrol(ctx context.Context, p access.Principal, cohortID, mentorID int64) error {
	c, err := s.cohort(ctx, p, access.ManageMentors, cohortID)
	if err != nil {
		return err
	}
	m, err := s.byID(ctx, s.db.R, mentorID)
	if err != nil {
		return err
	}
	if err := access.Can(p, access.ManageMentors, m.Target()); err != nil {
		return err
	}
	if m.Status != Approved {
		return errs.New(errs.Conflict, "error.mentor_not_approved", "Status", i18n.Key("mentoring.status."+string(m.Status)))
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q.InsertMember, cohortID, mentorID)
		if store.IsUniqueViolation(err) {
			return errs.New(errs.Conflict, "error.mentor_enrolled")
		} else if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "enrol", Entity: "mentor_cohort", EntityID: itoa(cohortID),
			After: map[string]int64{"mentor_id": mentorID}}, c.Target()))
	})
}

// Session is a session of a module in a cohort, held on a day by a
// trainer.
type Session struct {
	ID       int64     `json:"id"`
	CohortID int64     `json:"cohort_id"`
	ModuleID int64     `json:"module_id"`
	HeldOn   time.Time `json:"held_on"`
	Trainer  string    `json:"trainer"`
}

// AddSession plans session in of its cohort, within the cohort's dates;
// p needs ManageMentors over the cohort.
func (s *Service) AddSession(ctx context.Context, p access.Principal, in Session) (Session, error) {
	c, err := s.cohort(ctx, p, access.ManageMentors, in.CohortID)
	if err != nil {
		return Session{}, err
	}
	in.Trainer, in.HeldOn = strings.TrimSpace(in.Trainer), store.Day(in.HeldOn)
	fs := valid.Name(nil, "trainer", in.Trainer, MaxName)
	if in.HeldOn.Before(c.StartsOn) || in.HeldOn.After(c.EndsOn) {
		fs = append(fs, errs.Field("held_on", "error.mentor_session_date", "From", i18n.Day(c.StartsOn), "To", i18n.Day(c.EndsOn)))
	}
	if err := errs.Validation(fs...); err != nil {
		return Session{}, err
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertSession, in.CohortID, in.ModuleID, in.HeldOn, in.Trainer).Scan(&in.ID)
		if store.IsForeignKeyViolation(err) {
			return errs.Validation(errs.Field("module", "error.not_found"))
		} else if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "create", Entity: "mentor_session", EntityID: itoa(in.ID), After: in}, c.Target()))
	})
	return in, err
}

// RecordAttendance records who of the cohort was present at session id
// (present) and who was not (the other members); p needs ManageMentors
// over the cohort. A mentor not of the cohort is refused.
func (s *Service) RecordAttendance(ctx context.Context, p access.Principal, id int64, present []int64) error {
	var ses Session
	err := s.db.R.QueryRowContext(ctx, s.q.Session, id).Scan(&ses.ID, &ses.CohortID, &ses.ModuleID, &ses.HeldOn, &ses.Trainer)
	if err != nil {
		return store.NotFound(err)
	}
	c, err := s.cohort(ctx, p, access.ManageMentors, ses.CohortID)
	if err != nil {
		return err
	}
	members, err := s.members(ctx, ses.CohortID)
	if err != nil {
		return err
	}
	here := map[int64]bool{}
	for _, m := range present {
		if _, ok := members[m]; !ok {
			return errs.New(errs.Invalid, "error.mentor_not_in_cohort", "Mentor", m)
		}
		here[m] = true
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		for m := range members {
			if _, err := tx.ExecContext(ctx, s.q.Attend, id, m, here[m]); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "record_attendance", Entity: "mentor_session",
			EntityID: itoa(id), After: present}, c.Target()))
	})
}

// Final results of the school's final check.
const (
	Passed = "passed"
	Failed = "failed"
)

// MaxScore is the top score of the final check.
const MaxScore = 100

// RecordFinal records member mentorID's final check in cohort cohortID:
// passed or failed with a score from 0 to MaxScore, on day; p needs
// ManageMentors over the cohort.
func (s *Service) RecordFinal(ctx context.Context, p access.Principal, cohortID, mentorID int64, passed bool, score int, day time.Time) error {
	c, err := s.cohort(ctx, p, access.ManageMentors, cohortID)
	if err != nil {
		return err
	}
	if score < 0 || score > MaxScore {
		return errs.Validation(errs.Field("score", "error.mentor_score", "Max", MaxScore))
	}
	result := Failed
	if passed {
		result = Passed
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.Final, result, score, store.Day(day), cohortID, mentorID, store.NullID(p.UserID))
		if err := affected(res, err, errs.New(errs.Invalid, "error.mentor_not_in_cohort", "Mentor", mentorID)); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "record_results", Entity: "mentor_cohort",
			EntityID: itoa(cohortID), After: map[string]any{"mentor_id": mentorID, "final": result, "score": score}}, c.Target()))
	})
}
