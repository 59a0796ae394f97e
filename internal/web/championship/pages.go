// Package championship holds the pages of the case championships: the
// championships of the reader's scope, the form that opens one with its
// rubric, a championship's page (its rubric and the tie-break rule, its
// leaderboard a page at a time, its jury, and the organisers' forms for
// teams, jurors and the next state), and the scoring form a juror or an
// organiser fills in for one team.
package championship

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

// view is the layout's part of a view with the namer the room's pages
// show region codes through, in the reader's language.
type view struct {
	Page
	Region func(code string) string
}

func (s *Server) view(r *http.Request, rq *request, titleKey string) view {
	return view{Page: s.Page(r, rq, titleKey), Region: s.RegionNamer(r.Context(), s.svc.Geo, string(rq.L.Locale()))}
}
