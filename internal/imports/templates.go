package imports

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// SavedTemplate is a Template an organisation keeps under a name, for the
// next lists that come with the same headers.
type SavedTemplate struct {
	ID        int64
	OrgID     int64
	OrgName   string
	OrgPath   string
	Name      string
	Target    string // the name of the target whose columns it answers with
	Mapping   Template
	UpdatedAt time.Time
}

// maxTemplateName bounds a template's name, in characters.
const maxTemplateName = 100

// SaveTemplate keeps m under name for organisation orgID and target,
// replacing the template of that name if there is one (of any target). m
// maps headers as written to the target's columns; an empty m or an
// unknown column is refused.
func (s *Service) SaveTemplate(ctx context.Context, p access.Principal, target string, orgID int64, name string, m Template) (SavedTemplate, error) {
	tg, err := s.Target(target)
	if err != nil {
		return SavedTemplate{}, err
	}
	o, err := s.orgTarget(ctx, p, orgID)
	if err != nil {
		return SavedTemplate{}, err
	}
	name = text.Clean(name)
	switch {
	case name == "":
		return SavedTemplate{}, errs.Validation(errs.Field("template_name", "error.required", "Field", "template_name"))
	case utf8.RuneCountInString(name) > maxTemplateName:
		return SavedTemplate{}, errs.Validation(errs.Field("template_name", "error.too_long", "Field", "template_name", "Count", maxTemplateName))
	case len(m) == 0:
		return SavedTemplate{}, errs.Validation(errs.Field("template_name", "imports.template_empty"))
	}
	for _, c := range m {
		if !tg.Has(c) {
			return SavedTemplate{}, errs.New(errs.Invalid, "error.invalid_choice")
		}
	}
	body, err := json.Marshal(m)
	if err != nil {
		return SavedTemplate{}, err
	}
	t := SavedTemplate{OrgID: o.ID, OrgName: o.Name, OrgPath: o.Path, Name: name, Target: target, Mapping: m, UpdatedAt: s.clock()}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.SaveTemplate, o.ID, o.Path, name, string(body), store.NullID(p.UserID),
			t.UpdatedAt, target).Scan(&t.ID)
		if err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "save", Entity: "import_template",
			EntityID: strconv.FormatInt(t.ID, 10), OrgPath: o.Path, After: map[string]any{"name": name, "target": target, "mapping": m}})
	})
	return t, err
}

// maxTemplates bounds the templates a list offers.
const maxTemplates = 200

// Templates lists the templates of target ("" for every target) of the
// organisations p may import for, newest first.
func (s *Service) Templates(ctx context.Context, p access.Principal, target string) ([]SavedTemplate, error) {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanTemplate, s.q.Templates, p.OrgPath+"%", maxTemplates, target)
}

// SavedTemplateByID returns template id if p may import for its
// organisation.
func (s *Service) SavedTemplateByID(ctx context.Context, p access.Principal, id int64) (SavedTemplate, error) {
	t, err := scanTemplate(s.db.R.QueryRowContext(ctx, s.q.TemplateByID, id))
	if err != nil {
		return SavedTemplate{}, store.NotFound(err)
	}
	if canImport(p, t.OrgPath) != nil {
		return SavedTemplate{}, errs.ErrNotFound
	}
	return t, nil
}

func scanTemplate(sc store.Scanner) (SavedTemplate, error) {
	var t SavedTemplate
	var m string
	if err := sc.Scan(&t.ID, &t.OrgID, &t.OrgName, &t.OrgPath, &t.Name, &m, &t.UpdatedAt, &t.Target); err != nil {
		return t, err
	}
	return t, json.Unmarshal([]byte(m), &t.Mapping)
}

// Suggest picks, among ts, the first template of target t of
// organisation orgID (or else of any organisation) that answers every
// header of header t does not know by itself; nil when no header needs
// an answer or none does.
func (t *Target) Suggest(ts []SavedTemplate, header []string, orgID int64) *SavedTemplate {
	unknown := t.Unknown(header)
	if len(unknown) == 0 {
		return nil
	}
	var other *SavedTemplate
	for i, st := range ts {
		if st.Target != t.name || !st.Mapping.answers(unknown) {
			continue
		}
		if st.OrgID == orgID {
			return &ts[i]
		}
		if other == nil {
			other = &ts[i]
		}
	}
	return other
}

// Unknown lists the headers MapHeader does not recognise by itself.
func (t *Target) Unknown(header []string) []string {
	_, probs := t.MapHeader(header, nil)
	var out []string
	for _, p := range probs {
		if p.Key == "import.header_unknown" {
			out = append(out, p.Header)
		}
	}
	return out
}

// answers reports whether t maps every one of headers.
func (t Template) answers(headers []string) bool {
	keys := map[string]bool{}
	for k := range t {
		keys[headerKey(k)] = true
	}
	for _, h := range headers {
		if !keys[headerKey(h)] {
			return false
		}
	}
	return true
}

// Lookup returns the column t gives header, "" when it gives none.
func (t Template) Lookup(header string) Column {
	k := headerKey(header)
	for h, c := range t {
		if headerKey(h) == k {
			return c
		}
	}
	return ""
}

// Set answers header with column c, replacing any answer for a header
// written the same way; c "" removes the answer (the column is left out).
func (t Template) Set(header string, c Column) {
	k := headerKey(header)
	for h := range t {
		if headerKey(h) == k {
			delete(t, h)
		}
	}
	if c != "" {
		t[header] = c
	}
}
