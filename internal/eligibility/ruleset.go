package eligibility

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// RuleSet is one version of a campaign's rules and weights, with who
// saved it and when. Versions count from 1 per campaign; a saved version
// never changes.
type RuleSet struct {
	CampaignID int64     `json:"campaign_id"`
	Version    int       `json:"version"`
	Rules      Rules     `json:"rules"`
	Weights    Weights   `json:"weights"`
	By         int64     `json:"by,omitempty"`
	ByName     string    `json:"by_name"`
	At         time.Time `json:"at"`
}

// SaveRuleSet checks rules and weights against the registry's category
// and income codes and stores them as the campaign's next version, which
// both take. It does not recalculate: Rescore does.
func (s *Service) SaveRuleSet(ctx context.Context, p access.Principal, campaignID int64, rules Rules, weights Weights) (RuleSet, error) {
	codes, err := s.categoryCodes(ctx)
	if err != nil {
		return RuleSet{}, err
	}
	if err := rules.Validate(codes); err != nil {
		return RuleSet{}, err
	}
	if err := weights.Validate(codes, people.IncomeCategories()); err != nil {
		return RuleSet{}, err
	}
	rs := RuleSet{CampaignID: campaignID, Rules: rules, Weights: weights, By: p.UserID, ByName: p.Name, At: s.now().UTC()}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		scope, err := s.campaignScope(ctx, tx, campaignID)
		if err != nil {
			return err
		}
		if err := access.Can(p, ManageAction, scope); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.NextRuleVersion, campaignID).Scan(&rs.Version); err != nil {
			return err
		}
		rs.Rules.Version, rs.Weights.Version = rs.Version, rs.Version
		rj, _ := json.Marshal(rs.Rules)
		wj, _ := json.Marshal(rs.Weights)
		if _, err := tx.ExecContext(ctx, s.q.InsertRuleSet, campaignID, rs.Version, string(rj), string(wj),
			store.NullID(p.UserID), p.Name, rs.At); err != nil {
			if store.IsUniqueViolation(err) { // another coordinator saved the same version first
				return errs.Wrap(err, errs.Conflict, "error.conflict")
			}
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "save", Entity: "eligibility_rules",
			EntityID: fmt.Sprintf("%d/%d", campaignID, rs.Version), OrgPath: scope.OrgPath, After: rs})
	})
	if err != nil {
		return RuleSet{}, err
	}
	s.forgetGate(campaignID)
	return rs, nil
}

// ManageAction is the action that saves rule sets and recalculates.
const ManageAction = access.ManageEligibility

// CurrentRuleSet returns the campaign's latest rule set, or a not-found
// error when it has none.
func (s *Service) CurrentRuleSet(ctx context.Context, campaignID int64) (RuleSet, error) {
	return s.scanRuleSet(s.db.R.QueryRowContext(ctx, s.q.LatestRuleSet, campaignID))
}

// RuleSetAt returns version v of the campaign's rule set.
func (s *Service) RuleSetAt(ctx context.Context, campaignID int64, v int) (RuleSet, error) {
	return s.scanRuleSet(s.db.R.QueryRowContext(ctx, s.q.RuleSetVersion, campaignID, v))
}

// RuleSets returns every version of the campaign's rule set, latest first.
func (s *Service) RuleSets(ctx context.Context, campaignID int64) ([]RuleSet, error) {
	return store.Select(ctx, s.db.R, s.scanRuleSet, s.q.RuleSetVersions, campaignID)
}

func (s *Service) scanRuleSet(sc store.Scanner) (RuleSet, error) {
	var rs RuleSet
	var rj, wj string
	if err := sc.Scan(&rs.CampaignID, &rs.Version, &rj, &wj, &rs.By, &rs.ByName, &rs.At); err != nil {
		return RuleSet{}, store.NotFound(err)
	}
	rs.At = rs.At.UTC()
	if err := json.Unmarshal([]byte(rj), &rs.Rules); err != nil {
		return RuleSet{}, fmt.Errorf("eligibility: rules %d/%d: %w", rs.CampaignID, rs.Version, err)
	}
	if err := json.Unmarshal([]byte(wj), &rs.Weights); err != nil {
		return RuleSet{}, fmt.Errorf("eligibility: weights %d/%d: %w", rs.CampaignID, rs.Version, err)
	}
	return rs, nil
}

// campaignScope is the campaign's scope for access checks: its
// organiser's organisation and region paths, as campaign.Campaign.Target.
func (s *Service) campaignScope(ctx context.Context, q store.Querier, campaignID int64) (access.Target, error) {
	var t access.Target
	err := q.QueryRowContext(ctx, s.q.CampaignScope, campaignID).Scan(&t.OrgPath, &t.RegionPath)
	return t, store.NotFound(err)
}

// categoryCodes are the registry's category codes, active or not: a rule
// may keep naming a category no longer offered for new assignments.
func (s *Service) categoryCodes(ctx context.Context) ([]string, error) {
	rows, err := s.db.R.QueryContext(ctx, s.q.CategoryCodes)
	if err != nil {
		return nil, err
	}
	return store.Collect(rows, func(sc store.Scanner) (string, error) {
		var c string
		return c, sc.Scan(&c)
	})
}
