package demo

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
)

// runDay is how many days before the demo's day the first runs were.
const runDay = 56

// declineReasons are what mentors say when they decline.
var declineReasons = []string{
	"В ближайшие два месяца я в командировке, не смогу встречаться регулярно.",
	"Бұл жастың мақсаты менің тәжірибеме сай келмейді.",
	"Живу в другом конце области, очно встречаться не получится.",
}

// runAll runs the matching of every branch, eight weeks before the
// demo's day, and has the mentors answer: the minors' proposals approved
// first by the head office, most accepted over the next days, one in
// forty declined, whose young people the automatic re-matching
// proposes to another mentor, who accepts.
func (w *matchWalk) runAll(ctx context.Context) error {
	r := youthRNG(20)
	var all []matching.Proposal
	for _, b := range youthBranches {
		run, err := w.s.Matching.WithClock(at(daysAgo(w.today, runDay))).Run(ctx, w.coord,
			matching.Params{OrgID: w.ids[b.key], Rule: match.Rule{Limit: 30}})
		if err != nil {
			return err
		}
		ps, err := w.proposals(ctx, run.ID)
		if err != nil {
			return err
		}
		all = append(all, ps...)
	}
	if err := w.approveMinors(ctx, all, daysAgo(w.today, runDay-1)); err != nil {
		return err
	}
	for i, pr := range all {
		day := daysAgo(w.today, runDay-1-i%5)
		if pr.MentorID != w.camille && r.IntN(40) == 0 {
			who, err := w.login(ctx, pr.MentorID)
			if err != nil {
				return err
			}
			if _, err := w.s.Matching.WithClock(at(day)).Decline(ctx, who, pr.ID, pr.Version,
				declineReasons[r.IntN(len(declineReasons))]); err != nil {
				return fmt.Errorf("decline: %w", err)
			}
			continue
		}
		if err := w.accept(ctx, pr, day); err != nil {
			return err
		}
	}
	// The re-matches of those declined, accepted in turn.
	runs, err := w.runs(ctx)
	if err != nil {
		return err
	}
	for _, run := range slices.Backward(runs) { // the first made first
		if run.Kind != matching.KindRematch {
			continue
		}
		ps, err := w.proposals(ctx, run.ID)
		if err != nil {
			return err
		}
		// Approved within the hour, accepted the next day.
		if err := w.approveMinors(ctx, ps, run.CreatedAt.Add(time.Hour)); err != nil {
			return err
		}
		for _, pr := range ps {
			if err := w.accept(ctx, pr, run.CreatedAt.Add(22*time.Hour)); err != nil {
				return err
			}
		}
	}
	return nil
}

// lateRun matches the central branch's young people of the last
// week two days before the demo's day: their proposals wait for
// the mentors' replies, half the minors' for the coordinator's approval.
func (w *matchWalk) lateRun(ctx context.Context) error {
	run, err := w.s.Matching.WithClock(at(daysAgo(w.today, 2))).Run(ctx, w.coord, matching.Params{
		OrgID: w.ids["youth-centre"], From: daysAgo(w.today, 9), To: daysAgo(w.today, 3), Rule: match.Rule{Limit: 30}})
	if err != nil {
		return err
	}
	ps, err := w.proposals(ctx, run.ID)
	if err != nil {
		return err
	}
	var minors []matching.Proposal
	for _, pr := range ps {
		if pr.Minor {
			minors = append(minors, pr)
		}
	}
	return w.approveMinors(ctx, minors[:len(minors)/2], daysAgo(w.today, 1))
}

// proposals are run id's pending proposals, the first made first.
func (w *matchWalk) proposals(ctx context.Context, id int64) ([]matching.Proposal, error) {
	var out []matching.Proposal
	for after := int64(0); ; {
		page, err := w.s.Matching.RunProposals(ctx, w.coord, id, after, matching.MaxPage)
		if err != nil {
			return nil, err
		}
		for _, pr := range page {
			if pr.Status == matching.Pending {
				out = append(out, pr)
			}
		}
		if len(page) < matching.MaxPage {
			break
		}
		after = page[len(page)-1].ID
	}
	slices.SortFunc(out, func(a, b matching.Proposal) int { return int(a.ID - b.ID) })
	return out, nil
}

// approveMinors approves the minors' proposals of ps on when, as the head
// office's coordinator.
func (w *matchWalk) approveMinors(ctx context.Context, ps []matching.Proposal, when time.Time) error {
	m := w.s.Matching.WithClock(at(when))
	for i, pr := range ps {
		if !pr.NeedsApproval() {
			continue
		}
		got, err := m.Approve(ctx, w.coord, pr.ID)
		if err != nil {
			return fmt.Errorf("approve: %w", err)
		}
		ps[i] = got
	}
	return nil
}

// accept accepts pr as its mentor on when.
func (w *matchWalk) accept(ctx context.Context, pr matching.Proposal, when time.Time) error {
	who, err := w.login(ctx, pr.MentorID)
	if err != nil {
		return err
	}
	if _, err := w.s.Matching.WithClock(at(when)).Accept(ctx, who, pr.ID, pr.Version); err != nil {
		return fmt.Errorf("accept: %w", err)
	}
	return nil
}

// login is the principal of mentor id's login, made (without a password:
// an administrator invites them) and linked to the profile the first
// time the mentor answers.
func (w *matchWalk) login(ctx context.Context, id int64) (access.Principal, error) {
	if p, ok := w.logins[id]; ok {
		return p, nil
	}
	m := w.mentors[id]
	u, err := w.s.Accounts.Create(ctx, access.System, accounts.NewUser{Email: m.Email, Name: m.Name, Role: access.Mentor,
		OrgID: m.OrgID, Region: m.RegionCode})
	if err != nil {
		return access.Principal{}, fmt.Errorf("mentor login %s: %w", m.Email, err)
	}
	if err := w.s.Mentoring.LinkUser(ctx, w.coord, id, u.ID); err != nil {
		return access.Principal{}, err
	}
	w.logins[id] = u.Principal()
	return w.logins[id], nil
}

// runs lists every run, the newest first.
func (w *matchWalk) runs(ctx context.Context) ([]matching.Run, error) {
	var out []matching.Run
	pg := store.Page{Limit: store.MaxLimit}
	for {
		page, next, err := w.s.Matching.Runs(ctx, w.coord, pg)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if next == "" {
			return out, nil
		}
		if pg.Before, err = strconv.ParseInt(next, 10, 64); err != nil {
			return nil, err
		}
	}
}
