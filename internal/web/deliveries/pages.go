// Package deliveries holds the pages of institutional deliveries: the
// board of a campaign's deliveries (or of every open one) against their
// deadlines, those at risk first; the plan that computes each centre's
// quantities from its roster, with a preview; and a delivery's page with
// what the user may do to it — dispatch it from the warehouse, mark it
// delivered, cancel or reschedule it, and, for the receiving centre's own
// staff, confirm what arrived with any shortfall and its reason.
package deliveries

import (
	"context"
	"embed"
	"strconv"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/kit"
)

// The kernel's types under the names the handlers use.
type (
	request = kit.Request
	form    = kit.Form
	option  = kit.Option
	listing = kit.Listing
	// Page is the layout's part of every view.
	Page = kit.Page
)

//go:embed templates
var templates embed.FS

// Server serves the room's pages; the route table of package web names
// its handlers.
type Server struct {
	kit.Room
	svc *services.Services
}

// New parses the room's templates; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services) (*Server, error) {
	room, err := k.NewRoom(templates)
	if err != nil {
		return nil, err
	}
	return &Server{Room: room, svc: svc}, nil
}

// names are the reader's names of the catalogue's items and of the
// delivery campaigns the reader sees.
type names struct {
	items     map[int64]campaign.Item
	campaigns []campaign.Campaign
	l         string
}

func (s *Server) names(ctx context.Context, rq *request) (names, error) {
	n := names{items: map[int64]campaign.Item{}, l: string(rq.L.Locale())}
	items, err := s.svc.Campaigns.Items(ctx, rq.P, true)
	if err != nil {
		return n, err
	}
	for _, it := range items {
		n.items[it.ID] = it
	}
	n.campaigns, err = s.svc.Campaigns.List(ctx, rq.P, campaign.Filter{Programme: campaign.Delivery})
	return n, err
}

// item is item id's name in the reader's language.
func (n names) item(id int64) string {
	if it, ok := n.items[id]; ok {
		return it.Name(n.l)
	}
	return "#" + strconv.FormatInt(id, 10)
}

// campaign is campaign id's name in the reader's language.
func (n names) campaign(id int64) string {
	for _, c := range n.campaigns {
		if c.ID == id {
			return c.Text(n.l).Name
		}
	}
	return "#" + strconv.FormatInt(id, 10)
}

// campaignOptions are the delivery campaigns for a select.
func (n names) campaignOptions(selected, empty string) []option {
	var out []option
	if empty != "" {
		out = append(out, option{Value: "", Label: empty, Selected: selected == ""})
	}
	for _, c := range n.campaigns {
		id := strconv.FormatInt(c.ID, 10)
		out = append(out, option{Value: id, Label: c.Text(n.l).Name, Selected: id == selected})
	}
	return out
}

// lineField names field of line n of a form.
func lineField(n int, field string) string { return "lines." + strconv.Itoa(n) + "." + field }
