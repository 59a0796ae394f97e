// Package tournament holds the pages of debate tournaments: the list and
// the form that creates one, a tournament's page with its teams, judges
// and rounds, a round's draw with the rules it relaxed, its panels and
// the ballot forms, and the standings with the break and the qualifiers.
package tournament

import (
	"embed"
	"net/http"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/web/kit"
)

// The kernel's types under the names the handlers use.
type (
	request = kit.Request
	form    = kit.Form
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
}

// New parses the room's templates; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services) (*Server, error) {
	room, err := k.NewRoom(templates)
	if err != nil {
		return nil, err
	}
	return &Server{Room: room, svc: svc}, nil
}

// url is the page of tournament id, with more path after it.
func url(id int64, more ...string) string {
	u := "/tournaments/" + kit.Itoa(id)
	for _, m := range more {
		u += "/" + m
	}
	return u
}

// names maps a book's team IDs to their names.
func names(b *tournament.Book) func(int64) string {
	m := make(map[int64]string, len(b.Teams))
	for _, t := range b.Teams {
		m[t.ID] = t.Name
	}
	return func(id int64) string { return m[id] }
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
