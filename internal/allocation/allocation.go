package allocation

import (
	"context"
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	EnsureCampaign, CampaignVersion, BumpVersion, CampaignStatus    string
	Quotas, UpsertQuota, DeleteQuota, Routes, UpsertRoute, DelRoute string
	Lines, InsertRun, Runs, RunByID, RunLines, LineOutcomes         string
	WaitingCampaigns, RequestScope, RequestRefs, CampaignHolds      string
	CampaignOutcomes, RunPage, CountRuns, WaitlistJobs              string
}

// Deps are the services allocation works with.
type Deps struct {
	Audit       *audit.Log
	Campaigns   *campaign.Service
	Stock       *stock.Service
	Eligibility *eligibility.Service
	Requests    *requests.Service
	Geo         *geo.Service
	Orgs        *orgs.Service
	Jobs        *jobs.Queue // where stock arriving queues the waitlist's run; nil: none
	Now         func() time.Time
}

// Service plans and commits allocation runs and keeps each campaign's
// allocation settings.
type Service struct {
	db *store.DB
	Deps
	q queries
	// pause, when set, runs inside a commit's transaction after the stock
	// is reserved and before anything else is written: the crash test
	// kills the process there.
	pause func()
	// beforeReserve, when set, runs inside a commit's transaction after
	// its plan is made and before the stock is reserved: the race test
	// moves stock there.
	beforeReserve func()
}

// New returns the service on db.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{db: db, Deps: d}
	if s.Now == nil {
		s.Now = time.Now
	}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("allocation: %w", err)
	}
	return s, nil
}

// The actions of allocation: reading a campaign's settings, runs and
// plans; changing the settings and running it.
const (
	ViewAction   = access.ViewAllocation
	ManageAction = access.ManageAllocation
)

// campaignFor returns campaign id when p may see it and do action a on
// its allocation. Reading reaches as far as seeing the campaign does
// (staff of the organisations it serves: its figures are aggregates);
// managing is for the organiser's subtree.
func (s *Service) campaignFor(ctx context.Context, p access.Principal, id int64, a access.Action) (campaign.Campaign, error) {
	c, err := s.Campaigns.Get(ctx, p, id)
	if err != nil {
		return campaign.Campaign{}, err
	}
	if a == ViewAction {
		return c, access.Can(p, a, p.Scope())
	}
	return c, access.Can(p, a, c.Target())
}

// allocatable returns campaign id when p may allocate it and it is open:
// a draft has nothing to allocate to, and a closed or reported campaign
// gives nothing more.
func (s *Service) allocatable(ctx context.Context, p access.Principal, id int64) (campaign.Campaign, error) {
	c, err := s.campaignFor(ctx, p, id, ManageAction)
	if err != nil {
		return c, err
	}
	return c, refuseStatus(c.Status)
}

// refuseStatus is the refusal of allocating a campaign in status st.
func refuseStatus(st campaign.Status) error {
	switch st {
	case campaign.Open:
		return nil
	case campaign.Draft:
		return errs.New(errs.Conflict, "error.allocation_campaign_draft")
	}
	return errs.New(errs.Conflict, "error.allocation_campaign_closed")
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
