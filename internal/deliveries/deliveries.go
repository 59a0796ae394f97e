// Package deliveries is the institutional deliveries of a campaign: what
// a children-support centre, a minors' adaptation centre or a school is
// to receive from a warehouse, by when, and what it did receive.
//
// A delivery is planned for every institution of the chosen types in the
// campaign's regions, its quantities computed from a rule per line — so
// many units per pupil on the institution's roster in a range of grades
// (the roster is the registry's persons of that organisation, counted
// when planned, never named), or a fixed number. It is then dispatched:
// the stock leaves the warehouse by the ledger's handover to an
// institution (stock.IssueInstitutionTx), in the same transaction as the
// delivery's own change. It is marked delivered when it arrives, and
// confirmed by the institution's own staff (a school_staff login of that
// very organisation, nobody else) with what they counted per line: a
// shortfall needs its reason and stays on the delivery as its
// discrepancy. Confirmation does not touch the ledger: what left the
// warehouse left it at dispatch; units that came back are a return of the
// handover document, recorded at the warehouse.
//
// The board lists deliveries against their deadlines, those at risk first
// (see Risk). Every record is scoped by the institution's organisation
// and region.
package deliveries

import (
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Institutions, Roster, Planned, InsertDelivery, InsertLine    string
	DeliveryFrom, DeliveryByID, Lines                            string
	SetDispatched, SetLineDispatched, SetDelivered, SetConfirmed string
	SetLineReceived, SetCancelled, SetDue, Board, BoardCounts    string
	RepathOrgs, RepathRegions, LockDelivery                      string
}

// Deps are what the service needs of the installation: the change log,
// the stock ledger it dispatches through, the campaigns it plans for and
// the clock.
type Deps struct {
	Audit     *audit.Log
	Stock     *stock.Service
	Campaigns *campaign.Service
	Now       func() time.Time
}

// Service plans, dispatches and confirms institutional deliveries.
type Service struct {
	db        *store.DB
	log       *audit.Log
	stock     *stock.Service
	campaigns *campaign.Service
	now       func() time.Time
	q         queries
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, stock: d.Stock, campaigns: d.Campaigns, now: d.Now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("deliveries: %w", err)
	}
	return s, nil
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

// itoa formats an id for the audit log.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
