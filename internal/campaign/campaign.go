// Package campaign is the programmes' campaigns and the aid catalogue.
//
// A campaign is one run of a programme ("Road to School", 1 July to 30
// September): its texts in several languages, its organiser and partners,
// the regions whose families it serves, its hotlines and public
// receptions, what it offers from the catalogue with a target overall and
// per region, and a status that moves draft → open → closed → reported.
// Reporting freezes what it gave into campaign_results, so a later
// campaign of the same programme compares with it ("last year 5,000").
//
// The catalogue is the installation's: items (a backpack, a laptop, a
// place on a course) with their sizes, grades and serial tracking, and
// kits, items made of other items. A request line, a target and a stock
// unit all name one catalogue entry, kit or not.
//
// A campaign belongs to its organiser: coordinators and administrators
// whose subtree holds the organiser manage it. Staff see the campaigns of
// their subtree and those their work serves: organised above them or with
// their organisation as a partner, and covering their region (see
// visible). Counts of requests are aggregates; no child is ever read here.
package campaign

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
	InsertCampaign, UpdateCampaign, SetStatus, CampaignFrom, CampaignByID, CampaignBySlug  string
	Campaigns, CampaignVersion, SlugTaken, EarlierCampaign, ScopeOrg, RegionByCode         string
	Texts, Regions, Partners, Contacts, Items, Targets                                     string
	InsertText, InsertRegion, InsertPartner, InsertContact, InsertItem, InsertTarget       string
	DeleteTexts, DeleteRegions, DeletePartners, DeleteContacts, DeleteItems, DeleteTargets string
	RepathCampaignOrgs, RepathCampaignRegions                                              string

	ProgressItems, ProgressRegions, Results, FreezeResults string
	CountRequests, DeleteResults, InsertResult             string

	InsertAid, SeedAid, UpdateAid, AidFrom, AidByID, AidItems, ItemIDByID, ItemIDByCode string
	Components, AllComponents, InsertComponent, DeleteComponents                        string
}

// Service keeps campaigns and the catalogue.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
}

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("campaign: %w", err)
	}
	return s, nil
}

// RepathOrgs moves the organisation paths campaigns copy from old to new,
// in the transaction of the move (wired to orgs.Service.OnMove).
func (s *Service) RepathOrgs(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathCampaignOrgs, new, len(old)+1, old+"%")
	return err
}

// RepathRegions moves the region paths of the regions campaigns cover
// (wired to geo.Service.OnMove).
func (s *Service) RepathRegions(ctx context.Context, tx *sql.Tx, old, new string) error {
	_, err := tx.ExecContext(ctx, s.q.RepathCampaignRegions, new, len(old)+1, old+"%")
	return err
}

// itoa formats an id for the audit log.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
