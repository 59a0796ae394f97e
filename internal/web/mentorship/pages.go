// Package mentorship holds the pages of mentorships: the list (a
// coordinator's in scope, a mentor's own), a mentorship's page with its
// sessions, goals, feedback, safeguarding and ending, the mentors'
// activity report, and the designated safeguarding lead's concerns.
package mentorship

import (
	"embed"
	"net/url"

	"github.com/jolproject/jol/internal/mentorship"
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

func (s *Server) ships() *mentorship.Service { return s.svc.Mentorship }

// pageURL is the address of mentorship id, with a fragment when given.
func pageURL(id int64, fragment string) string {
	u := "/mentorships/" + kit.Itoa(id)
	if fragment != "" {
		u += "#" + url.PathEscape(fragment)
	}
	return u
}
