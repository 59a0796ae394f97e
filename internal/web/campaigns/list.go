package campaigns

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/web/kit"
)

// listView lists the campaigns the user may see.
type listView struct {
	Page
	kit.Listing
	Rows       []listRow
	Programmes []option
	Statuses   []option
	CanCreate  bool
}

// listRow is one campaign of the list, in the reader's language.
type listRow struct {
	ID                int64
	Name, Slogan      string
	Programme, Status string
	Organiser         string
	StartsOn, EndsOn  string
	Open              bool
}

// Campaigns lists the campaigns the user may see, narrowed by ?programme=
// and ?status=.
func (s *Server) Campaigns(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := campaign.Filter{Programme: campaign.Programme(q.Get("programme")), Status: campaign.Status(q.Get("status"))}
	list, err := s.svc.Campaigns.List(r.Context(), rq.P, f)
	if err != nil {
		return err
	}
	v := listView{Page: s.Page(r, rq, "campaigns.title"), Listing: kit.Whole(len(list)),
		CanCreate: access.Allowed(rq.P, access.ManageCampaigns)}
	v.Programmes = kit.Choices(campaign.Programmes(), string(f.Programme), rq.L.T("campaigns.any_programme"),
		func(p campaign.Programme) string { return programmeName(rq, p) })
	v.Statuses = kit.Choices(campaign.Statuses(), string(f.Status), rq.L.T("campaigns.any_status"),
		func(st campaign.Status) string { return statusName(rq, st) })
	loc := string(rq.L.Locale())
	for _, c := range list {
		t := c.Text(loc)
		v.Rows = append(v.Rows, listRow{ID: c.ID, Name: t.Name, Slogan: t.Slogan, Programme: programmeName(rq, c.Programme),
			Status: statusName(rq, c.Status), Organiser: c.Organiser, StartsOn: v.Day(c.StartsOn), EndsOn: v.Day(c.EndsOn),
			Open: c.Status == campaign.Open})
	}
	s.Render(w, http.StatusOK, "campaigns", &v)
	return nil
}
