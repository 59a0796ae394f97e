package sponsors

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/kit"
)

// sponsorFields are the fields of a sponsor's form, in page order.
var sponsorFields = []string{"name", "kind", "org_id", "language", "phone", "email", "address", "contact_person",
	"consent", "portal_login", "campaign_ids", "notes", "version"}

type listView struct {
	Page
	listing
	Rows      []sponsors.Sponsor
	Filter    *form
	Due       []sponsors.Pledge
	CanManage bool
	Form      *form
	Choices   choices
}

// choices are the options of a sponsor's form: Logins the portal logins
// it may take (of role sponsor, linked to no other sponsor), Campaigns
// those the reader sees, checked when supported.
type choices struct{ Kinds, Orgs, Languages, Logins, Campaigns []option }

// List lists the sponsors of the user's scope by ?q=, newest first, with
// the pledges come due and the form that records a sponsor.
func (s *Server) List(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderList(w, r, rq, kit.NewForm(nil, sponsorFields...), http.StatusOK)
}

func (s *Server) renderList(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	q := kit.QueryForm(r, "q", "consent")
	fl := sponsors.Filter{Query: q.Values["q"], Consenting: q.Values["consent"] != ""}
	n, err := s.svc.Sponsors.Count(ctx, rq.P, fl)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Sponsors.List(ctx, rq.P, fl, pg.Store())
	if err != nil {
		return err
	}
	v := listView{Page: s.Page(r, rq, "nav.sponsors"), listing: pg.Listing(r, next, n), Rows: list, Filter: q, Form: f,
		CanManage: access.Allowed(rq.P, access.ManageSponsors)}
	if v.Due, err = s.svc.Sponsors.Reminded(ctx, rq.P); err != nil {
		return err
	}
	if v.CanManage {
		if v.Choices, err = s.choices(r, rq, f, 0); err != nil {
			return err
		}
	}
	s.Render(w, status, "sponsors", &v)
	return nil
}

// choices reads the options of a sponsor's form; self is the sponsor
// edited (0 for a new one), whose own login stays offered.
func (s *Server) choices(r *http.Request, rq *request, f *form, self int64) (choices, error) {
	var c choices
	var err error
	ctx := r.Context()
	logins, err := s.svc.Sponsors.FreeLogins(ctx, rq.P, self)
	if err != nil {
		return c, err
	}
	c.Logins = []option{{Value: "", Label: rq.L.T("sponsors.no_login"), Selected: f.Values["portal_login"] == ""}}
	for _, l := range logins {
		c.Logins = append(c.Logins, option{Value: kit.Itoa(l.ID), Label: l.Name + " <" + l.Email + ">",
			Selected: f.Values["portal_login"] == kit.Itoa(l.ID)})
	}
	camps, err := s.svc.Campaigns.List(ctx, rq.P, campaign.Filter{})
	if err != nil {
		return c, err
	}
	checked := strings.Split(f.Values["campaign_ids"], ",")
	for _, cp := range camps {
		id := kit.Itoa(cp.ID)
		c.Campaigns = append(c.Campaigns, option{Value: id, Label: cp.Text(string(rq.L.Locale())).Name,
			Selected: slices.Contains(checked, id)})
	}
	for _, k := range []stock.DonorKind{stock.DonorPerson, stock.DonorCompany} {
		c.Kinds = append(c.Kinds, option{Value: string(k), Label: rq.L.T("sponsors.kind." + string(k)),
			Selected: f.Values["kind"] == string(k)})
	}
	c.Languages = []option{{Value: "", Label: rq.L.T("sponsors.language_of_org")}}
	for _, l := range []string{"kk", "ru", "en", "fr", "fa"} {
		c.Languages = append(c.Languages, option{Value: l, Label: kit.LangName(l), Selected: f.Values["language"] == l})
	}
	c.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org_id"], "—", 0)
	return c, err
}

// input reads a sponsor's form; the campaigns are every campaign_ids
// checked, kept in the form as a list.
func input(r *http.Request, rq *request, f *form) sponsors.Input {
	in := sponsors.Input{Name: f.Values["name"], Kind: stock.DonorKind(f.Values["kind"]),
		OrgID: kit.FilterID(rq, f, "org_id"), Language: f.Values["language"], Consent: f.Values["consent"] != "",
		Notes: f.Values["notes"], UserID: kit.FilterID(rq, f, "portal_login")}
	for _, v := range r.PostForm["campaign_ids"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			in.CampaignIDs = append(in.CampaignIDs, id)
		}
	}
	f.Values["campaign_ids"] = strings.Join(r.PostForm["campaign_ids"], ",")
	in.Version, _ = strconv.Atoi(f.Values["version"])
	for _, kind := range sponsors.ContactKinds() {
		if v := f.Values[contactField(kind)]; v != "" {
			in.Contacts = append(in.Contacts, sponsors.Contact{Kind: kind, Value: v})
		}
	}
	return in
}

// Create records a sponsor.
func (s *Server) Create(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, sponsorFields...)
	sp, err := s.svc.Sponsors.Create(r.Context(), rq.P, input(r, rq, f))
	if err == nil {
		s.Flash(r, "sponsors.saved")
		return kit.SeeOther(w, r, "/sponsors/"+kit.Itoa(sp.ID))
	}
	if !f.Absorb(rq.L, err) {
		return err
	}
	f.Move("user_id", "portal_login")
	return s.renderList(w, r, rq, f, http.StatusUnprocessableEntity)
}

// contactField is the form field of a kind of contact.
func contactField(k sponsors.ContactKind) string {
	if k == sponsors.Person {
		return "contact_person"
	}
	return string(k)
}
