package courses

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// Enrolment is a child enrolled on a course, as the change log keeps it.
type Enrolment struct {
	ID        int64 `json:"id"`
	CourseID  int64 `json:"course_id"`
	PersonID  int64 `json:"person_id"`
	RequestID int64 `json:"request_id,omitempty"`
}

// EnrolInput names the child to enrol: a person of the registry, or a
// request whose child it is (then PersonID may be 0).
type EnrolInput struct {
	PersonID  int64 `json:"person_id"`
	RequestID int64 `json:"request_id"`
}

// Enrol enrols a child on course id. p must manage the course and see the
// child's record (and the request, when named). It refuses a course with
// no place left, a cancelled one, a child already enrolled and a child
// outside the course's grades.
func (s *Service) Enrol(ctx context.Context, p access.Principal, id int64, in EnrolInput) (Enrolment, error) {
	if err := access.Can(p, access.ManageCourses, p.Scope()); err != nil {
		return Enrolment{}, err
	}
	if in.RequestID != 0 {
		r, err := s.requests.Get(ctx, p, in.RequestID, "enrol")
		if err != nil {
			return Enrolment{}, err
		}
		if in.PersonID != 0 && in.PersonID != r.PersonID {
			return Enrolment{}, errs.Validation(errs.Field("request_id", "error.course_request_child"))
		}
		in.PersonID = r.PersonID
	}
	child, err := s.people.ViewChild(ctx, p, in.PersonID)
	if err != nil {
		return Enrolment{}, err
	}
	out := Enrolment{CourseID: id, PersonID: child.ID, RequestID: in.RequestID}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := s.course(ctx, tx, id)
		if err == nil && access.Can(p, access.ManageCourses, c.Target()) != nil {
			err = errs.ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := gradeFits(c, child); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.TakeSeat, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			if c.Status != Open {
				return errs.New(errs.Conflict, "error.course_cancelled")
			}
			return errs.New(errs.Conflict, "error.course_full", "Capacity", c.Capacity)
		}
		err = tx.QueryRowContext(ctx, s.q.InsertEnrolment, id, child.ID, store.NullID(in.RequestID),
			store.NullID(p.UserID), s.now().UTC()).Scan(&out.ID)
		if store.IsUniqueViolation(err) {
			return errs.New(errs.Conflict, "error.course_enrolled_already")
		}
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "enrol", Entity: "course_enrolment", EntityID: itoa(out.ID),
			OrgPath: c.orgPath, RegionPath: c.regionPath, After: out})
	})
	return out, err
}

// gradeFits refuses a child at school outside the course's grades; a
// child with no grade recorded may join any course.
func gradeFits(c Course, child people.Person) error {
	if child.Grade != 0 && (child.Grade < c.GradeMin || child.Grade > c.GradeMax) {
		return errs.Validation(errs.Field("person_id", "error.course_grade_outside", "Min", c.GradeMin,
			"Max", c.GradeMax))
	}
	return nil
}

// Unenrol takes enrolment enrolment off course id, freeing its place;
// not once attendance of the child was recorded.
func (s *Service) Unenrol(ctx context.Context, p access.Principal, id, enrolment int64) error {
	if err := access.Can(p, access.ManageCourses, p.Scope()); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := s.course(ctx, tx, id)
		if err == nil && access.Can(p, access.ManageCourses, c.Target()) != nil {
			err = errs.ErrNotFound
		}
		if err != nil {
			return err
		}
		e := Enrolment{CourseID: id}
		err = tx.QueryRowContext(ctx, s.q.EnrolmentOf, id, enrolment).Scan(&e.ID, &e.PersonID)
		if errors.Is(err, sql.ErrNoRows) {
			return errs.ErrNotFound
		}
		if err != nil {
			return err
		}
		var marks int
		if err := tx.QueryRowContext(ctx, s.q.AttendanceOfEnrolment, e.ID).Scan(&marks); err != nil {
			return err
		}
		if marks > 0 {
			return errs.New(errs.Conflict, "error.course_attended")
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteEnrolment, e.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.FreeSeat, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "unenrol", Entity: "course_enrolment", EntityID: itoa(e.ID),
			OrgPath: c.orgPath, RegionPath: c.regionPath, Before: e})
	})
}
