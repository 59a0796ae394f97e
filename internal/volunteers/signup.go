package volunteers

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// signupRecord is what the change log keeps of a sign-up.
type signupRecord struct {
	NeedID      int64 `json:"need_id"`
	VolunteerID int64 `json:"volunteer_id"`
}

// SignUp signs the volunteer whose login p is up to need id. It refuses
// a need that is full, cancelled or past, and a second sign-up.
func (s *Service) SignUp(ctx context.Context, p access.Principal, id int64) (Need, error) {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return Need{}, err
	}
	if !v.Active {
		return Need{}, errs.New(errs.Forbidden, "error.volunteer_inactive")
	}
	var out Need
	today := s.today(ctx) // read before the transaction takes a connection
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		n, err := s.need(ctx, tx, v.ID, id)
		if err != nil {
			return err
		}
		if n.Mine {
			return errs.New(errs.Conflict, "error.need_signed_already")
		}
		res, err := tx.ExecContext(ctx, s.q.TakePlace, id, today)
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err != nil || k != 1 {
			if err != nil {
				return err
			}
			return needRefusal(n, today)
		}
		_, err = tx.ExecContext(ctx, s.q.InsertSignup, id, v.ID, s.now().UTC())
		if store.IsUniqueViolation(err) {
			return errs.New(errs.Conflict, "error.need_signed_already")
		}
		if err != nil {
			return err
		}
		if out, err = s.need(ctx, tx, v.ID, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "sign_up", Entity: "need_signup", EntityID: itoa(id),
			OrgPath: out.orgPath, RegionPath: out.regionPath, After: signupRecord{id, v.ID}})
	})
	return out, err
}

// needRefusal says why need n, as read before the update that took no
// place, refused a sign-up: cancelled, past, or full (also when the last
// place went to someone else meanwhile).
func needRefusal(n Need, today time.Time) error {
	switch {
	case n.Status != NeedOpen:
		return errs.New(errs.Conflict, "error.need_cancelled")
	case n.OnDate.Before(today):
		return errs.New(errs.Conflict, "error.need_past")
	}
	return errs.New(errs.Conflict, "error.need_full", "Wanted", n.Wanted)
}

// Withdraw takes the volunteer whose login p is off need id, which frees
// their place; not before a day gone.
func (s *Service) Withdraw(ctx context.Context, p access.Principal, id int64) (Need, error) {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return Need{}, err
	}
	var out Need
	today := s.today(ctx) // read before the transaction takes a connection
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		n, err := s.need(ctx, tx, v.ID, id)
		if err != nil {
			return err
		}
		if !n.Mine {
			return errs.New(errs.Conflict, "error.need_not_signed")
		}
		if n.OnDate.Before(today) {
			return errs.New(errs.Conflict, "error.need_past")
		}
		if err := exec(ctx, tx, "error.need_not_signed", s.q.DeleteSignup, id, v.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.FreePlace, id); err != nil {
			return err
		}
		if out, err = s.need(ctx, tx, v.ID, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "withdraw", Entity: "need_signup", EntityID: itoa(id),
			OrgPath: out.orgPath, RegionPath: out.regionPath, Before: signupRecord{id, v.ID}})
	})
	return out, err
}

// OpenNeeds lists for the volunteer whose login p is the open needs from
// today on where they work (the need's region holds theirs or lies within
// it), each saying whether they signed up, and the needs they signed up
// to, the latest first.
func (s *Service) OpenNeeds(ctx context.Context, p access.Principal) (open, signed []Need, err error) {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return nil, nil, err
	}
	open, err = store.Select(ctx, s.db.R, scanNeed, s.q.NeedFrom+"\n"+s.q.NeedsNear, v.ID, s.today(ctx), v.Target().RegionPath)
	if err != nil {
		return nil, nil, err
	}
	signed, err = store.Select(ctx, s.db.R, scanNeed, s.q.NeedFrom+"\n"+s.q.NeedsSigned, v.ID)
	return open, signed, err
}
