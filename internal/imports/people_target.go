package imports

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

// PeopleTarget is the target "people": lists of children and young people
// with their households, written by people.ImportSession.
func PeopleTarget(reg *people.Service, g *geo.Service, o *orgs.Service) *Target {
	return Define[people.ImportRow](peopleList{reg: reg, geo: g, orgs: o})
}

type peopleList struct {
	reg  *people.Service
	geo  *geo.Service
	orgs *orgs.Service
}

func (peopleList) Name() string          { return "people" }
func (peopleList) Label() string         { return "imports.target_people" }
func (peopleList) Columns() []ColumnSpec { return peopleColumns() }

// Parser reads the places, categories and organisations cells may name,
// and the region of organisation o.OrgID, the place of a row that names
// none. A school o.Schools maps names the organisation mapped to, when p
// sees it.
func (l peopleList) Parser(ctx context.Context, p access.Principal, o Options) (func(Fields) (people.ImportRow, []RowError), error) {
	orgID := o.OrgID
	refs, err := loadRefs(ctx, l.geo, l.orgs, l.reg, p)
	if err != nil {
		return nil, err
	}
	for k, id := range o.Schools {
		if _, err := l.orgs.Get(ctx, p, id); err == nil {
			refs.Schools[k] = id
		}
	}
	ps := &peopleParser{refs: refs, orgID: orgID, check: l.reg.CheckImportRow}
	if orgID != 0 {
		org, err := l.orgs.Get(ctx, p, orgID)
		if err != nil {
			return nil, err
		}
		ps.home = org.RegionCode
	}
	return ps.parse, nil
}

// Open begins a people.ImportSession.
func (l peopleList) Open(ctx context.Context, p access.Principal, o Options) (Session[people.ImportRow], error) {
	po := people.ImportOptions{OrgID: o.OrgID, DryRun: o.DryRun, Source: o.Source, Hold: o.Hold, MaxHold: o.MaxHold, Load: o.Load}
	if c := o.Commit; c != nil {
		po.Commit = func(ctx context.Context, tx *sql.Tx, outs []people.Outcome, errs []people.RowError) error {
			return c(ctx, tx, peopleOutcomes(outs), peopleErrors(errs))
		}
	}
	is, err := l.reg.BeginImport(ctx, p, po)
	if err != nil {
		return nil, err
	}
	return peopleSession{is}, nil
}

type peopleSession struct{ is *people.ImportSession }

func (s peopleSession) Batch(ctx context.Context, rows []people.ImportRow) ([]Outcome, []RowError, error) {
	outs, rowErrs, err := s.is.Batch(ctx, rows)
	if err != nil {
		return nil, nil, err
	}
	return peopleOutcomes(outs), peopleErrors(rowErrs), nil
}

// peopleOutcomes are the engine's outcomes of outs.
func peopleOutcomes(outs []people.Outcome) []Outcome {
	res := make([]Outcome, len(outs))
	for i, o := range outs {
		switch o {
		case people.Created:
			res[i] = Created
		case people.Updated:
			res[i] = Updated
		case people.Unchanged:
			res[i] = Unchanged
		}
	}
	return res
}

// peopleErrors are the engine's reasons of rowErrs.
func peopleErrors(rowErrs []people.RowError) []RowError {
	errs := make([]RowError, len(rowErrs))
	for i, e := range rowErrs {
		errs[i] = RowError{Line: e.Line, Column: e.Field, Value: e.Value, Key: e.Key, Args: e.Args}
	}
	return errs
}

func (s peopleSession) Close(ctx context.Context) error {
	_, err := s.is.Close(ctx)
	return err
}
