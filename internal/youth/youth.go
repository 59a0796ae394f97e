// Package youth registers the young people of the mentoring programme
// (issue 13): who they are, where they live, what they want to do and how
// to reach them, and routes each to the branch of the youth organisation
// that covers their place.
//
// Every action is a method of Service, so the public web form, the API,
// an imported list and the Telegram bot register a young person alike.
// Registration checks everything a form can get wrong at once: the age
// (14 to 29 on the registration date, refused with the range), the
// fields, the place, the field of interest (asked of a FieldCheck, as the
// list of fields belongs to the mentors' side) and the contacts. A
// repeated registration of the same person — the same name, birth date
// and contact — returns the first record instead of refusing it or
// making a second, so a double submission or a bot's retry is harmless.
//
// A minor needs a guardian's consent before any match (MatchReady says
// what is missing), and a minor's contacts are masked in every read but a
// coordinator's of the branch that follows them, or a reader a Revealer
// lets see them (the mentor of an approved match, once matches exist).
// Reading a young person's record writes the access log.
package youth

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
	Region, Branches, OrgByID, InsertYouth, IdentityOf string
	YouthFrom, YouthByID, YouthInScope, SetGuardian    string
	RepathOrgs, RepathRegions                          string
	UpsertLink, LinkByHash, LinkIssued, TouchYouth     string
	Choices, DeleteChoices, InsertChoice               string
	SetGuardianDetails                                 string
	UpsertGuardianLink, GuardianLinkByHash             string
	GuardianLinkOf, AnswerGuardianLink                 string
}

// Service registers young people and reads them back.
type Service struct {
	db     *store.DB
	log    *audit.Log
	now    func() time.Time
	fields FieldCheck
	reveal []Revealer
	pool   Pool
	q      queries
}

// New returns the service on db; changes are recorded in log, fields
// says which fields of interest exist and now is the clock. A nil fields
// accepts any code of letters, digits and underscores.
func New(db *store.DB, log *audit.Log, fields FieldCheck, now func() time.Time) (*Service, error) {
	if fields == nil {
		fields = anyField
	}
	s := &Service{db: db, log: log, fields: fields, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("youth: %w", err)
	}
	return s, nil
}

// RepathOrgs moves the organisation paths young people copy (wired to
// orgs.Service.OnMove), in the move's transaction.
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathOrgs, new, len(old)+1, old+"%")
	return err
}

// RepathRegions moves the region paths young people copy (wired to
// geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathRegions, new, len(old)+1, old+"%")
	return err
}

// today is the clock's calendar day.
func (s *Service) today() time.Time { return store.Day(s.now().UTC()) }

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// WithClock returns the service with its clock replaced by now: for
// loading sample data registered on past days, as a batch job would.
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}
