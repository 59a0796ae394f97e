// Package strands holds the pages of the youth programme's strands and
// outcomes: the activities of the young leaders' school and the creative
// programmes (enrolment, sessions, attendance, progress), the coverage
// report against the programme's target, and a young person's outcome.
package strands

import (
	"embed"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/kit"
)

// The kernel's types under the names the handlers use.
type (
	request = kit.Request
	form    = kit.Form
	option  = kit.Option
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
