package requests

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"unicode"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// maxLines and maxQuantity bound what one request asks for.
const (
	maxLines    = 20
	maxQuantity = 50
)

// Submit records a request for in.PersonID in in.CampaignID, submitted,
// and queues its first message to the applicant. p must be allowed to
// submit requests for the person's record.
//
// The campaign must be open and taking applications today, the person
// must live in one of its regions (a region covers its subtree; a campaign
// with no regions takes every region), pass the Gate of the hooks (the
// age range of the campaign's rules) and each line must name an item the
// campaign offers, with a size when the item comes in sizes. A person who
// already has a request in the campaign gets it back, Linked, and nothing
// new is written: the unique index on (campaign, person) holds it even
// for two submissions at once. A new request is told to the Submitted
// hook after its commit. A new request submitted with a Telegram chat
// (in.Chat) is followed in it from its first message; a Linked one is not
// (AttachChat gives it to the chat when the applicant's phone says so).
func (s *Service) Submit(ctx context.Context, p access.Principal, in Input) (Request, error) {
	if err := admit(p, &in); err != nil {
		return Request{}, err
	}
	var r Request
	err := s.batch.do(ctx, func(tx store.Querier) error {
		var err error
		r, err = s.submit(ctx, tx, p, in)
		return err
	})
	if err != nil {
		return Request{}, err
	}
	if !r.Linked {
		s.submitted(r.ID)
	}
	return r, nil
}

// SubmitTx is Submit inside tx, a transaction its caller owns, for a
// caller whose own writes and the request must be kept together or not at
// all: the public form registers the child and the guardian and records
// the consent in the same transaction. The checks are Submit's; the
// Submitted hook hears of a new request once tx has committed. It does
// not go through the group commit (batch.go): the caller's transaction is
// its own.
func (s *Service) SubmitTx(ctx context.Context, tx *store.Tx, p access.Principal, in Input) (Request, error) {
	if err := admit(p, &in); err != nil {
		return Request{}, err
	}
	r, err := s.submit(ctx, tx, p, in)
	if err != nil {
		return Request{}, err
	}
	if !r.Linked {
		tx.AfterCommit(func(context.Context) { s.submitted(r.ID) })
	}
	return r, nil
}

// admit checks that p may submit requests at all and what in says that
// needs no database.
func admit(p access.Principal, in *Input) error {
	if err := access.Can(p, access.SubmitRequests, p.Scope()); err != nil {
		return err
	}
	return in.check()
}

// check validates what needs no database.
func (in *Input) check() error {
	var fe []errs.FieldError
	if in.CampaignID <= 0 {
		fe = append(fe, errs.Field("campaign", "error.required"))
	}
	if in.PersonID <= 0 {
		fe = append(fe, errs.Field("person", "error.required"))
	}
	if !slices.Contains(ApplicantKinds(), in.ApplicantKind) {
		fe = append(fe, errs.Field("applicant_kind", "error.invalid_choice"))
	}
	if !slices.Contains(Channels(), in.Channel) || in.Chat != 0 && in.Channel != Telegram {
		fe = append(fe, errs.Field("channel", "error.invalid_choice"))
	}
	in.ApplicantName, in.ApplicantPhone = strings.TrimSpace(in.ApplicantName), strings.TrimSpace(in.ApplicantPhone)
	if len(in.ApplicantName) > 200 || len(in.ApplicantPhone) > 40 {
		fe = append(fe, errs.Field("applicant", "error.too_long", "Count", 200))
	}
	if d := in.DistanceKm; d != nil && !(*d >= 0 && *d <= MaxDistanceKm) {
		fe = append(fe, errs.Field("distance_km", "error.distance_range", "Max", MaxDistanceKm))
	}
	switch in.Locale {
	case "en", "ru", "kk", "fr", "fa":
	case "":
		in.Locale = "ru"
	default:
		fe = append(fe, errs.Field("locale", "error.invalid_choice"))
	}
	switch {
	case len(in.Lines) == 0:
		fe = append(fe, errs.Field("lines", "error.required"))
	case len(in.Lines) > maxLines:
		fe = append(fe, errs.Field("lines", "error.too_many_lines", "Max", maxLines))
	}
	for i := range in.Lines {
		l := &in.Lines[i]
		if l.Quantity == 0 {
			l.Quantity = 1
		}
		l.Size = strings.ToUpper(strings.TrimSpace(l.Size))
		if l.Quantity < 0 || l.Quantity > maxQuantity {
			fe = append(fe, errs.Field(lineField(i, "quantity"), "error.quantity_range", "Max", maxQuantity))
		}
	}
	if len(fe) > 0 {
		return errs.Validation(fe...)
	}
	return nil
}

func lineField(i int, name string) string { return "lines." + itoa(int64(i)) + "." + name }

// phoneDigits is the last ten digits of a phone number, the key the
// status page asks with.
func phoneDigits(phone string) string {
	d := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) && r < 128 {
			return r
		}
		return -1
	}, phone)
	return d[max(0, len(d)-10):]
}

