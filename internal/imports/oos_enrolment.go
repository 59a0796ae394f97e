package imports

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

// EnrolmentTarget is the target "enrolment-list": a school's list of its
// pupils for the out-of-school run, with the school year and whether each
// attends. The rows are not registered as persons: each is kept, as
// written, as a row of the list of its import. A row's school is the one
// its school column names, mapped as the people list maps schools, or
// else the uploading organisation.
func EnrolmentTarget(reg *people.Service, g *geo.Service, o *orgs.Service, runs *oosrun.Service) *Target {
	return Define[oosRow](enrolmentList{people: peopleList{reg: reg, geo: g, orgs: o}, runs: runs})
}

type enrolmentList struct {
	people peopleList
	runs   *oosrun.Service
}

func (enrolmentList) Name() string  { return "enrolment-list" }
func (enrolmentList) Label() string { return "imports.target_enrolment_list" }

// Columns are the pupil's names, birth date, sex, national ID, place,
// school and grade as the people list reads them, then the school year
// (required) and the attendance status.
func (enrolmentList) Columns() []ColumnSpec {
	var out []ColumnSpec
	for _, c := range peopleColumns() {
		switch c.Key {
		case LastName, FirstName, Patronymic, BirthDate, Sex, NationalID, Region, District, Settlement, School, Grade:
			out = append(out, c)
		}
	}
	return append(out,
		ColumnSpec{Key: SchoolYear, Required: true, Label: "field.school_year", Aliases: []string{"school year",
			"academic year", "year", "оқу жылы", "учебный год", "год", "سال تحصیلی", "année scolaire"}},
		ColumnSpec{Key: Status, Label: "field.attendance", Aliases: []string{"status", "attendance",
			"attendance status", "қатысуы", "мәртебесі", "статус", "посещаемость", "وضعیت", "وضعیت حضور",
			"statut", "assiduité"}})
}

// Parser reads the pupil as the people list does (a place Jol does not
// know kept as written, in the organisation's region), then the school
// year and the status.
func (l enrolmentList) Parser(ctx context.Context, p access.Principal, o Options) (func(Fields) (oosRow, []RowError), error) {
	parse, home, err := oosParser(ctx, l.people, p, o)
	if err != nil {
		return nil, err
	}
	return func(f Fields) (oosRow, []RowError) {
		row, errs := parseOOS(f, parse, l.people.reg.CheckImportRow, home)
		if y, ok := oosrun.ParseSchoolYear(f.Get(SchoolYear)); ok {
			row.year = y
		} else {
			errs = append(errs, f.Error(SchoolYear, "oos.school_year_invalid"))
		}
		if st, ok := oosrun.ParseStatus(f.Get(Status)); ok {
			row.status = st
		} else {
			errs = append(errs, f.Error(Status, "oos.status_invalid"))
		}
		return row, errs
	}, nil
}

// Open begins the list the rows are kept in; a dry run keeps nothing.
func (l enrolmentList) Open(ctx context.Context, p access.Principal, o Options) (Session[oosRow], error) {
	org, err := l.people.orgs.Get(ctx, p, o.OrgID)
	if err != nil {
		return nil, err
	}
	if err := access.Can(p, access.EditChild, org.Target()); err != nil {
		return nil, err
	}
	s := &enrolmentSession{geo: l.people.geo, paths: map[string]string{}}
	if !o.DryRun {
		if s.w, err = l.runs.OpenList(ctx, p, oosrun.Enrolment, o.Run, org, o.Source); err != nil {
			return nil, err
		}
	}
	return s, nil
}

type enrolmentSession struct {
	w     *oosrun.Writer // nil in a dry run
	geo   *geo.Service
	paths map[string]string // region code to path, as looked up
}

// Batch keeps the rows; each is Created.
func (s *enrolmentSession) Batch(ctx context.Context, rows []oosRow) ([]Outcome, []RowError, error) {
	outs := make([]Outcome, len(rows))
	keep := make([]oosrun.Row, len(rows))
	for i, r := range rows {
		outs[i] = Created
		keep[i] = r.kept()
		code := keep[i].RegionCode
		path, ok := s.paths[code]
		if !ok && code != "" {
			if g, err := s.geo.Lookup(ctx, code); err == nil {
				path = g.Path
			}
			s.paths[code] = path
		}
		keep[i].RegionPath = path
	}
	if s.w == nil {
		return outs, nil, nil
	}
	return outs, nil, s.w.Add(ctx, keep)
}

func (s *enrolmentSession) Close(context.Context) error { return nil }
