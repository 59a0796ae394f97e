package people

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// update makes pl update person old: the row's values replace the stored
// ones, but a value the row does not give (the zero value: an empty cell,
// a column the file lacks) keeps the stored one, so an import never erases
// anything. A place or an organisation that contains the stored one (the
// region where the record has the district, the foundation importing a
// list without a school column) is the file knowing less: it changes
// nothing.
// pl.before and pl.after get the fields that change.
func (is *ImportSession) update(ctx context.Context, pl *rowPlan, old Person) ([]errs.FieldError, error) {
	rec, m := pl.rec, old
	keep := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	keep(&m.LastName, rec.LastName)
	keep(&m.FirstName, rec.FirstName)
	keep(&m.Patronymic, rec.Patronymic)
	keep(&m.Address, rec.Address)
	keep(&m.SpecialNeeds, rec.SpecialNeeds)
	keep(&m.Notes, rec.Notes)
	if !rec.BirthDate.IsZero() {
		m.BirthDate = rec.BirthDate
	}
	if rec.Sex != SexUnknown {
		m.Sex = rec.Sex
	}
	if rec.NationalID != "" {
		m.IDKind, m.NationalID = rec.IDKind, rec.NationalID
	}
	if rec.Phone != "" {
		m.Phone, m.phoneDigits = rec.Phone, rec.phoneDigits
	}
	if len(rec.Languages) > 0 {
		m.Languages = rec.Languages
	}
	if rec.Grade != 0 {
		m.Grade = rec.Grade
	}
	if rec.Status != "" {
		m.Status = rec.Status
	}
	m.Disability = m.Disability || rec.Disability
	if !strings.HasPrefix(old.OrgPath, rec.OrgPath) || old.OrgPath == "" {
		m.OrgID, m.OrgPath, m.OrgName = rec.OrgID, rec.OrgPath, ""
	}
	if !strings.HasPrefix(old.RegionPath, rec.RegionPath) {
		m.RegionCode, m.RegionPath = rec.RegionCode, rec.RegionPath
	} else {
		r, err := is.region(ctx, old.RegionCode)
		if err != nil {
			return nil, err
		}
		pl.regionID = r.id
	}
	m.nameKey = text.NameKey(m.LastName, m.FirstName, m.Patronymic)
	pl.rec, pl.old = m, old
	pl.before, pl.after = changes(old, m)
	if pl.before == nil || m.IDKind != IDKindIIN {
		return nil, nil
	}
	_, _, fs := checkID(m.IDKind, m.NationalID, m.BirthDate, m.Sex)
	for i, f := range fs {
		if rec.NationalID == "" { // the row's date of birth or sex disagrees with the stored ID
			fs[i].Field = map[string]string{"natid.sex_mismatch": "sex"}[f.Key]
			if fs[i].Field == "" {
				fs[i].Field = "birth_date"
			}
		}
	}
	return fs, nil
}

// importFields are the fields an import compares and the change log
// shows, by their JSON names, as comparable values.
var importFields = [...]struct {
	name string
	get  func(Person) any
}{
	{"last_name", func(p Person) any { return p.LastName }},
	{"first_name", func(p Person) any { return p.FirstName }},
	{"patronymic", func(p Person) any { return p.Patronymic }},
	{"birth_date", func(p Person) any { return dateText(p.BirthDate) }},
	{"sex", func(p Person) any { return p.Sex }},
	{"id_kind", func(p Person) any { return p.IDKind }},
	{"national_id", func(p Person) any { return p.NationalID }},
	{"phone", func(p Person) any { return p.Phone }},
	{"region_code", func(p Person) any { return p.RegionCode }},
	{"address", func(p Person) any { return p.Address }},
	{"languages", func(p Person) any { return strings.Join(p.Languages, ",") }},
	{"org_id", func(p Person) any { return p.OrgID }},
	{"grade", func(p Person) any { return p.Grade }},
	{"status", func(p Person) any { return p.Status }},
	{"disability", func(p Person) any { return p.Disability }},
	{"special_needs", func(p Person) any { return p.SpecialNeeds }},
	{"notes", func(p Person) any { return p.Notes }},
}

// changes returns the fields that differ between a and b, with their
// values in each; nil when none does, found without allocating.
func changes(a, b Person) (before, after map[string]any) {
	if a.LastName == b.LastName && a.FirstName == b.FirstName && a.Patronymic == b.Patronymic &&
		a.BirthDate.Equal(b.BirthDate) && a.Sex == b.Sex && a.IDKind == b.IDKind && a.NationalID == b.NationalID &&
		a.Phone == b.Phone && a.RegionCode == b.RegionCode && a.Address == b.Address &&
		slices.Equal(a.Languages, b.Languages) && a.OrgID == b.OrgID && a.Grade == b.Grade &&
		a.Status == b.Status && a.Disability == b.Disability && a.SpecialNeeds == b.SpecialNeeds && a.Notes == b.Notes {
		return nil, nil
	}
	for _, f := range importFields {
		if x, y := f.get(a), f.get(b); x != y {
			if before == nil {
				before, after = map[string]any{}, map[string]any{}
			}
			before[f.name], after[f.name] = x, y
		}
	}
	return before, after
}

// dateText is a date as the change log shows it, "" when unknown.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
