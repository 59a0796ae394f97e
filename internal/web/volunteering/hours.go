package volunteering

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/volunteers"
	"github.com/jolproject/jol/internal/web/kit"
)

// hoursView is the queue of hours (those waiting first of all), each with
// the buttons that approve or reject them, and the totals of the scope.
type hoursView struct {
	Page
	kit.Listing
	Status    string
	Statuses  []option
	Rows      []hoursRow
	Totals    volunteers.Totals
	Approved  string
	Pending   string
	CanDecide bool
	Failed    int64
	Form      *form
}

// Hours lists the hours of the scope in a status (pending unless
// ?status= says otherwise), the oldest day first.
func (s *Server) Hours(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderHours(w, r, rq, 0, nil, http.StatusOK)
}

func (s *Server) renderHours(w http.ResponseWriter, r *http.Request, rq *request, failed int64, f *form, status int) error {
	ctx := r.Context()
	st := r.URL.Query().Get("status")
	if st == "" {
		st = string(volunteers.Pending)
	}
	fl := volunteers.HoursFilter{Status: volunteers.HoursStatus(st)}
	pg := kit.PagingOf(r)
	count, err := s.svc.Volunteers.HoursCount(ctx, rq.P, fl)
	if err != nil {
		return err
	}
	pg = pg.Fit(count)
	list, next, err := s.svc.Volunteers.HoursList(ctx, rq.P, fl,
		volunteers.Page{Cursor: pg.Cursor, Limit: pg.Limit, Skip: pg.Skip()})
	if err != nil {
		return err
	}
	tot, err := s.svc.Volunteers.Totals(ctx, rq.P, 0)
	if err != nil {
		return err
	}
	v := hoursView{Page: s.Page(r, rq, "nav.hours"), Listing: pg.Listing(r, next, count), Status: st, Totals: tot,
		Approved: volunteers.FormatHours(tot.Minutes), Pending: volunteers.FormatHours(tot.PendingMinutes),
		CanDecide: access.Allowed(rq.P, access.ManageVolunteers), Failed: failed, Form: f,
		Statuses: kit.Choices(volunteers.HoursStatuses(), st, "", kit.Key[volunteers.HoursStatus](rq.L, "volunteering.status."))}
	for _, h := range list {
		v.Rows = append(v.Rows, hoursRow{h, volunteers.FormatHours(h.Minutes)})
	}
	s.Render(w, status, "hours", &v)
	return nil
}

// Decide approves the {id} hours, or rejects them with the reason given.
func (s *Server) Decide(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "version", "decision", "reason")
	version, _ := strconv.Atoi(f.Values["version"])
	d := volunteers.Decision{Approve: f.Values["decision"] == "approve", Reason: f.Values["reason"]}
	if _, err := s.svc.Volunteers.DecideHours(r.Context(), rq.P, id, version, d); err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		return s.renderHours(w, r, rq, id, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "volunteering.hours_decided")
	return kit.SeeOther(w, r, "/hours")
}
