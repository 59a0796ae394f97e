package requests

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Get returns request id with its lines if p may see it, and writes to the
// access log that p opened it through via ("web", "api"): a request shows
// a child.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64, via string) (Request, error) {
	if err := access.Can(p, access.ViewRequests, p.Scope()); err != nil {
		return Request{}, err
	}
	r, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Request{}, err
	}
	if err := access.Can(p, access.ViewRequests, r.Target()); err != nil {
		return Request{}, errs.ErrNotFound // out of scope is not there, as with persons
	}
	if err := s.log.ViewedIn(ctx, p, "request", itoa(id), r.Target(), via); err != nil {
		return Request{}, err
	}
	return r, nil
}

// byID reads request id and its lines through q.
func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Request, error) {
	r, err := scanRequest(q.QueryRowContext(ctx, s.q.RequestFrom+"\n"+s.q.RequestByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Request{}, errs.ErrNotFound
	}
	if err != nil {
		return Request{}, err
	}
	r.Lines, err = store.Select(ctx, q, scanLine, s.q.Lines, id)
	return r, err
}

// scanRequest reads the columns of RequestFrom.
func scanRequest(sc store.Scanner) (Request, error) {
	var r Request
	var last, first, patronymic string
	var dist sql.NullInt64
	err := sc.Scan(&r.ID, &r.Reference, &r.CampaignID, &r.PersonID, &last, &first, &patronymic, &r.ApplicantKind,
		&r.ApplicantPersonID, &r.ApplicantOrgID, &r.ApplicantName, &r.ApplicantPhone, &r.Channel, &r.Locale,
		&r.Status, &r.Reason, &r.ReasonNote, &r.ReviewerID, &r.ReviewerName, &r.OrgID, &r.OrgPath, &r.RegionID,
		&r.RegionPath, &r.Version, &r.CreatedBy, &r.SubmittedAt, &r.UpdatedAt, &r.MergedInto, &dist)
	r.PersonName = fullName(last, first, patronymic)
	if dist.Valid {
		km := float64(dist.Int64) / 1000
		r.DistanceKm = &km
	}
	r.SubmittedAt, r.UpdatedAt = r.SubmittedAt.UTC(), r.UpdatedAt.UTC()
	return r, err
}

func scanLine(sc store.Scanner) (Line, error) {
	var l Line
	var kk, ru, fr, fa string
	err := sc.Scan(&l.Line, &l.ItemID, &l.ItemCode, &l.ItemName, &kk, &ru, &fr, &fa, &l.Quantity, &l.Size)
	l.Names = map[string]string{"en": l.ItemName, "kk": kk, "ru": ru, "fr": fr, "fa": fa}
	return l, err
}

// Events returns request id's history, oldest first, if p may see it.
func (s *Service) Events(ctx context.Context, p access.Principal, id int64) ([]Event, error) {
	if _, err := s.visible(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Event, error) {
		var e Event
		err := sc.Scan(&e.ID, &e.From, &e.To, &e.Reason, &e.Note, &e.ActorID, &e.ActorName, &e.Via, &e.At)
		e.At = e.At.UTC()
		return e, err
	}, s.q.Events, id)
}

// visible reads request id for a part of its page (history, comments,
// documents) once p may see it; Get writes the access log for the page.
func (s *Service) visible(ctx context.Context, p access.Principal, id int64) (Request, error) {
	if err := access.Can(p, access.ViewRequests, p.Scope()); err != nil {
		return Request{}, err
	}
	r, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Request{}, err
	}
	if !access.Within(p, r.Target()) {
		return Request{}, errs.ErrNotFound
	}
	return r, nil
}

// Filter selects a campaign's requests.
type Filter struct {
	CampaignID int64
	Status     Status // "" for every status
	Reviewer   int64  // only the requests this user reviews; 0 for every one
}

// List returns a page of the requests of a campaign p may see, newest
// first, and the cursor of the next page ("" on the last). Lines are not
// read: a list shows the request, not what it asks for.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]Request, string, error) {
	if err := access.Can(p, access.ViewRequests, p.Scope()); err != nil {
		return nil, "", err
	}
	if f.Status != "" && !f.Status.Valid() {
		return nil, "", errs.Validation(errs.Field("status", "error.invalid_choice"))
	}
	args := append(p.ScopeArgs(), f.CampaignID, pg.BeforeArg(), pg.LimitArg())
	q := s.q.RequestFrom + "\n" + s.q.CampaignList
	switch {
	case f.Reviewer != 0:
		q, args = s.q.RequestFrom+"\n"+s.q.CampaignListByReviewer, append(args, f.Reviewer, f.Status)
	case f.Status != "":
		q, args = s.q.RequestFrom+"\n"+s.q.CampaignListByStatus, append(args, f.Status)
	}
	rows, err := store.Select(ctx, s.db.R, scanRequest, q, args...)
	if err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, rows, func(r Request) int64 { return r.ID })
	return out, next, nil
}
