package mentoring

import (
	"context"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// check cleans in and resolves its organisation and region; the mentor
// it returns has no id, status or source yet. Every problem is a field
// error, so a form shows them all at once.
func (s *Service) check(ctx context.Context, q store.Querier, in Input) (Mentor, error) {
	known, err := s.fieldCodes(ctx, q)
	if err != nil {
		return Mentor{}, err
	}
	m, fs := profile(in, known)
	fs, err = s.place(ctx, q, &m, in.RegionCode, fs)
	if err != nil {
		return Mentor{}, err
	}
	return m, errs.Validation(fs...)
}

// profile checks what in says of the mentor, apart from the place,
// against the known fields of expertise; it needs no database.
func profile(in Input, known []string) (Mentor, []errs.FieldError) {
	m := Mentor{Name: strings.TrimSpace(in.Name), Phone: strings.TrimSpace(in.Phone),
		Email: strings.ToLower(strings.TrimSpace(in.Email)), Background: in.Background, OrgID: in.OrgID,
		InPerson: in.InPerson, Online: in.Online, Capacity: in.Capacity, Minors: in.Minors, Vetting: in.Vetting}
	var fs []errs.FieldError
	fs = valid.Name(fs, "name", m.Name, MaxName)
	fs = valid.Line(fs, "phone", m.Phone, 40)
	fs = valid.Line(fs, "email", m.Email, 200)
	if m.Email != "" && (!strings.Contains(m.Email, "@") || strings.ContainsAny(m.Email, " ")) {
		fs = append(fs, errs.Field("email", "error.invalid", "Field", "email"))
	}
	if contactKey(m) == "" {
		fs = append(fs, errs.Field("contact", "error.mentor_contact"))
	}
	if !oneOf(m.Background, Backgrounds()) {
		fs = append(fs, valid.Choice("background", Backgrounds()...))
	}
	if !m.InPerson && !m.Online {
		fs = append(fs, errs.Field("formats", "error.mentor_formats"))
	}
	if m.Capacity < 1 || m.Capacity > MaxCapacity {
		fs = append(fs, errs.Field("capacity", "error.mentor_capacity", "Max", MaxCapacity))
	}
	fs = checkLists(&m, in, known, fs)
	return m, checkVetting(&m, fs)
}

// checkLists keeps the known (active) fields of expertise and languages of in.
func checkLists(m *Mentor, in Input, known []string, fs []errs.FieldError) []errs.FieldError {
	for _, f := range in.Fields {
		f = strings.TrimSpace(f)
		switch {
		case !oneOf(f, known):
			return append(fs, valid.Choice("fields", known...))
		case !oneOf(f, m.Fields):
			m.Fields = append(m.Fields, f)
		}
	}
	if len(m.Fields) == 0 {
		fs = append(fs, errs.Field("fields", "error.mentor_fields"))
	}
	for _, l := range in.Languages {
		l = strings.ToLower(strings.TrimSpace(l))
		switch {
		case !oneOf(l, Languages()):
			return append(fs, valid.Choice("languages", Languages()...))
		case !oneOf(l, m.Languages):
			m.Languages = append(m.Languages, l)
		}
	}
	if len(m.Languages) == 0 {
		fs = append(fs, errs.Field("languages", "error.mentor_languages"))
	}
	return fs
}

// checkVetting checks a vetting given: a document, its date, an expiry
// after the date and who checked it, all or nothing.
func checkVetting(m *Mentor, fs []errs.FieldError) []errs.FieldError {
	v := &m.Vetting
	v.Document, v.CheckedBy = strings.TrimSpace(v.Document), strings.TrimSpace(v.CheckedBy)
	v.On, v.Expires = store.Day(v.On), store.Day(v.Expires)
	if *v == (Vetting{}) {
		return fs
	}
	fs = valid.Line(fs, "vetting_document", v.Document, 200)
	fs = valid.Line(fs, "vetted_by", v.CheckedBy, MaxName)
	if v.Document == "" || v.On.IsZero() || v.Expires.IsZero() || v.CheckedBy == "" {
		return append(fs, errs.Field("vetting", "error.mentor_vetting_incomplete"))
	}
	if !v.Expires.After(v.On) {
		fs = append(fs, errs.Field("vetting_expires", "error.mentor_vetting_dates"))
	}
	return fs
}

// place resolves the branch and the region, which must lie within the
// branch's region.
func (s *Service) place(ctx context.Context, q store.Querier, m *Mentor, code string, fs []errs.FieldError) ([]errs.FieldError, error) {
	var orgRegion string
	err := q.QueryRowContext(ctx, s.q.Org, m.OrgID).Scan(&m.OrgPath, &orgRegion)
	if errors.Is(store.NotFound(err), errs.ErrNotFound) {
		return append(fs, errs.Field("org", "error.not_found")), nil
	} else if err != nil {
		return nil, err
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return append(fs, errs.Field("region", "error.required", "Field", "region")), nil
	}
	r, err := s.geo.Lookup(ctx, code)
	if errors.Is(err, errs.ErrNotFound) {
		return append(fs, errs.Field("region", "error.unknown_region", "Code", code)), nil
	} else if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(r.Path, orgRegion) {
		return append(fs, errs.Field("region", "error.mentor_region_outside")), nil
	}
	m.RegionCode, m.RegionPath, m.regionID = r.Code, r.Path, r.ID
	return fs, nil
}

// contactKey is what tells one mentor of a branch from another: the
// email, or else the phone's digits.
func contactKey(m Mentor) string {
	if m.Email != "" {
		return m.Email
	}
	var b strings.Builder
	for _, r := range text.NormalizeDigits(m.Phone) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
