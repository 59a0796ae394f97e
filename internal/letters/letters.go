// Package letters writes the thank-you letters of a campaign's sponsors
// and the recognition letters of its volunteers, as PDF on the letterhead
// of the campaign's organiser and signed by its signatory.
//
// A letter is drawn from a template: a subject and a body in one of the
// five languages with named placeholders ({{sponsor}}, {{impact}}, …, see
// Placeholders). Every organisation may keep its own template per kind
// and language, each save a new version; one without its own uses the
// built-in text (Defaults). A template naming an unknown placeholder is
// refused when saved.
//
// A run writes, as a background job, a letter to every recipient of a
// campaign not yet written to, in the recipient's language. Each letter
// is stored — its document as JSON and its PDF — in the same transaction
// as the mark that the recipient has been thanked (the unique index
// letters_once), so a run that stops half-way and is started again
// writes to those left and to nobody twice. When a run ends it assembles
// the combined file for printing from its letters' stored documents.
//
// A sponsor's letter carries the impact of exactly that sponsor's gifts
// (sponsors.Service.Impact): units of items, the institutions and regions
// they reached and the number of children, never a child; and the
// sponsor's cash gifts to the campaign, summed per currency. A
// volunteer's letter goes to every volunteer with hours approved for the
// campaign and carries those hours and what they did.
package letters

import (
	"context"
	"embed"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/letterhead"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/pdfdoc"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/volunteers"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Templates, TemplateHistory, LatestTemplate, InsertTemplate                  string
	InsertRun, RunByID, Runs, SetRunStatus, SetRunTotal, FinishRun, RunCombined string
	UnthankedSponsors, CampaignSponsors, InsertLetter, LetterByID, RunDocuments string
	CountRunLetters, ThankedRecipients, CampaignLetters                         string
}

// JobKind is the kind of the background job that writes a run's letters.
const JobKind = "letters.run"

// Deps are what the service uses besides its database.
type Deps struct {
	Audit     *audit.Log
	Campaigns *campaign.Service
	Orgs      *orgs.Service
	Sponsors  *sponsors.Service
	// Volunteers and Aftercare give the volunteers' hours and records; a
	// service without them writes no volunteer letters.
	Volunteers *volunteers.Service
	Aftercare  *aftercare.Service
	Jobs       *jobs.Queue
	Catalog    *i18n.Catalog
	// DefaultLocale is the installation's language, the last fallback of
	// a recipient's; "en" when nil.
	DefaultLocale func(context.Context) string
	Now           func() time.Time
}

// Service keeps templates and letterheads and writes letters.
type Service struct {
	db *store.DB
	Deps
	q     queries
	heads *letterhead.Book

	renderOnce sync.Once
	renderer   *pdfdoc.Renderer
	renderErr  error

	// afterLetter, when set, runs after each letter is committed with the
	// number written so far in the run; an error stops the run there. The
	// tests interrupt a run with it.
	afterLetter func(n int) error
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, Deps: d}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.DefaultLocale == nil {
		s.DefaultLocale = func(context.Context) string { return "en" }
	}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("letters: %w", err)
	}
	var err error
	s.heads, err = letterhead.New(db.Engine)
	return s, err
}

// pdf is the process's renderer, made the first time a letter is drawn:
// parsing the fonts is not worth doing for a process that writes none.
func (s *Service) pdf() (*pdfdoc.Renderer, error) {
	s.renderOnce.Do(func() { s.renderer, s.renderErr = pdfdoc.New() })
	return s.renderer, s.renderErr
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
