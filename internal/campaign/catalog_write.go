package campaign

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// CreateItem adds in to the catalogue; a kit with its components.
func (s *Service) CreateItem(ctx context.Context, p access.Principal, in Item) (Item, error) {
	if err := access.Can(p, access.ManageCatalog, access.Target{}); err != nil {
		return Item{}, err
	}
	fs := in.check()
	var out Item
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var taken int64
		if err := tx.QueryRowContext(ctx, s.q.ItemIDByCode, in.Code).Scan(&taken); err == nil {
			fs = append(fs, errs.Field("code", "error.item_code_taken"))
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertAid, in.Code, in.IsKit, string(in.Sizing), in.SerialTracked,
			in.GradeMin, in.GradeMax, in.Unit, in.Names.EN, in.Names.KK, in.Names.RU, in.Names.FR, in.Names.FA,
			true, false, in.Sort).Scan(&in.ID); err != nil {
			if store.IsUniqueViolation(err) {
				return errs.Validation(append(fs, errs.Field("code", "error.item_code_taken"))...)
			}
			return err
		}
		if err := s.writeComponents(ctx, tx, in, &fs); err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		var err error
		if out, err = s.item(ctx, tx, in.ID); err != nil {
			return err
		}
		return s.record(ctx, tx, p, "create", nil, &out)
	})
	return out, err
}

// UpdateItem replaces catalogue entry id with in. A built-in entry keeps
// its code, which other installations' data and the demo name it by.
func (s *Service) UpdateItem(ctx context.Context, p access.Principal, id int64, in Item) (Item, error) {
	if err := access.Can(p, access.ManageCatalog, access.Target{}); err != nil {
		return Item{}, err
	}
	fs := in.check()
	var out Item
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.item(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Builtin && in.Code != before.Code {
			fs = append(fs, errs.Field("code", "error.item_builtin_code"))
		}
		in.ID = id
		if _, err := tx.ExecContext(ctx, s.q.UpdateAid, in.Code, in.IsKit, string(in.Sizing), in.SerialTracked,
			in.GradeMin, in.GradeMax, in.Unit, in.Names.EN, in.Names.KK, in.Names.RU, in.Names.FR, in.Names.FA,
			in.Active, in.Sort, id); err != nil {
			if store.IsUniqueViolation(err) {
				return errs.Validation(append(fs, errs.Field("code", "error.item_code_taken"))...)
			}
			return err
		}
		if err := s.writeComponents(ctx, tx, in, &fs); err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		if out, err = s.item(ctx, tx, id); err != nil {
			return err
		}
		return s.record(ctx, tx, p, "update", &before, &out)
	})
	return out, err
}

// writeComponents replaces the bill of materials of kit it, adding to fs
// a component that is unknown, named twice, or the kit itself, directly
// or through another kit.
func (s *Service) writeComponents(ctx context.Context, tx *sql.Tx, it Item, fs *[]errs.FieldError) error {
	if _, err := tx.ExecContext(ctx, s.q.DeleteComponents, it.ID); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for i, c := range it.Components {
		id, err := s.itemID(ctx, tx, c.ItemID, c.Code)
		if err != nil {
			*fs = append(*fs, errs.Field("components", "error.unknown_item", "Code", c.Code))
			return nil
		}
		if seen[id] {
			*fs = append(*fs, errs.Field("components", "error.duplicate"))
			return nil
		}
		seen[id], it.Components[i].ItemID = true, id
	}
	if len(it.Components) == 0 {
		return nil
	}
	lines, err := store.Select(ctx, tx, scanKitLine, s.q.AllComponents)
	if err != nil {
		return err
	}
	graph := map[int64][]int64{}
	for _, l := range lines {
		graph[l.kit] = append(graph[l.kit], l.ItemID)
	}
	graph[it.ID] = nil
	for _, c := range it.Components {
		graph[it.ID] = append(graph[it.ID], c.ItemID)
	}
	if reaches(graph, it.ID, it.ID, map[int64]bool{}) {
		*fs = append(*fs, errs.Field("components", "error.kit_cycle"))
		return nil
	}
	for _, c := range it.Components {
		if _, err := tx.ExecContext(ctx, s.q.InsertComponent, it.ID, c.ItemID, c.Quantity); err != nil {
			return err
		}
	}
	return nil
}

// reaches reports whether target is among the components of from, at
// any depth.
func reaches(graph map[int64][]int64, from, target int64, seen map[int64]bool) bool {
	for _, c := range graph[from] {
		if c == target {
			return true
		}
		if !seen[c] {
			seen[c] = true
			if reaches(graph, c, target, seen) {
				return true
			}
		}
	}
	return false
}
