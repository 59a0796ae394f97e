// Package requests holds the operator pages of requests for aid: a
// campaign's requests by status, one request with its child, applicant,
// lines, history, comments and documents and the decisions it allows, and
// the form that records a new request from a person's page.
package requests

import (
	"embed"
	"net/http"

	"github.com/jolproject/jol/internal/requests"
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
	*kit.Kit
	svc *services.Services
	tpl *kit.Templates
}

// New parses the room's templates; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services) (*Server, error) {
	tpl, err := k.ParseRoom(templates)
	if err != nil {
		return nil, err
	}
	return &Server{Kit: k, svc: svc, tpl: tpl}, nil
}

// render shows the room's page name with view.
func (s *Server) render(w http.ResponseWriter, status int, name string, view any) {
	s.tpl.Render(w, status, name, view)
}

// requestURL is the page of request id.
func requestURL(id int64) string { return "/requests/" + kit.Itoa(id) }

// statusName is a status in the reader's language.
func statusName(rq *request, st requests.Status) string { return rq.L.T("requeststatus." + string(st)) }

// MaxUploadBytes bounds the body of a document upload: the largest
// document and the form around it. A larger one is refused with the limit
// by the service when it fits this, by the route's limit otherwise.
const MaxUploadBytes = requests.MaxDocument + 64<<10
