package campaign

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/store"
)

// loadTexts reads c's texts.
func (s *Service) loadTexts(ctx context.Context, q store.Querier, c *Campaign) error {
	var err error
	c.Texts, err = store.Select(ctx, q, func(sc store.Scanner) (Text, error) {
		var t Text
		return t, sc.Scan(&t.Locale, &t.Name, &t.Slogan, &t.WhoMayApply)
	}, s.q.Texts, c.ID)
	return err
}

// loadParts reads everything of c beyond its row.
func (s *Service) loadParts(ctx context.Context, q store.Querier, c *Campaign) error {
	if err := s.loadTexts(ctx, q, c); err != nil {
		return err
	}
	var err error
	if c.Regions, err = store.Select(ctx, q, scanRegion, s.q.Regions, c.ID); err != nil {
		return err
	}
	if c.Partners, err = store.Select(ctx, q, func(sc store.Scanner) (Partner, error) {
		var x Partner
		return x, sc.Scan(&x.OrgID, &x.Name, &x.path, &x.Role)
	}, s.q.Partners, c.ID); err != nil {
		return err
	}
	if c.Contacts, err = store.Select(ctx, q, func(sc store.Scanner) (Contact, error) {
		var x Contact
		return x, sc.Scan(&x.Kind, &x.Phone, &x.Address, &x.Hours, &x.RegionCode)
	}, s.q.Contacts, c.ID); err != nil {
		return err
	}
	if c.Items, err = store.Select(ctx, q, func(sc store.Scanner) (Offered, error) {
		var x Offered
		n := &x.names
		return x, sc.Scan(&x.ItemID, &x.Code, &x.IsKit, &x.Target, &n[0], &n[1], &n[2], &n[3], &n[4])
	}, s.q.Items, c.ID); err != nil {
		return err
	}
	c.Targets, err = store.Select(ctx, q, func(sc store.Scanner) (RegionTarget, error) {
		var x RegionTarget
		return x, sc.Scan(&x.ItemID, &x.RegionCode, &x.Target)
	}, s.q.Targets, c.ID)
	return err
}

func scanRegion(sc store.Scanner) (Region, error) {
	var r Region
	var en, kk, ru, fr, fa string
	err := sc.Scan(&r.Code, &r.Path, &en, &kk, &ru, &fr, &fa)
	r.Names = map[string]string{"en": en, "kk": kk, "ru": ru, "fr": fr, "fa": fa}
	return r, err
}

// writeParts replaces every part of campaign id with those of in, whose
// regions are resolved.
func (s *Service) writeParts(ctx context.Context, tx *sql.Tx, id int64, in Input, regions []resolvedRegion) error {
	for _, q := range []string{s.q.DeleteTexts, s.q.DeleteRegions, s.q.DeletePartners, s.q.DeleteContacts,
		s.q.DeleteTargets, s.q.DeleteItems} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	for _, t := range in.Texts {
		if _, err := tx.ExecContext(ctx, s.q.InsertText, id, t.Locale, t.Name, t.Slogan, t.WhoMayApply); err != nil {
			return err
		}
	}
	byCode := map[string]int64{}
	for _, r := range regions {
		byCode[r.code] = r.id
		if r.covered {
			if _, err := tx.ExecContext(ctx, s.q.InsertRegion, id, r.id, r.path); err != nil {
				return err
			}
		}
	}
	for _, x := range in.Partners {
		if _, err := tx.ExecContext(ctx, s.q.InsertPartner, id, x.OrgID, string(x.Role)); err != nil {
			return err
		}
	}
	for i, x := range in.Contacts {
		if _, err := tx.ExecContext(ctx, s.q.InsertContact, id, string(x.Kind), i+1, x.Phone, x.Address, x.Hours,
			store.NullID(byCode[x.RegionCode])); err != nil {
			return err
		}
	}
	for i, x := range in.Items {
		if _, err := tx.ExecContext(ctx, s.q.InsertItem, id, x.ItemID, x.Target, i+1); err != nil {
			return err
		}
	}
	for _, x := range in.Targets {
		if _, err := tx.ExecContext(ctx, s.q.InsertTarget, id, x.ItemID, byCode[x.RegionCode], x.Target); err != nil {
			return err
		}
	}
	return nil
}
