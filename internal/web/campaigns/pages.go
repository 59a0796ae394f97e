// Package campaigns holds the pages of campaigns and the aid catalogue:
// the list of campaigns, a campaign's page with its progress against its
// targets and against the campaign before it, the form that sets one up,
// its status moves, the catalogue of items and kits, and the public page
// of a campaign that families read without logging in.
package campaigns

import (
	"embed"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
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

// mayManage reports whether the user may change campaign c.
func mayManage(rq *request, c campaign.Campaign) bool {
	return access.Can(rq.P, access.ManageCampaigns, c.Target()) == nil
}

// programmeName, statusName and roleName translate a campaign's codes.
func programmeName(rq *request, p campaign.Programme) string {
	return rq.L.T("campaign.programme." + string(p))
}
func statusName(rq *request, s campaign.Status) string { return rq.L.T("campaign.status." + string(s)) }
