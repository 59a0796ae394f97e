package outreach

import (
	"net/http"
	"path"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/web/kit"
)

// queueView is a worker's queue: the open cases of their scope, the
// nearest deadline first.
type queueView struct {
	Page
	kit.Listing
	Rows      []outreach.Case
	Mine      bool
	Today     time.Time
	CanManage bool                     // may set the steps' deadlines
	Region    func(code string) string // a region's name in the reader's language
}

// Queue lists the open cases by deadline, the overdue on top; ?mine=1
// keeps the reader's own.
func (s *Server) Queue(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := outreach.Filter{Mine: r.FormValue("mine") == "1"}
	pg := kit.PagingOf(r)
	count, err := s.svc.Outreach.QueueCount(ctx, rq.P, f)
	if err != nil {
		return err
	}
	pg = pg.Fit(count)
	rows, next, err := s.svc.Outreach.Queue(ctx, rq.P, f, outreach.Page{Cursor: pg.Cursor, Limit: pg.Limit, Skip: pg.Skip()})
	if err != nil {
		return err
	}
	today, err := s.svc.Outreach.Today(ctx)
	if err != nil {
		return err
	}
	v := queueView{Page: s.Page(r, rq, "nav.outreach"), Listing: pg.Listing(r, next, count), Rows: rows, Mine: f.Mine,
		Today: today, CanManage: access.Allowed(rq.P, access.ManageOutreach),
		Region: s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))}
	s.Render(w, http.StatusOK, "queue", &v)
	return nil
}

// funnelView is how far the cases got, per district and per reason.
type funnelView struct {
	Page
	Tables []funnelTable
}

// funnelTable is one split of the funnel.
type funnelTable struct {
	Title    string
	ByReason bool
	Rows     []outreach.Stage
}

// Funnel shows the funnel of the reader's scope.
func (s *Server) Funnel(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	v := funnelView{Page: s.Page(r, rq, "outreach.funnel")}
	region := s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))
	for _, byReason := range []bool{false, true} {
		rows, err := s.svc.Outreach.Funnel(ctx, rq.P, byReason)
		if err != nil {
			return err
		}
		title := "outreach.by_district"
		if byReason {
			title = "outreach.by_reason"
		} else {
			for i := range rows { // a district's path, "/IR/IR-26/", is shown by its name
				rows[i].Key = region(path.Base(rows[i].Key))
			}
		}
		v.Tables = append(v.Tables, funnelTable{Title: rq.L.T(title), ByReason: byReason, Rows: rows})
	}
	s.Render(w, http.StatusOK, "funnel", &v)
	return nil
}
