package campaigns

import (
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
)

var errForbidden = errs.New(errs.Forbidden, "error.forbidden")

// fill puts campaign c into form f.
func fill(f *form, c campaign.Campaign) {
	v := f.Values
	v["slug"], v["programme"], v["organiser_id"] = c.Slug, string(c.Programme), kit.Itoa(c.OrganiserID)
	v["starts_on"], v["ends_on"], v["apply_until"] = day(c.StartsOn), day(c.EndsOn), day(c.ApplyUntil)
	if c.Budget > 0 {
		v["budget"] = fmt.Sprint(c.Budget / 100)
	}
	v["currency"] = c.Currency
	if c.PreviousID != 0 {
		v["previous_id"] = kit.Itoa(c.PreviousID)
	}
	for _, t := range c.Texts {
		v["name_"+t.Locale], v["slogan_"+t.Locale], v["who_"+t.Locale] = t.Name, t.Slogan, t.WhoMayApply
	}
	var codes []string
	for _, r := range c.Regions {
		codes = append(codes, r.Code)
	}
	v["regions"] = strings.Join(codes, ", ")
	for _, it := range c.Items {
		v["target_"+kit.Itoa(it.ItemID)] = fmt.Sprint(it.Target)
	}
	for i, x := range c.Partners {
		v[fmt.Sprintf("partner_org_%d", i+1)], v[fmt.Sprintf("partner_role_%d", i+1)] = kit.Itoa(x.OrgID), string(x.Role)
	}
	for i, x := range c.Contacts {
		n := i + 1
		v[fmt.Sprintf("contact_kind_%d", n)], v[fmt.Sprintf("contact_phone_%d", n)] = string(x.Kind), x.Phone
		v[fmt.Sprintf("contact_address_%d", n)], v[fmt.Sprintf("contact_hours_%d", n)] = x.Address, x.Hours
		v[fmt.Sprintf("contact_region_%d", n)] = x.RegionCode
	}
	for i, x := range c.Targets {
		n := i + 1
		v[fmt.Sprintf("rt_item_%d", n)], v[fmt.Sprintf("rt_region_%d", n)] = kit.Itoa(x.ItemID), x.RegionCode
		v[fmt.Sprintf("rt_target_%d", n)] = fmt.Sprint(x.Target)
	}
}

// input reads the posted form into a campaign's input; what does not
// parse becomes an error beside its field.
func (s *Server) input(rq *request, f *form, items []campaign.Item) campaign.Input {
	v := f.Values
	in := campaign.Input{Slug: v["slug"], Programme: campaign.Programme(v["programme"]), OrganiserID: kit.FilterID(rq, f, "organiser_id"),
		StartsOn: kit.FormDate(rq, f, "starts_on"), EndsOn: kit.FormDate(rq, f, "ends_on"), ApplyUntil: kit.FormDate(rq, f, "apply_until"),
		Budget: int64(kit.Count(rq, f, "budget")) * 100, Currency: v["currency"], PreviousID: kit.FilterID(rq, f, "previous_id")}
	for _, l := range i18n.All() {
		k := string(l)
		in.Texts = append(in.Texts, campaign.Text{Locale: k, Name: v["name_"+k], Slogan: v["slogan_"+k], WhoMayApply: v["who_"+k]})
	}
	in.RegionCodes = strings.FieldsFunc(v["regions"], func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	for _, it := range items {
		field := "target_" + kit.Itoa(it.ID)
		if v[field] != "" {
			in.Items = append(in.Items, campaign.Offered{ItemID: it.ID, Target: kit.Count(rq, f, field)})
		}
	}
	for i := 1; i <= count(f, "partner_org_"); i++ {
		org := kit.FilterID(rq, f, fmt.Sprintf("partner_org_%d", i))
		if org != 0 {
			in.Partners = append(in.Partners, campaign.Partner{OrgID: org, Role: campaign.PartnerRole(v[fmt.Sprintf("partner_role_%d", i)])})
		}
	}
	for i := 1; i <= count(f, "contact_kind_"); i++ {
		g := func(name string) string { return v[fmt.Sprintf("contact_%s_%d", name, i)] }
		in.Contacts = append(in.Contacts, campaign.Contact{Kind: campaign.ContactKind(g("kind")), Phone: g("phone"),
			Address: g("address"), Hours: g("hours"), RegionCode: g("region")})
	}
	for i := 1; i <= count(f, "rt_item_"); i++ {
		item := kit.FilterID(rq, f, fmt.Sprintf("rt_item_%d", i))
		if item != 0 || v[fmt.Sprintf("rt_region_%d", i)] != "" {
			in.Targets = append(in.Targets, campaign.RegionTarget{ItemID: item, RegionCode: v[fmt.Sprintf("rt_region_%d", i)],
				Target: kit.Count(rq, f, fmt.Sprintf("rt_target_%d", i))})
		}
	}
	return in
}
