// Package sponsors holds the pages of sponsors and benefactors: the list
// with its search, a sponsor's page (record, cash gifts, pledges, gifts in
// kind from the ledger, receipts and the impact of what they gave) with
// the forms that keep them, a receipt's print view in the sponsor's
// language, and the sponsor portal, where a sponsor's own login sees its
// own giving — never a child.
package sponsors

import (
	"embed"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/web/kit"
)

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

// Server serves the room's pages.
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

// giving is what a sponsor's page and the portal show of its giving.
type giving struct {
	Gifts    []giftRow
	Pledges  []pledgeRow
	InKind   []inKindRow
	Receipts []sponsors.Receipt
	Impact   sponsors.Impact
	Lines    []impactRow
	// ItemPledges are the items pledges not yet fulfilled that a donation
	// in kind may be matched to, for those who keep the sponsor.
	ItemPledges []option
}

type pledgeRow struct {
	sponsors.Pledge
	What, Done string
}

type inKindRow struct {
	DocID     int64
	Warehouse string
	Day       any
	Items     string
	Receipt   string
}

type impactRow struct {
	Item, Where, Grades string
	Units, Children     int64
}

type giftRow struct {
	sponsors.Gift
	Sum string
}

// tables is what the partial givingtables shows: the giving, the page, the
// base of its links (/sponsors or /giving) and whether receipts may be
// written from it.
type tables struct {
	P         Page
	G         giving
	Base      string
	ID        int64
	CanManage bool
}
