package imports

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

// The columns an enrolment list adds: the school year and whether the
// pupil attends.
const (
	SchoolYear Column = "school_year"
	Status     Column = "status"
)

// PopulationTarget is the target "population-list": a civil register, a
// health or a social-assistance list, for the out-of-school run. Each row
// is registered (or found) as the people list does it and kept, as
// written, as a row of the list of its import, with the person it
// landed on. A list must give birth dates: a row without one is refused.
func PopulationTarget(reg *people.Service, g *geo.Service, o *orgs.Service, runs *oosrun.Service) *Target {
	return Define[oosRow](populationList{people: peopleList{reg: reg, geo: g, orgs: o}, runs: runs})
}

type populationList struct {
	people peopleList
	runs   *oosrun.Service
}

// oosRow is a row of a population or an enrolment list: the person as
// the people list reads them, with the place as written.
type oosRow struct {
	person people.ImportRow
	place  string
	natID  string // the national ID as written, when the registry refused it
	year   int
	status string
}

func (populationList) Name() string  { return "population-list" }
func (populationList) Label() string { return "imports.target_population_list" }

// Columns are the people list's, the birth date required.
func (populationList) Columns() []ColumnSpec {
	cols := peopleColumns()
	for i := range cols {
		if cols[i].Key == BirthDate {
			cols[i].Required = true
		}
	}
	return cols
}

// Parser reads a row as the people list does, except that a place Jol
// does not know is no reason to refuse a child: the row is placed in the
// organisation's region and keeps the place as written for the linkage.
func (l populationList) Parser(ctx context.Context, p access.Principal, o Options) (func(Fields) (oosRow, []RowError), error) {
	parse, home, err := oosParser(ctx, l.people, p, o)
	if err != nil {
		return nil, err
	}
	return func(f Fields) (oosRow, []RowError) {
		row, errs := parseOOS(f, parse, l.people.reg.CheckImportRow, home)
		if f.Get(BirthDate) == "" {
			errs = append(errs, f.Error(BirthDate, "oos.birth_date_required"))
		}
		return row, errs
	}, nil
}

// oosParser is the people list's parser of organisation o.OrgID's lists,
// with the code of the organisation's region.
func oosParser(ctx context.Context, l peopleList, p access.Principal, o Options) (func(Fields) (people.ImportRow, []RowError), string, error) {
	parse, err := l.Parser(ctx, p, o)
	if err != nil {
		return nil, "", err
	}
	home := ""
	if o.OrgID != 0 {
		org, err := l.orgs.Get(ctx, p, o.OrgID)
		if err != nil {
			return nil, "", err
		}
		home = org.RegionCode
	}
	return parse, home, nil
}

// parseOOS reads the person of a row, keeping the place as written and
// refusing an identifier a spreadsheet wrote in scientific notation.
func parseOOS(f Fields, parse func(Fields) (people.ImportRow, []RowError), check func(*people.ImportRow) []people.RowError,
	home string) (oosRow, []RowError) {
	row := oosRow{}
	for _, c := range []Column{Settlement, District, Region} {
		if v := f.Get(c); v != "" {
			row.place = v
			break
		}
	}
	var errs []RowError
	row.person, errs = parse(f)
	n := len(errs)
	errs = slices.DeleteFunc(errs, func(e RowError) bool {
		if e.Key != "error.unknown_region" {
			return false
		}
		row.person.Person.RegionCode = home
		return true
	})
	if len(errs) == 0 && n > 0 {
		// The parser left the registry's checks for a row it refused.
		for _, e := range check(&row.person) {
			errs = append(errs, RowError{Line: e.Line, Column: e.Field, Value: e.Value, Key: e.Key, Args: e.Args})
		}
	}
	id := f.Get(NationalID)
	if scientific(id) {
		errs = slices.DeleteFunc(errs, func(e RowError) bool { return e.Column == string(NationalID) })
		errs = append(errs, f.Error(NationalID, "import.scientific_id"))
	} else if slices.ContainsFunc(errs, func(e RowError) bool { return e.Column == string(NationalID) }) {
		// A mistyped ID is no reason to lose a child: the registry is
		// not told it, the list keeps it for the linkage, which
		// tolerates a wrong digit.
		errs = slices.DeleteFunc(errs, func(e RowError) bool { return e.Column == string(NationalID) })
		row.natID, row.person.Person.NationalID, row.person.Person.IDKind = id, "", ""
	}
	if len(errs) > 0 && row.person.Person.RegionCode == "" {
		row.person.Person.RegionCode = home
	}
	return row, errs
}

