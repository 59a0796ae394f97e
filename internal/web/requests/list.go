package requests

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/kit"
)

// listView is a page of a campaign's requests.
type listView struct {
	Page
	kit.Listing
	Campaigns []option
	Statuses  []option
	Campaign  int64
	Rows      []listRow
	Mine      bool // only the requests the user reviews
	MayReview bool // the user may decide requests, so review them
}

// listRow is one request of the list.
type listRow struct {
	requests.Request
	StatusName, ChannelName string
}

// List shows the requests of the campaign chosen (?campaign=), of one
// status when ?status= says, only those the user reviews with ?mine=1,
// newest first, a page at a time: the keyset cursor costs the same on the
// thousandth page as on the first.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	q := r.URL.Query()
	cs, err := s.svc.Requests.Campaigns(ctx, rq.L.Locale().String())
	if err != nil {
		return err
	}
	campaign, _ := strconv.ParseInt(q.Get("campaign"), 10, 64)
	if campaign == 0 && len(cs) > 0 {
		campaign = cs[0].ID
	}
	status := requests.Status(q.Get("status"))
	if !status.Valid() {
		status = ""
	}
	v := listView{Page: s.Page(r, rq, "requests.title"), Campaign: campaign,
		MayReview: access.Allowed(rq.P, access.DecideRequests)}
	v.Mine = v.MayReview && q.Get("mine") != ""
	flt := requests.Filter{CampaignID: campaign, Status: status}
	if v.Mine {
		flt.Reviewer = rq.P.UserID
	}
	for _, c := range cs {
		v.Campaigns = append(v.Campaigns, option{Value: kit.Itoa(c.ID), Label: c.Name, Selected: c.ID == campaign})
	}
	v.Statuses = kit.Choices(requests.Statuses(), string(status), rq.L.T("requests.any_status"),
		func(st requests.Status) string { return statusName(rq, st) })
	if campaign != 0 {
		rows, next, err := s.svc.Requests.List(ctx, rq.P, flt, kit.PageOf(r))
		if err != nil {
			return err
		}
		for _, x := range rows {
			v.Rows = append(v.Rows, listRow{Request: x, StatusName: statusName(rq, x.Status),
				ChannelName: rq.L.T("requestchannel." + string(x.Channel))})
		}
		v.Listing = kit.NewListing(r, next)
	}
	s.Render(w, http.StatusOK, "requests", &v)
	return nil
}
