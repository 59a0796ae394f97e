// Package matching holds the pages of the matching of young people to
// mentors: the runs of a coordinator's scope, the form that starts one, a
// run's proposals with their explanations and the young people it left
// unmatched with the reasons, and a mentor's own proposals with the
// accept and decline forms.
package matching

import (
	"embed"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/matching"
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

// Explain gives a match's reasons in the reader's language: the
// preference, then the criteria of fit met ("your first choice; same
// field, same region").
func Explain(l *i18n.Localizer, rs []matching.Reason) string {
	if len(rs) == 0 {
		return ""
	}
	out := l.T(rs[0].Key, rs[0].Args...)
	var fit []string
	for _, r := range rs[1:] {
		fit = append(fit, l.T(r.Key, r.Args...))
	}
	if len(fit) > 0 {
		out += "; " + strings.Join(fit, ", ")
	}
	return out
}

// row is a proposal as a page shows it.
type row struct {
	matching.Proposal
	Why string
}

func rows(l *i18n.Localizer, ps []matching.Proposal) []row {
	out := make([]row, len(ps))
	for i, p := range ps {
		out[i] = row{Proposal: p, Why: Explain(l, p.Reasons)}
	}
	return out
}
