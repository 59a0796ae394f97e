// Package importing holds the pages that import a list of children from a
// file: the upload, the preview with its column mapping, the runs and
// their rejected rows.
package importing

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/jolproject/jol/internal/services"
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
}

// New parses the room's templates; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services) (*Pages, error) {
	sub, err := fs.Sub(templates, "templates")
	if err != nil {
		return nil, err
	}
	tpl, err := k.Parse(sub)
	if err != nil {
		return nil, err
	}
	return &Pages{Kit: k, svc: svc, tpl: tpl}, nil
}

// render shows the room's page name with view.
func (s *Pages) render(w http.ResponseWriter, status int, name string, view any) {
	s.tpl.Render(w, status, name, view)
}
