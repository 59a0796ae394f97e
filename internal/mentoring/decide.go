package mentoring

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Decide approves or rejects mentor id's application, which must still
// stand at version and be applied; a rejection needs its reason. p needs
// ManageMentors in the mentor's organisation and region.
func (s *Service) Decide(ctx context.Context, p access.Principal, id int64, version int, approve bool, reason string) (Mentor, error) {
	before, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Mentor{}, err
	}
	if err := access.Can(p, access.ManageMentors, before.Target()); err != nil {
		return Mentor{}, err
	}
	if before.Status != Applied {
		return Mentor{}, errs.New(errs.Conflict, "error.mentor_decided", "Status", i18n.Key("mentoring.status."+string(before.Status)))
	}
	st, action, reason := Approved, "approve", strings.TrimSpace(reason)
	if !approve {
		st, action = Rejected, "reject"
		fs := valid.Required(nil, "reason", reason)
		if err := errs.Validation(valid.Note(fs, "reason", reason)...); err != nil {
			return Mentor{}, err
		}
	}
	now := s.now().UTC()
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.Decide, st, reason, store.NullID(p.UserID), now, id, version)
		if err := affected(res, err, errConflict); err != nil {
			return err
		}
		after, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: action, Entity: "mentor", EntityID: itoa(id),
			Before: before, After: after}, after.Target()))
	})
	if err != nil {
		return Mentor{}, err
	}
	return s.byID(ctx, s.db.R, id)
}

// Update changes mentor id's profile, vetting included, which must still
// stand at version; the branch stays, and the capacity may not fall below
// the mentees they have. p needs ManageMentors where the mentor is and
// where they move to.
func (s *Service) Update(ctx context.Context, p access.Principal, id int64, version int, in Input) (Mentor, error) {
	before, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Mentor{}, err
	}
	if err := access.Can(p, access.ManageMentors, before.Target()); err != nil {
		return Mentor{}, err
	}
	in.OrgID = before.OrgID
	m, err := s.check(ctx, s.db.R, in)
	if err != nil {
		return Mentor{}, err
	}
	if err := access.Can(p, access.ManageMentors, m.Target()); err != nil {
		return Mentor{}, err
	}
	if m.Capacity < before.Mentees {
		return Mentor{}, errs.Validation(errs.Field("capacity", "error.mentor_below_mentees", "Mentees", before.Mentees))
	}
	m.ID = id
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.update(ctx, tx, p, before, m, version)
	})
	if err != nil {
		return Mentor{}, err
	}
	return s.byID(ctx, s.db.R, id)
}

// update writes profile m over before in tx, at version.
func (s *Service) update(ctx context.Context, tx *sql.Tx, p access.Principal, before, m Mentor, version int) error {
	v := m.Vetting
	res, err := tx.ExecContext(ctx, s.q.Update, m.Name, m.Phone, m.Email, contactKey(m), m.Background,
		m.regionID, m.RegionPath, m.InPerson, m.Online, m.Capacity, m.Minors, v.Document, store.NullDate(v.On),
		store.NullDate(v.Expires), v.CheckedBy, s.now().UTC(), m.ID, version)
	if store.IsUniqueViolation(err) {
		return errs.Validation(errs.Field("contact", "error.mentor_contact_taken"))
	}
	if err := affected(res, err, errConflict); err != nil {
		return err
	}
	if err := s.writeLists(ctx, tx, m); err != nil {
		return err
	}
	after, err := s.byID(ctx, tx, m.ID)
	if err != nil {
		return err
	}
	return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "update", Entity: "mentor", EntityID: itoa(m.ID),
		Before: before, After: after}, after.Target()))
}

// LinkUser gives mentor id the login userID (a user of the role mentor),
// through which they see their own profile (Mine).
func (s *Service) LinkUser(ctx context.Context, p access.Principal, id, userID int64) error {
	m, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return err
	}
	if err := access.Can(p, access.ManageMentors, m.Target()); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.LinkUser, userID, id)
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("user", "error.mentor_user_taken"))
		}
		if err := affected(res, err, errs.Validation(errs.Field("user", "error.mentor_user_role"))); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "link", Entity: "mentor", EntityID: itoa(id),
			After: map[string]int64{"user_id": userID}}, m.Target()))
	})
}

// LinkNewLogin links login userID, just made in tx, to mentor id in the
// same transaction, when p manages the mentor and the mentor has no login
// yet: of two logins given one mentor at once, one is linked and the
// other refused (error.mentor_login_linked), its user never made.
func (s *Service) LinkNewLogin(ctx context.Context, tx *sql.Tx, p access.Principal, id, userID int64) error {
	m, err := s.byID(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := access.Can(p, access.ManageMentors, m.Target()); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, s.q.LinkNewLogin, userID, id)
	if err := affected(res, err, errs.New(errs.Conflict, "error.mentor_login_linked")); err != nil {
		return err
	}
	return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "link", Entity: "mentor", EntityID: itoa(id),
		After: map[string]int64{"user_id": userID}}, m.Target()))
}

// scoped gives change c the scope t of its record, so the auditors of
// that scope read it in the change log; an entry without one is read
// only by those whose scope is everything.
func scoped(c audit.Change, t access.Target) audit.Change {
	c.OrgPath, c.RegionPath = t.OrgPath, t.RegionPath
	return c
}
