package sponsors

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/web/kit"
)

// giftFields and pledgeFields are the fields of the gift and pledge forms.
var (
	giftFields   = []string{"amount", "currency", "given_on", "method", "purpose", "pledge_id"}
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
}

// Sponsor shows the {id} sponsor with its giving and, to those who keep
// it, the forms that change it.
func (s *Server) Sponsor(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderSponsor(w, r, rq, nil, nil, nil, http.StatusOK)
}

func (s *Server) renderSponsor(w http.ResponseWriter, r *http.Request, rq *request, f, gf, pf *form, status int) error {
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
		v.Form, v.GiftForm, v.PledgeForm = f, gf, pf
		if v.Choices, err = s.choices(r, rq, f); err != nil {
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
	s.render(w, status, "sponsor", &v)
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
	// The form does not show the portal login and the campaigns (the API
	// sets them): they are kept.
	in := input(rq, f)
	in.UserID, in.CampaignIDs = cur.UserID, cur.CampaignIDs
	if _, err := s.svc.Sponsors.Update(r.Context(), rq.P, id, in); err == nil {
		s.Flash(r, "sponsors.saved")
		return kit.SeeOther(w, r, "/sponsors/"+kit.Itoa(id))
	} else if !f.Absorb(rq.L, err) {
		return err
	}
	return s.renderSponsor(w, r, rq, f, nil, nil, http.StatusUnprocessableEntity)
}

// Tables are the giving's tables on the sponsor's page.
func (v *sponsorView) Tables() tables {
	return tables{P: v.Page, G: v.G, Base: "/sponsors", ID: v.S.ID, CanManage: v.CanManage}
}
