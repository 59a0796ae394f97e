package people

import (
	"slices"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// CheckImportRow returns what the import would reject row for without
// reading the database: the person's and the guardian's fields as a form
// checks them, and a place. A list's preview runs it on the rows it shows,
// so it never calls ready a row the dry run refuses for one of these. A
// row without errors keeps what the checks made of it, so that the
// import does not check it again: a list's reader runs this on its own
// core while the import plans and writes the rows before.
func (s *Service) CheckImportRow(row *ImportRow) []RowError {
	var out []RowError
	add := func(fs []errs.FieldError, prefix string) {
		for _, f := range fs {
			f.Field = prefix + f.Field
			out = append(out, rowError(*row, f))
		}
	}
	pre := &checked{}
	var fs []errs.FieldError
	pre.rec, fs = s.check(row.Person)
	if row.Person.RegionCode == "" {
		fs = append(fs, errs.Field("region_code", "error.required", "Field", "region_code"))
	}
	add(fs, "")
	if g := row.Guardian; g != nil && (text.Clean(g.LastName) != "" || text.Clean(g.FirstName) != "") {
		var gfs []errs.FieldError
		pre.guardian, gfs = s.check(*g)
		add(gfs, "guardian_")
	}
	if len(out) == 0 {
		pre.person, pre.g = row.Person, row.Guardian
		row.checked = pre
	}
	return out
}

// checked is what the checks of CheckImportRow made of a row's person and
// guardian, with the inputs they were made of.
type checked struct {
	person        Input
	g             *Input
	rec, guardian Person
}

// checkPerson is s.check of the row's person, as CheckImportRow left it
// when the person is unchanged since.
func (s *Service) checkPerson(row ImportRow, in Input) (Person, []errs.FieldError) {
	if c := row.checked; c != nil && sameInput(c.person, in) {
		return c.rec, nil
	}
	return s.check(in)
}

// checkGuardianInput is s.check of the row's guardian g, the same way.
func (s *Service) checkGuardianInput(row ImportRow, g Input) (Person, []errs.FieldError) {
	if c := row.checked; c != nil && c.g == row.Guardian && c.g != nil && sameInput(*c.g, g) {
		return c.guardian, nil
	}
	return s.check(g)
}

// sameInput reports whether check makes the same of a and b: it reads
// neither the organisation nor the place, which the import fills in.
func sameInput(a, b Input) bool {
	return a.LastName == b.LastName && a.FirstName == b.FirstName && a.Patronymic == b.Patronymic &&
		a.BirthDate.Equal(b.BirthDate) && a.Sex == b.Sex && a.IDKind == b.IDKind && a.NationalID == b.NationalID &&
		a.Phone == b.Phone && a.Address == b.Address && slices.Equal(a.Languages, b.Languages) &&
		a.Grade == b.Grade && a.Status == b.Status && a.Disability == b.Disability &&
		a.SpecialNeeds == b.SpecialNeeds && a.Notes == b.Notes
}
