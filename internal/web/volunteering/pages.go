// Package volunteering holds the pages of the volunteer side: a
// volunteer's own page (the needs they may sign up to, their tasks and
// courses, the hours they log), the coordinators' needs with who signed
// up, the queue of hours to approve, and the free courses with their
// children, sessions and attendance — which a volunteer teacher also
// opens for the courses they teach, seeing each child by first name, last
// initial and grade only.
package volunteering

import (
	"embed"
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/aftercare"
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

// roleOptions are the skills a need may ask for.
func roleOptions(l *i18n.Localizer, selected string) []option {
	return kit.Choices(aftercare.Skills(), selected, "", func(k aftercare.Skill) string {
		return l.T("aftercare.skill." + string(k))
	})
}

// subjectOptions are the subjects of a course.
func subjectOptions(l *i18n.Localizer, selected string) []option {
	return kit.Choices(aftercare.Subjects(), selected, "", func(k string) string { return l.T("subject." + k) })
}

// teacherBase is where a course's pages live for the reader: under /my for
// a volunteer teacher, at the top for staff.
func teacherBase(r *http.Request) string {
	if strings.HasPrefix(r.URL.Path, "/my/") {
		return "/my"
	}
	return ""
}
