package mentoring

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// FormPrincipal is who the public application form acts as: no user,
// scoped to the branch applied to, so the change log names the form and
// the branch.
func FormPrincipal(orgID int64, orgPath string) access.Principal {
	return access.Principal{Name: "mentor form", Role: access.Mentor, OrgID: orgID, OrgPath: orgPath}
}

// Apply records a public application to branch in.OrgID: the profile is
// checked field by field (every problem at once, as i18n keys the edge
// translates into the applicant's language), and the mentor waits in the
// status applied for a coordinator's decision. One application per
// contact and branch: a second is refused, whatever it says.
func (s *Service) Apply(ctx context.Context, in Input) (Mentor, error) {
	m, err := s.check(ctx, s.db.R, in)
	if err != nil {
		return Mentor{}, err
	}
	return s.create(ctx, FormPrincipal(m.OrgID, m.OrgPath), m, Applied, "form")
}

// Create records a mentor a coordinator enters, approved at once; p
// needs ManageMentors in the mentor's organisation and region.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Mentor, error) {
	m, err := s.check(ctx, s.db.R, in)
	if err != nil {
		return Mentor{}, err
	}
	if err := access.Can(p, access.ManageMentors, m.Target()); err != nil {
		return Mentor{}, err
	}
	return s.create(ctx, p, m, Approved, "staff")
}

func (s *Service) create(ctx context.Context, p access.Principal, m Mentor, st Status, source string) (Mentor, error) {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.insert(ctx, tx, p, &m, st, source)
	})
	if err != nil {
		return Mentor{}, err
	}
	return s.byID(ctx, s.db.R, m.ID)
}

// insert writes mentor m in tx with its lists and its change-log entry.
func (s *Service) insert(ctx context.Context, tx *sql.Tx, p access.Principal, m *Mentor, st Status, source string) error {
	if err := s.insertRow(ctx, tx, p, m, st, source); err != nil {
		return err
	}
	return s.log.Record(ctx, tx, p, scoped(audit.Change{Action: "create", Entity: "mentor", EntityID: itoa(m.ID), After: m}, m.Target()))
}

// insertRow writes mentor m in tx with its lists, without a change-log
// entry (an import records its batch).
func (s *Service) insertRow(ctx context.Context, tx *sql.Tx, p access.Principal, m *Mentor, st Status, source string) error {
	now := s.now().UTC()
	m.Status, m.Source, m.Version, m.UpdatedAt = st, source, 1, now
	var decidedBy sql.NullInt64
	var decidedAt sql.NullTime
	if st == Approved {
		decidedBy, decidedAt, m.DecidedAt = store.NullID(p.UserID), sql.NullTime{Time: now, Valid: true}, now
	}
	v := m.Vetting
	err := tx.QueryRowContext(ctx, s.q.Insert, m.Name, m.Phone, m.Email, contactKey(*m), m.Background, m.OrgID,
		m.OrgPath, m.regionID, m.RegionPath, m.InPerson, m.Online, m.Capacity, m.Minors, v.Document,
		store.NullDate(v.On), store.NullDate(v.Expires), v.CheckedBy, st, decidedBy, decidedAt, source,
		store.NullID(p.UserID), now).Scan(&m.ID)
	if store.IsUniqueViolation(err) {
		return errs.Validation(errs.Field("contact", "error.mentor_contact_taken"))
	} else if err != nil {
		return err
	}
	return s.writeLists(ctx, tx, *m)
}

// writeLists replaces the fields and languages of mentor m.
func (s *Service) writeLists(ctx context.Context, tx *sql.Tx, m Mentor) error {
	for _, q := range []string{s.q.DeleteExpertise, s.q.DeleteLanguages} {
		if _, err := tx.ExecContext(ctx, q, m.ID); err != nil {
			return err
		}
	}
	for _, f := range m.Fields {
		if _, err := tx.ExecContext(ctx, s.q.InsertExpertise, m.ID, f); err != nil {
			return err
		}
	}
	for _, l := range m.Languages {
		if _, err := tx.ExecContext(ctx, s.q.InsertLanguage, m.ID, l); err != nil {
			return err
		}
	}
	return nil
}

// errConflict is the refusal of a write to a record changed meanwhile.
var errConflict = errs.New(errs.Conflict, "error.conflict")

// affected turns an update that touched no row into err.
func affected(res sql.Result, err error, refusal error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return refusal
	}
	return nil
}
