package demo

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// seedRegistry writes the demo families the registry does not hold yet,
// known by their household reference: none when they are all there, all
// of them in a database loaded before the demo had children, and the rest
// after a load that was interrupted; then the assessments and placements.
func seedRegistry(ctx context.Context, reg *people.Service, g *guidance.Service, today time.Time, ids map[string]int64) error {
	if err := reg.Seed(ctx); err != nil {
		return fmt.Errorf("demo categories: %w", err)
	}
	have, err := demoRefs(ctx, reg)
	if err != nil {
		return fmt.Errorf("demo households: %w", err)
	}
	families, err := plan(today)
	if err != nil {
		return fmt.Errorf("demo families: %w", err)
	}
	for _, f := range families {
		if have[f.ref] {
			continue
		}
		if err := writeFamily(ctx, reg, f, ids, today); err != nil {
			return fmt.Errorf("demo family %s: %w", f.ref, err)
		}
	}
	if g == nil {
		return nil
	}
	return seedGuidance(ctx, reg, g, today, ids)
}

// demoRefs returns the references of the households in the registry.
func demoRefs(ctx context.Context, reg *people.Service) (map[string]bool, error) {
	refs := map[string]bool{}
	pg := store.Page{Limit: store.MaxLimit}
	for {
		list, next, err := reg.Households(ctx, access.System, people.HouseholdFilter{}, pg)
		if err != nil {
			return nil, err
		}
		for _, h := range list {
			refs[h.ExternalRef] = true
		}
		if next == "" {
			return refs, nil
		}
		pg.Before, _ = strconv.ParseInt(next, 10, 64)
	}
}

// writeFamily registers a family through the registry's own calls, as a
// user would: the household, its head, then each child with their
// categories, guardian and consent; from 14 the child assents, as the
// registry asks.
func writeFamily(ctx context.Context, reg *people.Service, f family, ids map[string]int64, today time.Time) error {
	p := access.System
	f.house.OrgID = ids[f.org]
	h, err := reg.CreateHousehold(ctx, p, f.house)
	if err != nil {
		return err
	}
	// The head is an adult: the centre's record, not a pupil of the school.
	f.head.in.OrgID = ids[f.centre]
	head, err := reg.Create(ctx, p, f.head.in)
	if err != nil {
		return fmt.Errorf("head: %w", err)
	}
	if err := reg.AddMember(ctx, p, h.ID, people.MemberInput{PersonID: head.ID, Relation: f.relation, Head: true}); err != nil {
		return err
	}
	for _, c := range f.children {
		c.in.OrgID = ids[c.org]
		child, err := reg.Create(ctx, p, c.in)
		if err != nil {
			return fmt.Errorf("child %s: %w", c.in.FirstName, err)
		}
		if err := reg.AddMember(ctx, p, h.ID, people.MemberInput{PersonID: child.ID, Relation: people.Child}); err != nil {
			return err
		}
		for _, g := range c.grants {
			if _, err := reg.Assign(ctx, p, child.ID, g.code, g.ev); err != nil {
				return fmt.Errorf("category %s: %w", g.code, err)
			}
		}
		if c.guardian != "" {
			_, err := reg.AddGuardian(ctx, p, child.ID, people.GuardianInput{OrgID: ids[c.guardian], Relation: people.Institution})
			if err != nil {
				return err
			}
		}
		if f.consent != "" {
			age, _ := child.Age(today)
			_, err := reg.GiveConsent(ctx, p, child.ID, people.ConsentInput{Purpose: people.Processing,
				GivenByID: head.ID, ChildAssent: age >= people.AssentAge, Method: f.consent})
			if err != nil {
				return fmt.Errorf("consent: %w", err)
			}
		}
	}
	return nil
}
