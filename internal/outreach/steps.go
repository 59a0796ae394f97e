package outreach

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/valid"
)

// stepError refuses an action at the case's step.
func stepError(st Step) error {
	return errs.New(errs.Conflict, "error.outreach_step", "Step", i18n.Key("outreach.step."+string(st)))
}

// ContactInput records a visit or a call to a family and the reason they
// give for the child not attending.
type ContactInput struct {
	Mode   Mode
	Reason Reason
	Note   string
}

// Contact records the contact of an identified case, which moves to
// contacted.
func (s *Service) Contact(ctx context.Context, p access.Principal, id int64, version int, in ContactInput) (Case, error) {
	in.Note = strings.TrimSpace(in.Note)
	var fs []errs.FieldError
	if !oneOf(in.Mode, Modes()) {
		fs = append(fs, valid.Choice("mode", Modes()...))
	}
	if !oneOf(in.Reason, Reasons()) {
		fs = append(fs, valid.Choice("reason", Reasons()...))
	}
	if in.Reason == Other {
		fs = valid.Required(fs, "note", in.Note)
	}
	fs = valid.Note(fs, "note", in.Note)
	if err := errs.Validation(fs...); err != nil {
		return Case{}, err
	}
	return s.update(ctx, p, id, version, "contact", func(tx *sql.Tx, c *Case) (string, string, error) {
		if c.Step != Identified {
			return "", "", stepError(c.Step)
		}
		now := s.now().UTC()
		c.Step, c.StepAt, c.Mode, c.Reason, c.ContactNote, c.ContactedAt = Contacted, now, in.Mode, in.Reason, in.Note, now
		return "contacted", string(in.Mode) + " " + string(in.Reason), nil
	})
}

// AddNeeds records needs of a contacted case (or adds to them), which
// moves to support; a need already recorded takes the new note.
func (s *Service) AddNeeds(ctx context.Context, p access.Principal, id int64, version int, needs []NeedNote) (Case, error) {
	var fs []errs.FieldError
	if len(needs) == 0 {
		fs = append(fs, errs.Field("needs", "error.outreach_needs"))
	}
	for i := range needs {
		needs[i].Note = strings.TrimSpace(needs[i].Note)
		if !oneOf(needs[i].Need, Needs()) {
			fs = append(fs, valid.Choice("needs", Needs()...))
		}
		fs = valid.Note(fs, "note_"+string(needs[i].Need), needs[i].Note)
	}
	if err := errs.Validation(fs...); err != nil {
		return Case{}, err
	}
	return s.update(ctx, p, id, version, "set_needs", func(tx *sql.Tx, c *Case) (string, string, error) {
		if c.Step != Contacted && c.Step != Support && c.Step != Enrolled {
			return "", "", stepError(c.Step)
		}
		var names []string
		for _, n := range needs {
			if _, err := tx.ExecContext(ctx, s.q.PutNeed, c.ID, n.Need, n.Note); err != nil {
				return "", "", err
			}
			names = append(names, string(n.Need))
		}
		now := s.now().UTC()
		if c.Step == Contacted {
			c.Step, c.StepAt = Support, now
		}
		if c.SupportAt.IsZero() {
			c.SupportAt = now
		}
		return "needs", strings.Join(names, " "), nil
	})
}

// EnrolInput enrols the child at a school from a day.
type EnrolInput struct {
	SchoolID int64
	On       time.Time // the installation's today when zero
}

