// Package distribution holds the pages of distribution days: the events
// in the user's scope and the form that plans one, an event's page (its
// status, rule, staff, list by school, photos of signed lists and the
// lines assigned by hand), its list printed one page per school or
// centre and exported as a workbook, and the handover screen, made for a
// tablet held by the staff at the table: find a family by its reference,
// tick what it takes, and take the guardian's proof — a signature drawn
// on the screen, a one-time code sent to their phone, or the event's
// photographed paper list. A child's name shows only to readers who may
// see children.
package distribution

import (
	"context"
	"embed"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/distribution"
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

// eventURL is the page of event id.
func eventURL(id int64) string { return "/distribution/" + kit.Itoa(id) }

// campaignNames names the campaigns p sees in the reader's language, by
// id.
func (s *Server) campaignNames(ctx context.Context, rq *request) (map[int64]string, []option, error) {
	list, err := s.svc.Campaigns.List(ctx, rq.P, campaign.Filter{})
	names := map[int64]string{}
	var opts []option
	for _, c := range list {
		names[c.ID] = c.Text(string(rq.L.Locale())).Name
		if c.Status == campaign.Open || c.Status == campaign.Closed {
			opts = append(opts, option{Value: kit.Itoa(c.ID), Label: names[c.ID]})
		}
	}
	return names, opts, err
}

// mayRun reports whether the reader may change event e and hand over
// there.
func mayRun(rq *request, e distribution.Event) bool {
	return access.Can(rq.P, access.RunDistribution, e.Target()) == nil
}
