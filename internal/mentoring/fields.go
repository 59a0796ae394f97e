package mentoring

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Field is a field of expertise of the configurable list, named in the
// five languages. An inactive field stays on the mentors who have it but
// is offered to no one new.
type Field struct {
	Code     string `json:"code"`
	NameEN   string `json:"name_en"`
	NameKK   string `json:"name_kk"`
	NameRU   string `json:"name_ru"`
	NameFR   string `json:"name_fr"`
	NameFA   string `json:"name_fa"`
	Active   bool   `json:"active"`
	Position int    `json:"position"`
}

// Name is the field's name in locale, English when it has none there.
func (f Field) Name(locale string) string {
	n := map[string]string{"kk": f.NameKK, "ru": f.NameRU, "fr": f.NameFR, "fa": f.NameFA}[locale]
	if n == "" {
		return f.NameEN
	}
	return n
}

// Names are the field's names in every language, for matching a cell.
func (f Field) Names() []string { return []string{f.NameEN, f.NameKK, f.NameRU, f.NameFR, f.NameFA} }

// Fields lists the fields of expertise in their order; anyone may read
// them (the public form offers them).
func (s *Service) Fields(ctx context.Context) ([]Field, error) {
	return store.Select(ctx, s.db.R, scanField, s.q.Fields)
}

// IsActiveField reports whether code names a field of the list offered
// to newcomers: the check a young person's field of interest passes.
func (s *Service) IsActiveField(ctx context.Context, code string) (bool, error) {
	fields, err := s.Fields(ctx)
	if err != nil {
		return false, err
	}
	for _, f := range fields {
		if f.Code == code {
			return f.Active, nil
		}
	}
	return false, nil
}

// SaveField adds field f or changes the one of its code; p needs
// ManageMentorFields.
func (s *Service) SaveField(ctx context.Context, p access.Principal, f Field) (Field, error) {
	if err := access.Can(p, access.ManageMentorFields, access.Target{}); err != nil {
		return Field{}, err
	}
	f.Code = strings.ToLower(strings.TrimSpace(f.Code))
	var fs []errs.FieldError
	if f.Code == "" || strings.Trim(f.Code, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" || len(f.Code) > 40 {
		fs = append(fs, errs.Field("code", "error.mentor_field_code"))
	}
	for field, v := range map[string]*string{"name_en": &f.NameEN, "name_kk": &f.NameKK, "name_ru": &f.NameRU,
		"name_fr": &f.NameFR, "name_fa": &f.NameFA} {
		*v = strings.TrimSpace(*v)
		fs = valid.Name(fs, field, *v, MaxName)
	}
	if err := errs.Validation(fs...); err != nil {
		return Field{}, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.UpsertField, f.Code, f.NameEN, f.NameKK, f.NameRU, f.NameFR, f.NameFA,
			f.Active, f.Position); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "save", Entity: "mentor_field", EntityID: f.Code, After: f})
	})
	return f, err
}

// fieldCodes are the codes of the active fields.
func (s *Service) fieldCodes(ctx context.Context, q store.Querier) ([]string, error) {
	fs, err := store.Select(ctx, q, scanField, s.q.Fields)
	var out []string
	for _, f := range fs {
		if f.Active {
			out = append(out, f.Code)
		}
	}
	return out, err
}

func scanField(sc store.Scanner) (Field, error) {
	var f Field
	err := sc.Scan(&f.Code, &f.NameEN, &f.NameKK, &f.NameRU, &f.NameFR, &f.NameFA, &f.Active, &f.Position)
	return f, err
}
