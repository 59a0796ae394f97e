package campaigns

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/web/kit"
)

// pageView is a campaign's page for staff: everything about it and its
// progress.
type pageView struct {
	Page
	C         campaign.Campaign
	Text      campaign.Text
	Programme string
	Status    string
	Regions   []string
	Partners  []partnerLine
	Items     []itemLine
	ByRegion  []regionLine
	Previous  *campaign.Previous
	PrevName  string
	Moves     []move
	CanManage bool
	Public    bool // the public page exists
	// Allocation: the user may open the campaign's allocation page.
	Allocation bool
	// Letters: the user may open the campaign's thank-you letters.
	Letters bool
	Budget  string
	// The final report: it can be produced (closed, or reported without
	// one), it exists (downloads and the public results), and whether
	// the user may produce or download it.
	ReportDue, Reported, CanProduce, CanDownload bool
}

type partnerLine struct{ Name, Role string }

// itemLine is one offered item's progress: "3,412 of 3,500; last year 5,000".
type itemLine struct {
	campaign.ItemProgress
	Name string
	Line string
}

type regionLine struct {
	Region, Item     string
	Target, Progress int
}

// move is a status the campaign may move to, as a button.
type move struct {
	To    campaign.Status
	Label string
}

// Campaign shows the {id} campaign with its progress.
func (s *Server) Campaign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	c, err := s.svc.Campaigns.Get(ctx, rq.P, id)
	if err != nil {
		return err
	}
	pr, err := s.svc.Campaigns.Progress(ctx, rq.P, c)
	if err != nil {
		return err
	}
	loc := string(rq.L.Locale())
	v := pageView{Page: s.Page(r, rq, "campaigns.title"), C: c, Text: c.Text(loc), Programme: programmeName(rq, c.Programme),
		Status: statusName(rq, c.Status), Previous: pr.Previous, CanManage: mayManage(rq, c), Public: c.Status != campaign.Draft,
		Allocation: access.Can(rq.P, access.ViewAllocation, c.Target()) == nil,
		Letters:    access.Can(rq.P, access.ViewLetters, c.Target()) == nil}
	v.Title = v.Text.Name
	if c.Budget > 0 {
		v.Budget = rq.L.Number(c.Budget/100) + " " + c.Currency
	}
	for _, x := range c.Regions {
		v.Regions = append(v.Regions, x.Name(loc))
	}
	for _, x := range c.Partners {
		v.Partners = append(v.Partners, partnerLine{Name: x.Name, Role: rq.L.T("campaign.role." + string(x.Role))})
	}
	names := map[int64]string{}
	for _, it := range pr.Items {
		names[it.ItemID] = it.Name(loc)
		line := rq.L.T("campaign.progress_of", "Done", it.Progress, "Target", it.Target)
		if pr.Previous != nil && it.Before >= 0 {
			line = rq.L.T("campaign.progress_before", "Done", it.Progress, "Target", it.Target, "Before", it.Before)
		}
		v.Items = append(v.Items, itemLine{ItemProgress: it, Name: it.Name(loc), Line: line})
	}
	for _, x := range pr.Regions {
		v.ByRegion = append(v.ByRegion, regionLine{Region: x.Name(loc), Item: names[x.ItemID], Target: x.Target, Progress: x.Progress})
	}
	if pr.Previous != nil {
		v.PrevName = pr.Previous.Name(loc)
	}
	if v.CanManage {
		for _, to := range c.Status.Next() {
			v.Moves = append(v.Moves, move{To: to, Label: rq.L.T("campaign.move." + string(to))})
		}
	}
	if v.Reported, err = s.svc.Reports.Has(ctx, c.ID); err != nil {
		return err
	}
	v.ReportDue = !v.Reported && (c.Status == campaign.Closed || c.Status == campaign.Reported)
	v.CanProduce, v.CanDownload = access.Allowed(rq.P, access.ProduceReport), access.Allowed(rq.P, access.ViewReports)
	s.Render(w, http.StatusOK, "campaign", &v)
	return nil
}

// CampaignStatus moves the {id} campaign to the posted status, from the
// version the page showed.
func (s *Server) CampaignStatus(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "to", "version")
	_, err = s.svc.Campaigns.Transition(r.Context(), rq.P, id, kit.Count(rq, f, "version"), campaign.Status(f.Values["to"]))
	if err != nil {
		return err
	}
	s.Flash(r, "campaigns.moved")
	return kit.SeeOther(w, r, "/campaigns/"+kit.Itoa(id))
}
