// Package youth holds the pages of the young people of the mentoring
// programme: the public registration form (/y/register/{org}) and its
// confirmation with the young person's secret link, the young person's
// own page that link opens (/y/{token}: their registration, what a match
// waits for, their shortlist of mentors and their ranking), and the
// coordinators' list of young people and a young person's page, where a
// guardian's consent is recorded and a lost link re-issued.
package youth

import (
	"embed"
	"net/http"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/kit"
)

type (
	request = kit.Request
	form    = kit.Form
	// Page is the layout's part of every view.
	Page = kit.Page
)

// The public pages' limits per client address and Window (see
// internal/public): a registration or a choice is a few posts; a young
// person opens their page a few times, and a guesser of links is cut off
// long before a guess could matter.
const (
	MaxBody           = 32 << 10
	RegisterPerWindow = 10
	LinkPerWindow     = 60
)

//go:embed templates
var templates embed.FS

// Server serves the room's pages.
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

// allow takes one attempt at the public page from the client's address
// (see kit.Kit.Allow).
func (s *Server) allow(r *http.Request, page string, limit int) error { return s.Allow(r, page, limit) }

// private renders a page of one young person's own: no cache keeps it
// and no link on it tells another site the address it was opened at.
func (s *Server) private(w http.ResponseWriter, status int, name string, view any) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.Render(w, status, name, view)
}
