// Package appeals is the operator desk's record of contacts: a question, a
// complaint, a request for aid, a report of a child out of school or
// anything else a family, a school or a neighbour brings to the hotline, a
// public reception or a centre. Each appeal is answered within a number of
// working days that depends on its kind (configurable per installation)
// and is counted with the installation's working-days calendar
// (internal/workdays); the queue shows the nearest deadline first and the
// overdue ones marked.
//
// An appeal's scope is the organisation of the operator who recorded it
// and the place it concerns. Its caller may be a person of the registry or
// only a name and a phone; it may link the persons and the requests it is
// about. Persons are the registry's: whether a principal may see one is
// asked of people.Service, and names shown come from its scoped lookups.
package appeals

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Insert, ByID, LinkPerson, LinkRequest, LinkedPeople, LinkedRequests, RequestScope, CampaignExists string
	RequestByReference                                                                                string
	Answer, Close, Assign, AssigneeScope                                                              string
	Queue, QueueKind, QueueMine, QueueKindMine                                                        string
	CountQueue, CountQueueKind, CountQueueMine, CountQueueKindMine                                    string
	Deadlines, PutDeadline, CalendarDays, PutCalendarDay, DeleteCalendarDay                           string
	Stats, MergeCallers, MoveCaller, OpenCampaigns                                                    string
}

// Service keeps appeals, the deadlines of their kinds and the
// installation's calendar days.
type Service struct {
	db       *store.DB
	log      *audit.Log
	people   *people.Service
	geo      *geo.Service
	settings *settings.Service
	now      func() time.Time
	q        queries
}

// Deps are what the service needs of the others.
type Deps struct {
	Audit    *audit.Log
	People   *people.Service
	Geo      *geo.Service
	Settings *settings.Service
	Now      func() time.Time
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, log: d.Audit, people: d.People, geo: d.Geo, settings: d.Settings, now: d.Now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("appeals: %w", err)
	}
	return s, nil
}

// Kind is what an appeal is about.
type Kind string

// The kinds of appeal.
const (
	RequestForAid     Kind = "request_for_aid"
	Question          Kind = "question"
	Complaint         Kind = "complaint"
	OutOfSchoolReport Kind = "out_of_school_report"
	OtherKind         Kind = "other"
)

// Kinds lists the kinds in the order forms offer them.
func Kinds() []Kind { return []Kind{RequestForAid, Question, Complaint, OutOfSchoolReport, OtherKind} }

// Channel is how an appeal reached the installation.
type Channel string

// The channels; the Telegram bot records its appeals as one more.
const (
	Hotline   Channel = "hotline"
	Reception Channel = "reception"
	Centre    Channel = "centre"
	Web       Channel = "web"
	Telegram  Channel = "telegram"
)

// Channels lists the channels in the order forms offer them.
func Channels() []Channel { return []Channel{Hotline, Reception, Centre, Web, Telegram} }

// Status is where an appeal stands: open until answered, then closed when
// nothing more is to be done.
type Status string

// The statuses of an appeal.
const (
	Open     Status = "open"
	Answered Status = "answered"
	Closed   Status = "closed"
)

// Statuses lists the statuses in order.
func Statuses() []Status { return []Status{Open, Answered, Closed} }

// Outcome is what came of an appeal.
type Outcome string

// The outcomes an answer records.
const (
	Informed        Outcome = "informed"        // the caller was told what they asked
	RequestCreated  Outcome = "request_created" // a request for aid was registered
	Referred        Outcome = "referred"        // sent on to the organisation that can help
	Resolved        Outcome = "resolved"        // the problem complained of was put right
	NotResolved     Outcome = "not_resolved"    // it could not be
	NoContact       Outcome = "no_contact"      // the caller could not be reached again
	DuplicateAppeal Outcome = "duplicate"       // the same matter is another appeal
)

// Outcomes lists the outcomes in the order forms offer them.
func Outcomes() []Outcome {
	return []Outcome{Informed, RequestCreated, Referred, Resolved, NotResolved, NoContact, DuplicateAppeal}
}

func oneOf[T comparable](v T, set []T) bool { return slices.Contains(set, v) }

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
