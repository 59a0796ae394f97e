// Package aftercare is what follows a device's handover to a child: the
// set-up tasks — install its software, connect it to the network, train
// the pupil — and the volunteers who do them.
//
// The volunteer registry is minimal for now: a name, contacts, skills from
// a fixed list, a region and the organisation that keeps the record, and
// the login of a volunteer who uses Jol (who then sees their own tasks).
//
// Tasks are derived from the stock ledger. Sync looks for every device
// whose current state is issued by a handover to a person (an
// issue_person document) and that has no tasks of that handover yet, and
// gives it one task of each kind, open and due a week (training two
// weeks) after the handover; it cancels the open tasks of a device that is
// no longer with that child (returned). The unique index on (handover,
// device, kind) of the tasks it makes keeps two syncs at once from making
// any twice. The server runs it every minute (SyncEvery), so a handover
// made by any path — a single issue, allocation's handover, a list —
// gets its tasks without the ledger's code calling this package, and so do
// devices handed over before it existed. Tasks are then assigned to
// volunteers (Suggest proposes the active volunteers of the device's
// region with the task's skill, the least loaded first) and reported on
// with their date and hours.
//
// A device's page (Story) reads its history through the ledger's exported
// reads and names the child only to readers who may see children, with
// an access-log entry.
package aftercare

import (
	"context"
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/home"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	LinkUser, VolunteerUsers                                                   string
	InsertVolunteer, UpdateVolunteer, DeleteSkills, InsertSkill                string
	VolunteerByEmail                                                           string
	VolunteerFrom, VolunteerByID, VolunteerByUser, Volunteers, CountVolunteers string
	SkillsBetween, Suggest, DeleteTraits, InsertTrait, TraitsBetween           string

	SyncCandidates, InsertAutoTask, SyncReturned, CancelReturned string
	HandedOver, InsertTask, TaskFrom, TaskByID, TasksOfUnit      string
	Queue, CountQueue, SetAssigned, SetOpen, SetReport, SetDone  string
	SetCancelled, LockTask                                       string

	RepathVolunteerOrgs, RepathVolunteerRegions, RepathTaskOrgs, RepathTaskRegions string
}

// Deps are what the service needs of the installation. HandoverProof, when
// set, names the proof a handover document was recorded with (a
// signature, a one-time code, a photo of the signed list) for a device's
// page; distribution keeps it.
type Deps struct {
	Audit         *audit.Log
	Stock         *stock.Service
	Requests      *requests.Service
	Now           func() time.Time
	HandoverProof func(ctx context.Context, docID int64) (string, error)
}

// Service keeps the volunteer registry and the devices' set-up tasks.
type Service struct {
	db       *store.DB
	log      *audit.Log
	stock    *stock.Service
	requests *requests.Service
	now      func() time.Time
	proof    func(ctx context.Context, docID int64) (string, error)
	home     home.Resolver
	q        queries
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, stock: d.Stock, requests: d.Requests, now: d.Now, proof: d.HandoverProof,
		home: home.New(db.Engine)}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("aftercare: %w", err)
	}
	return s, nil
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

// itoa formats an id for the audit log.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
