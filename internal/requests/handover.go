package requests

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
)

// Deliver moves request id from allocated to delivered in the caller's
// transaction tx, when a distribution has handed over the last of its
// lines with their proof in that transaction: the move, its history
// event, the message to the applicant and the change-log entry commit
// with the handover. The caller has checked that p may hand over at the
// point (access.HandOver on its warehouse), which is what this move
// needs: the staff of a distribution point do not decide requests.
func (s *Service) Deliver(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, via string) (Request, error) {
	return s.handoverMove(ctx, tx, p, id, Allocated, Delivered, via)
}

// Undeliver moves request id from delivered back to allocated in tx, when
// a distribution takes a line back and holds it again for the child. It
// is the distribution's move, not a decision: the lifecycle (moves) does
// not offer it to reviewers.
func (s *Service) Undeliver(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, via string) (Request, error) {
	return s.handoverMove(ctx, tx, p, id, Delivered, Allocated, via)
}

func (s *Service) handoverMove(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, from, to Status,
	via string) (Request, error) {
	if err := access.Can(p, access.HandOver, p.Scope()); err != nil {
		return Request{}, err
	}
	before, err := s.byID(ctx, tx, id)
	if err != nil {
		return Request{}, err
	}
	if before.Status != from {
		return Request{}, errs.New(errs.Conflict, "error.transition_not_allowed", "From", string(before.Status),
			"To", string(to))
	}
	now := s.now().UTC()
	res, err := tx.ExecContext(ctx, s.q.SetStatus, id, before.Version, to, "", "", now)
	if err != nil {
		return Request{}, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = errs.New(errs.Conflict, "error.request_changed", "Status", string(before.Status))
		}
		return Request{}, err
	}
	r := before
	r.Status, r.Reason, r.ReasonNote, r.Version, r.UpdatedAt = to, "", "", before.Version+1, now
	if err := s.event(ctx, tx, p, id, from, to, "", "", via, now); err != nil {
		return Request{}, err
	}
	if err := s.notify(ctx, tx, r, now); err != nil {
		return Request{}, err
	}
	return r, s.log.Record(ctx, tx, p, audit.Change{Action: "transition", Entity: "request", EntityID: itoa(id),
		OrgPath: r.OrgPath, RegionPath: r.RegionPath, Before: before, After: r})
}
