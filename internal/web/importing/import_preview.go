package importing

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/web/kit"
)

// importPreviewView is an uploaded list as Jol reads it: what each column
// holds, the problems of the header, a select for each header Jol does not
// know, the first rows as parsed, and the runs so far.
type importPreviewView struct {
	Page
	Form      *form
	Upload    imports.Upload
	Target    string // the name of the list's target, in the user's language
	Format    string
	Size      string
	Columns   []fileColumn
	Problems  []string
	Fatal     bool
	Unknown   []unknownHeader
	Template  string // the saved template the answers start from
	Templates []option
	Suggested string // the name of a template picked because it fits
	Head      []string
	Rows      []previewRow
	Schools   unknownSchools
	Campaign  *campaignChoice // a school's list's; nil for other lists
	Runs      []imports.RunRecord
	Busy      bool // a run is queued or running
}

// fileColumn is a column of the file and what it is imported as ("" for
// a column left out).
type fileColumn struct {
	N      int
	Header string
	As     string
}

// unknownHeader is a header Jol does not know, with the choices of its
// select, named col<N>.
type unknownHeader struct {
	N       int
	Header  string
	Options []option
}

// previewRow is one of the first rows: the cells of the imported columns
// and why the import would reject it.
type previewRow struct {
	Line     int
	Cells    []string
	Problems []string
}

// ImportPreview shows an uploaded list: its columns, how each is read, and
// its first rows.
func (s *Server) ImportPreview(w http.ResponseWriter, r *http.Request, rq *request) error {
	up, err := s.routeUpload(r, rq)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	a, err := s.importAnswers(r, rq, up, q, len(q) == 0)
	if err != nil {
		return err
	}
	return s.renderPreview(w, r, rq, up, a, kit.NewForm(nil, "template_name"), http.StatusOK)
}

// routeUpload reads the {id} of the route as an upload the user may see.
func (s *Server) routeUpload(r *http.Request, rq *request) (imports.Upload, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return imports.Upload{}, err
	}
	return s.svc.Imports.Upload(r.Context(), rq.P, id)
}

// answers are the user's answers for the headers Jol does not know: a
// saved template and, over it, the selects of the preview.
type answers struct {
	tpl       imports.Template
	template  string // the id of the saved template, "" for none
	suggested string
}

// importAnswers reads the answers in vals. suggest picks a saved template
// that fits when none is named (on the first visit of the preview). The
// selects count only with the template they were shown with: choosing
// another template starts from its answers.
func (s *Server) importAnswers(r *http.Request, rq *request, up imports.Upload, vals url.Values, suggest bool) (answers, error) {
	a := answers{tpl: imports.Template{}, template: vals.Get("template")}
	tg, err := s.svc.Imports.Target(up.Target)
	if err != nil {
		return a, err
	}
	var saved *imports.SavedTemplate
	if id, err := kit.FormID(a.template); err != nil {
		return a, err
	} else if id > 0 {
		t, err := s.svc.Imports.SavedTemplateByID(r.Context(), rq.P, id)
		if err != nil {
			return a, err
		}
		if t.Target == up.Target { // a template of another list answers nothing here
			saved = &t
		}
	} else if suggest {
		list, err := s.svc.Imports.Templates(r.Context(), rq.P, up.Target)
		if err != nil {
			return a, err
		}
		if saved = tg.Suggest(list, up.Preview.Header, up.OrgID); saved != nil {
			a.template, a.suggested = strconv.FormatInt(saved.ID, 10), saved.Name
		}
	}
	if saved != nil {
		for h, c := range saved.Mapping {
			a.tpl[h] = c
		}
	}
	if vals.Has("shown_template") && vals.Get("shown_template") != a.template {
		return a, nil
	}
	for _, u := range unknownHeaders(tg, up.Preview.Header) {
		key := "col" + strconv.Itoa(u.N)
		if c := imports.Column(vals.Get(key)); vals.Has(key) && (c == "" || tg.Has(c)) {
			a.tpl.Set(u.Header, c)
		}
	}
	return a, nil
}

// unknownHeaders are the headers target t does not know by itself, with
// their positions.
func unknownHeaders(t *imports.Target, header []string) []unknownHeader {
	_, probs := t.MapHeader(header, nil)
	var out []unknownHeader
	for _, p := range probs {
		if p.Key == "import.header_unknown" {
			out = append(out, unknownHeader{N: p.Column, Header: p.Header})
		}
	}
	return out
}

// columnOptions are the choices for an unknown header: leave it out, or
// one of the columns of target t.
func columnOptions(t *imports.Target, l *i18n.Localizer, selected imports.Column) []option {
	return kit.Choices(t.Keys(), string(selected), l.T("imports.leave_out"), func(c imports.Column) string {
		return t.ColumnLabel(l, c)
	})
}