// scientific reports whether s is a number in scientific notation, such
// as 1.40701E+11 or 1,40701E+11: a long number a spreadsheet rounded.
func scientific(s string) bool {
	e := strings.IndexAny(s, "eE")
	if e < 1 || e == len(s)-1 {
		return false
	}
	mant, exp := s[:e], strings.TrimLeft(s[e+1:], "+-")
	digits := func(t string) bool {
		return t != "" && strings.Trim(t, "0123456789") == ""
	}
	mant = strings.Replace(strings.Replace(mant, ",", ".", 1), ".", "", 1)
	return digits(mant) && digits(exp)
}

// Open begins a people import that keeps whom each row landed on and,
// unless the run is dry, the list the rows are kept in.
func (l populationList) Open(ctx context.Context, p access.Principal, o Options) (Session[oosRow], error) {
	var w *oosrun.Writer
	if !o.DryRun {
		org, err := l.people.orgs.Get(ctx, p, o.OrgID)
		if err != nil {
			return nil, err
		}
		if w, err = l.runs.OpenList(ctx, p, oosrun.Population, o.Run, org, o.Source); err != nil {
			return nil, err
		}
	}
	is, err := l.people.reg.BeginImport(ctx, p, people.ImportOptions{OrgID: o.OrgID, DryRun: o.DryRun, Source: o.Source,
		Hold: o.Hold, MaxHold: o.MaxHold})
	if err != nil {
		return nil, err
	}
	is.KeepPersons()
	return &populationSession{is: is, w: w}, nil
}

type populationSession struct {
	is *people.ImportSession
	w  *oosrun.Writer // nil in a dry run
}

// Batch registers the rows' persons, then keeps each row written with
// the person it landed on.
func (s *populationSession) Batch(ctx context.Context, rows []oosRow) ([]Outcome, []RowError, error) {
	prows := make([]people.ImportRow, len(rows))
	for i, r := range rows {
		prows[i] = r.person
	}
	outs, rowErrs, err := peopleSession{s.is}.Batch(ctx, prows)
	if err != nil {
		return nil, nil, err
	}
	var keep []oosrun.Row
	for i, r := range rows {
		per, ok := s.is.Landed(r.person.Line, peopleOutcome(outs[i]))
		if !ok || s.w == nil {
			continue
		}
		row := r.kept()
		row.PersonID, row.RegionCode, row.RegionPath = per.ID, per.RegionCode, per.RegionPath
		keep = append(keep, row)
	}
	if s.w != nil {
		if err := s.w.Add(ctx, keep); err != nil {
			return nil, nil, err
		}
	}
	return outs, rowErrs, nil
}

func (s *populationSession) Close(ctx context.Context) error {
	_, err := s.is.Close(ctx)
	return err
}

// kept is the row of an out-of-school list r is.
func (r oosRow) kept() oosrun.Row {
	in := r.person.Person
	return oosrun.Row{Line: r.person.Line, Last: strings.TrimSpace(in.LastName), First: strings.TrimSpace(in.FirstName),
		Patronymic: strings.TrimSpace(in.Patronymic), Birth: in.BirthDate, Sex: in.Sex, NationalID: cmp.Or(in.NationalID, r.natID),
		Place: r.place, RegionCode: in.RegionCode, SchoolID: in.OrgID, Grade: in.Grade, SchoolYear: r.year,
		Status: r.status}
}
