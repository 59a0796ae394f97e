// Package bot holds the web pages of the Telegram bot: the deep links
// printed on posters, with their QR codes as PNG and SVG, and a staff
// member's own page that links their Telegram chat to their account.
package bot

import (
	"embed"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/kit"
)

// The kernel's types under the names the handlers use.
type (
	request = kit.Request
	form    = kit.Form
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
