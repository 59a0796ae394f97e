// Package selection holds the pages of the selection of young leaders:
// the selections, the form that opens one, a selection's page (its
// quotas, the scores' entry, the ranking with every candidate's reason,
// the appeals and the steps from ranking to publishing), the table of
// macro-regions, and the public shortlist.
package selection

import (
	"embed"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/kit"
)

// The kernel's types under the names the handlers use.
type (
	request = kit.Request
	form    = kit.Form
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
