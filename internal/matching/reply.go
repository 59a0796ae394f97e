package matching

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// MaxReason bounds a decline's reason.
const MaxReason = 500

// Mine returns the proposals made to the mentor whose login p is, the
// pending first, then the newest.
func (s *Service) Mine(ctx context.Context, p access.Principal) ([]Proposal, error) {
	if err := access.Can(p, access.ReplyMatching, access.Target{}); err != nil {
		return nil, err
	}
	m, err := s.men.Mine(ctx, p)
	if err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanProposal, s.q.ProposalFrom+" "+s.q.MentorProposals, m.ID, MaxPage)
}

// Accept accepts proposal id at version as the mentor whose login p is,
// and starts the mentorship in the same transaction. Refused when the
// proposal is someone else's, already answered (two accepts at once make
// one mentorship), past its deadline, or a minor's not yet approved.
func (s *Service) Accept(ctx context.Context, p access.Principal, id int64, version int) (Proposal, error) {
	return s.reply(ctx, p, id, version, Accepted, "")
}

// Decline declines proposal id at version with a reason, as the mentor
// whose login p is: the mentor's place is given back and the young person
// is matched again at once (see Sweep, which retries should that fail).
func (s *Service) Decline(ctx context.Context, p access.Principal, id int64, version int, reason string) (Proposal, error) {
	pr, err := s.reply(ctx, p, id, version, Declined, reason)
	if err != nil {
		return pr, err
	}
	_, _ = s.Rematch(ctx) // what fails here the next sweep takes up
	return pr, nil
}

func (s *Service) reply(ctx context.Context, p access.Principal, id int64, version int, to Status, reason string) (Proposal, error) {
	if err := access.Can(p, access.ReplyMatching, access.Target{}); err != nil {
		return Proposal{}, err
	}
	if to == Declined {
		if reason = strings.TrimSpace(reason); reason == "" {
			return Proposal{}, errs.Validation(errs.Field("reason", "error.required", "Field", "reason"))
		} else if len([]rune(reason)) > MaxReason {
			return Proposal{}, errs.Validation(errs.Field("reason", "error.too_long", "Field", "reason", "Count", MaxReason))
		}
	}
	m, err := s.men.Mine(ctx, p)
	if err != nil {
		return Proposal{}, err
	}
	var out Proposal
	err = s.db.Atomic(ctx, func(tx *store.Tx) error {
		pr, err := s.proposal(ctx, tx, id)
		if err != nil {
			return err
		}
		if pr.MentorID != m.ID {
			return errs.ErrNotFound
		}
		now := s.clock()
		switch {
		case pr.Status != Pending:
			return errs.New(errs.Conflict, "error.match_answered", "Status", i18n.Key("matching.status."+string(pr.Status)))
		case pr.Version != version:
			return errAnswered
		case !now.Before(pr.Deadline):
			return errs.New(errs.Conflict, "error.match_reply_late", "Deadline", i18n.Day(pr.LastDay()))
		case to == Accepted && pr.NeedsApproval():
			return errs.New(errs.Conflict, "error.match_needs_approval")
		}
		res, err := tx.ExecContext(ctx, s.q.Answer, id, version, string(to), reason, now)
		if err := affected(res, err); err != nil {
			return err
		}
		before := pr
		pr.Status, pr.Reason, pr.RepliedAt, pr.Version = to, reason, now, pr.Version+1
		action := "accept"
		if to == Accepted {
			var ship int64
			err := tx.QueryRowContext(ctx, s.q.InsertMentorship, pr.YouthID, pr.MentorID, pr.ID, pr.OrgPath,
				pr.RegionPath, pr.Minor, store.Day(now), now).Scan(&ship)
			if store.IsUniqueViolation(err) {
				return errs.New(errs.Conflict, "error.match_has_mentorship")
			} else if err != nil {
				return err
			}
		} else {
			action = "decline"
			if err := s.men.Release(ctx, tx.Tx, pr.MentorID); err != nil {
				return err
			}
		}
		out = pr
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "match_proposal", EntityID: itoa(id),
			OrgPath: pr.OrgPath, RegionPath: pr.RegionPath, Before: before, After: pr})
	})
	return out, err
}

// errAnswered is a proposal changed by someone else in between.
var errAnswered = errs.New(errs.Conflict, "error.conflict")

// affected turns an update that changed no row into errAnswered.
func affected(res interface{ RowsAffected() (int64, error) }, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return errAnswered
	}
	return nil
}

// Approve approves a minor's proposal id as p, a coordinator who may run
// the matching where the young person is: the mentor may then accept it,
// and once accepted read the young person's contacts.
func (s *Service) Approve(ctx context.Context, p access.Principal, id int64) (Proposal, error) {
	if err := access.Can(p, access.RunMatching, p.Scope()); err != nil {
		return Proposal{}, err
	}
	var out Proposal
	err := s.db.Atomic(ctx, func(tx *store.Tx) error {
		pr, err := s.proposal(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.RunMatching, pr.Target()); err != nil {
			return errs.ErrNotFound
		}
		if !pr.NeedsApproval() || pr.Status != Pending {
			return errs.New(errs.Conflict, "error.match_no_approval")
		}
		now := s.clock()
		res, err := tx.ExecContext(ctx, s.q.Approve, id, now, store.NullID(p.UserID))
		if err := affected(res, err); err != nil {
			return err
		}
		before := pr
		pr.ApprovedAt, pr.ApprovedBy, pr.Version = now, p.UserID, pr.Version+1
		out = pr
		return s.log.Record(ctx, tx, p, audit.Change{Action: "approve", Entity: "match_proposal", EntityID: itoa(id),
			OrgPath: pr.OrgPath, RegionPath: pr.RegionPath, Before: before, After: pr})
	})
	return out, err
}
