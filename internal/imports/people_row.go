package imports

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
)

// Refs resolves what cells name: places, schools and categories.
type Refs struct {
	Regions    *Matcher
	Categories *Matcher
	// Schools maps the folded name of an organisation the importer may
	// write to, to its id; 0 when two organisations share the name.
	Schools map[string]int64
}

// peopleParser turns a file's rows into people.ImportRow values.
type peopleParser struct {
	refs  Refs
	orgID int64  // the organisation the list comes from
	home  string // its region's code: the place of a row that names none
	// check is the registry's own checks of a row that need no database
	// (people.Service.CheckImportRow), so a preview that says a row is
	// ready agrees with the dry run.
	check func(*people.ImportRow) []people.RowError
}

// parse reads one row; it returns the errors of the row instead when any
// cell cannot be read.
func (ps *peopleParser) parse(f Fields) (people.ImportRow, []RowError) {
	var errs []RowError
	bad := func(c Column, key string, args ...any) { errs = append(errs, f.Error(c, key, args...)) }
	v := f.Get
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
	if in.RegionCode = ps.region(v, bad); in.RegionCode == "" && !ps.named(v) {
		in.RegionCode = ps.home
	}
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
	row := people.ImportRow{Line: f.Line, Person: in, HouseholdRef: v(HouseholdRef)}
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
			errs = append(errs, RowError{Line: f.Line, Column: string(Categories), Value: c, Key: "error.unknown_category", Args: []any{"Code", c}})
			continue
		}
		row.Categories = append(row.Categories, code)
	}
	if strings.TrimSpace(in.LastName) == "" { // the template says the surname is required, and a list always has one
		bad(LastName, "error.required", "Field", string(LastName))
	}
	if len(errs) == 0 && ps.check != nil {
		for _, e := range ps.check(&row) {
			errs = append(errs, RowError{Line: e.Line, Column: e.Field, Value: e.Value, Key: e.Key, Args: e.Args})
		}
	}
	return row, errs
}

// named reports whether the row names a place, found or not.
func (ps *peopleParser) named(v func(Column) string) bool {
	return v(Settlement) != "" || v(District) != "" || v(Region) != ""
}

// region resolves the most specific place the row names: settlement, then
// district, then region.
func (ps *peopleParser) region(v func(Column) string, bad func(Column, string, ...any)) string {
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
