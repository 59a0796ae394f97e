package volunteers

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
	"github.com/jolproject/jol/internal/valid"
)

// HoursInput is time a volunteer logs: the day, the minutes, and at most
// one of a need they signed up to, a device task given to them, or a
// course they teach (none: the note says what).
type HoursInput struct {
	WorkedOn time.Time `json:"worked_on"`
	Minutes  int       `json:"minutes"`
	NeedID   int64     `json:"need_id"`
	TaskID   int64     `json:"task_id"`
	CourseID int64     `json:"course_id"`
	Note     string    `json:"note"`
}

// LogHours records time the volunteer whose login p is gave, waiting for
// a coordinator. It refuses a time of nothing or less, a day in the
// future, a day's total over 24 hours, and a need, task or course that is
// not theirs.
func (s *Service) LogHours(ctx context.Context, p access.Principal, in HoursInput) (Hours, error) {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return Hours{}, err
	}
	in.WorkedOn, in.Note = store.Day(in.WorkedOn), strings.TrimSpace(in.Note)
	var fs []errs.FieldError
	switch {
	case in.WorkedOn.IsZero():
		fs = append(fs, errs.Field("worked_on", "error.required_date"))
	case in.WorkedOn.After(s.today(ctx)):
		fs = append(fs, errs.Field("worked_on", "error.hours_future"))
	}
	if in.Minutes <= 0 {
		fs = append(fs, errs.Field("hours", "error.hours_positive"))
	}
	refs := 0
	for _, id := range []int64{in.NeedID, in.TaskID, in.CourseID} {
		if id != 0 {
			refs++
		}
	}
	if refs > 1 {
		fs = append(fs, errs.Field("purpose", "error.hours_one_purpose"))
	}
	fs = valid.Note(fs, "note", in.Note)
	if err := errs.Validation(fs...); err != nil {
		return Hours{}, err
	}
	var out Hours
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.LockVolunteer, v.ID); err != nil {
			return err
		}
		var logged int
		if err := tx.QueryRowContext(ctx, s.q.DayMinutes, v.ID, in.WorkedOn).Scan(&logged); err != nil {
			return err
		}
		if logged+in.Minutes > DayMinutes {
			left := max(DayMinutes-logged, 0)
			return errs.Validation(errs.Field("hours", "error.hours_day_over", "Hours", formatHours(left)))
		}
		campaign, err := s.purpose(ctx, tx, v.ID, in)
		if err != nil {
			return err
		}
		t := v.Target()
		var id int64
		if err := tx.QueryRowContext(ctx, s.q.InsertHours, v.ID, in.WorkedOn, in.Minutes, store.NullID(in.NeedID),
			store.NullID(in.TaskID), store.NullID(in.CourseID), store.NullID(campaign), in.Note, t.OrgPath, t.RegionPath,
			s.now().UTC()).Scan(&id); err != nil {
			return err
		}
		if out, err = s.hours(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "log_hours", Entity: "volunteer_hours", EntityID: itoa(id),
			OrgPath: t.OrgPath, RegionPath: t.RegionPath, After: out})
	})
	return out, err
}

// purpose checks that what in's hours were for is the volunteer's, and
// returns its campaign (0 for none).
func (s *Service) purpose(ctx context.Context, tx *sql.Tx, volunteer int64, in HoursInput) (int64, error) {
	switch {
	case in.NeedID != 0:
		n, err := s.need(ctx, tx, volunteer, in.NeedID)
		if err == nil && !n.Mine {
			err = errs.ErrNotFound
		}
		if errors.Is(err, errs.ErrNotFound) {
			return 0, errs.Validation(errs.Field("need_id", "error.hours_not_your_need"))
		}
		return n.CampaignID, err
	case in.TaskID != 0:
		var c int64
		err := tx.QueryRowContext(ctx, s.q.TaskCampaign, in.TaskID, volunteer).Scan(&c)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, errs.Validation(errs.Field("task_id", "error.hours_not_your_task"))
		}
		return c, err
	case in.CourseID != 0:
		c, err := s.teaches(ctx, volunteer, in.CourseID)
		if errors.Is(err, errs.ErrNotFound) {
			return 0, errs.Validation(errs.Field("course_id", "error.hours_not_your_course"))
		}
		return c, err
	}
	return 0, nil
}

// Decision approves hours or rejects them with a reason.
type Decision struct {
	Approve bool   `json:"approve"`
	Reason  string `json:"reason"`
}

// DecideHours approves or rejects hours id, read at version, once; a
// rejection needs a reason.
func (s *Service) DecideHours(ctx context.Context, p access.Principal, id int64, version int, d Decision) (Hours, error) {
	if err := access.Can(p, access.ManageVolunteers, p.Scope()); err != nil {
		return Hours{}, err
	}
	d.Reason = strings.TrimSpace(d.Reason)
	status := Approved
	if !d.Approve {
		status = Rejected
		fs := valid.Required(nil, "reason", d.Reason)
		if err := errs.Validation(valid.Note(fs, "reason", d.Reason)...); err != nil {
			return Hours{}, err
		}
	} else {
		d.Reason = ""
	}
	var out Hours
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.hours(ctx, tx, id)
		if err == nil && access.Can(p, access.ManageVolunteers, before.Target()) != nil {
			err = errs.ErrNotFound
		}
		if err != nil {
			return err
		}
		if before.Status != Pending {
			return errs.New(errs.Conflict, "error.hours_decided")
		}
		if err := exec(ctx, tx, "error.hours_changed", s.q.DecideHours, id, version, string(status), d.Reason,
			store.NullID(p.UserID), p.Name, s.now().UTC()); err != nil {
			return err
		}
		if out, err = s.hours(ctx, tx, id); err != nil {
			return err
		}
		action := "approve"
		if !d.Approve {
			action = "reject"
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "volunteer_hours", EntityID: itoa(id),
			OrgPath: out.orgPath, RegionPath: out.regionPath, Before: before, After: out})
	})
	return out, err
}

// hours reads hours id through q.
func (s *Service) hours(ctx context.Context, q store.Querier, id int64) (Hours, error) {
	h, err := scanHours(q.QueryRowContext(ctx, s.q.HoursFrom+"\n"+s.q.HoursByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Hours{}, errs.ErrNotFound
	}
	return h, err
}

func scanHours(sc store.Scanner) (Hours, error) {
	var h Hours
	var decided sql.NullTime
	err := sc.Scan(&h.ID, &h.VolunteerID, &h.VolunteerName, &h.WorkedOn, &h.Minutes, &h.NeedID, &h.NeedTitle, &h.TaskID,
		&h.CourseID, &h.CourseTitle, &h.CampaignID, &h.Note, &h.Status, &h.Reason, &h.DecidedName, &decided, &h.Version,
		&h.CreatedAt, &h.orgPath, &h.regionPath)
	h.WorkedOn, h.DecidedAt, h.CreatedAt = store.Day(h.WorkedOn.UTC()), store.TimeOf(decided), h.CreatedAt.UTC()
	return h, err
}
