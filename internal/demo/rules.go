package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/services"
)

// seedRules gives every campaign still taking or deciding requests the
// starting rule set of its programme (eligibility.DefaultRules), once, and
// then evaluates and ranks all its requests, so that every sample request
// has its explanation to read and the rules page has a version to show.
func seedRules(ctx context.Context, s *services.Services) error {
	p := access.System
	list, err := s.Campaigns.List(ctx, p, campaign.Filter{})
	if err != nil {
		return fmt.Errorf("demo rules: %w", err)
	}
	for _, c := range list {
		if c.Status == campaign.Reported {
			continue
		}
		_, err := s.Eligibility.CurrentRuleSet(ctx, c.ID)
		if err == nil {
			continue // set before, by the demo or by hand
		}
		if errs.CodeOf(err) != errs.NotFound {
			return fmt.Errorf("demo rules of %s: %w", c.Slug, err)
		}
		rules, weights := eligibility.DefaultRules(string(c.Programme))
		if _, err := s.Eligibility.SaveRuleSet(ctx, p, c.ID, rules, weights); err != nil {
			return fmt.Errorf("demo rules of %s: %w", c.Slug, err)
		}
		if _, err := s.Eligibility.Rescore(ctx, p, c.ID); err != nil {
			return fmt.Errorf("demo evaluation of %s: %w", c.Slug, err)
		}
	}
	return nil
}
