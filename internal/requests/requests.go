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
	"context"
	"database/sql"
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
	SetStatus, SetReviewer, ReviewerScope                                 string
	CampaignList, CampaignListByStatus, CampaignListByReviewer            string
	InsertComment, Comments, InsertDocument, Documents, Document          string
	PendingOutbox, MarkSent, MarkFailed, OutboxOfRequest, SetOutboxArgs   string
	CampaignChoices, CampaignOffer                                        string
	RequestRows, MoveRequest, SetRequestRow, CampaignBySlug               string
	ListCampaign, ListCampaignRegions, ListCampaignOffer, OpenCampaignIDs string
	InsertRequestChat, AttachChat, InsertChatOutbox, ForgetChat           string
	ChatOfRequest                                                         string
	DropChatMessages                                                      string
}

// Service keeps requests.
type Service struct {
	db       *store.DB
	log      *audit.Log
	now      func() time.Time
	q        queries
	batch    batcher
	prepared map[string]*sql.Stmt // SQLite only, see prepared.go
	hooks    Hooks
}

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("requests: %w", err)
	}
	if err := s.prepare(context.Background()); err != nil {
		return nil, err
	}
	s.batch = batcher{db: db, wrap: s.inTx}
	return s, nil
}

// At returns the service with its clock set to now, sharing the database
// and the log: sample data and lists of a past campaign are submitted on
// the days they were made, within the campaign's period.
func (s *Service) At(now func() time.Time) *Service {
	return &Service{db: s.db, log: s.log, now: now, q: s.q, prepared: s.prepared, hooks: s.hooks,
		batch: batcher{db: s.db, wrap: s.batch.wrap}}
}

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
