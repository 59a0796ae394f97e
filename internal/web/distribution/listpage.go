package distribution

import (
	"bytes"
	"iter"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/web/kit"
)

// group is the lines of one school or centre on an event's list.
type group struct {
	OrgID  int64
	Name   string
	Lines  int
	Handed int
	Rows   []distribution.Row
}

// groups splits rows, which come by school or centre, into groups.
func groups(rows []distribution.Row) []group {
	var out []group
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].OrgID != r.OrgID {
			out = append(out, group{OrgID: r.OrgID, Name: r.OrgName})
		}
		g := &out[len(out)-1]
		g.Lines++
		if r.Handed() {
			g.Handed++
		}
		g.Rows = append(g.Rows, r)
	}
	return out
}

// listView is an event's list, printed one page per school or centre.
type listView struct {
	Page
	Event    distribution.Event
	Campaign string
	Groups   []group
	Names    bool // the reader may see children: the name column is there
	Locale   string
}

// List shows the {id} event's list, one page per school or centre when
// printed (?org= one of them), with the children's names for a reader
// who may see them. Reading it is logged.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	e, rows, err := s.svc.Distribution.List(ctx, rq.P, id, "web")
	if err != nil {
		return err
	}
	names, _, err := s.campaignNames(ctx, rq)
	if err != nil {
		return err
	}
	v := listView{Page: s.Page(r, rq, "distribution.list"), Event: e, Campaign: names[e.CampaignID],
		Groups: pick(groups(rows), r), Names: access.Allowed(rq.P, access.ViewChild), Locale: string(rq.L.Locale())}
	v.Title = e.Place + " · " + rq.L.T("distribution.list")
	s.Render(w, http.StatusOK, "list", &v)
	return nil
}

// pick keeps the group of ?org= when it is given.
func pick(gs []group, r *http.Request) []group {
	org, err := strconv.ParseInt(r.URL.Query().Get("org"), 10, 64)
	if err != nil {
		return gs
	}
	for _, g := range gs {
		if g.OrgID == org {
			return []group{g}
		}
	}
	return nil
}

// ListXLSX downloads the {id} event's list (?org= one school or centre)
// as a workbook in the reader's language, with the same names as the
// page; the download is logged as the children's list read.
func (s *Server) ListXLSX(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	e, rows, err := s.svc.Distribution.List(r.Context(), rq.P, id, "export")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	header, cells := listTable(rq, pick(groups(rows), r), access.Allowed(rq.P, access.ViewChild))
	if err := tabular.WriteXLSX(&buf, rq.L.T("distribution.list"), header, cells, rq.L.Locale() == i18n.FA); err != nil {
		return err
	}
	name := "distribution-" + strconv.FormatInt(e.ID, 10) + "-" + e.StartsAt.In(rq.Settings.Location()).Format("2006-01-02") + ".xlsx"
	h := w.Header()
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

// listTable is the list as a table: a header in the reader's language
// and a row per line; the name column only for a reader who may see
// children, and the signature column empty, for the paper.
func listTable(rq *request, gs []group, names bool) ([]string, iter.Seq[[]string]) {
	l := rq.L
	header := []string{l.T("distribution.school"), l.T("field.reference")}
	if names {
		header = append(header, l.T("distribution.child"))
	}
	header = append(header, l.T("distribution.grade"), l.T("stock.item"), l.T("field.size"), l.T("field.quantity"),
		l.T("distribution.handed_on"), l.T("distribution.proof"), l.T("stock.serials"), l.T("distribution.signature"))
	loc := rq.Settings.Location()
	return header, func(yield func([]string) bool) {
		for _, g := range gs {
			for _, r := range g.Rows {
				row := []string{g.Name, r.Reference}
				if names {
					row = append(row, r.Child)
				}
				handed, proof := "", ""
				if r.Handed() {
					handed, proof = r.HandedAt.In(loc).Format("2006-01-02 15:04"), l.T("distribution.proof."+string(r.Proof))
				}
				row = append(row, grade(r.Grade), r.Name(string(l.Locale())), r.Size, strconv.Itoa(r.Quantity), handed,
					proof, strings.Join(r.Serials, ", "), "")
				if !yield(row) {
					return
				}
			}
		}
	}
}

// grade is a grade as the list shows it, "" when not recorded.
func grade(g int) string {
	if g == 0 {
		return ""
	}
	return strconv.Itoa(g)
}
