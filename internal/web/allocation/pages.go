// Package allocation holds the pages of a campaign's allocation: its
// settings (regional quotas, which warehouses serve which regions at what
// cost), the dry run that shows the plan and its objective with tables
// per warehouse, region and item, the commit that reserves the stock, the
// run that serves the waiting list, and the history of runs.
package allocation

import (
	"context"
	"embed"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/kit"
)

// The kernel's types under the names the handlers use.
type (
	request = kit.Request
	form    = kit.Form
	option  = kit.Option
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

// campaignOf reads the {id} campaign as rq's user sees it.
func (s *Server) campaignOf(r *http.Request, rq *request) (campaign.Campaign, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return campaign.Campaign{}, err
	}
	return s.svc.Campaigns.Get(r.Context(), rq.P, id)
}

// pageURL is the allocation page of campaign id.
func pageURL(id int64) string { return "/campaigns/" + kit.Itoa(id) + "/allocation" }

// names turns the ids and paths a plan holds into names in the reader's
// language: regions, catalogue items and warehouses.
type names struct {
	ctx        context.Context
	svc        *services.Services
	locale     string
	items      map[int64]string
	warehouses map[int64]string
}

func (s *Server) names(ctx context.Context, rq *request) (*names, error) {
	n := &names{ctx: ctx, svc: s.svc, locale: string(rq.L.Locale()), items: map[int64]string{},
		warehouses: map[int64]string{}}
	items, err := s.svc.Campaigns.Items(ctx, access.System, true)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		n.items[it.ID] = it.Name(n.locale)
	}
	return n, nil
}

// region is the name of the region with path.
func (n *names) region(path string) string {
	code := geo.PathCode(path)
	if r, err := n.svc.Geo.Lookup(n.ctx, code); err == nil {
		return r.Name(n.locale)
	}
	return code
}

// item is the name of catalogue item id.
func (n *names) item(id int64) string {
	if s, ok := n.items[id]; ok {
		return s
	}
	return "#" + strconv.FormatInt(id, 10)
}

// warehouse is the name of warehouse id.
func (n *names) warehouse(id int64) string {
	if s, ok := n.warehouses[id]; ok {
		return s
	}
	name := "#" + strconv.FormatInt(id, 10)
	if w, err := n.svc.Stock.Warehouse(n.ctx, access.System, id); err == nil {
		name = w.Name
	}
	n.warehouses[id] = name
	return name
}
