// Package stock is Jol's warehouses and its stock ledger.
//
// Warehouses and distribution points belong to an organisation and stand
// in a region; they are scoped by both. Stock is an append-only ledger:
// every receipt, transfer, kit assembly, issue, return, write-off and
// count is a document (stock_docs) whose moves (stock_moves) add or take
// signed quantities of one item, in one size, of one lot, at one
// warehouse. Moves are never changed or deleted; a correction is a new
// document. Every unit keeps the lot it came in with, and a lot names its
// donor (or its purchase cost, or the lots a kit was assembled from), so
// Trace follows a donor's gift to the people and institutions it reached.
//
// Balances are derived: stock_balances (per warehouse, item and size,
// with what is reserved for request lines) and stock_lot_balances (per
// warehouse and lot) are counters that only this package's ledger code
// writes, in the transaction that writes the moves, and Verify recomputes
// them from the ledger. Stock never goes negative: every take is a
// conditional update of the counter row (WHERE on_hand - reserved >= n)
// whose rows affected say whether it was there, made in a fixed order of
// rows so concurrent documents never deadlock; CHECK constraints on the
// counters are the last line of defence. See docs/architecture.md.
package stock

import (
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	ScopeOrg, RegionByCode, InsertWarehouse, UpdateWarehouse, WarehouseByID, WarehouseForUpdate, Warehouses string
	InsertDonor, UpdateDonor, EditDonor, Donors, DonorByID                                                  string
	RepathWarehouseOrgs, RepathWarehouseRegions, RepathDonorOrgs, RepathDocOrgs, RepathDocRegions           string

	Item, Components, InsertDoc, InsertLot, InsertLotPart, InsertUnit, UnitBySerial, SetUnit, PickUnits string
	InsertMove, PutBalance, TakeFree, TakeHeld, BalanceOf, LotsFIFO, TakeLot, PutLot, DocMoves          string
	DocByID, ReceiveDoc, LockDoc, ReturnedFrom, UnitState                                               string

	Reserve, Unreserve, InsertHold, HoldForLine, HoldsOfRun, HoldsOfRequest, CloseHold, Available string
	LockRequest, RequestLine, IssuedForLine, RequestByReference                                   string

	Balances, LotBalances, History, CountHistory, InTransit, Units string
	TraceMoves, TraceStock, TraceCounts, TraceRequests             string
	DonorReach, DonorDonations                                     string
	VerifyBalances, VerifyLots, VerifyUnits                        string
	DeviceByID, DevicesBySerial, DeviceMoves, LineHolds            string

	WarehousePage, CountWarehouses, DonorPage, CountDonors, UnitPage, CountUnits string
	HandedPage, CountHanded                                                      string
}

// Service keeps warehouses, donors and the stock ledger.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
	// donorEdited hear of each donor edited (see OnDonorEdit).
	donorEdited []DonorHook
}

// New returns the service on db; every document is recorded in log and
// now is the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("stock: %w", err)
	}
	return s, nil
}

// itoa formats an id for the audit log.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
