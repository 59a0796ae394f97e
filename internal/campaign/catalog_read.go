package campaign

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Items returns the catalogue, kits with their components; inactive
// entries only when all is set.
func (s *Service) Items(ctx context.Context, p access.Principal, all bool) ([]Item, error) {
	if err := access.Can(p, access.ViewCampaigns, p.Scope()); err != nil {
		return nil, err
	}
	return s.items(ctx, s.db.R, all)
}

func (s *Service) items(ctx context.Context, q store.Querier, all bool) ([]Item, error) {
	list, err := store.Select(ctx, q, scanItem, s.q.AidFrom+" "+s.q.AidItems, all)
	if err != nil {
		return nil, err
	}
	comps, err := store.Select(ctx, q, scanKitLine, s.q.AllComponents)
	if err != nil {
		return nil, err
	}
	at := map[int64]int{}
	for i, it := range list {
		at[it.ID] = i
	}
	for _, c := range comps {
		if i, ok := at[c.kit]; ok {
			list[i].Components = append(list[i].Components, c.Component)
		}
	}
	return list, nil
}

// Item returns catalogue entry id with its components.
func (s *Service) Item(ctx context.Context, p access.Principal, id int64) (Item, error) {
	if err := access.Can(p, access.ViewCampaigns, p.Scope()); err != nil {
		return Item{}, err
	}
	return s.item(ctx, s.db.R, id)
}

func (s *Service) item(ctx context.Context, q store.Querier, id int64) (Item, error) {
	it, err := scanItem(q.QueryRowContext(ctx, s.q.AidFrom+" "+s.q.AidByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, errs.ErrNotFound
	} else if err != nil {
		return Item{}, err
	}
	lines, err := store.Select(ctx, q, scanKitLine, s.q.Components, id)
	for _, l := range lines {
		it.Components = append(it.Components, l.Component)
	}
	return it, err
}

type kitLine struct {
	kit int64
	Component
}

func scanKitLine(sc store.Scanner) (kitLine, error) {
	var l kitLine
	n := &l.names
	err := sc.Scan(&l.kit, &l.ItemID, &l.Code, &l.Quantity, &n[0], &n[1], &n[2], &n[3], &n[4])
	return l, err
}

func scanItem(sc store.Scanner) (Item, error) {
	var it Item
	n := &it.Names
	err := sc.Scan(&it.ID, &it.Code, &it.IsKit, &it.Sizing, &it.SerialTracked, &it.GradeMin, &it.GradeMax, &it.Unit,
		&n.EN, &n.KK, &n.RU, &n.FR, &n.FA, &it.Active, &it.Builtin, &it.Sort)
	return it, err
}

// audited is an item as the change log keeps it.
func (s *Service) record(ctx context.Context, tx *sql.Tx, p access.Principal, action string, before, after *Item) error {
	c := audit.Change{Action: action, Entity: "aid_item", After: after}
	if before != nil {
		c.Before = before
	}
	c.EntityID = itoa(after.ID)
	return s.log.Record(ctx, tx, p, c)
}

// Offer returns the catalogue entries campaign c offers, kits with their
// components, in the campaign's order. The catalogue is public knowledge:
// the public page of a campaign lists it, so no principal is asked.
func (s *Service) Offer(ctx context.Context, c Campaign) ([]Item, error) {
	all, err := s.items(ctx, s.db.R, true)
	if err != nil {
		return nil, err
	}
	byID := map[int64]Item{}
	for _, it := range all {
		byID[it.ID] = it
	}
	var out []Item
	for _, o := range c.Items {
		if it, ok := byID[o.ItemID]; ok {
			out = append(out, it)
		}
	}
	return out, nil
}
