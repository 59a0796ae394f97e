package allocation

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Settings are a campaign's allocation settings: its quotas and routes,
// and the version every change and committed run raises.
type Settings struct {
	CampaignID int64   `json:"campaign_id"`
	Version    int     `json:"version"`
	Quotas     []Quota `json:"quotas"`
	Routes     []Route `json:"routes"`
}

// Bounds of the settings.
const (
	MaxQuota = 10_000_000 // units of a fixed quota
	MaxShare = 10_000     // basis points: all of the need
	MaxCost  = 1_000_000  // of a route
)

// Settings returns campaign id's allocation settings when p may read them.
func (s *Service) Settings(ctx context.Context, p access.Principal, id int64) (Settings, error) {
	if _, err := s.campaignFor(ctx, p, id, ViewAction); err != nil {
		return Settings{}, err
	}
	return s.settings(ctx, s.db.R, id)
}

func (s *Service) settings(ctx context.Context, q store.Querier, id int64) (Settings, error) {
	st := Settings{CampaignID: id}
	var err error
	if st.Version, err = s.version(ctx, q, id); err != nil {
		return st, err
	}
	if st.Quotas, err = s.quotas(ctx, q, id); err != nil {
		return st, err
	}
	st.Routes, err = s.routes(ctx, q, id)
	return st, err
}

// version is campaign id's allocation version, 0 before any change.
func (s *Service) version(ctx context.Context, q store.Querier, id int64) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, s.q.CampaignVersion, id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

func (s *Service) quotas(ctx context.Context, q store.Querier, id int64) ([]Quota, error) {
	return store.Select(ctx, q, func(sc store.Scanner) (Quota, error) {
		var x Quota
		return x, sc.Scan(&x.ID, &x.Region, &x.RegionCode, &x.ItemID, &x.Kind, &x.Amount)
	}, s.q.Quotas, id)
}

func (s *Service) routes(ctx context.Context, q store.Querier, id int64) ([]Route, error) {
	return store.Select(ctx, q, func(sc store.Scanner) (Route, error) {
		var r Route
		return r, sc.Scan(&r.WarehouseID, &r.Region, &r.RegionCode, &r.Cost)
	}, s.q.Routes, id)
}

// change runs fn in a transaction that raises campaign c's allocation
// version first (its row lock orders concurrent changes and commits on
// PostgreSQL) and records the settings as they are after fn in the
// change log with action.
func (s *Service) change(ctx context.Context, p access.Principal, c campaign.Campaign, action string,
	fn func(tx *sql.Tx) error) (Settings, error) {
	var out Settings
	if err := refuseChange(c.Status); err != nil {
		return out, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		now := s.Now().UTC()
		if _, err := tx.ExecContext(ctx, s.q.EnsureCampaign, c.ID, now); err != nil {
			return err
		}
		v, err := s.version(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.BumpVersion, c.ID, v, now); err != nil {
			return err
		}
		var st string // read again under the lock: the campaign may have closed since
		if err := tx.QueryRowContext(ctx, s.q.CampaignStatus, c.ID).Scan(&st); err != nil {
			return err
		}
		if err := refuseChange(campaign.Status(st)); err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		if out, err = s.settings(ctx, tx, c.ID); err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: action, Entity: "allocation_settings",
			EntityID: itoa(c.ID), OrgPath: c.Target().OrgPath, After: out})
	})
	return out, err
}

// refuseChange is the refusal of changing the settings of a campaign in
// status st: a draft's and an open campaign's settings change, a closed
// or reported campaign's stay as its last runs used them.
func refuseChange(st campaign.Status) error {
	if st == campaign.Closed || st == campaign.Reported {
		return errs.New(errs.Conflict, "error.allocation_settings_closed")
	}
	return nil
}

// QuotaInput sets a quota: of the region with code RegionCode and its
// subtree, for item ItemID of the campaign (0: every item together), a
// fixed number of units or a share of need in basis points.
type QuotaInput struct {
	RegionCode string    `json:"region_code"`
	ItemID     int64     `json:"item_id"`
	Kind       QuotaKind `json:"kind"`
	Amount     int64     `json:"amount"`
}