// submit writes the request inside a batch's transaction.
func (s *Service) submit(ctx context.Context, tx store.Querier, p access.Principal, in Input) (Request, error) {
	per, err := s.person(ctx, tx, in.PersonID)
	if err != nil {
		return Request{}, err
	}
	if err := access.Can(p, access.SubmitRequests, per.target()); err != nil {
		return Request{}, err
	}
	if per.mergedInto != 0 {
		return Request{}, errs.New(errs.Conflict, "error.merged", "ID", itoa(per.mergedInto))
	}
	if r, ok, err := s.existing(ctx, tx, in.CampaignID, per.id); err != nil || ok {
		return r, err
	}
	if err := s.checkCampaign(ctx, tx, in.CampaignID, per.regionPath); err != nil {
		return Request{}, err
	}
	if g := s.hooks.Gate; g != nil {
		if err := g(ctx, in.CampaignID, per.birth, store.Day(s.now().UTC())); err != nil {
			return Request{}, err
		}
	}
	lines, err := s.checkLines(ctx, tx, in.CampaignID, in.Lines)
	if err != nil {
		return Request{}, err
	}
	now := s.now().UTC()
	r := Request{CampaignID: in.CampaignID, PersonID: per.id, PersonName: per.name, ApplicantKind: in.ApplicantKind,
		ApplicantPersonID: in.ApplicantPersonID, ApplicantOrgID: in.ApplicantOrgID, ApplicantName: in.ApplicantName,
		ApplicantPhone: in.ApplicantPhone, Channel: in.Channel, Locale: in.Locale, Status: Submitted,
		OrgID: per.orgID, OrgPath: per.orgPath, RegionID: per.regionID, RegionPath: per.regionPath, Version: 1,
		CreatedBy: p.UserID, SubmittedAt: now, UpdatedAt: now, Lines: lines, DistanceKm: in.DistanceKm}
	if r.ApplicantPhone == "" && in.ApplicantKind == BySelf {
		r.ApplicantPhone = per.phone
	}
	if ok, err := s.insert(ctx, tx, &r); err != nil || !ok {
		if err == nil { // the person's request came in first, by another way
			r, _, err = s.existing(ctx, tx, in.CampaignID, per.id)
		}
		return r, err
	}
	for _, l := range r.Lines {
		if _, err := tx.ExecContext(ctx, s.q.InsertLine, r.ID, l.Line, l.ItemID, l.Quantity, l.Size); err != nil {
			return Request{}, err
		}
	}
	if err := s.event(ctx, tx, p, r.ID, "", Submitted, "", "", in.Via, now); err != nil {
		return Request{}, err
	}
	if err := s.rememberChat(ctx, tx, r.ID, in.Chat, now); err != nil {
		return Request{}, err
	}
	if err := s.notify(ctx, tx, r, now); err != nil {
		return Request{}, err
	}
	return r, s.log.Record(ctx, tx, p, audit.Change{Action: "submit", Entity: "request", EntityID: itoa(r.ID),
		OrgPath: r.OrgPath, RegionPath: r.RegionPath, After: r})
}

// insert inserts r with a fresh reference, drawing again on the rare
// collision. It reports false when the person's request in the campaign
// exists after all.
func (s *Service) insert(ctx context.Context, tx store.Querier, r *Request) (bool, error) {
	// On PostgreSQL a failed statement spoils the transaction unless it
	// ran in a savepoint; on SQLite it undoes itself alone.
	pg := s.db.Engine == store.Postgres
	for range 5 {
		r.Reference = newReference()
		if pg {
			if _, err := tx.ExecContext(ctx, spIns); err != nil {
				return false, err
			}
		}
		err := tx.QueryRowContext(ctx, s.q.InsertRequest, r.Reference, r.CampaignID, r.PersonID, r.ApplicantKind,
			store.NullID(r.ApplicantPersonID), store.NullID(r.ApplicantOrgID), r.ApplicantName, r.ApplicantPhone,
			phoneDigits(r.ApplicantPhone), r.Channel, r.Locale, r.Status, store.NullID(r.OrgID), r.OrgPath,
			r.RegionID, r.RegionPath, store.NullID(r.CreatedBy), r.SubmittedAt, metres(r.DistanceKm)).Scan(&r.ID)
		if err == nil && pg {
			_, err = tx.ExecContext(ctx, spInsDone)
		}
		if err == nil {
			return true, err
		}
		if !store.IsUniqueViolation(err) {
			return false, err
		}
		if pg {
			if _, err := tx.ExecContext(ctx, spInsUndo); err != nil {
				return false, err
			}
			if _, err := tx.ExecContext(ctx, spInsDone); err != nil {
				return false, err
			}
		}
		var id int64
		switch err := tx.QueryRowContext(ctx, s.q.ExistingRequest, r.CampaignID, r.PersonID).Scan(&id); {
		case err == nil:
			return false, nil
		case !errors.Is(err, sql.ErrNoRows):
			return false, err
		}
	}
	return false, errors.New("requests: no free reference number after 5 draws")
}

// existing returns the person's request in the campaign, Linked, if any.
func (s *Service) existing(ctx context.Context, q store.Querier, campaignID, personID int64) (Request, bool, error) {
	var id int64
	switch err := q.QueryRowContext(ctx, s.q.ExistingRequest, campaignID, personID).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return Request{}, false, nil
	case err != nil:
		return Request{}, false, err
	}
	r, err := s.byID(ctx, q, id)
	if err != nil {
		return Request{}, false, err
	}
	r.Linked = true
	return r, true, nil
}
