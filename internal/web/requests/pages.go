// Package requests holds the operator pages of requests for aid: a
// campaign's requests by status, one request with its child, applicant,
// lines, history, comments and documents and the decisions it allows, and
// the form that records a new request from a person's page.
package requests

import (
	"embed"

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

// requestURL is the page of request id.
func requestURL(id int64) string { return "/requests/" + kit.Itoa(id) }

// statusName is a status in the reader's language.
func statusName(rq *request, st requests.Status) string { return rq.L.T("requeststatus." + string(st)) }

// MaxUploadBytes bounds the body of a document upload: the largest
// document and the form around it. A larger one is refused with the limit
// by the service when it fits this, by the route's limit otherwise.
const MaxUploadBytes = requests.MaxDocument + 64<<10