// SaveQuota sets a quota of campaign id (the region's and item's, made or
// replaced) when p may manage its allocation. A quota whose set would
// overlap another's without one holding the other is refused.
func (s *Service) SaveQuota(ctx context.Context, p access.Principal, id int64, in QuotaInput) (Settings, error) {
	c, err := s.campaignFor(ctx, p, id, ManageAction)
	if err != nil {
		return Settings{}, err
	}
	var fs []errs.FieldError
	region, err := s.Geo.Lookup(ctx, strings.TrimSpace(in.RegionCode))
	if errs.CodeOf(err) == errs.NotFound {
		fs = append(fs, errs.Field("region", "error.unknown_region", "Code", strings.TrimSpace(in.RegionCode)))
	} else if err != nil {
		return Settings{}, err
	} else if !inRegionScope(p, region.Path) {
		fs = append(fs, errs.Field("region", "error.allocation_region_outside_scope", "Code", region.Code))
	}
	if in.ItemID != 0 && !slices.ContainsFunc(c.Items, func(o campaign.Offered) bool { return o.ItemID == in.ItemID }) {
		fs = append(fs, errs.Field("item_id", "error.allocation_item_not_offered"))
	}
	switch {
	case in.Kind != Fixed && in.Kind != Share:
		fs = append(fs, valid.Choice("kind", QuotaKinds()...))
	case in.Kind == Fixed && (in.Amount < 0 || in.Amount > MaxQuota):
		fs = append(fs, errs.Field("amount", "error.allocation_amount_range", "Max", MaxQuota))
	case in.Kind == Share && (in.Amount < 0 || in.Amount > MaxShare):
		fs = append(fs, errs.Field("amount", "error.allocation_share_range"))
	}
	if err := errs.Validation(fs...); err != nil {
		return Settings{}, err
	}
	q := Quota{Region: region.Path, RegionCode: region.Code, ItemID: in.ItemID, Kind: in.Kind, Amount: in.Amount}
	return s.change(ctx, p, c, "save", func(tx *sql.Tx) error {
		others, err := s.quotas(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		for _, o := range others {
			if o.Region != q.Region || o.ItemID != q.ItemID {
				if q.crosses(o) {
					return errs.Validation(errs.Field("region", "error.allocation_quota_crossing", "Code", o.RegionCode))
				}
			}
		}
		_, err = tx.ExecContext(ctx, s.q.UpsertQuota, c.ID, region.ID, region.Path, in.ItemID, string(in.Kind), in.Amount,
			store.NullID(p.UserID), s.Now().UTC())
		return err
	})
}

// inRegionScope reports whether the region subtree at path lies within
// p's region scope: a quota or a route decides for the children there,
// so a coordinator of one region sets none for another.
func inRegionScope(p access.Principal, path string) bool {
	return access.Within(p, access.Target{OrgPath: p.OrgPath, RegionPath: path})
}

// DeleteQuota removes quota quotaID of campaign id; a quota of a region
// outside p's region scope is not p's to remove.
func (s *Service) DeleteQuota(ctx context.Context, p access.Principal, id, quotaID int64) (Settings, error) {
	c, err := s.campaignFor(ctx, p, id, ManageAction)
	if err != nil {
		return Settings{}, err
	}
	return s.change(ctx, p, c, "delete", func(tx *sql.Tx) error {
		qs, err := s.quotas(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(qs, func(q Quota) bool { return q.ID == quotaID }); i >= 0 && !inRegionScope(p, qs[i].Region) {
			return errs.New(errs.Forbidden, "error.allocation_region_outside_scope", "Code", qs[i].RegionCode)
		}
		res, err := tx.ExecContext(ctx, s.q.DeleteQuota, c.ID, quotaID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmp.Or[error](err, errs.ErrNotFound)
		}
		return nil
	})
}

// Warehouses lists the open warehouses that may serve campaign id — the
// open warehouses of its organiser's subtree — with the campaign's
// routes of each (nil: it serves its own region subtree at cost 0).
func (s *Service) Warehouses(ctx context.Context, p access.Principal, id int64) ([]Warehouse, error) {
	c, err := s.campaignFor(ctx, p, id, ViewAction)
	if err != nil {
		return nil, err
	}
	src, err := s.sources(ctx, c)
	if err != nil {
		return nil, err
	}
	return s.warehouses(ctx, s.db.R, c.ID, src.stores)
}

// RouteWarehouses lists the warehouses of Warehouses whose routes p may
// set: none when p may not manage the campaign's allocation, else those
// within p's scope, as SaveRoute asks. A partner's warehouse serves the
// campaign, but only its own staff say where its stock goes.
func (s *Service) RouteWarehouses(ctx context.Context, p access.Principal, id int64) ([]Warehouse, error) {
	c, err := s.campaignFor(ctx, p, id, ViewAction)
	if err != nil {
		return nil, err
	}
	if access.Can(p, ManageAction, c.Target()) != nil {
		return nil, nil
	}
	src, err := s.sources(ctx, c)
	if err != nil {
		return nil, err
	}
	src.stores = slices.DeleteFunc(src.stores, func(w stock.Warehouse) bool { return !access.Within(p, w.Target()) })
	return s.warehouses(ctx, s.db.R, c.ID, src.stores)
}
