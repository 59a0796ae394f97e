package reports

import (
	"net/http"

	"github.com/jolproject/jol/internal/i18n"
)

// publicView is the public page of a reported campaign's results:
// aggregates only, each table with its small counts hidden.
type publicView struct {
	Page
	Name, Slogan, Organiser string
	Produced                string
	Period                  string
	Figures                 []figure
	Recorded                string // the note on results recorded by hand
	ItemHead                []string
	Items                   [][]string // as reports.Figures.ItemRows writes them
	Tables                  []tableView
	Partners                []string
	Sponsors                []string
	Back                    string
	Languages               []langLink
}

type figure struct{ Label, Value string }

// tableView is a published table: its header and rows of cells as
// written, the last row the totals.
type tableView struct {
	ID, Title string
	Head      []string
	Rows      [][]string
}

type langLink struct {
	Href, Name, Lang string
	Current          bool
}

// Public shows the results of the campaign published as {slug}, without
// login, in the language of ?lang= when given, else the visitor's. A
// campaign without a report is not found.
func (s *Server) Public(w http.ResponseWriter, r *http.Request, rq *request) error {
	if l, ok := i18n.Parse(r.URL.Query().Get("lang")); ok {
		rq.L = s.svc.Catalog.Localizer(l).WithCalendar(rq.Settings.Calendar)
	}
	rep, err := s.svc.Reports.Published(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	f, l, loc := rep.Figures, rq.L, rq.L.Locale()
	v := publicView{Page: s.Page(r, rq, "report.public_title"), Name: f.Name.In(loc), Slogan: f.Slogan.In(loc),
		Organiser: f.Organiser, Back: "/c/" + f.Slug + "?lang=" + string(loc)}
	// The name is isolated: a Latin name in a Persian title keeps its
	// own direction, its punctuation included.
	v.Title = l.T("report.title", "Name", "\u2068"+v.Name+"\u2069")
	v.Produced = v.Day(rep.ProducedAt)
	v.Period = l.T("report.period_value", "From", v.Day(f.StartsOn), "To", v.Day(f.EndsOn))
	tables := f.Tables(l, true)
	for _, k := range f.KeyFigures(l, tables) {
		v.Figures = append(v.Figures, figure{Label: k.Label, Value: k.Value})
	}
	if f.Recorded {
		v.Recorded = l.T("report.recorded", "Name", v.Name)
	}
	v.ItemHead, v.Items = f.ItemRows(l, tables)
	for _, t := range tables {
		tv := tableView{ID: t.ID, Title: t.Title, Head: append(append([]string{t.RowHead}, t.Cols...), l.T("report.total"))}
		for i := range t.Grid.Rows() + 1 {
			row := []string{l.T("report.total")}
			if i < len(t.Rows) {
				row[0] = t.Rows[i]
			}
			for j := range t.Grid.Cols() + 1 {
				row = append(row, t.Cell(l, i, j))
			}
			tv.Rows = append(tv.Rows, row)
		}
		v.Tables = append(v.Tables, tv)
	}
	for _, p := range f.Partners {
		v.Partners = append(v.Partners, p.Name+" — "+l.T("campaign.role."+p.Role))
	}
	v.Sponsors = f.Sponsors
	for _, x := range i18n.All() {
		v.Languages = append(v.Languages, langLink{Href: "/c/" + f.Slug + "/report?lang=" + string(x), Name: x.NativeName(),
			Lang: string(x), Current: x == loc})
	}
	s.Render(w, http.StatusOK, "report_public", &v)
	return nil
}
