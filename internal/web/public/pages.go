// Package public holds the pages families open without an account: a
// campaign's application form (/c/{slug}/apply), its confirmation with the
// reference number, and the status page (/status). They show nothing of
// any record but the family's own reference and status; the rules are
// internal/public's.
package public

import (
	"embed"
	"net/http"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/kit"
)

type (
	request = kit.Request
	// Page is the layout's part of every view.
	Page = kit.Page
)

// MaxBody bounds what a public form may post: the form's fields fill a
// few kilobytes, and a larger body is refused before it is read.
const MaxBody = 32 << 10

//go:embed templates
var templates embed.FS

// Server serves the public pages.
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

func (s *Server) render(w http.ResponseWriter, status int, name string, view any) {
	// A page of one family's answer is nobody else's: no cache keeps it.
	w.Header().Set("Cache-Control", "no-store")
	s.Room.Render(w, status, name, view)
}

func (s *Server) clientIP(r *http.Request) string {
	if s.ClientIP == nil {
		return r.RemoteAddr
	}
	return s.ClientIP(r)
}
