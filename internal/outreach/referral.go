package outreach

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Referral is one need of a case sent to one charity.
type Referral struct {
	ID         int64          `json:"id"`
	CaseID     int64          `json:"case_id"`
	Need       Need           `json:"need"`
	CharityID  int64          `json:"charity_id"`
	Charity    string         `json:"charity"`
	Status     ReferralStatus `json:"status"`
	Note       string         `json:"note,omitempty"`
	Reason     DeclineReason  `json:"reason,omitempty"` // why it was declined
	Answer     string         `json:"answer,omitempty"`
	SentAt     time.Time      `json:"sent_at"`
	AnsweredAt time.Time      `json:"answered_at,omitzero"`
	Version    int            `json:"version"`
}

func scanReferral(sc store.Scanner) (Referral, error) {
	var r Referral
	var answered sql.NullTime
	err := sc.Scan(&r.ID, &r.CaseID, &r.Need, &r.CharityID, &r.Charity, &r.Status, &r.Note, &r.Reason, &r.Answer,
		&r.SentAt, &answered, &r.Version)
	r.SentAt, r.AnsweredAt = r.SentAt.UTC(), store.TimeOf(answered)
	return r, err
}

// ReferInput sends a need of a case to a charity.
type ReferInput struct {
	Need      Need
	CharityID int64
	Note      string
}

// Refer sends a recorded need of a case in support (or enrolled) to a
// charity. It is refused, with the reason, when the charity is not
// active, covers none of the need's domains (NeedDomains) or works in no
// region holding the case's district, or when the need already has a
// referral waiting or accepted.
func (s *Service) Refer(ctx context.Context, p access.Principal, id int64, version int, in ReferInput) (Referral, error) {
	in.Note = strings.TrimSpace(in.Note)
	var fs []errs.FieldError
	if !oneOf(in.Need, Needs()) {
		fs = append(fs, valid.Choice("need", Needs()...))
	}
	if in.CharityID == 0 {
		fs = append(fs, errs.Field("charity", "error.required", "Field", "charity"))
	}
	fs = valid.Note(fs, "note", in.Note)
	if err := errs.Validation(fs...); err != nil {
		return Referral{}, err
	}
	var refID int64
	_, err := s.update(ctx, p, id, version, "refer", func(tx *sql.Tx, c *Case) (string, string, error) {
		if c.Step != Support && c.Step != Enrolled {
			return "", "", stepError(c.Step)
		}
		needs, err := store.Select(ctx, tx, scanNeed, s.q.Needs, c.ID)
		if err != nil {
			return "", "", err
		}
		if !hasNeed(needs, in.Need) {
			return "", "", errs.Validation(errs.Field("need", "error.outreach_need_missing"))
		}
		ch, err := s.charities.Lookup(ctx, tx, in.CharityID)
		if errors.Is(err, errs.ErrNotFound) {
			return "", "", errs.Validation(errs.Field("charity", "error.not_found"))
		} else if err != nil {
			return "", "", err
		}
		if err := covers(ch, in.Need, c.RegionPath); err != nil {
			return "", "", err
		}
		refs, err := store.Select(ctx, tx, scanReferral, s.q.Referrals, c.ID)
		if err != nil {
			return "", "", err
		}
		for _, r := range refs {
			if r.Need == in.Need && (r.Status == Sent || r.Status == Accepted) {
				return "", "", errs.Validation(errs.Field("need", "error.referral_open", "Charity", r.Charity))
			}
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertReferral, c.ID, in.Need, ch.ID, in.Note, store.NullID(p.UserID),
			s.now().UTC()).Scan(&refID); err != nil {
			return "", "", err
		}
		return "referred", string(in.Need) + " → " + ch.Name, nil
	})
	if err != nil {
		return Referral{}, err
	}
	return scanReferral(s.db.R.QueryRowContext(ctx, s.q.ReferralByID, refID))
}

// covers refuses, with the reason, a referral of need in a place of path
// regionPath to charity ch.
func covers(ch charities.Charity, need Need, regionPath string) error {
	switch {
	case !ch.Active:
		return errs.Validation(errs.Field("charity", "error.charity_inactive", "Charity", ch.Name))
	case !coversAny(ch, NeedDomains(need)):
		return errs.Validation(errs.Field("charity", "error.charity_domain", "Charity", ch.Name,
			"Need", i18n.Key("outreach.need."+string(need))))
	case !ch.WorksIn(regionPath):
		return errs.Validation(errs.Field("charity", "error.charity_region", "Charity", ch.Name))
	}
	return nil
}

