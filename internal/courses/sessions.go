package courses

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// mayRun says whether p may add sessions to course c and record who came:
// its managers, and its teachers.
func (s *Service) mayRun(ctx context.Context, p access.Principal, c Course) error {
	if access.Can(p, access.ManageCourses, c.Target()) == nil {
		return nil
	}
	if s.teacher(ctx, p, c) == nil {
		return nil
	}
	return errs.New(errs.Forbidden, "error.forbidden")
}

// AddSession adds a session of course id on day, within the course's
// dates.
func (s *Service) AddSession(ctx context.Context, p access.Principal, id int64, day time.Time, topic string) (Session, error) {
	c, err := s.Course(ctx, p, id)
	if err != nil {
		return Session{}, err
	}
	if err := s.mayRun(ctx, p, c); err != nil {
		return Session{}, err
	}
	day, topic = store.Day(day), text.Clean(topic)
	fs := valid.Line(nil, "topic", topic, MaxTitle)
	if day.Before(c.StartsOn) || day.After(c.EndsOn) {
		fs = append(fs, errs.Field("held_on", "error.session_outside_course"))
	}
	if err := errs.Validation(fs...); err != nil {
		return Session{}, err
	}
	out := Session{CourseID: id, HeldOn: day, Topic: topic}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.InsertSession, id, day, topic, s.now().UTC()).Scan(&out.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "course_session", EntityID: itoa(out.ID),
			OrgPath: c.orgPath, RegionPath: c.regionPath, After: out})
	})
	return out, err
}

// Sessions lists the sessions of course id, the earliest first.
func (s *Service) Sessions(ctx context.Context, p access.Principal, id int64) ([]Session, error) {
	if _, err := s.Course(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanSession, s.q.Sessions, id)
}

// Session returns session id and its course, if p may see the course.
func (s *Service) Session(ctx context.Context, p access.Principal, id int64) (Session, Course, error) {
	se, err := scanSession(s.db.R.QueryRowContext(ctx, s.q.SessionByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, Course{}, errs.ErrNotFound
	}
	if err != nil {
		return Session{}, Course{}, err
	}
	c, err := s.Course(ctx, p, se.CourseID)
	return se, c, err
}

// Attendance lists the marks of session id: every child enrolled, by
// name as Roster shows them, marked or not yet.
func (s *Service) Attendance(ctx context.Context, p access.Principal, id int64, via string) ([]Mark, error) {
	se, _, err := s.Session(ctx, p, id)
	if err != nil {
		return nil, err
	}
	pupils, err := s.Roster(ctx, p, se.CourseID, via)
	if err != nil {
		return nil, err
	}
	marks, err := s.marks(ctx, s.db.R, id)
	if err != nil {
		return nil, err
	}
	out := make([]Mark, len(pupils))
	for i, pu := range pupils {
		present, marked := marks[pu.EnrolmentID]
		out[i] = Mark{EnrolmentID: pu.EnrolmentID, Name: pu.Name, Present: present, Marked: marked}
	}
	return out, nil
}

func (s *Service) marks(ctx context.Context, q store.Querier, session int64) (map[int64]bool, error) {
	rows, err := store.Select(ctx, q, func(sc store.Scanner) (Mark, error) {
		var m Mark
		return m, sc.Scan(&m.EnrolmentID, &m.Present)
	}, s.q.MarksOf, session)
	out := make(map[int64]bool, len(rows))
	for _, m := range rows {
		out[m.EnrolmentID] = m.Present
	}
	return out, err
}

// RecordAttendance records who came to session id: each mark names an
// enrolment of the session's course. It refuses a session still to come
// and a child not enrolled on the course, and changes nothing then.
func (s *Service) RecordAttendance(ctx context.Context, p access.Principal, id int64, marks []Mark) (Session, error) {
	se, c, err := s.Session(ctx, p, id)
	if err != nil {
		return Session{}, err
	}
	if err := s.mayRun(ctx, p, c); err != nil {
		return Session{}, err
	}
	if se.HeldOn.After(s.today()) {
		return Session{}, errs.Validation(errs.Field("held_on", "error.attendance_future"))
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		now := s.now().UTC()
		for _, m := range marks {
			var e, person int64
			err := tx.QueryRowContext(ctx, s.q.EnrolmentOf, c.ID, m.EnrolmentID).Scan(&e, &person)
			if errors.Is(err, sql.ErrNoRows) {
				return errs.Validation(errs.Field("enrolment_id", "error.attendance_not_enrolled"))
			}
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q.DeleteMark, id, e); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q.InsertMark, id, e, m.Present, store.NullID(p.UserID), now); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "record_attendance", Entity: "course_session",
			EntityID: itoa(id), OrgPath: c.orgPath, RegionPath: c.regionPath, After: marks})
	})
	if err != nil {
		return Session{}, err
	}
	se, _, err = s.Session(ctx, p, id)
	return se, err
}

func scanSession(sc store.Scanner) (Session, error) {
	var se Session
	err := sc.Scan(&se.ID, &se.CourseID, &se.HeldOn, &se.Topic, &se.Present, &se.Marked)
	se.HeldOn = store.Day(se.HeldOn.UTC())
	return se, err
}
