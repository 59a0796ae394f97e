package selection

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// The macro-regions of an installation are a table from top-level
// regions of internal/geo to the five macro-regions, which an
// administrator edits (SetMacro). Kazakhstan has no official division
// into five macro-regions: the seed (migration 0043) is the organiser's
// choice, following the usual grouping of its regions by the points of
// the compass —
//
//	south:  Almaty Region, Jambyl, Jetisu, Kyzylorda, Turkistan, and the
//	        cities of Almaty and Shymkent;
//	north:  Akmola, Kostanay, Pavlodar, North Kazakhstan;
//	west:   Aktobe, Atyrau, West Kazakhstan, Mangystau;
//	centre: Karaganda, Ulytau, and the city of Astana;
//	east:   Abai, East Kazakhstan.
//
// An installation that groups them otherwise changes the table; a
// region left out takes part in no selection until it is mapped.

// MacroRegion is one row of the table: a top-level region and its
// macro-region.
type MacroRegion struct {
	Region geo.Region `json:"region"` // its code and names
	Macro  Macro      `json:"macro"`
}

// MacroRegions returns the table, by region code. Every member of staff
// who may see selections may read it.
func (s *Service) MacroRegions(ctx context.Context, p access.Principal) ([]MacroRegion, error) {
	if !access.Allowed(p, access.ViewSelection) && !access.Allowed(p, access.ManageMacroRegions) {
		return nil, errs.New(errs.Forbidden, "error.forbidden")
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (MacroRegion, error) {
		var m MacroRegion
		r := &m.Region
		err := sc.Scan(&r.Code, &m.Macro, &r.NameEN, &r.NameKK, &r.NameRU, &r.NameFR, &r.NameFA)
		return m, err
	}, s.q.MacroAll)
}

// macroMap is the table as a map from region code to macro-region.
func (s *Service) macroMap(ctx context.Context, q store.Querier) (map[string]Macro, error) {
	rows, err := store.Select(ctx, q, func(sc store.Scanner) (MacroRegion, error) {
		var m MacroRegion
		r := &m.Region
		err := sc.Scan(&r.Code, &m.Macro, &r.NameEN, &r.NameKK, &r.NameRU, &r.NameFR, &r.NameFA)
		return m, err
	}, s.q.MacroAll)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Macro, len(rows))
	for _, r := range rows {
		out[r.Region.Code] = r.Macro
	}
	return out, nil
}

// SetMacro maps the top-level region code to macro-region m, or removes
// it from the table when m is "". Selections ranked afterwards use the
// new table.
func (s *Service) SetMacro(ctx context.Context, p access.Principal, code string, m Macro) error {
	if err := access.Can(p, access.ManageMacroRegions, p.Scope()); err != nil {
		return err
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if m != "" && !slices.Contains(Macros(), m) {
		return errs.Validation(valid.Choice("macro", Macros()...))
	}
	var path string
	if err := s.db.R.QueryRowContext(ctx, s.q.RegionPath, code).Scan(&path); err != nil {
		if store.NotFound(err) != err {
			return errs.Validation(errs.Field("region", "error.selection_region", "Code", code))
		}
		return err
	}
	if topCode(path) != code {
		return errs.Validation(errs.Field("region", "error.selection_region", "Code", code))
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if m == "" {
			_, err = tx.ExecContext(ctx, s.q.MacroDelete, code)
		} else {
			_, err = tx.ExecContext(ctx, s.q.MacroSet, code, m)
		}
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "macro_region", EntityID: code,
			After: map[string]any{"macro": m}})
	})
}
