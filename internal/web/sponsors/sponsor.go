package sponsors

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/web/kit"
)

// giftFields and pledgeFields are the fields of the gift and pledge forms.
var (
	giftFields   = []string{"gift_amount", "currency", "given_on", "method", "purpose", "pledge_id"}
	pledgeFields = []string{"pledge_kind", "pledge_amount", "pledge_currency", "item_id", "quantity", "made_on", "due_on", "note"}
)

type sponsorView struct {
	Page
	S          sponsors.Sponsor
	Locale     string
	G          giving
	CanManage  bool
	Form       *form
	GiftForm   *form
	PledgeForm *form
	Choices    choices
	Currencies []option
	Methods    []option
	// MoneyPledges are the money pledges a gift may count towards, Items
	// the catalogue's items a pledge may promise.
	MoneyPledges []option
	Items        []option
	MatchForm    *form
}

// forms are the forms of a sponsor's page that a refused post brings back
// with its errors; nil ones are drawn empty.
type forms struct{ edit, gift, pledge, match *form }

// Sponsor shows the {id} sponsor with its giving and, to those who keep
// it, the forms that change it.
func (s *Server) Sponsor(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderSponsor(w, r, rq, forms{}, http.StatusOK)
}

func (s *Server) renderSponsor(w http.ResponseWriter, r *http.Request, rq *request, fs forms, status int) error {
	f, gf, pf := fs.edit, fs.gift, fs.pledge
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	sp, err := s.svc.Sponsors.Get(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := sponsorView{Page: s.Page(r, rq, "sponsors.sponsor"), S: sp,
		CanManage: access.Can(rq.P, access.ManageSponsors, sp.Target(rq.P)) == nil}
	v.Title = sp.Name
	v.Locale = kit.LangName(sp.Locale(s.defaultLocale(r)))
	if v.G, err = s.readGiving(ctx, rq, id); err != nil {
		return err
	}
	if v.CanManage {
		if f == nil {
			f = kit.NewForm(nil, sponsorFields...)
			f.Values["name"], f.Values["kind"], f.Values["language"] = sp.Name, string(sp.Kind), sp.Language
			f.Values["org_id"], f.Values["notes"] = kit.Itoa(sp.OrgID), sp.Notes
			f.Values["version"] = strconv.Itoa(sp.Version)
			if sp.UserID != 0 {
				f.Values["portal_login"] = kit.Itoa(sp.UserID)
			}
			var camps []string
			for _, c := range sp.CampaignIDs {
				camps = append(camps, kit.Itoa(c))
			}
			f.Values["campaign_ids"] = strings.Join(camps, ",")
			if sp.Consent {
				f.Values["consent"] = "on"
			}
			for _, c := range sp.Contacts {
				f.Values[contactField(c.Kind)] = c.Value
			}
		}
		if gf == nil {
			gf = kit.NewForm(nil, giftFields...)
			gf.Values["given_on"] = time.Now().Format(time.DateOnly)
		}
		if pf == nil {
			pf = kit.NewForm(nil, pledgeFields...)
		}
		v.Form, v.GiftForm, v.PledgeForm, v.MatchForm = f, gf, pf, fs.match
		if err := s.pledgeChoices(r, rq, &v); err != nil {
			return err
		}
		if v.Choices, err = s.choices(r, rq, f, sp.ID); err != nil {
			return err
		}
		for _, c := range sponsors.Currencies() {
			v.Currencies = append(v.Currencies, option{Value: string(c), Label: string(c), Selected: gf.Values["currency"] == string(c)})
		}
		for _, m := range sponsors.Methods() {
			v.Methods = append(v.Methods, option{Value: string(m), Label: rq.L.T("sponsors.method." + string(m)),
				Selected: gf.Values["method"] == string(m)})
		}
	}
	s.Render(w, status, "sponsor", &v)
	return nil
}

// defaultLocale is the installation's language.
func (s *Server) defaultLocale(r *http.Request) string {
	st, err := s.svc.Settings.Get(r.Context())
	if err != nil || st.DefaultLocale == "" {
		return "en"
	}
	return st.DefaultLocale
}

// Update changes the {id} sponsor's record.
func (s *Server) Update(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, sponsorFields...)
	cur, err := s.svc.Sponsors.Get(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	// The form offers the campaigns the reader sees: those it does not
	// show are kept.
	in := input(r, rq, f)
	shown, err := s.svc.Campaigns.List(r.Context(), rq.P, campaign.Filter{})
	if err != nil {
		return err
	}
	for _, c := range cur.CampaignIDs {
		if !slices.ContainsFunc(shown, func(cp campaign.Campaign) bool { return cp.ID == c }) {
			in.CampaignIDs = append(in.CampaignIDs, c)
		}
	}
	if _, err := s.svc.Sponsors.Update(r.Context(), rq.P, id, in); err == nil {
		s.Flash(r, "sponsors.saved")
		return kit.SeeOther(w, r, "/sponsors/"+kit.Itoa(id))
	} else if !f.Absorb(rq.L, err) {
		return err
	}
	f.Move("user_id", "portal_login")
	return s.renderSponsor(w, r, rq, forms{edit: f}, http.StatusUnprocessableEntity)
}

// Tables are the giving's tables on the sponsor's page.
func (v *sponsorView) Tables() tables {
	return tables{P: v.Page, G: v.G, Base: "/sponsors", ID: v.S.ID, CanManage: v.CanManage}
}
