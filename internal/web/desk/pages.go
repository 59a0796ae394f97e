// Package desk holds the operator desk's pages: the queue of appeals by
// deadline, the page that records a call (find the family, then write
// down what they asked), an appeal with its answer, the statistics, and
// the administrator's deadlines and calendar.
package desk

import (
	"embed"
	"strconv"

	"github.com/jolproject/jol/internal/appeals"
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

// kindOptions, channelOptions and outcomeOptions are the choices of the
// desk's selects, translated.
func kindOptions(rq *request, selected, empty string) []option {
	return kit.Choices(appeals.Kinds(), selected, empty, kit.Key[appeals.Kind](rq.L, "appealkind."))
}

func channelOptions(rq *request, selected string) []option {
	return kit.Choices(appeals.Channels(), selected, "", kit.Key[appeals.Channel](rq.L, "appealchannel."))
}

func outcomeOptions(rq *request, selected string) []option {
	return kit.Choices(appeals.Outcomes(), selected, rq.L.T("desk.choose_outcome"), kit.Key[appeals.Outcome](rq.L, "appealoutcome."))
}

// deskURL is the address of appeal id.
func deskURL(id int64) string { return "/desk/" + strconv.FormatInt(id, 10) }