func coversAny(ch charities.Charity, ds []charities.Domain) bool {
	for _, d := range ds {
		if ch.Covers(d) {
			return true
		}
	}
	return false
}

// AnswerInput is a charity's answer to a referral: accepted, or declined
// with a reason (and a note, needed for "other").
type AnswerInput struct {
	Accept bool
	Reason DeclineReason
	Note   string
	// Version is the referral's version the answer was written against
	// (the current one when 0).
	Version int
}

// Answer records the answer of a charity's staff p to referral id, which
// must have been sent to p's charity and still wait. Accepting takes a
// place of the charity's capacity and is refused when none is free.
func (s *Service) Answer(ctx context.Context, p access.Principal, id int64, in AnswerInput) (Referral, error) {
	if err := access.Can(p, access.AnswerReferrals, access.Target{}); err != nil {
		return Referral{}, err
	}
	mine, err := s.charities.Mine(ctx, p)
	if err != nil {
		return Referral{}, err // not found for a login whose organisation has no charity record
	}
	in.Note = strings.TrimSpace(in.Note)
	var fs []errs.FieldError
	if !in.Accept {
		if !oneOf(in.Reason, DeclineReasons()) {
			fs = append(fs, valid.Choice("reason", DeclineReasons()...))
		}
		if in.Reason == OtherDecline {
			fs = valid.Required(fs, "note", in.Note)
		}
	}
	fs = valid.Note(fs, "note", in.Note)
	if err := errs.Validation(fs...); err != nil {
		return Referral{}, err
	}
	var r Referral
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = scanReferral(tx.QueryRowContext(ctx, s.q.ReferralByID, id)); err != nil {
			return store.NotFound(err)
		}
		if r.CharityID != mine.ID {
			return errs.New(errs.NotFound, "error.not_found")
		}
		if r.Status != Sent {
			return errs.New(errs.Conflict, "error.referral_answered")
		}
		if in.Version != 0 && in.Version != r.Version {
			return errs.New(errs.Conflict, "error.conflict")
		}
		before := r
		r.Status, r.Reason, r.Answer = Accepted, "", in.Note
		kind := "accepted"
		if !in.Accept {
			r.Status, r.Reason, kind = Declined, in.Reason, "declined"
		} else if err := s.charities.Take(ctx, tx, mine.ID); err != nil {
			return err
		}
		now := s.now().UTC()
		res, err := tx.ExecContext(ctx, s.q.AnswerReferral, r.ID, r.Version, r.Status, r.Reason, r.Answer,
			store.NullID(p.UserID), now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errs.New(errs.Conflict, "error.referral_answered")
		}
		r.Version, r.AnsweredAt = r.Version+1, now
		if err := s.event(ctx, tx, p, r.CaseID, kind, string(r.Need)+" "+mine.Name+" "+string(r.Reason)); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "answer", Entity: "outreach_referral",
			EntityID: itoa(r.ID), OrgPath: p.OrgPath, Before: before, After: r})
	})
	if err != nil {
		return Referral{}, err
	}
	return r, nil
}

// finishReferrals ends the referrals of case id as it closes: accepted
// ones are completed and give their charity's place back, waiting ones
// are withdrawn.
func (s *Service) finishReferrals(ctx context.Context, tx *sql.Tx, id int64) error {
	refs, err := store.Select(ctx, tx, scanReferral, s.q.Referrals, id)
	if err != nil {
		return err
	}
	for _, r := range refs {
		var to ReferralStatus
		switch r.Status {
		case Accepted:
			to = Completed
			if err := s.charities.Release(ctx, tx, r.CharityID); err != nil {
				return err
			}
		case Sent:
			to = Withdrawn
		default:
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q.FinishReferral, r.ID, to); err != nil {
			return err
		}
	}
	return nil
}

func scanNeed(sc store.Scanner) (NeedNote, error) {
	var n NeedNote
	return n, sc.Scan(&n.Need, &n.Note)
}

func hasNeed(ns []NeedNote, n Need) bool {
	for _, x := range ns {
		if x.Need == n {
			return true
		}
	}
	return false
}
