package youth

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Registration is what a registration returns to whoever sent it: the
// record's id, the branch it was routed to and the age group, never the
// record itself, which the sender of a public form may not read.
type Registration struct {
	ID       int64    `json:"id"`
	AgeGroup AgeGroup `json:"age_group"`
	Route    Route    `json:"route"`
	// Existing is set when the same person (name, birth date, contact)
	// was already registered: the first record is left unchanged and only
	// its id comes back, for the caller's own bookkeeping, never to be
	// shown to the sender.
	Existing bool `json:"existing"`
	// Link is the token of the young person's secret link to their own
	// page, issued with a new record and shown to them once; empty for an
	// Existing one, whose link only a coordinator re-issues, so knowing a
	// person's name, birth date and contact opens nothing.
	Link string `json:"link,omitempty"`
}

// FormPrincipal is the principal a public registration (the web form, the
// Telegram bot) writes under for the youth organisation headID at path
// headPath: an operator of its subtree, user 0. Throttling the public
// per client is the surface's work; this service checks every value.
func FormPrincipal(headID int64, headPath string) access.Principal {
	return access.Principal{Name: "registration form", Role: access.Operator, OrgID: headID, OrgPath: headPath}
}

// Self is the principal a young person acts as from their own page or
// the bot, once their link or chat told who they are: no login and no
// role, so the policy lets them nothing, named in the change log by
// their record ("youth #12").
func Self(id int64) access.Principal { return access.Principal{Name: "youth #" + itoa(id)} }

// Register registers a young person with the youth organisation headID
// (its head office), routed to the branch that covers their place. Every
// problem of the input is answered at once, as field errors. A
// registration of a person already registered (the same name, birth date
// and contact) changes nothing and returns the first record's id with
// Existing set, so a form sent twice or a bot's retry makes one record.
func (s *Service) Register(ctx context.Context, p access.Principal, headID int64, in Input) (Registration, error) {
	if err := access.Can(p, access.RegisterYouth, p.Scope()); err != nil {
		return Registration{}, err
	}
	in, today := in.clean(), s.today()
	fs := append(in.check(today), in.checkGuardian(today)...)
	if !slices.ContainsFunc(fs, func(f errs.FieldError) bool { return f.Field == "field" }) {
		ok, err := s.fields(ctx, in.Field)
		if err != nil {
			return Registration{}, err
		}
		if !ok {
			fs = append(fs, errs.Field("field", "error.youth_field", "Code", in.Field))
		}
	}
	var pl place
	if in.RegionCode != "" {
		var err error
		pl, err = s.region(ctx, s.db.R, in.RegionCode)
		if e := errs.As(err); e != nil && e.Code == errs.Invalid {
			fs = append(fs, e.Fields...)
		} else if err != nil {
			return Registration{}, err
		}
	}
	if err := errs.Validation(fs...); err != nil {
		return Registration{}, err
	}
	group, _ := GroupOf(Age(in.Birth, today))
	reg := Registration{AgeGroup: group}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		route, err := s.route(ctx, tx, headID, pl.path)
		if err != nil {
			return err
		}
		reg.Route = route
		if err := access.Can(p, access.RegisterYouth, access.Target{OrgPath: reg.Route.OrgPath, RegionPath: pl.path}); err != nil {
			return err
		}
		now := s.now().UTC()
		id := identity(in.LastName, in.FirstName, in.Patronymic, in.Birth, in.Contact)
		err = tx.QueryRowContext(ctx, s.q.InsertYouth, id, in.LastName, in.FirstName, in.Patronymic, in.Birth, group,
			pl.id, pl.path, in.Settlement, in.Status, in.Field, in.Goals, in.Language, in.Contact.Phone,
			in.Contact.Telegram, in.Contact.Email, in.Channel, in.Shortlist, reg.Route.OrgID, reg.Route.OrgPath,
			reg.Route.HeadOffice, today, store.NullID(p.UserID), now).Scan(&reg.ID)
		if errors.Is(err, sql.ErrNoRows) {
			// Whoever sent the form learns only that the person is
			// registered: not the branch, not the age group on record.
			reg = Registration{Existing: true}
			return tx.QueryRowContext(ctx, s.q.IdentityOf, id).Scan(&reg.ID)
		}
		if err != nil {
			return err
		}
		if err := s.setGuardianDetails(ctx, tx, reg.ID, in.Guardian); err != nil {
			return err
		}
		if reg.Link, err = s.issue(ctx, tx, reg.ID, 0); err != nil {
			return err
		}
		y, err := s.byID(ctx, tx, reg.ID)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "register", Entity: "youth", EntityID: itoa(reg.ID),
			OrgPath: y.OrgPath, RegionPath: y.RegionPath, After: y})
	})
	if err != nil {
		return Registration{}, err
	}
	return reg, nil
}

// fieldCode is the shape of a field code when no list is known.
var fieldCode = regexp.MustCompile(`^[a-z0-9_]{1,40}$`)

// anyField is the FieldCheck of a service built without a list of fields.
func anyField(_ context.Context, code string) (bool, error) { return fieldCode.MatchString(code), nil }
