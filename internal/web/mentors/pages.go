// Package mentors holds the pages of the mentoring programme's mentors
// and their school: the public application form (/mentors/apply), the
// coordinator's list with its filters, a mentor's page with the decision
// on the application, the vetting and the eligibility for adults and
// minors, a mentor's own page, the fields of expertise, the pool's
// statistics, and the school — modules, cohorts, sessions, the register
// and the final check — with each cohort's progress. The rules are
// internal/mentoring's.
package mentors

import (
	"embed"
	"net/http"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
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

// MaxBody bounds what the public application form may post: its fields
// fill a few kilobytes, and a larger body is refused before it is read.
// ApplyPerWindow is how many applications one client address may post
// per public.Window: a few mentors sharing an office connection are well
// within it, a flood is cut off before the database is asked.
const (
	MaxBody        = 32 << 10
	ApplyPerWindow = 10
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

// reason is a domain error shown as a sentence in l's language; "" for
// none.
func reason(l *i18n.Localizer, err error) string {
	e := errs.As(err)
	if e == nil {
		return ""
	}
	return l.T(e.Key, e.Args...)
}

// pathID reads the {id} of a route.
func pathID(r *http.Request) (int64, error) { return kit.PathID(r) }
