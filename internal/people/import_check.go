package people

import (
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// CheckImportRow returns what the import would reject row for without
// reading the database: the person's and the guardian's fields as a form
// checks them, and a place. A list's preview runs it on the rows it shows,
// so it never calls ready a row the dry run refuses for one of these.
func (s *Service) CheckImportRow(row ImportRow) []RowError {
	var out []RowError
	add := func(fs []errs.FieldError, prefix string) {
		for _, f := range fs {
			f.Field = prefix + f.Field
			out = append(out, rowError(row, f))
		}
	}
	_, fs := s.check(row.Person)
	if row.Person.RegionCode == "" {
		fs = append(fs, errs.Field("region_code", "error.required", "Field", "region_code"))
	}
	add(fs, "")
	if g := row.Guardian; g != nil && (text.Clean(g.LastName) != "" || text.Clean(g.FirstName) != "") {
		_, gfs := s.check(*g)
		add(gfs, "guardian_")
	}
	return out
}
