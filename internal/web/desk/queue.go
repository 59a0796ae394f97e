package desk

import (
	"net/http"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/web/kit"
)

// row is an appeal of the queue as shown: overdue ones say so in words,
// and by how many working days.
type row struct {
	appeals.Appeal
	KindName, ChannelName, RegionName string
	Overdue                           bool
	Late                              int // working days past the deadline
}

// queueView is the queue with its filters.
type queueView struct {
	Page
	listing
	Filter    *form
	Kinds     []option
	Statuses  []option
	Rows      []row
	Overdue   int // overdue appeals on this page
	CanRecord bool
}

// Queue lists the appeals of the user's scope by deadline, the overdue
// first, filtered by ?status (open when not given), ?kind and ?mine.
func (s *Server) Queue(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "status", "kind", "mine")
	if f.Values["status"] == "" {
		f.Values["status"] = string(appeals.Open)
	}
	flt := appeals.Filter{Status: appeals.Status(f.Values["status"]), Kind: appeals.Kind(f.Values["kind"]), Mine: f.Values["mine"] != ""}
	if !slices.Contains(appeals.Statuses(), flt.Status) {
		f.Fail(rq.L, "status", "error.invalid_choice")
		flt.Status = appeals.Open
	}
	if flt.Kind != "" && !slices.Contains(appeals.Kinds(), flt.Kind) {
		f.Fail(rq.L, "kind", "error.invalid_choice")
		flt.Kind = ""
	}
	v := queueView{Page: s.Page(r, rq, "desk.title"), Filter: f, CanRecord: access.Allowed(rq.P, access.RecordAppeals),
		Kinds:    kindOptions(rq, f.Values["kind"], rq.L.T("desk.any_kind")),
		Statuses: kit.Choices(appeals.Statuses(), string(flt.Status), "", kit.Key[appeals.Status](rq.L, "appealstatus."))}
	n, err := s.svc.Appeals.QueueCount(ctx, rq.P, flt)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Appeals.Queue(ctx, rq.P, flt, appeals.Page{Cursor: pg.Cursor, Limit: pg.Limit, Skip: pg.Skip()})
	if err != nil {
		return err
	}
	if v.Rows, err = s.rows(r, rq, list); err != nil {
		return err
	}
	for _, x := range v.Rows {
		if x.Overdue {
			v.Overdue++
		}
	}
	v.listing = pg.Listing(r, next, n)
	v.TotalKey, v.MoreKey = "desk.total", "desk.more_than"
	s.Render(w, http.StatusOK, "queue", &v)
	return nil
}

// rows dresses appeals for a page, in the installation's calendar.
func (s *Server) rows(r *http.Request, rq *request, list []appeals.Appeal) ([]row, error) {
	ctx := r.Context()
	today, err := s.svc.Appeals.Today(ctx)
	if err != nil {
		return nil, err
	}
	country, err := s.svc.Appeals.Country(ctx)
	if err != nil {
		return nil, err
	}
	cal, err := s.svc.Appeals.Calendar(ctx, rq.P, country)
	if err != nil {
		return nil, err
	}
	region := s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))
	out := make([]row, 0, len(list))
	for _, a := range list {
		x := row{Appeal: a, KindName: rq.L.T("appealkind." + string(a.Kind)), ChannelName: rq.L.T("appealchannel." + string(a.Channel)),
			RegionName: region(a.RegionCode), Overdue: a.Overdue(today)}
		if x.Overdue {
			x.Late = cal.WorkingDaysBetween(a.DueOn, today)
		}
		out = append(out, x)
	}
	return out, nil
}
