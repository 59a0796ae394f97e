// Package guidance is ability diagnostics and career guidance for pupils,
// and their placement into the free places that private schools, lyceums
// and centres offer.
//
// An assessment records what a diagnostic measured of a pupil and what it
// recommends; an offer is a number of free places an organisation gives
// for a year; a placement puts a child on an offer, proposed first, then
// admitted, declined (which frees the place) or finished. Every record
// belongs to an organisation (where the assessment was made, the one
// offering the places) and is scoped by it.
//
// The children are the registry's: whether a principal may see or edit a
// child is asked of people.Service, never read here. When two records of a
// child are merged, the registry runs this package's merge hooks (see
// AssessmentMoves and PlacementMoves), which move the child's assessments
// and placements and move them back on undo.
package guidance

import (
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	ScopeOrg, InsertAssessment, InsertAssessmentScore, AssessmentScores string
	PersonAssessments, OrgAssessments, CountOrgAssessments              string
	InsertOffer, Offers, OfferByID, LockOffer                           string
	PlacedOn, InsertPlacement, UpdatePlacement                          string
	PlacementFrom, PlacementsOnOffer, PlacementsOfPerson, PlacementByID string

	MergeAssessments, MoveAssessment, MergePlacements, MovePlacement string
	PlacementRows, SetPlacementRow                                   string
}

// Service keeps assessments, offers and placements.
type Service struct {
	db     *store.DB
	log    *audit.Log
	people *people.Service
	now    func() time.Time
	q      queries
}

// New returns the service on db; changes are recorded in log, children
// are asked of reg and now is the clock.
func New(db *store.DB, log *audit.Log, reg *people.Service, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, people: reg, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("guidance: %w", err)
	}
	return s, nil
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

// itoa formats an id for the audit log.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
