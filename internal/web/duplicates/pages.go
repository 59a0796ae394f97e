// Package duplicates holds the pages of the registry's duplicate review:
// the queue of likely pairs of records of one person, best first, and a
// pair side by side with the decisions a reviewer makes on it.
package duplicates

import (
	"embed"
	"net/http"

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
	*kit.Kit
	svc *services.Services
	tpl *kit.Templates
}

// New parses the room's templates; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services) (*Server, error) {
	tpl, err := k.ParseRoom(templates)
	if err != nil {
		return nil, err
	}
	return &Server{Kit: k, svc: svc, tpl: tpl}, nil
}

// render shows the room's page name with view.
func (s *Server) render(w http.ResponseWriter, status int, name string, view any) {
	s.tpl.Render(w, status, name, view)
}
