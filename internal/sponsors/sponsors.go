// Package sponsors keeps the sponsors and benefactors of Jol's programmes
// — people and companies — with their cash gifts, pledges and receipts,
// and traces the impact of exactly what each one gave.
//
// A sponsor is a donor of the stock ledger with more beside it: the same
// party, never entered twice. Creating a sponsor creates its donor through
// stock.Service.CreateDonorTx in the same transaction (an existing donor
// becomes a sponsor with Adopt), and the stock receipts of a donation in
// kind carry that donor's id down to every unit. So a sponsor's gifts in
// kind are read from the ledger (stock.Service.DonorDonations) and their
// impact follows the ledger's lots to the people and institutions they
// reached (stock.Service.DonorReach), told as aggregates only: counts,
// items, institutions, regions and grade ranges, never a child.
//
// A sponsor is scoped by the organisation that recorded its donor; the
// region axis does not apply. A user with the role sponsor linked to a
// sponsor (its portal login) sees that sponsor's own gifts, pledges,
// receipts and impact, and nothing else.
package sponsors

import (
	"context"
	"embed"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/letterhead"
	"github.com/jolproject/jol/internal/pdfdoc"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	InsertSponsor, UpdateSponsor, SponsorByID, SponsorByUser, LockSponsor, DonorFree, DonorEdited string
	Sponsors, Contacts, DeleteContacts, InsertContact                                             string
	Campaigns, DeleteCampaigns, InsertCampaign, CampaignExists, UserRole, FreeLogins              string

	InsertGift, Gifts, GiftByID, NewCounter, NextNumber, InsertReceipt, Receipts string
	ReceiptByID, ReceiptOfDoc, ReceiptHead                                       string

	InsertPledge, Pledges, PledgeByID, InsertFulfilment, DuePledges, MarkReminded, Reminded string
	ItemExists                                                                              string

	ReachRequests, ReachDeliveries, ReachOrgs, RegionNames, ItemNames string

	FigureSponsors, FigureGifts, FigurePledges, FigureInKind, FigurePeriod string
}

// Deps are what the service uses besides its database.
type Deps struct {
	Audit *audit.Log
	Stock *stock.Service
	// DefaultLocale is the installation's language, the last fallback of a
	// sponsor's (settings.Service's); "en" when nil.
	DefaultLocale func(context.Context) string
	Now           func() time.Time
}

// Service keeps sponsors, gifts, pledges and receipts.
type Service struct {
	db    *store.DB
	log   *audit.Log
	stock *stock.Service
	def   func(context.Context) string
	now   func() time.Time
	q     queries
	heads *letterhead.Book
	// pdf is the PDF renderer, made on first use: parsing the fonts is
	// not worth it for a process that writes no receipt.
	pdf func() (*pdfdoc.Renderer, error)
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, stock: d.Stock, def: d.DefaultLocale, now: d.Now}
	s.pdf = sync.OnceValues(pdfdoc.New)
	if s.now == nil {
		s.now = time.Now
	}
	if s.def == nil {
		s.def = func(context.Context) string { return "en" }
	}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("sponsors: %w", err)
	}
	var err error
	s.heads, err = letterhead.New(db.Engine)
	return s, err
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
