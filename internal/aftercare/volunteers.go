package aftercare

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// VolunteerInput creates or changes a volunteer: a name, a phone or an
// e-mail address (one at least), skills of the list, the region they work
// in, the organisation keeping the record, and the login of role
// volunteer that is theirs (0 for none).
type VolunteerInput struct {
	Name       string  `json:"name"`
	Phone      string  `json:"phone"`
	Email      string  `json:"email"`
	Skills     []Skill `json:"skills"`
	RegionCode string  `json:"region_code"`
	OrgID      int64   `json:"org_id"`
	UserID     int64   `json:"user_id"`
	Active     bool    `json:"active"`
	// Languages are ISO 639 codes (kk, ru, en, …); Subjects codes of
	// Subjects(), for a volunteer who teaches; Slots when they are free
	// ("sat.morning", see Slot).
	Languages []string `json:"languages"`
	Subjects  []string `json:"subjects"`
	Slots     []string `json:"availability"`
}

// CreateVolunteer registers a volunteer within p's scope.
func (s *Service) CreateVolunteer(ctx context.Context, p access.Principal, in VolunteerInput) (Volunteer, error) {
	return s.saveVolunteer(ctx, p, 0, 0, in)
}

// UpdateVolunteer changes volunteer id, read at version, within p's scope.
func (s *Service) UpdateVolunteer(ctx context.Context, p access.Principal, id int64, version int, in VolunteerInput) (Volunteer, error) {
	return s.saveVolunteer(ctx, p, id, version, in)
}

func (s *Service) saveVolunteer(ctx context.Context, p access.Principal, id int64, version int, in VolunteerInput) (Volunteer, error) {
	if err := access.Can(p, access.ManageVolunteers, p.Scope()); err != nil {
		return Volunteer{}, err
	}
	fs := cleanVolunteer(&in)
	var out Volunteer
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var before *Volunteer
		if id != 0 {
			v, err := s.volunteer(ctx, tx, s.q.VolunteerByID, id)
			if err == nil && access.Can(p, access.ManageVolunteers, v.Target()) != nil {
				err = errs.ErrNotFound
			}
			if err != nil {
				return err
			}
			before = &v
		}
		v := Volunteer{Name: in.Name, Phone: in.Phone, Email: in.Email, Skills: in.Skills, UserID: in.UserID,
			Active: in.Active, Languages: in.Languages, Subjects: in.Subjects, Slots: in.Slots}
		fs, err := s.placeVolunteer(ctx, tx, p, &v, in, fs)
		if err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		if err := s.emailFree(ctx, tx, v.OrgID, id, v.Email); err != nil {
			return err
		}
		now := s.now().UTC()
		if before == nil {
			err = tx.QueryRowContext(ctx, s.q.InsertVolunteer, v.Name, v.Phone, v.Email, v.RegionID, v.regionPath, v.OrgID,
				v.orgPath, store.NullID(v.UserID), v.Active, store.NullID(p.UserID), now).Scan(&v.ID)
		} else {
			v.ID = id
			err = s.exec(ctx, tx, "error.volunteer_changed", s.q.UpdateVolunteer, id, version, v.Name, v.Phone, v.Email,
				v.RegionID, v.regionPath, v.OrgID, v.orgPath, store.NullID(v.UserID), v.Active, now)
		}
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("user_id", "error.volunteer_user_taken"))
		}
		if err != nil {
			return err
		}
		if err := s.writeSkills(ctx, tx, v.ID, v.Skills); err != nil {
			return err
		}
		if err := s.writeTraits(ctx, tx, v.ID, in); err != nil {
			return err
		}
		if out, err = s.volunteer(ctx, tx, s.q.VolunteerByID, v.ID); err != nil {
			return err
		}
		action := "create"
		if before != nil {
			action = "update"
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "volunteer", EntityID: itoa(v.ID),
			OrgPath: out.orgPath, RegionPath: out.regionPath, Before: before, After: out})
	})
	return out, err
}

