package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outreach"
)

// walk flags a child for case c and works it step by step, each on its
// day, as the worker (and the charities answering its referrals) did.
func (w *caseWalker) walk(ctx context.Context, c oosCase) error {
	cs, err := w.flag(ctx, c)
	if err != nil {
		return err
	}
	id := cs.ID
	wp, ok := w.staff[c.worker]
	if !ok {
		return nil // no one has taken it yet
	}
	if _, err := w.at(c.flagged).Assign(ctx, wp, id, 0, wp.UserID); err != nil {
		return fmt.Errorf("take: %w", err)
	}
	if k := c.contact; k != nil {
		if _, err := w.at(k.ago).Contact(ctx, wp, id, 0, outreach.ContactInput{Mode: k.mode, Reason: k.reason,
			Note: k.note}); err != nil {
			return fmt.Errorf("contact: %w", err)
		}
	}
	if len(c.needs) > 0 {
		if _, err := w.at(c.needsAgo).AddNeeds(ctx, wp, id, 0, c.needs); err != nil {
			return fmt.Errorf("needs: %w", err)
		}
	}
	if len(c.shared) > 0 {
		if _, err := w.at(c.needsAgo).Share(ctx, wp, id, 0, c.shared); err != nil {
			return fmt.Errorf("consent: %w", err)
		}
	}
	if err := w.refer(ctx, wp, id, c.refs); err != nil {
		return err
	}
	if c.enrolAgo > 0 {
		svc := w.at(c.enrolAgo)
		on, err := svc.Today(ctx)
		if err != nil {
			return err
		}
		if _, err := svc.Enrol(ctx, wp, id, 0, outreach.EnrolInput{SchoolID: w.ids[c.enrolAt], On: on}); err != nil {
			return fmt.Errorf("enrol: %w", err)
		}
	}
	for _, k := range c.checks {
		if _, err := w.at(k.ago).Check(ctx, wp, id, 0, outreach.CheckInput{Attending: k.attending,
			Note: k.note}); err != nil {
			return fmt.Errorf("check: %w", err)
		}
	}
	if c.closed != "" {
		if _, err := w.at(c.closeAgo).Close(ctx, wp, id, 0, c.closed); err != nil {
			return fmt.Errorf("close: %w", err)
		}
	}
	return nil
}

// refer sends the needs of case id to their charities, then records the
// answers of the charities' staff.
func (w *caseWalker) refer(ctx context.Context, wp access.Principal, id int64, refs []oosReferral) error {
	sent := make([]outreach.Referral, len(refs))
	for i, r := range refs {
		var err error
		if sent[i], err = w.at(r.ago).Refer(ctx, wp, id, 0, outreach.ReferInput{Need: r.need,
			CharityID: w.charities[r.charity]}); err != nil {
			return fmt.Errorf("refer %s: %w", r.need, err)
		}
	}
	for i, r := range refs {
		if r.answered < 0 {
			continue
		}
		staff, ok := w.staff[r.charity]
		if !ok {
			return fmt.Errorf("no staff login answers for charity %s", r.charity)
		}
		if _, err := w.at(r.answered).Answer(ctx, staff, sent[i].ID, outreach.AnswerInput{Accept: r.decline == "",
			Reason: r.decline, Note: r.note}); err != nil {
			return fmt.Errorf("answer %s: %w", r.need, err)
		}
	}
	return nil
}
