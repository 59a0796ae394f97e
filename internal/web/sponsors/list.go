package sponsors

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/kit"
)

// sponsorFields are the fields of a sponsor's form, in page order.
var sponsorFields = []string{"name", "kind", "org_id", "language", "phone", "email", "address", "contact_person",
	"consent", "notes", "version"}

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

type choices struct{ Kinds, Orgs, Languages []option }

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
		if v.Choices, err = s.choices(r, rq, f); err != nil {
			return err
		}
	}
	s.render(w, status, "sponsors", &v)
	return nil
}

func (s *Server) choices(r *http.Request, rq *request, f *form) (choices, error) {
	var c choices
	var err error
	for _, k := range []stock.DonorKind{stock.DonorPerson, stock.DonorCompany} {
		c.Kinds = append(c.Kinds, option{Value: string(k), Label: rq.L.T("sponsors.kind." + string(k)),
			Selected: f.Values["kind"] == string(k)})
	}
	c.Languages = []option{{Value: "", Label: rq.L.T("sponsors.language_of_org")}}
	for _, l := range []string{"kk", "ru", "en", "fr", "fa"} {
		c.Languages = append(c.Languages, option{Value: l, Label: kit.LangName(l), Selected: f.Values["language"] == l})
	}
	c.Orgs, err = kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, f.Values["org_id"], "—", 0)
	return c, err
}

// input reads a sponsor's form.
func input(rq *request, f *form) sponsors.Input {
	in := sponsors.Input{Name: f.Values["name"], Kind: stock.DonorKind(f.Values["kind"]),
		OrgID: kit.FilterID(rq, f, "org_id"), Language: f.Values["language"], Consent: f.Values["consent"] != "",
		Notes: f.Values["notes"]}
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
	sp, err := s.svc.Sponsors.Create(r.Context(), rq.P, input(rq, f))
	if err == nil {
		s.Flash(r, "sponsors.saved")
		return kit.SeeOther(w, r, "/sponsors/"+kit.Itoa(sp.ID))
	}
	if !f.Absorb(rq.L, err) {
		return err
	}
	return s.renderList(w, r, rq, f, http.StatusUnprocessableEntity)
}

// contactField is the form field of a kind of contact.
func contactField(k sponsors.ContactKind) string {
	if k == sponsors.Person {
		return "contact_person"
	}
	return string(k)
}
