package youth

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Via says through which surface a record was opened, for the access log.
type Via string

// The surfaces that open a young person's record.
const (
	ViaWeb      Via = "web"
	ViaAPI      Via = "api"
	ViaTelegram Via = "telegram"
)

// Get returns young person id if p may see them, masked for p (see
// Revealer), and writes to the access log that p opened the record
// through via.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64, via Via) (Youth, error) {
	if via != ViaWeb && via != ViaAPI && via != ViaTelegram {
		return Youth{}, errs.New(errs.Invalid, "error.invalid")
	}
	if err := access.Can(p, access.ViewYouth, p.Scope()); err != nil {
		return Youth{}, err
	}
	y, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Youth{}, err
	}
	if err := access.Can(p, access.ViewYouth, y.Target()); err != nil {
		return Youth{}, err
	}
	if err := s.log.ViewedIn(ctx, p, "youth", itoa(id), y.Target(), string(via)); err != nil {
		return Youth{}, err
	}
	return s.seen(ctx, p, y)
}

// Filter narrows List.
type Filter struct {
	AgeGroup AgeGroup // "" for every group
	Region   string   // a region's code: those living in its subtree; "" for all
	Status   Status   // "" for every status
	Field    string   // a field of interest; "" for all
	OrgID    int64    // a branch: those it or a branch below it follows; 0 for all
	// NoConsent keeps only the minors whose guardian's consent is missing.
	NoConsent bool
}

// List returns the young people within p's scope (the branches of their
// organisation subtree, the places of their region subtree), newest
// first, masked for p, and the next page's cursor. A list names them
// without opening their records, so it writes no access log.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]Youth, string, error) {
	if err := access.Can(p, access.ViewYouth, p.Scope()); err != nil {
		return nil, "", err
	}
	if f.AgeGroup != "" && !slices.Contains(AgeGroups(), f.AgeGroup) {
		return nil, "", errs.Validation(valid.Choice("age_group", AgeGroups()...))
	}
	args, err := s.filterArgs(ctx, f)
	if err != nil {
		return nil, "", err
	}
	ys, err := store.Select(ctx, s.db.R, scanYouth, s.q.YouthFrom+" "+s.q.YouthInScope,
		store.Args(p.ScopeArgs(), []any{string(f.AgeGroup), pg.BeforeArg(), pg.LimitArg()}, args)...)
	if err != nil {
		return nil, "", err
	}
	for i := range ys {
		if ys[i], err = s.seen(ctx, p, ys[i]); err != nil {
			return nil, "", err
		}
	}
	ys, next := store.Trim(pg, ys, func(y Youth) int64 { return y.ID })
	return ys, next, nil
}

// byID reads one young person through q, unmasked: for the service's own
// use only.
func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Youth, error) {
	y, err := scanYouth(q.QueryRowContext(ctx, s.q.YouthFrom+" "+s.q.YouthByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Youth{}, errs.ErrNotFound
	}
	return y, err
}

func scanYouth(sc store.Scanner) (Youth, error) {
	var y Youth
	var consent sql.NullTime
	err := sc.Scan(&y.ID, &y.LastName, &y.FirstName, &y.Patronymic, &y.Birth, &y.AgeGroup, &y.RegionCode,
		&y.RegionPath, &y.Settlement, &y.Status, &y.Field, &y.Goals, &y.Language, &y.Contact.Phone,
		&y.Contact.Telegram, &y.Contact.Email, &y.Channel, &y.Shortlist, &y.OrgID, &y.OrgName, &y.OrgPath,
		&y.HeadOffice, &y.Guardian.Name, &y.Guardian.Relation, &y.Guardian.Contact, &consent,
		&y.Guardian.RecordedBy, &y.Guardian.Recorder, &y.RegisteredOn, &y.CreatedBy, &y.CreatedAt, &y.UpdatedAt)
	y.Birth, y.RegisteredOn = store.Day(y.Birth.UTC()), store.Day(y.RegisteredOn.UTC())
	y.Guardian.ConsentOn = store.Day(store.TimeOf(consent))
	y.CreatedAt, y.UpdatedAt = y.CreatedAt.UTC(), y.UpdatedAt.UTC()
	return y, err
}

// Revealer says whether p may read the contacts of minor y, beside the
// coordinators of y's branch, who always may. Mentoring registers one
// (OnReveal) for the mentor of a match a coordinator has approved; until
// then no one else reads a minor's contacts.
type Revealer func(ctx context.Context, p access.Principal, y Youth) (bool, error)

// OnReveal registers r. Call it while wiring, before serving.
func (s *Service) OnReveal(r Revealer) { s.reveal = append(s.reveal, r) }

// seen is y as p may read it: a minor's contacts (their own and their
// guardian's) masked unless p may read them (Reveals).
func (s *Service) seen(ctx context.Context, p access.Principal, y Youth) (Youth, error) {
	if !y.Minor(s.today()) {
		return y, nil
	}
	ok, err := s.Reveals(ctx, p, y)
	if err != nil || ok {
		return y, err
	}
	y.Contact = Contact{Phone: mask(y.Contact.Phone), Telegram: mask(y.Contact.Telegram), Email: mask(y.Contact.Email)}
	y.Guardian.Contact = mask(y.Guardian.Contact)
	y.Masked = true
	return y, nil
}

// Reveals reports whether p may read the contacts of young person y: a
// coordinator whose organisation is y's branch or above it (within their
// region scope) may, and so may whoever a registered Revealer lets.
// Administrators and operators read a minor's contacts masked like
// everyone else.
func (s *Service) Reveals(ctx context.Context, p access.Principal, y Youth) (bool, error) {
	if p.Role == access.Coordinator && p.OrgPath != "" && strings.HasPrefix(y.OrgPath, p.OrgPath) && access.Within(p, y.Target()) {
		return true, nil
	}
	for _, r := range s.reveal {
		if ok, err := r(ctx, p, y); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}
