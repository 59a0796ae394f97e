package deliveries

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/kit"
)

// boardView is the board of deliveries against their deadlines.
type boardView struct {
	Page
	listing
	Rows      []boardRow
	Counts    []riskCount
	Filter    *form
	Campaigns []option
	CanPlan   bool
	PlanURL   string
}

// boardRow is a delivery on the board, with its campaign's name, its
// risk's code and tag class, and how many days it is late or has left.
type boardRow struct {
	deliveries.Delivery
	Campaign   string
	RiskCode   string
	Tag        string
	Late, Left int
}

// riskCount is how many deliveries of the board stand at a risk, linked
// to nothing: the board is already in that order.
type riskCount struct {
	Risk  string
	Count int64
}

// Board lists the deliveries of the campaign ?campaign= (every open one
// when none), the most at risk first, a page at a time.
func (s *Server) Board(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "campaign", "all")
	fl := deliveries.BoardFilter{CampaignID: kit.FilterID(rq, f, "campaign"), All: f.Values["all"] != "",
		Today: s.Today(rq)}
	n, err := s.names(ctx, rq)
	if err != nil {
		return err
	}
	counts, err := s.svc.Deliveries.BoardCounts(ctx, rq.P, fl)
	if err != nil {
		return err
	}
	total := 0
	v := boardView{Page: s.Page(r, rq, "delivery.board"), Filter: f,
		Campaigns: n.campaignOptions(f.Values["campaign"], rq.L.T("delivery.all_open")),
		CanPlan:   access.Allowed(rq.P, access.ManageDeliveries), PlanURL: planLink(fl.CampaignID)}
	for _, risk := range deliveries.Risks() {
		if c := counts[risk]; c > 0 {
			total += c
			v.Counts = append(v.Counts, riskCount{Risk: risk.String(), Count: int64(c)})
		}
	}
	pg := kit.PagingOf(r).Fit(store.Counted(total))
	list, next, err := s.svc.Deliveries.Board(ctx, rq.P, fl, deliveries.Page{Cursor: pg.Cursor, Limit: pg.Limit,
		Skip: pg.Skip()})
	if err != nil {
		return err
	}
	v.listing = pg.Listing(r, next, store.Counted(total)).Of("delivery.total", "delivery.more_than")
	for _, d := range list {
		days := int(d.DueOn.Sub(fl.Today).Hours() / 24)
		v.Rows = append(v.Rows, boardRow{Delivery: d, Campaign: n.campaign(d.CampaignID), RiskCode: d.Risk.String(),
			Tag: riskTag(*d.Risk), Late: max(-days, 0), Left: max(days, 0)})
	}
	if fl.CampaignID != 0 {
		v.Title = n.campaign(fl.CampaignID) + " · " + v.Title
	}
	s.Render(w, http.StatusOK, "board", &v)
	return nil
}

// planLink is the plan's address for the campaign the board shows.
func planLink(campaign int64) string {
	if campaign == 0 {
		return "/deliveries/plan"
	}
	return "/deliveries/plan?campaign_id=" + strconv.FormatInt(campaign, 10)
}

// riskTag is the class of a risk's tag: alarming, warning, done or plain.
func riskTag(r deliveries.Risk) string {
	switch r {
	case deliveries.Overdue:
		return "overdue"
	case deliveries.DueSoon, deliveries.Short:
		return "large"
	case deliveries.Done:
		return "done"
	}
	return ""
}