// cleanVolunteer trims in and checks what needs no database.
func cleanVolunteer(in *VolunteerInput) []errs.FieldError {
	in.Name, in.Phone = text.Clean(in.Name), strings.TrimSpace(text.NormalizeDigits(in.Phone))
	in.Email, in.RegionCode = strings.ToLower(strings.TrimSpace(in.Email)), strings.ToUpper(strings.TrimSpace(in.RegionCode))
	fs := valid.Name(nil, "name", in.Name, MaxName)
	if in.Phone != "" && !phoneOK(in.Phone) {
		fs = append(fs, errs.Field("phone", "error.invalid_phone"))
	}
	if in.Email != "" && (!strings.Contains(in.Email, "@") || strings.ContainsAny(in.Email, " \t") ||
		len(in.Email) > MaxEmail || !text.Printable(in.Email)) {
		fs = append(fs, errs.Field("email", "error.invalid_email"))
	}
	if in.Phone == "" && in.Email == "" {
		fs = append(fs, errs.Field("phone", "error.volunteer_contact_required"))
	}
	slices.Sort(in.Skills)
	in.Skills = slices.Compact(in.Skills)
	for _, k := range in.Skills {
		if !slices.Contains(Skills(), k) {
			fs = append(fs, valid.Choice("skills", Skills()...))
			break
		}
	}
	return append(fs, cleanTraits(in)...)
}

// phoneOK says whether v is a phone number: 7 to 15 digits, with +,
// spaces, dashes and parentheses between them.
func phoneOK(v string) bool {
	n := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			n++
		case strings.ContainsRune("+ -()", r):
		default:
			return false
		}
	}
	return n >= 7 && n <= 15
}

// placeVolunteer resolves in's region, organisation and login into v:
// the organisation within p's scope, the login one of role volunteer.
func (s *Service) placeVolunteer(ctx context.Context, tx *sql.Tx, p access.Principal, v *Volunteer, in VolunteerInput,
	fs []errs.FieldError) ([]errs.FieldError, error) {
	h, fs, err := s.home.Resolve(ctx, tx, p, in.RegionCode, in.OrgID, 0, fs)
	if err != nil {
		return fs, err
	}
	v.RegionID, v.regionPath, v.OrgID, v.OrgName, v.orgPath = h.RegionID, h.RegionPath, h.OrgID, h.OrgName, h.OrgPath
	if in.UserID != 0 {
		var role, name, path string
		err := tx.QueryRowContext(ctx, s.q.LinkUser, in.UserID).Scan(&role, &name, &path)
		switch {
		case errors.Is(err, sql.ErrNoRows) || err == nil && (role != string(access.Volunteer) || !strings.HasPrefix(path, p.OrgPath)):
			fs = append(fs, errs.Field("user_id", "error.volunteer_user_role"))
		case err != nil:
			return fs, err
		}
	}
	return fs, nil
}

// writeSkills replaces volunteer id's skills.
func (s *Service) writeSkills(ctx context.Context, tx *sql.Tx, id int64, skills []Skill) error {
	if _, err := tx.ExecContext(ctx, s.q.DeleteSkills, id); err != nil {
		return err
	}
	for _, k := range skills {
		if _, err := tx.ExecContext(ctx, s.q.InsertSkill, id, string(k)); err != nil {
			return err
		}
	}
	return nil
}

// exec runs a conditional update that must change one row: none means
// someone changed the record meanwhile (key says so).
func (s *Service) exec(ctx context.Context, tx *sql.Tx, key, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err != nil {
			return err
		}
		return errs.New(errs.Conflict, key)
	}
	return nil
}

// emailFree refuses e-mail address email for volunteer id (0 for a new
// one) of organisation org when another volunteer of it has it
// (error.volunteer_email_taken): the same person registered twice. Two
// registrations at once take turns on the address.
func (s *Service) emailFree(ctx context.Context, tx *sql.Tx, org, id int64, email string) error {
	if email == "" {
		return nil
	}
	if s.db.Engine == store.Postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
			"volunteer-email:"+itoa(org)+":"+email); err != nil {
			return err
		}
	}
	var other int64
	err := tx.QueryRowContext(ctx, s.q.VolunteerByEmail, org, email, id).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return errs.Validation(errs.Field("email", "error.volunteer_email_taken"))
}