// Enrol records that the child of a contacted or supported case is
// enrolled at school in.SchoolID; the attendance checks fall 1, 3 and 6
// months after in.On.
func (s *Service) Enrol(ctx context.Context, p access.Principal, id int64, version int, in EnrolInput) (Case, error) {
	if in.SchoolID == 0 {
		return Case{}, errs.Validation(errs.Field("school", "error.required", "Field", "school"))
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Case{}, err
	}
	if in.On.IsZero() {
		in.On = today
	}
	if in.On.After(today) {
		return Case{}, errs.Validation(errs.Field("on", "error.outreach_future"))
	}
	return s.update(ctx, p, id, version, "enrol", func(tx *sql.Tx, c *Case) (string, string, error) {
		if c.Step != Contacted && c.Step != Support {
			return "", "", stepError(c.Step)
		}
		var name string
		err := tx.QueryRowContext(ctx, s.q.OrgName, in.SchoolID).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return "", "", errs.Validation(errs.Field("school", "error.not_found"))
		} else if err != nil {
			return "", "", err
		}
		c.Step, c.StepAt, c.EnrolledAtID, c.EnrolledOn, c.ChecksDone = Enrolled, s.now().UTC(), in.SchoolID, in.On, 0
		return "enrolled", name, nil
	})
}

// CheckInput records an attendance check.
type CheckInput struct {
	Attending bool
	Note      string
}

// Check records the next attendance check of an enrolled case. The
// six-month check that finds the child attending closes the case as
// retained; a check that finds the child away sends it back to
// identified, to be visited again (its checks start over at the next
// enrolment).
func (s *Service) Check(ctx context.Context, p access.Principal, id int64, version int, in CheckInput) (Case, error) {
	in.Note = strings.TrimSpace(in.Note)
	if err := errs.Validation(valid.Note(nil, "note", in.Note)...); err != nil {
		return Case{}, err
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Case{}, err
	}
	return s.update(ctx, p, id, version, "check", func(tx *sql.Tx, c *Case) (string, string, error) {
		month := c.NextCheck()
		if month == 0 {
			return "", "", stepError(c.Step)
		}
		if _, err := tx.ExecContext(ctx, s.q.InsertCheck, c.ID, month, in.Attending, today, in.Note, p.UserID); err != nil {
			return "", "", err
		}
		now := s.now().UTC()
		detail := fmt.Sprintf("%d attending", month)
		switch {
		case !in.Attending:
			c.Step, c.StepAt, c.ChecksDone = Identified, now, 0
			detail = fmt.Sprintf("%d away", month)
		case c.ChecksDone+1 == len(CheckMonths()):
			c.ChecksDone++
			c.Step, c.StepAt, c.Outcome, c.ClosedAt = Closed, now, Retained, now
			return "check", detail, s.finishReferrals(ctx, tx, c.ID)
		default:
			c.ChecksDone++
		}
		return "check", detail, nil
	})
}

// Close closes an open case as moved away or not found; a case is closed
// as retained only by its six-month check. Its referrals end: accepted
// ones completed (their charity's place given back), waiting ones
// withdrawn.
func (s *Service) Close(ctx context.Context, p access.Principal, id int64, version int, outcome Outcome) (Case, error) {
	if outcome != MovedAway && outcome != NotFound {
		return Case{}, errs.Validation(valid.Choice("outcome", MovedAway, NotFound))
	}
	return s.update(ctx, p, id, version, "close", func(tx *sql.Tx, c *Case) (string, string, error) {
		if !c.Open() {
			return "", "", stepError(c.Step)
		}
		now := s.now().UTC()
		c.Step, c.StepAt, c.Outcome, c.ClosedAt = Closed, now, outcome, now
		return "closed", string(outcome), s.finishReferrals(ctx, tx, c.ID)
	})
}

// Share records which details the family consented to share with the
// charities the case is referred to; it replaces the earlier consent.
func (s *Service) Share(ctx context.Context, p access.Principal, id int64, version int, fields []SharedField) (Case, error) {
	var set []SharedField
	for _, f := range SharedFields() { // in the list's order, once each
		if oneOf(f, fields) {
			set = append(set, f)
		}
	}
	for _, f := range fields {
		if !oneOf(f, SharedFields()) {
			return Case{}, errs.Validation(valid.Choice("shared", SharedFields()...))
		}
	}
	return s.update(ctx, p, id, version, "set_consent", func(tx *sql.Tx, c *Case) (string, string, error) {
		if !c.Open() {
			return "", "", stepError(c.Step)
		}
		c.Shared = set
		return "consent", joinShared(set), nil
	})
}
