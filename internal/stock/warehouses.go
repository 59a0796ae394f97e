package stock

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// WarehouseInput opens or edits a warehouse. RegionCode is the region it
// stands in; the organisation's when empty.
type WarehouseInput struct {
	Code       string
	Name       string
	Kind       WarehouseKind
	OrgID      int64
	RegionCode string
	Address    string
	Active     bool
}

// codeRE is a warehouse code: letters, digits and - _ .
var codeRE = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}_.-]*$`)

func (in *WarehouseInput) check() []errs.FieldError {
	in.Code, in.Name = strings.ToUpper(text.Clean(in.Code)), text.Clean(in.Name)
	in.Address, in.RegionCode = text.Clean(in.Address), strings.TrimSpace(in.RegionCode)
	var fs []errs.FieldError
	if fs = valid.Name(fs, "code", in.Code, MaxCode); len(fs) == 0 && !codeRE.MatchString(in.Code) {
		fs = append(fs, errs.Field("code", "error.stock_code_invalid"))
	}
	fs = valid.Name(fs, "name", in.Name, MaxName)
	fs = valid.Line(fs, "address", in.Address, valid.MaxNote)
	if in.Kind != Store && in.Kind != DistributionPoint {
		fs = append(fs, valid.Choice("kind", WarehouseKinds()...))
	}
	if in.OrgID == 0 {
		fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
	}
	return fs
}

// CreateWarehouse opens a warehouse of organisation in.OrgID; p must
// manage warehouses there.
func (s *Service) CreateWarehouse(ctx context.Context, p access.Principal, in WarehouseInput) (Warehouse, error) {
	if err := access.Can(p, access.ManageWarehouses, p.Scope()); err != nil {
		return Warehouse{}, err
	}
	fs := in.check()
	var w Warehouse
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		if err := s.placeWarehouse(ctx, tx, p, &w, in); err != nil {
			return err
		}
		now := s.now().UTC()
		err := tx.QueryRowContext(ctx, s.q.InsertWarehouse, w.Code, w.Name, string(w.Kind), w.OrgID, w.orgPath,
			w.RegionID, w.regionPath, w.Address, w.Active, now).Scan(&w.ID)
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("code", "error.stock_code_taken"))
		}
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "warehouse", EntityID: itoa(w.ID),
			OrgPath: w.orgPath, RegionPath: w.regionPath, After: w})
	})
	return w, err
}

// UpdateWarehouse edits warehouse id; p must manage warehouses both where
// it is and where it goes.
func (s *Service) UpdateWarehouse(ctx context.Context, p access.Principal, id int64, in WarehouseInput) (Warehouse, error) {
	fs := in.check()
	var w Warehouse
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.warehouse(ctx, tx, s.q.WarehouseForUpdate, id)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.ManageWarehouses, before.Target()); err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		w = Warehouse{ID: id}
		if err := s.placeWarehouse(ctx, tx, p, &w, in); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q.UpdateWarehouse, id, w.Code, w.Name, string(w.Kind), w.OrgID, w.orgPath,
			w.RegionID, w.regionPath, w.Address, w.Active, s.now().UTC())
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("code", "error.stock_code_taken"))
		}
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "warehouse", EntityID: itoa(id),
			OrgPath: w.orgPath, RegionPath: w.regionPath, Before: before, After: w})
	})
	return w, err
}

// placeWarehouse fills w from in with its organisation and region, which
// p must manage warehouses in.
func (s *Service) placeWarehouse(ctx context.Context, tx *sql.Tx, p access.Principal, w *Warehouse, in WarehouseInput) error {
	org, err := s.scopeOrg(ctx, tx, in.OrgID, "org_id")
	if err != nil {
		return err
	}
	w.Code, w.Name, w.Kind, w.Address, w.Active = in.Code, in.Name, in.Kind, in.Address, in.Active
	w.OrgID, w.OrgName, w.orgPath = org.id, org.name, org.path
	w.RegionID, w.RegionCode, w.regionPath = org.regionID, org.regionCode, org.regionPath
	if in.RegionCode != "" {
		err := tx.QueryRowContext(ctx, s.q.RegionByCode, in.RegionCode).Scan(&w.RegionID, &w.RegionCode, &w.regionPath)
		if errors.Is(err, sql.ErrNoRows) {
			return errs.Validation(errs.Field("region", "error.unknown_region"))
		}
		if err != nil {
			return err
		}
	}
	if w.RegionID == 0 {
		return errs.Validation(errs.Field("region", "error.required", "Field", "region"))
	}
	if access.Can(p, access.ManageWarehouses, w.Target()) != nil {
		return errs.Validation(errs.Field("org_id", "error.org_out_of_scope"))
	}
	return nil
}

// orgScope is an organisation with the paths a record of it copies.
type orgScope struct {
	id, regionID                             int64
	name, path, regionCode, regionPath, lang string
}

// scopeOrg reads organisation id; an unknown one is a field error of
// field.
func (s *Service) scopeOrg(ctx context.Context, q store.Querier, id int64, field string) (orgScope, error) {
	var o orgScope
	var region sql.NullInt64
	err := q.QueryRowContext(ctx, s.q.ScopeOrg, id).Scan(&o.id, &o.name, &o.path, &region, &o.regionCode, &o.regionPath, &o.lang)
	if errors.Is(err, sql.ErrNoRows) {
		return o, errs.Validation(errs.Field(field, "error.unknown_org"))
	}
	o.regionID = region.Int64
	return o, err
}

func (o orgScope) target() access.Target {
	return access.Target{OrgPath: o.path, RegionPath: o.regionPath}
}
