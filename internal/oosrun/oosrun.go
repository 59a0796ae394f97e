// Package oosrun is the out-of-school run: it links a population list (a
// civil register, a health or a social-assistance list) with the
// enrolment lists schools send, both imported through the import engine
// and kept here per import, and flags the school-age children no list
// has as attending into outreach, each with the category and visibility
// of the UNICEF/UIS Out-of-School Children Initiative, their district
// and catchment school, how sure the run is and why, in plain words.
//
// A run is a background job. It reads the chosen lists' rows into the
// record-linkage engine (internal/linkage), the population on the left,
// links them with the rows of the school year run for and, apart, with
// those of earlier years, and classifies each school-age child of the
// population list (see Classify). Cases are made or updated through
// outreach.Service.Flag, which never duplicates an open case, so a run
// with new lists updates the cases an earlier one made. A child an
// enrolment list now shows attending is not flagged; an open case of
// theirs is left to its worker, and the run counts them.
package oosrun

import (
	"embed"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	InsertList, ListOfImport, AddedRows, ListByID, Lists string
	InsertRow, Rows, OpenCases                           string
	InsertRun, SetRunJob, StartRun, FinishRun, RunByID   string
	Runs, InsertFlag, Flags, CountFlags, FlagOf          string
}

// The lists' kinds.
const (
	Population = "population"
	Enrolment  = "enrolment"
)

// The attendance statuses an enrolment row gives.
const (
	Attending    = "attending"
	NotAttending = "not_attending"
	Left         = "left"
)

// School age by default: 6 to 17 years old on 1 September of the school year.
const (
	MinAge = 6
	MaxAge = 17
)

// JobKind is the kind of the background job that does a run.
const JobKind = "oos.run"

// Deps are the services a run works with.
type Deps struct {
	DB       *store.DB
	Audit    *audit.Log
	People   *people.Service
	Outreach *outreach.Service
	Geo      *geo.Service
	Orgs     *orgs.Service
	Accounts *accounts.Service // to act as the user who asked, in the background
	Jobs     *jobs.Queue       // nil: runs asked for are done at once
	Now      func() time.Time
}

// Service keeps the lists and the runs.
type Service struct {
	d       Deps
	q       queries
	catalog func() (*i18n.Catalog, error) // the why lines' messages, read at the first run
}

// New returns the service. Register Handle with the job queue under JobKind.
func New(d Deps) (*Service, error) {
	s := &Service{d: d, catalog: sync.OnceValues(i18n.New)}
	if err := store.BindQueries(&s.q, queryFS, d.DB.Engine); err != nil {
		return nil, fmt.Errorf("oosrun: %w", err)
	}
	return s, nil
}

// clock is the current time as stored: UTC, whole seconds.
func (s *Service) clock() time.Time { return s.d.Now().UTC().Truncate(time.Second) }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
