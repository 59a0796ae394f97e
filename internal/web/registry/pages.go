// Package registry holds the pages of the registry: the people list, its
// export, a person's page with their records, guardians, photo and
// merges, and the households.
package registry

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/guidance"
	"github.com/jolproject/jol/internal/web/kit"
)

//go:embed templates
var templates embed.FS

// Pages serve the room's routes; the route table of package web names
// them.
type Pages struct {
	*kit.Kit
	svc *services.Services
	tpl *kit.Templates
	// guidance shows its part of a person's page.
	guidance *guidance.Pages
}

// New parses the room's templates with the guidance part of the person
// page, which g fills; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services, g *guidance.Pages) (*Pages, error) {
	sub, err := fs.Sub(templates, "templates")
	if err != nil {
		return nil, err
	}
	tpl, err := k.Parse(sub, guidance.Partials())
	if err != nil {
		return nil, err
	}
	return &Pages{Kit: k, svc: svc, tpl: tpl, guidance: g}, nil
}

// render shows the room's page name with view.
func (s *Pages) render(w http.ResponseWriter, status int, name string, view any) {
	s.tpl.Render(w, status, name, view)
}
