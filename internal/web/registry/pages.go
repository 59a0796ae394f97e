// Package registry holds the pages of the registry: the people list, its
// export, a person's page with their records, guardians, photo and
// merges, and the households.
package registry

import (
	"embed"
	"net/http"

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
	*kit.Kit
	svc *services.Services
	tpl *kit.Templates
	// guidance shows its part of a person's page.
	guidance *guidance.Server
}

// New parses the room's templates with the guidance part of the person
// page, which g fills; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services, g *guidance.Server) (*Server, error) {
	tpl, err := k.ParseRoom(templates, guidance.Partials())
	if err != nil {
		return nil, err
	}
	return &Server{Kit: k, svc: svc, tpl: tpl, guidance: g}, nil
}

// render shows the room's page name with view.
func (s *Server) render(w http.ResponseWriter, status int, name string, view any) {
	s.tpl.Render(w, status, name, view)
}
