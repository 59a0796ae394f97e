package dashboard

import (
	"html/template"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/chart"
	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/web/kit"
)

// dashboardView is the dashboard of one campaign or of all.
type dashboardView struct {
	Page
	D          dashboard.Dashboard
	Campaigns  []option
	Panels     []panel
	CanRefresh bool
	RefreshURL string
	OnTimePct  float64 // of the appeals answered
}

// panel is a chart with its table beside it.
type panel struct {
	ID    string
	Title string
	SVG   template.HTML
	Table template.HTML
}

// Dashboard shows the figures of the campaign ?campaign=, or of every
// campaign the reader may see when none is chosen.
func (s *Server) Dashboard(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "campaign")
	id := kit.FilterID(rq, f, "campaign")
	loc := rq.L.Locale()
	var d dashboard.Dashboard
	var err error
	if id != 0 {
		d, err = s.svc.Dashboard.Campaign(ctx, rq.P, id, string(loc))
	} else {
		d, err = s.svc.Dashboard.All(ctx, rq.P, string(loc))
	}
	if err != nil {
		return err
	}
	v := dashboardView{Page: s.Page(r, rq, "dashboard.title"), D: d,
		CanRefresh: id != 0 && access.Allowed(rq.P, access.RefreshDashboard)}
	if d.Appeals != nil {
		v.OnTimePct = 100 * d.Appeals.Total.OnTimeRate()
	}
	if id != 0 {
		v.RefreshURL = "/dashboard/" + strconv.FormatInt(id, 10) + "/refresh"
	}
	list, err := s.svc.Campaigns.List(ctx, rq.P, campaign.Filter{})
	if err != nil {
		return err
	}
	v.Campaigns = []option{{Value: "", Label: rq.L.T("dashboard.all"), Selected: id == 0}}
	for _, c := range list {
		if c.Status != campaign.Draft {
			cid := strconv.FormatInt(c.ID, 10)
			name := c.Text(string(loc)).Name
			if name == "" { // a campaign named in no language: its slug
				name = c.Slug
			}
			v.Campaigns = append(v.Campaigns, option{Value: cid, Label: name, Selected: c.ID == id})
		}
	}
	for _, c := range dashboard.Charts(d, rq.L) {
		c.Width = chart.ScreenWidth
		svg, err := c.SVG(loc)
		if err != nil {
			return err
		}
		v.Panels = append(v.Panels, panel{ID: c.ID, Title: c.Title, SVG: svg, Table: c.Table(loc).HTML()})
	}
	s.Render(w, http.StatusOK, "dashboard", &v)
	return nil
}

// Refresh asks for campaign {id}'s figures to be counted anew and goes
// back to its dashboard.
func (s *Server) Refresh(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.Dashboard.AskRefresh(r.Context(), rq.P, id); err != nil {
		return err
	}
	s.Flash(r, "dashboard.refresh_queued")
	return kit.SeeOther(w, r, "/dashboard?campaign="+strconv.FormatInt(id, 10))
}
