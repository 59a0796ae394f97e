package imports

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/text"
)

// RowError is one reason a row was rejected: its line, the column (a
// canonical column name), the value as written and an i18n key.
type RowError struct {
	Line   int
	Column string
	Value  string
	Key    string
	Args   []any
}

// Refs resolves what cells name: places, schools and categories.
type Refs struct {
	Regions    *Matcher
	Categories *Matcher
	// Schools maps the folded name of an organisation the importer may
	// write to, to its id; 0 when two organisations share the name.
	Schools map[string]int64
}

// parser turns a file's rows into people.ImportRow values.
type parser struct {
	m     Mapping
	refs  Refs
	orgID int64 // the organisation the list comes from
}

// parse reads one row; it returns the errors of the row instead when any
// cell cannot be read, so a row is taken whole or not at all.
func (ps *parser) parse(r tabular.Row) (people.ImportRow, []RowError) {
	var errs []RowError
	bad := func(c Column, key string, args ...any) {
		errs = append(errs, RowError{Line: r.Line, Column: string(c), Value: ps.m.Value(r.Cells, c), Key: key, Args: args})
	}
	for _, i := range r.Formulas {
		if i < len(ps.m.cols) && ps.m.cols[i] != "" {
			bad(ps.m.cols[i], "import.formula")
		}
	}
	if len(r.Cells) > ps.m.Width() && strings.TrimSpace(strings.Join(r.Cells[ps.m.Width():], "")) != "" {
		errs = append(errs, RowError{Line: r.Line, Column: "", Value: strings.Join(r.Cells[ps.m.Width():], " | "),
			Key: "import.ragged", Args: []any{"Count", len(r.Cells), "Width", ps.m.Width()}})
	}
	v := func(c Column) string { return strings.TrimSpace(ps.m.Value(r.Cells, c)) }
	in := people.Input{LastName: v(LastName), FirstName: v(FirstName), Patronymic: v(Patronymic),
		Phone: v(Phone), Address: v(Address), OrgID: ps.orgID}
	if s := v(BirthDate); s != "" {
		d, err := text.ParseDate(s)
		if err != nil {
			bad(BirthDate, errKey(err, "date.format"))
		}
		in.BirthDate = d
	}
	if sex, ok := ParseSex(v(Sex)); ok {
		in.Sex = people.Sex(sex)
	} else {
		bad(Sex, "import.sex")
	}
	if id := v(NationalID); id != "" {
		kind, number, _ := natid.Detect(id)
		in.IDKind, in.NationalID = string(kind), number
		if number == "" {
			in.NationalID = id // people reports what is wrong with it
		}
	}
	in.RegionCode = ps.region(r, v, bad)
	if s := v(School); s != "" {
		switch id, ok := ps.refs.Schools[valueKey(s)]; {
		case !ok:
			bad(School, "import.school_unknown")
		case id == 0:
			bad(School, "import.school_ambiguous")
		default:
			in.OrgID = id
		}
	}
	if s := v(Grade); s != "" {
		g, ok := parseGrade(s)
		if !ok {
			bad(Grade, "import.grade")
		}
		in.Grade, in.Status = g, people.Pupil
	}
	row := people.ImportRow{Line: r.Line, Person: in, HouseholdRef: v(HouseholdRef)}
	rel, ok := ParseRelation(v(Relation))
	if !ok {
		bad(Relation, "import.relation")
	}
	row.Relation = rel
	if gl, gf := v(GuardianLastName), v(GuardianFirstName); gl != "" || gf != "" {
		row.Guardian = &people.Input{LastName: gl, FirstName: gf, Phone: v(GuardianPhone), RegionCode: in.RegionCode,
			Address: in.Address, OrgID: in.OrgID}
	}
	for _, c := range SplitCategories(v(Categories)) {
		code, ok := ps.refs.Categories.Find(c)
		if !ok {
			errs = append(errs, RowError{Line: r.Line, Column: string(Categories), Value: c, Key: "error.unknown_category", Args: []any{"Code", c}})
			continue
		}
		row.Categories = append(row.Categories, code)
	}
	return row, errs
}

// region resolves the most specific place the row names: settlement, then
// district, then region.
func (ps *parser) region(r tabular.Row, v func(Column) string, bad func(Column, string, ...any)) string {
	for _, c := range []Column{Settlement, District, Region} {
		s := v(c)
		if s == "" {
			continue
		}
		if code, ok := ps.refs.Regions.Find(s); ok {
			return code
		}
		bad(c, "error.unknown_region", "Code", s)
		return ""
	}
	return ""
}

// parseGrade reads "5", "5 класс", "5А" or "۵": the leading number, 0–12.
func parseGrade(s string) (int, bool) {
	s = text.NormalizeDigits(strings.TrimSpace(s))
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if end < 0 {
		end = len(s)
	}
	g, err := strconv.Atoi(s[:end])
	return g, err == nil && g >= 0 && g <= 12
}

// errKey returns the i18n key of err when it has one.
func errKey(err error, fallback string) string {
	if k, ok := err.(interface{ Key() string }); ok {
		return k.Key()
	}
	return fallback
}
