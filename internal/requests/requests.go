// Package requests keeps requests for aid: a family's, a school's or a
// young person's own request for one person of the registry in one
// campaign, what it asks for (a kit or single items, with sizes), its
// lifecycle from submission to delivery (status.go), the reviewer, the
// comments and documents attached to it, and the messages it sends the
// applicant through the outbox.
//
// A request's scope is the person's at submission (their organisation and
// region paths, copied onto the request): whoever may see the child may see
// their requests, and list queries are range scans on those paths.
// Sponsors, volunteers and the public never read a request here; the
// public status page asks by reference and phone (Status) and is told the
// status only.
//
// Submissions that arrive together are written in one transaction (see
// batch.go): on SQLite, with one writer, that is what lets thousands of
// families apply in a second while each request is committed before its
// answer goes out.
package requests

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
	PersonForRequest, CampaignForRequest, CampaignCovers, CampaignItem    string
	ExistingRequest, InsertRequest, InsertLine, InsertEvent, InsertOutbox string
	RequestFrom, RequestByID, RequestByReference, Lines, Events           string
	SetStatus, SetReviewer, CampaignList, CampaignListByStatus            string
	InsertComment, Comments, InsertDocument, Documents, Document          string
	PendingOutbox, MarkSent, MarkFailed, OutboxOfRequest                  string
	ListCampaign, ListCampaignRegions, ListCampaignOffer, OpenCampaignIDs string
}

// Service keeps requests.
type Service struct {
	db    *store.DB
	log   *audit.Log
	now   func() time.Time
	q     queries
	batch batcher
}

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("requests: %w", err)
	}
	s.batch.db = db
	return s, nil
}

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
