package accounts

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// NewUser is what it takes to create a user.
type NewUser struct {
	Email    string
	Name     string
	Role     access.Role
	OrgID    int64
	Region   string // region code, "" for no region restriction
	Locale   string
	Password string // may be empty: the user cannot log in until an admin sets one
}

// MinPasswordLength is the shortest password Jol accepts.
const MinPasswordLength = 10

// NormalizeEmail trims and lower-cases an address so lookups ignore case.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// locales are the languages a user may choose; "" follows the browser.
var locales = map[string]bool{"": true, "kk": true, "ru": true, "en": true, "fr": true, "fa": true}

func validateUser(email, name string, role access.Role, locale string) []errs.FieldError {
	var fe []errs.FieldError
	if !locales[locale] {
		fe = append(fe, valid.Choice("locale", i18n.All()...))
	}
	if email == "" {
		fe = append(fe, errs.Field("email", "error.required", "Field", "email"))
	} else if a, err := mail.ParseAddress(email); err != nil || a.Address != email || len(email) > 254 {
		fe = append(fe, errs.Field("email", "error.invalid_email"))
	}
	if strings.TrimSpace(name) == "" {
		fe = append(fe, errs.Field("name", "error.required", "Field", "name"))
	} else if utf8.RuneCountInString(name) > 200 {
		fe = append(fe, errs.Field("name", "error.too_long", "Field", "name", "Count", 200))
	}
	if !role.Valid() {
		fe = append(fe, errs.Field("role", "error.invalid_role"))
	}
	return fe
}

// Create adds a user. p must be allowed to manage users in the new user's
// scope. With access.System as p it bootstraps the first admin.
func (s *Service) Create(ctx context.Context, p access.Principal, in NewUser) (User, error) {
	return s.create(ctx, p, in, access.ManageUsers, nil)
}

// CreateMentorLogin adds the login of a mentor: a user of the role
// mentor, whom p may create when p manages mentors in the new user's
// scope (a coordinator gives an approved mentor their login). then runs
// in the same transaction, so the login is linked to the mentor's record
// (mentoring.Service.LinkNewLogin) or not made at all. A password is
// required, for no one else could set one.
func (s *Service) CreateMentorLogin(ctx context.Context, p access.Principal, in NewUser, then Then) (User, error) {
	in.Role = access.Mentor
	if in.Password == "" {
		return User{}, errs.Validation(errs.Field("password", "error.required", "Field", "password"))
	}
	return s.create(ctx, p, in, access.ManageMentors, then)
}

// Then is work done in the transaction that adds a user, once the user is
// written: if it fails, the user is not added either.
type Then func(ctx context.Context, tx *sql.Tx, u User) error

// create adds a user when p may do a in the new user's scope, and runs
// then, if any, in the same transaction.
func (s *Service) create(ctx context.Context, p access.Principal, in NewUser, a access.Action, then Then) (User, error) {
	in.Email = NormalizeEmail(in.Email)
	fe := validateUser(in.Email, in.Name, in.Role, in.Locale)
	if in.Password != "" && utf8.RuneCountInString(in.Password) < MinPasswordLength {
		fe = append(fe, errs.Field("password", "error.password_short", "Min", MinPasswordLength))
	}
	if err := errs.Validation(fe...); err != nil {
		return User{}, err
	}
	u := User{Email: in.Email, Name: strings.TrimSpace(in.Name), Role: in.Role, OrgID: in.OrgID, Locale: in.Locale, Active: true}
	if err := s.resolveScope(ctx, &u, in.Region); err != nil {
		return User{}, err
	}
	if err := access.Can(p, a, u.Target()); err != nil {
		return User{}, err
	}
	var hash string
	if in.Password != "" {
		var err error
		if hash, err = s.hasher.Hash(ctx, in.Password); err != nil {
			return User{}, err
		}
	}
	now := s.now().UTC()
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertUser, u.Email, u.Name, u.Role, store.NullID(u.OrgID), store.NullID(u.RegionID),
			u.Locale, hash, true, now).Scan(&u.ID)
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("email", "error.email_taken"))
		}
		if err != nil {
			return err
		}
		err = s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "user",
			EntityID: strconv.FormatInt(u.ID, 10), OrgPath: u.OrgPath, RegionPath: u.RegionPath, After: u.auditView()})
		if err != nil || then == nil {
			return err
		}
		return then(ctx, tx, u)
	})
	if err != nil {
		return User{}, fmt.Errorf("create user %s: %w", in.Email, err)
	}
	return s.get(ctx, s.db.W, u.ID)
}

// resolveScope fills the organisation and region paths of u from its
// organisation id and region code, refusing ones that do not exist.
func (s *Service) resolveScope(ctx context.Context, u *User, region string) error {
	u.OrgPath, u.RegionPath, u.RegionID, u.RegionCode = "", "", 0, ""
	if u.OrgID != 0 {
		var orgRegion int64
		err := s.db.R.QueryRowContext(ctx, s.q.OrgScope, u.OrgID).Scan(&u.OrgPath, &orgRegion)
		if errors.Is(err, sql.ErrNoRows) {
			return errs.Validation(errs.Field("org", "error.unknown_org"))
		} else if err != nil {
			return err
		}
	}
	if region = strings.ToUpper(strings.TrimSpace(region)); region != "" {
		err := s.db.R.QueryRowContext(ctx, s.q.RegionScope, region).Scan(&u.RegionID, &u.RegionPath)
		if errors.Is(err, sql.ErrNoRows) {
			return errs.Validation(errs.Field("region", "error.unknown_region", "Code", region))
		} else if err != nil {
			return err
		}
		u.RegionCode = region
	}
	return nil
}
