package campaigns

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
)

// publicView is a campaign's public page: what it offers, who may apply,
// how to reach it and until when. It holds aggregates and contacts only,
// never a child.
type publicView struct {
	Page
	C         campaign.Campaign
	Text      campaign.Text
	Offers    []offerLine
	Regions   []string
	Taking    bool
	NotYet    bool // open, but its period has not begun
	Deadline  string
	StartsOn  string
	ApplyURL  string
	Languages []langLink
	// Who says who may apply under the campaign's current rules: ages,
	// grades, categories; empty without a rule set.
	Who []string
	// Results links the campaign's published report, once produced.
	Results string
}

// offerLine is one thing offered, a kit with what it holds.
type offerLine struct {
	Name     string
	Contents string
	Grades   string
	Rule     string // what the item's own rules ask: "ages 6–10"
}

// langLink is the page in another language, for a link families can share.
type langLink struct {
	Href, Name, Lang string
	Current          bool
}

// Public shows the public page of the campaign published as {slug},
// without login, in the language of ?lang= when given (so a link in a
// message opens in the family's language), else the visitor's. A draft is
// not found; a campaign past its deadline says applications are closed.
func (s *Server) Public(w http.ResponseWriter, r *http.Request, rq *request) error {
	if l, ok := i18n.Parse(r.URL.Query().Get("lang")); ok {
		rq.L = s.svc.Catalog.Localizer(l).WithCalendar(rq.Settings.Calendar)
	}
	ctx := r.Context()
	c, err := s.svc.Campaigns.Public(ctx, r.PathValue("slug"))
	if err != nil {
		return err
	}
	items, err := s.svc.Campaigns.Offer(ctx, c)
	if err != nil {
		return err
	}
	rules, err := s.svc.Public.Conditions(ctx, c.ID)
	if err != nil {
		return err
	}
	loc := string(rq.L.Locale())
	today := s.Today(rq)
	v := publicView{Page: s.Page(r, rq, "campaigns.title"), C: c, Text: c.Text(loc), Taking: c.Taking(today),
		NotYet: c.Status == campaign.Open && today.Before(c.StartsOn), ApplyURL: "/c/" + c.Slug + "/apply?lang=" + loc}
	v.Title = v.Text.Name
	v.Deadline, v.StartsOn = v.Day(c.LastApplyDay()), v.Day(c.StartsOn)
	v.Who = rules.Describe(rq.L)
	for _, it := range items {
		o := offerLine{Name: it.Name(loc), Rule: rules.DescribeItem(rq.L, it.ID)}
		var parts []string
		for _, x := range it.Components {
			parts = append(parts, rq.L.T("catalogue.component", "Name", x.Name(loc), "Count", x.Quantity))
		}
		o.Contents = strings.Join(parts, rq.L.T("common.list_separator"))
		if it.GradeMax > 0 {
			o.Grades = rq.L.T("catalogue.grades", "Min", it.GradeMin, "Max", it.GradeMax)
		}
		v.Offers = append(v.Offers, o)
	}
	for _, x := range c.Regions {
		v.Regions = append(v.Regions, x.Name(loc))
	}
	for _, l := range i18n.All() {
		v.Languages = append(v.Languages, langLink{Href: "/c/" + c.Slug + "?lang=" + string(l), Name: l.NativeName(),
			Lang: string(l), Current: l == rq.L.Locale()})
	}
	if has, err := s.svc.Reports.Has(ctx, c.ID); err != nil {
		return err
	} else if has {
		v.Results = "/c/" + c.Slug + "/report?lang=" + loc
	}
	s.Render(w, http.StatusOK, "public", &v)
	return nil
}
