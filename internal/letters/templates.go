package letters

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Template is the text an organisation writes letters of a kind in one
// language with: its own latest version, or the built-in text (Version 0).
type Template struct {
	Kind      Kind      `json:"kind"`
	Locale    string    `json:"locale"`
	Version   int       `json:"version"`
	Subject   string    `json:"subject"`
	Body      string    `json:"body"`
	CreatedBy int64     `json:"created_by,omitempty"`
	CreatedAt time.Time `json:"created_at,omitzero"`
}

// Bounds of a template.
const (
	MaxSubject = 200
	MaxBody    = 8000
)

// Templates lists the templates organisation org writes with, every kind
// in every language, its own where it saved one, else the built-in.
func (s *Service) Templates(ctx context.Context, p access.Principal, org int64) ([]Template, error) {
	if _, err := s.orgFor(ctx, p, org, access.ViewLetters); err != nil {
		return nil, err
	}
	own, err := store.Select(ctx, s.db.R, scanTemplate, s.q.Templates, org)
	if err != nil {
		return nil, err
	}
	var out []Template
	for _, k := range Kinds() {
		for _, l := range i18n.All() {
			t := builtIn(k, l)
			for _, o := range own {
				if o.Kind == k && o.Locale == string(l) {
					t = o
				}
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// History lists every saved version of one template, newest first.
func (s *Service) History(ctx context.Context, p access.Principal, org int64, k Kind, l i18n.Locale) ([]Template, error) {
	if _, err := s.orgFor(ctx, p, org, access.ViewLetters); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanTemplate, s.q.TemplateHistory, org, string(k), string(l))
}

func builtIn(k Kind, l i18n.Locale) Template {
	d := Defaults(k, l)
	return Template{Kind: k, Locale: string(l), Subject: d.Subject, Body: d.Body}
}

// template is the template organisation org writes letters of kind k in
// locale l with.
func (s *Service) template(ctx context.Context, q store.Querier, org int64, k Kind, l i18n.Locale) (Template, error) {
	t, err := scanTemplate(q.QueryRowContext(ctx, s.q.LatestTemplate, org, string(k), string(l)))
	if errors.Is(err, sql.ErrNoRows) {
		return builtIn(k, l), nil
	}
	return t, err
}

// TemplateInput saves a template; Version is the version read (0 for the
// built-in), so that two people editing at once do not overwrite each
// other.
type TemplateInput struct {
	Kind    Kind
	Locale  string
	Subject string
	Body    string
	Version int
}

// SaveTemplate saves a new version of organisation org's template. A
// template naming a placeholder its kind does not have is refused, the
// placeholder named (error.letter_placeholder_unknown).
func (s *Service) SaveTemplate(ctx context.Context, p access.Principal, org int64, in TemplateInput) (Template, error) {
	o, err := s.orgFor(ctx, p, org, access.ManageLetters)
	if err != nil {
		return Template{}, err
	}
	in.Subject = strings.TrimSpace(in.Subject)
	in.Body = strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
	if err := checkTemplate(in); err != nil {
		return Template{}, err
	}
	l, _ := i18n.Parse(in.Locale)
	t := Template{Kind: in.Kind, Locale: string(l), Subject: in.Subject, Body: in.Body, CreatedBy: p.UserID,
		CreatedAt: s.Now().UTC()}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		cur, err := s.template(ctx, tx, org, in.Kind, l)
		if err != nil {
			return err
		}
		if cur.Version != in.Version {
			return errs.New(errs.Conflict, "error.letter_template_changed")
		}
		t.Version = cur.Version + 1
		if _, err := tx.ExecContext(ctx, s.q.InsertTemplate, org, string(t.Kind), t.Locale, t.Version, t.Subject,
			t.Body, store.NullID(p.UserID), t.CreatedAt); err != nil {
			if store.IsUniqueViolation(err) {
				return errs.New(errs.Conflict, "error.letter_template_changed")
			}
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "save", Entity: "letter_template",
			EntityID: itoa(org) + "/" + string(t.Kind) + "/" + t.Locale, OrgPath: o.Path, After: t})
	})
	return t, err
}

// checkTemplate answers the field errors of in.
func checkTemplate(in TemplateInput) error {
	var fs []errs.FieldError
	if !in.Kind.Valid() {
		fs = append(fs, valid.Choice("kind", Kinds()...))
	}
	if l, ok := i18n.Parse(in.Locale); !ok || string(l) != in.Locale {
		fs = append(fs, valid.Choice("locale", i18n.All()...))
	}
	fs = valid.Name(fs, "subject", in.Subject, MaxSubject)
	fs = valid.Required(fs, "body", in.Body)
	if utf8.RuneCountInString(in.Body) > MaxBody {
		fs = append(fs, errs.Field("body", "error.too_long", "Field", "body", "Count", MaxBody))
	}
	if in.Kind.Valid() {
		for _, f := range []struct{ name, text string }{{"subject", in.Subject}, {"body", in.Body}} {
			if e := checkText(in.Kind, f.name, f.text); e != nil {
				fs = append(fs, *e)
			}
		}
	}
	return errs.Validation(fs...)
}

func scanTemplate(sc store.Scanner) (Template, error) {
	var t Template
	var by sql.NullInt64
	err := sc.Scan(&t.Kind, &t.Locale, &t.Version, &t.Subject, &t.Body, &by, &t.CreatedAt)
	t.CreatedBy, t.CreatedAt = by.Int64, t.CreatedAt.UTC()
	return t, err
}
