// Package outreach holds the pages of the out-of-school casework and the
// benefactors' association: an outreach worker's queue by deadline, a
// case's page with its timeline and the forms of its next step, the
// funnel per district and per reason, the charities with their domains,
// regions and capacity, and a charity's inbox of the referrals sent to
// it, where its staff accept or decline them.
package outreach

import (
	"embed"

	"github.com/jolproject/jol/internal/i18n"
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

// choices are the options of a coded value whose labels are prefix+code.
func choices[T ~string](l *i18n.Localizer, values []T, selected, prefix string) []option {
	return kit.Choices(values, selected, l.T("outreach.choose"), func(v T) string { return l.T(prefix + string(v)) })
}
