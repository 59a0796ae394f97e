// Package guidance holds the pages of ability diagnostics and placements:
// the assessments of an organisation, the offers of places and the children
// placed on them, and the part of a person's page that shows both.
package guidance

import (
	"embed"
	"io/fs"
	"net/http"

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

// Partials are the templates of the part of a person's page this room
// shows; the registry parses them with its person page.
func Partials() fs.FS {
	sub, err := fs.Sub(templates, "templates")
	if err != nil {
		panic(err) // the directory is embedded above
	}
	return sub
}

// render shows the room's page name with view.
func (s *Server) render(w http.ResponseWriter, status int, name string, view any) {
	s.tpl.Render(w, status, name, view)
}
