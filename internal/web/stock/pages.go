// Package stock holds the pages of warehouses and the stock ledger: the
// warehouses in the user's scope with their totals, a warehouse's
// balances by item and size and by lot and donor, the forms of every kind
// of movement, its history a page at a time, its devices by serial
// number, a document's page (with the arrival of a transfer and the
// return of a handover), and the donors with where their gifts went.
// Handovers to a child name the request's reference, never the child.
package stock

import (
	"context"
	"embed"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/text"
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

// catalogue is the active catalogue with a lookup by id, for names in the
// reader's language.
type catalogue struct {
	items []campaign.Item
	byID  map[int64]campaign.Item
	l     string
}

func (s *Server) catalogue(ctx context.Context, rq *request) (catalogue, error) {
	items, err := s.svc.Campaigns.Items(ctx, rq.P, true)
	c := catalogue{items: items, byID: map[int64]campaign.Item{}, l: string(rq.L.Locale())}
	for _, it := range items {
		c.byID[it.ID] = it
	}
	return c, err
}

// name is item id's name in the reader's language.
func (c catalogue) name(id int64) string {
	if it, ok := c.byID[id]; ok {
		return it.Name(c.l)
	}
	return "#" + strconv.FormatInt(id, 10)
}

// options lists the active items (only kits when kits) for a select.
func (c catalogue) options(selected string, kits bool) []option {
	out := []option{{Value: "", Label: "—", Selected: selected == ""}}
	for _, it := range c.items {
		if !it.Active || kits && !it.IsKit {
			continue
		}
		id := strconv.FormatInt(it.ID, 10)
		out = append(out, option{Value: id, Label: it.Name(c.l), Selected: id == selected})
	}
	return out
}

// minor reads an amount with at most two decimals ("1250.50", "1 250,5")
// as hundredths.
func minor(rq *request, f *form, field string) int64 {
	v := strings.NewReplacer(" ", "", "\u00a0", "", ",", ".").Replace(text.NormalizeDigits(f.Values[field]))
	if v == "" {
		return 0
	}
	whole, frac, _ := strings.Cut(v, ".")
	if len(frac) > 2 {
		f.Fail(rq.L, field, "error.not_a_number")
		return 0
	}
	frac += strings.Repeat("0", 2-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		f.Fail(rq.L, field, "error.not_a_number")
	}
	return n
}

// serials splits what was typed into a serials box: one per line, or
// separated by commas, semicolons or spaces.
func serials(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' || r == ' ' || r == '\t' })
}
