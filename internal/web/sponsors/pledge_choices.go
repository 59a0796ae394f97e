package sponsors

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/web/kit"
)

// pledgeChoices fills the pickers of a sponsor's forms: the money pledges
// not yet fulfilled that a gift may count towards, the items pledges a
// donation in kind may be matched to, and the catalogue's items a pledge
// may promise. Each pledge is named by what it promises and its due day.
func (s *Server) pledgeChoices(r *http.Request, rq *request, v *sponsorView) error {
	items, err := s.svc.Campaigns.Items(r.Context(), access.System, true)
	if err != nil {
		return err
	}
	l := string(rq.L.Locale())
	sel := v.PledgeForm.Values["item_id"]
	v.Items = []option{{Value: "", Label: "—", Selected: sel == ""}}
	for _, it := range items {
		v.Items = append(v.Items, option{Value: kit.Itoa(it.ID), Label: it.Name(l), Selected: sel == kit.Itoa(it.ID)})
	}
	sel = v.GiftForm.Values["pledge_id"]
	v.MoneyPledges = []option{{Value: "", Label: rq.L.T("sponsors.no_pledge"), Selected: sel == ""}}
	for _, p := range v.G.Pledges {
		if p.Status == sponsors.PledgeFulfilled {
			continue
		}
		o := option{Value: kit.Itoa(p.ID), Label: rq.L.T("sponsors.pledge_option", "What", p.What, "Due", v.Day(p.DueOn)),
			Selected: sel == kit.Itoa(p.ID)}
		if p.Kind == sponsors.Money {
			v.MoneyPledges = append(v.MoneyPledges, o)
		} else {
			o.Selected = false
			v.G.ItemPledges = append(v.G.ItemPledges, o)
		}
	}
	return nil
}
