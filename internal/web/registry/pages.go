// Package registry holds the pages of the registry: the people list, its
// export, a person's page with their records, guardians, photo and
// merges, and the households.
package registry

import (
	"embed"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/guidance"
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
	// guidance shows its part of a person's page.
	guidance *guidance.Server
}

// New parses the room's templates with the guidance part of the person
// page, which g fills; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services, g *guidance.Server) (*Server, error) {
	room, err := k.NewRoom(templates, guidance.Partials())
	if err != nil {
		return nil, err
	}
	return &Server{Room: room, svc: svc, guidance: g}, nil
}
