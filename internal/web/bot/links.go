package bot

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/web/kit"
)

// linksView lists the deep links within the user's scope, with the form
// that makes another.
type linksView struct {
	Page
	listing
	Form     *form
	Targets  []targetGroup
	Links    []linkRow
	Username string
}

// targetGroup is the targets of one kind, an optgroup of the form's one
// select; each option's value is "kind:id" ("region:KZ-75").
type targetGroup struct {
	Label   string
	Options []kit.Option
}

// linkRow is a link as the list shows it.
type linkRow struct {
	deeplink.Link
	URL string
}

// Links lists the links and offers the form.
func (s *Server) Links(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderLinks(w, r, rq, kit.NewForm(nil, "target", "label"), http.StatusOK)
}

// LinkCreate makes a link and shows its page, where its QR code is.
func (s *Server) LinkCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, "target", "label")
	in := deeplink.Input{Label: f.Values["label"]}
	kind, target, _ := strings.Cut(f.Values["target"], ":")
	in.Kind = deeplink.Kind(kind)
	if in.Kind == deeplink.Region {
		in.RegionCode = target
	} else {
		in.TargetID, _ = strconv.ParseInt(target, 10, 64)
	}
	l, err := s.svc.BotLinks.Create(r.Context(), rq.P, in)
	if err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		for _, field := range []string{"kind", "target_id", "region"} {
			f.Move(field, "target") // the form's one select names them all
		}
		return s.renderLinks(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "botlinks.created")
	return kit.SeeOther(w, r, "/bot/links/"+kit.Itoa(l.ID))
}

func (s *Server) renderLinks(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	n, err := s.svc.BotLinks.Count(ctx, rq.P)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.BotLinks.List(ctx, rq.P, string(rq.L.Locale()), pg.Store())
	if err != nil {
		return err
	}
	v := linksView{Page: s.Page(r, rq, "botlinks.title"), listing: pg.Listing(r, next, n), Form: f,
		Username: rq.Settings.BotUsername}
	for _, l := range list {
		v.Links = append(v.Links, linkRow{Link: l, URL: deeplink.URL(v.Username, l.Key)})
	}
	if v.Targets, err = s.targets(r, rq, f.Values["target"]); err != nil {
		return err
	}
	s.Render(w, status, "links", &v)
	return nil
}

// targets are what a link may point at within the user's scope: the
// campaigns and distribution events they see, the regions of their
// country, the organisations of their tree.
func (s *Server) targets(r *http.Request, rq *request, selected string) ([]targetGroup, error) {
	ctx := r.Context()
	opt := func(kind deeplink.Kind, value, label string) kit.Option {
		v := string(kind) + ":" + value
		return kit.Option{Value: v, Label: label, Selected: v == selected}
	}
	var out []targetGroup
	camps, err := s.svc.Campaigns.List(ctx, rq.P, campaign.Filter{})
	if err != nil {
		return nil, err
	}
	g := targetGroup{Label: rq.L.T("botlinks.kind.campaign")}
	for _, c := range camps {
		g.Options = append(g.Options, opt(deeplink.Campaign, kit.Itoa(c.ID), c.Text(string(rq.L.Locale())).Name))
	}
	out = append(out, g)
	regions, err := kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq)
	if err != nil {
		return nil, err
	}
	g = targetGroup{Label: rq.L.T("botlinks.kind.region")}
	for _, o := range regions {
		g.Options = append(g.Options, opt(deeplink.Region, o.Value, o.Label))
	}
	out = append(out, g)
	events, err := s.svc.Distribution.Events(ctx, rq.P, distribution.Filter{})
	if err != nil {
		return nil, err
	}
	g = targetGroup{Label: rq.L.T("botlinks.kind.event")}
	for _, e := range events {
		label := e.WarehouseName + ", " + rq.L.Date(e.StartsAt)
		if e.Place != "" {
			label = e.Place + " — " + label
		}
		g.Options = append(g.Options, opt(deeplink.Event, kit.Itoa(e.ID), label))
	}
	out = append(out, g)
	orgs, err := kit.OrgOptions(ctx, s.svc.Orgs, rq.P, "", "", 0)
	if err != nil {
		return nil, err
	}
	g = targetGroup{Label: rq.L.T("botlinks.kind.organisation")}
	for _, o := range orgs {
		if o.Value != "" {
			g.Options = append(g.Options, opt(deeplink.Organisation, o.Value, o.Label))
		}
	}
	return append(out, g), nil
}
