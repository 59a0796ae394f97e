package campaigns

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
)

// renderForm shows the form with its choices.
func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, rq *request, f *form, id int64, version int, items []campaign.Item, status int) error {
	ctx := r.Context()
	v := formView{Page: s.Page(r, rq, "campaigns.new"), Form: f, Action: "/campaigns", ID: id, Version: version}
	if id != 0 {
		v.Title, v.Action = rq.L.T("campaigns.edit"), "/campaigns/"+kit.Itoa(id)
	}
	v.Programmes = kit.Choices(campaign.Programmes(), f.Values["programme"], "", func(p campaign.Programme) string { return programmeName(rq, p) })
	var err error
	if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["organiser_id"], rq.L.T("campaigns.choose_org"), 0); err != nil {
		return err
	}
	if v.Previous, err = s.previousOptions(ctx, rq, f.Values["previous_id"], id); err != nil {
		return err
	}
	if v.RegionList, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	loc := string(rq.L.Locale())
	itemOpts := []option{{Label: rq.L.T("campaigns.choose_item")}}
	for _, it := range items {
		v.Items = append(v.Items, itemRow{ID: it.ID, Name: it.Name(loc), Kit: it.IsKit})
		itemOpts = append(itemOpts, option{Value: kit.Itoa(it.ID), Label: it.Name(loc)})
	}
	for _, l := range i18n.All() {
		v.Texts = append(v.Texts, textRow{Locale: string(l), Lang: l.NativeName()})
	}
	orgs, err := kit.OrgOptions(ctx, s.svc.Orgs, rq.P, "", rq.L.T("campaigns.choose_org"), 0)
	if err != nil {
		return err
	}
	for i := 1; i <= count(f, "partner_org_"); i++ {
		sel := f.Values[fmt.Sprintf("partner_org_%d", i)]
		v.Partners = append(v.Partners, partnerRow{I: i, Orgs: selected(orgs, sel),
			Roles: kit.Choices(campaign.PartnerRoles(), f.Values[fmt.Sprintf("partner_role_%d", i)], "",
				func(x campaign.PartnerRole) string { return rq.L.T("campaign.role." + string(x)) })})
	}
	for i := 1; i <= count(f, "contact_kind_"); i++ {
		v.Contacts = append(v.Contacts, contactRow{I: i, Kinds: kit.Choices([]campaign.ContactKind{campaign.Hotline, campaign.Reception},
			f.Values[fmt.Sprintf("contact_kind_%d", i)], "", func(k campaign.ContactKind) string { return rq.L.T("campaign.contact." + string(k)) })})
	}
	for i := 1; i <= count(f, "rt_item_"); i++ {
		v.Targets = append(v.Targets, targetRow{I: i, Items: selected(itemOpts, f.Values[fmt.Sprintf("rt_item_%d", i)])})
	}
	s.Render(w, status, "campaign_form", &v)
	return nil
}

// previousOptions offers the campaigns to compare with, but the one edited.
func (s *Server) previousOptions(ctx context.Context, rq *request, sel string, id int64) ([]option, error) {
	list, err := s.svc.Campaigns.List(ctx, rq.P, campaign.Filter{})
	if err != nil {
		return nil, err
	}
	out := []option{{Label: rq.L.T("campaigns.previous_auto"), Selected: sel == ""}}
	for _, c := range list {
		if c.ID != id {
			out = append(out, option{Value: kit.Itoa(c.ID), Label: c.Text(string(rq.L.Locale())).Name + " · " + rq.L.Digits(strconv.Itoa(c.StartsOn.Year())),
				Selected: kit.Itoa(c.ID) == sel})
		}
	}
	return out, nil
}

// selected copies opts with the one of value sel selected.
func selected(opts []option, sel string) []option {
	out := make([]option, len(opts))
	for i, o := range opts {
		o.Selected = o.Value == sel
		out[i] = o
	}
	return out
}

// count is the number of rows of the form whose fields start with prefix.
func count(f *form, prefix string) int {
	n := 0
	for _, k := range f.Order {
		if strings.HasPrefix(k, prefix) {
			n++
		}
	}
	return n
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// day formats a date for a date input.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
