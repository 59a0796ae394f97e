package importing

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
)

// renderPreview shows an upload read with the answers a, and f's errors.
// The first rows are children's data, so showing them is written to the
// access log.
func (s *Server) renderPreview(w http.ResponseWriter, r *http.Request, rq *request, up imports.Upload, a answers,
	f *form, status int) error {
	ctx, l := r.Context(), rq.L
	v := importPreviewView{Page: s.Page(r, rq, "imports.preview"), Form: f, Upload: up, Template: a.template,
		Suggested: a.suggested, Format: formatOf(l, up.Preview), Size: l.T("imports.size_kb", "KB", (up.Size+1023)/1024)}
	v.Title = l.T("imports.preview_of", "Name", up.Name)
	tg, err := s.svc.Imports.Target(up.Target)
	if err != nil {
		return err
	}
	v.Target = l.T(tg.Label())
	if v.Campaign, err = s.campaignOf(r, rq, up); err != nil {
		return err
	}
	runs, err := s.svc.Imports.Runs(ctx, rq.P, up.ID)
	if err != nil {
		return err
	}
	v.Runs = runs
	for _, run := range runs {
		v.Busy = v.Busy || !run.Finished()
	}
	if up.Purged {
		s.Render(w, status, "import_preview", &v)
		return nil
	}
	tpls, err := s.svc.Imports.Templates(ctx, rq.P, up.Target)
	if err != nil {
		return err
	}
	v.Templates = templateOptions(rq, tpls, a.template, l.T("imports.template_none"))
	check, err := s.svc.Imports.Check(ctx, rq.P, up, a.tpl)
	if err != nil {
		return err
	}
	v.Fatal = check.Fatal
	var shown []int // the positions of the imported columns
	for i, h := range up.Preview.Header {
		c := fileColumn{N: i + 1, Header: clip(h)}
		if col := check.Columns[i]; col != "" {
			c.As = tg.ColumnLabel(l, col)
			shown = append(shown, i)
			v.Head = append(v.Head, c.As)
		}
		v.Columns = append(v.Columns, c)
	}
	for _, p := range check.Problems {
		v.Problems = append(v.Problems, headerProblem(l, p))
	}
	for _, u := range unknownHeaders(tg, up.Preview.Header) {
		u.Options = columnOptions(tg, l, a.tpl.Lookup(u.Header))
		v.Schools.Answers = append(v.Schools.Answers, field{"col" + strconv.Itoa(u.N), string(a.tpl.Lookup(u.Header))})
		u.Header = clip(u.Header)
		v.Unknown = append(v.Unknown, u)
	}
	for _, row := range check.Rows {
		pr := previewRow{Line: row.Line}
		for _, i := range shown {
			cell := ""
			if i < len(row.Cells) {
				cell = row.Cells[i]
			}
			pr.Cells = append(pr.Cells, clip(cell))
		}
		for _, e := range row.Errors {
			pr.Problems = append(pr.Problems, cellProblem(l, e))
		}
		v.Rows = append(v.Rows, pr)
	}
	if !v.Fatal {
		answers := append([]field{{"template", a.template}, {"shown_template", a.template}}, v.Schools.Answers...)
		if v.Schools, err = s.schoolsOf(r, rq, up, a); err != nil {
			return err
		}
		v.Schools.Answers = answers
	}
	place, err := s.placeOf(ctx, rq, up.OrgID, up.OrgPath)
	if err != nil {
		return err
	}
	if err := s.svc.Audit.ViewedIn(ctx, rq.P, "import_upload", strconv.FormatInt(up.ID, 10), place, "web"); err != nil {
		return err
	}
	s.Render(w, status, "import_preview", &v)
	return nil
}

// formatOf describes what Jol detected of a file.
func formatOf(l *i18n.Localizer, p imports.Preview) string {
	if p.Format == "xlsx" {
		return l.T("imports.format_xlsx", "Sheet", p.Sheet)
	}
	sep := p.Separator
	if sep == "\t" {
		sep = "TAB"
	}
	return l.T("imports.format_csv", "Encoding", p.Encoding, "Separator", sep)
}

// headerProblem is a problem of the header row in l's language, with the
// column it is about.
func headerProblem(l *i18n.Localizer, p imports.HeaderProblem) string {
	msg := imports.Reason(l, imports.RowError{Key: p.Key, Args: p.Args})
	if p.Column == 0 {
		return msg
	}
	return l.T("imports.column_problem", "N", int64(p.Column), "Header", clip(p.Header), "Message", msg)
}

// cellProblem is a reason a row would be rejected, with the column and
// the value it is about.
func cellProblem(l *i18n.Localizer, e imports.RowError) string {
	msg := imports.Reason(l, e)
	if e.Column == "" {
		return msg
	}
	return l.T("imports.cell_problem", "Column", imports.ColumnLabel(l, e.Column), "Value", clip(e.Value), "Message", msg)
}
