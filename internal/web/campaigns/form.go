package campaigns

import (
	"fmt"
	"net/http"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
)

// extraRows are the empty rows the form adds to each list (partners,
// contacts, region targets) so one more can be typed in without scripts.
const extraRows = 2

// formView is the form that sets up a campaign, new or existing.
type formView struct {
	Page
	Form       *form
	Action     string
	ID         int64
	Version    int
	Programmes []option
	Orgs       []option
	Previous   []option
	Texts      []textRow
	Items      []itemRow
	Partners   []partnerRow
	Contacts   []contactRow
	Targets    []targetRow
	RegionList []option
}

type textRow struct{ Locale, Lang string }

type itemRow struct {
	ID   int64
	Name string
	Kit  bool
}

type partnerRow struct {
	I     int
	Orgs  []option
	Roles []option
}

type contactRow struct {
	I     int
	Kinds []option
}

type targetRow struct {
	I     int
	Items []option
}

// fixedFields are the fields of the form that are always there; the rows
// of the lists are named by their number (partner_org_1, …).
var fixedFields = []string{"slug", "programme", "organiser_id", "starts_on", "ends_on", "apply_until", "budget",
	"currency", "previous_id", "regions", "version", "n_partners", "n_contacts", "n_targets"}

// fieldsOf lists every field of a form with n partners, contacts and
// targets rows, and the items and languages.
func fieldsOf(items []campaign.Item, np, nc, nt int) []string {
	out := append([]string{}, fixedFields...)
	for _, l := range i18n.All() {
		out = append(out, "name_"+string(l), "slogan_"+string(l), "who_"+string(l))
	}
	for _, it := range items {
		out = append(out, "target_"+kit.Itoa(it.ID))
	}
	for i := 1; i <= np; i++ {
		out = append(out, fmt.Sprintf("partner_org_%d", i), fmt.Sprintf("partner_role_%d", i))
	}
	for i := 1; i <= nc; i++ {
		for _, f := range []string{"kind", "phone", "address", "hours", "region"} {
			out = append(out, fmt.Sprintf("contact_%s_%d", f, i))
		}
	}
	for i := 1; i <= nt; i++ {
		out = append(out, fmt.Sprintf("rt_item_%d", i), fmt.Sprintf("rt_region_%d", i), fmt.Sprintf("rt_target_%d", i))
	}
	return append(out, "texts", "items", "partners", "contacts", "targets")
}

// CampaignNew shows an empty campaign form.
func (s *Server) CampaignNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	items, err := s.svc.Campaigns.Items(r.Context(), rq.P, false)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, fieldsOf(items, extraRows, extraRows, extraRows)...)
	f.Values["programme"] = string(campaign.Kits)
	f.Values["organiser_id"] = kit.Itoa(rq.P.OrgID)
	return s.renderForm(w, r, rq, f, 0, 0, items, http.StatusOK)
}

// CampaignEdit shows the {id} campaign's form, filled in.
func (s *Server) CampaignEdit(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	c, err := s.svc.Campaigns.Get(ctx, rq.P, id)
	if err != nil {
		return err
	}
	if !mayManage(rq, c) {
		return errForbidden
	}
	items, err := s.svc.Campaigns.Items(ctx, rq.P, false)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, fieldsOf(items, len(c.Partners)+extraRows, len(c.Contacts)+extraRows, len(c.Targets)+extraRows)...)
	fill(f, c)
	return s.renderForm(w, r, rq, f, c.ID, c.Version, items, http.StatusOK)
}

// CampaignCreate records a new draft campaign.
func (s *Server) CampaignCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.save(w, r, rq, 0)
}

// CampaignUpdate saves the {id} campaign's form.
func (s *Server) CampaignUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	return s.save(w, r, rq, id)
}

func (s *Server) save(w http.ResponseWriter, r *http.Request, rq *request, id int64) error {
	ctx := r.Context()
	items, err := s.svc.Campaigns.Items(ctx, rq.P, false)
	if err != nil {
		return err
	}
	rows := func(name string) int { return min(max(atoi(r.PostFormValue(name)), 0), campaign.MaxParts) }
	f := kit.NewForm(r, fieldsOf(items, rows("n_partners"), rows("n_contacts"), rows("n_targets"))...)
	in := s.input(rq, f, items)
	version := kit.Count(rq, f, "version")
	if len(f.FieldErrs) == 0 {
		var c campaign.Campaign
		if id == 0 {
			c, err = s.svc.Campaigns.Create(ctx, rq.P, in)
		} else {
			c, err = s.svc.Campaigns.Update(ctx, rq.P, id, version, in)
		}
		if err == nil {
			s.Flash(r, "campaigns.saved")
			return kit.SeeOther(w, r, "/campaigns/"+kit.Itoa(c.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	// Another editor's change: the form keeps what this one typed, and
	// says so; saving again overwrites from the version now stored.
	if id != 0 {
		if c, err := s.svc.Campaigns.Get(ctx, rq.P, id); err == nil {
			version = c.Version
		}
	}
	return s.renderForm(w, r, rq, f, id, version, items, http.StatusUnprocessableEntity)
}
