// Package services builds the domain services of one installation over a
// database and wires them together. It is the one place that does: the
// server and the command line start here, and so do the tests of the web
// and API layers, which then run on the same wiring.
package services

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/courses"
	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/oosrun"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/reports"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/volunteers"
	"github.com/jolproject/jol/internal/youth"
)

// Services are the domain services of one installation: the one list of
// them. The surfaces (web.New, api.New) and the demo take it whole, so a
// new domain is a field here and its construction in New.
type Services struct {
	Audit     *audit.Log
	Accounts  *accounts.Service
	Geo       *geo.Service
	Orgs      *orgs.Service
	People    *people.Service
	Guidance  *guidance.Service
	Campaigns *campaign.Service
	Requests  *requests.Service
	Public    *public.Service // the application form and status page families use
	Settings  *settings.Service
	Jobs      *jobs.Queue
	Imports   *imports.Service
	Appeals   *appeals.Service
	Catalog   *i18n.Catalog

	// Eligibility keeps campaigns' rules and weights and requests' results.
	Eligibility *eligibility.Service
	// Stock keeps warehouses, donors and the stock ledger.
	Stock *stock.Service
	// Allocation plans and commits the allocation of campaigns' stock.
	Allocation *allocation.Service
	// Distribution keeps distribution events, their lists and the
	// handovers with their proof.
	Distribution *distribution.Service
	// Deliveries plans, dispatches and confirms deliveries to institutions.
	Deliveries *deliveries.Service
	// Aftercare keeps the volunteers and the set-up tasks of the devices
	// handed over.
	Aftercare *aftercare.Service
	// Dashboard gathers the figures of campaigns and keeps their snapshots.
	Dashboard *dashboard.Service
	// Sponsors keeps the sponsors (donors of the ledger with more beside
	// them), their cash gifts, pledges and receipts, and their impact.
	Sponsors *sponsors.Service
	// Reports produces campaigns' final reports and draws them.
	Reports *reports.Service
	// Letters keeps the letter templates and letterheads and writes the
	// thank-you letters of campaigns.
	Letters *letters.Service
	// Volunteers keeps needs for people with volunteers' sign-ups, and
	// the hours volunteers log and coordinators approve.
	Volunteers *volunteers.Service
	// Courses keeps the free courses, their children and attendance.
	Courses *courses.Service
	// Charities keeps the benefactors' association: charities, the
	// domains and regions they cover, their capacity.
	Charities *charities.Service
	// Outreach keeps the out-of-school cases, their referrals to
	// charities and the funnel.
	Outreach *outreach.Service
	// Dedupe scans the registry for likely duplicate records and keeps
	// the queue reviewers decide.
	Dedupe *dedupe.Service
	// OOS keeps the population and enrolment lists and does the
	// out-of-school runs that flag children into outreach.
	OOS *oosrun.Service
	// Mentoring keeps the youth programme's mentors, their applications
	// and the mentors' school.
	Mentoring *mentoring.Service
	// Youth registers the young people of the mentoring programme and
	// routes them to their region's branch.
	Youth *youth.Service
	// Championship keeps the case championships: teams, cases, juries,
	// scores and leaderboards.
	Championship *championship.Service
	// Tournaments keeps the debate tournaments: teams, judges, draws,
	// ballots, the break and the qualifiers for the national cup.
	Tournaments *tournament.Service
	// Strands keeps the activities of the youth programme's strands,
	// their enrolments, sessions and attendance.
	Strands *strands.Service
	// Outcomes records each young person's outcome and reports the
	// programme's coverage against its target.
	Outcomes *outcomes.Service
	// Selection runs the staged selection of the school of young leaders.
	Selection *selection.Service
	// Matching runs the matching of young people to mentors, keeps its
	// proposals and the mentors' replies.
	Matching *matching.Service
	// Mentorship keeps the relationships of young people and mentors:
	// sessions, goals, feedback, safeguarding concerns and their ending.
	Mentorship *mentorship.Service
	// BotLinks keeps the bot's deep links: the keys printed on posters.
	BotLinks *deeplink.Service
	// Conversations keeps the bot's conversations and the links of chats
	// to staff accounts; its Engine is the bot's handler.
	Conversations *conv.Service
	// Bot is the bot's plumbing: the inbox of updates, the dispatcher
	// that hands them to the Engine in order per chat, and the outbox of
	// replies with its rate-limited sender.
	Bot *bot.Service
}

// Options change how the services are built; the zero value is what an
// installation runs with.
type Options struct {
	Now    func() time.Time // the clock; time.Now when nil
	Hasher *accounts.Hasher // password hashing; the default cost, one hash per core, when nil
	Logger *slog.Logger     // the job queue's; discarded when nil
}

// New builds the services over db, which must be migrated, seeds the
// reference data they start from (the built-in regions and categories)
// and wires what one service must hear of another: persons and households
// copy the paths of organisations and regions, and a move of either
// updates them in the same transaction; a merge of two records of a
// person moves what other domains hold of the person (assessments,
// placements) in the same transaction; a submitted request is refused
// outside its campaign's age range and evaluated after its commit; the
// public form reads the campaigns and the conditions of their rules; a
// selection pulls the results of finished championships and tournaments;
// web imports and recalculations run as jobs. The
// aid catalogue starts with its built-in items and kits.
func New(ctx context.Context, db *store.DB, o Options) (*Services, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Hasher == nil {
		o.Hasher = accounts.NewHasher(accounts.DefaultParams, accounts.ConcurrentHashes())
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	var s Services
	var err error
	if s.Audit, err = audit.New(db, o.Now); err != nil {
		return nil, err
	}
	if s.Accounts, err = accounts.New(db, s.Audit, o.Hasher, o.Now); err != nil {
		return nil, err
	}
	if s.Geo, err = geo.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	if err := s.Geo.Seed(ctx); err != nil {
		return nil, fmt.Errorf("seed reference regions: %w", err)
	}
	if s.Orgs, err = orgs.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	if s.People, err = people.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	if err := s.People.Seed(ctx); err != nil {
		return nil, fmt.Errorf("seed categories: %w", err)
	}
	s.Orgs.OnMove(s.People.RepathOrgs)
	s.Geo.OnMove(s.People.RepathRegions)
	if s.Guidance, err = guidance.New(db, s.Audit, s.People, o.Now); err != nil {
		return nil, err
	}
	s.People.OnMerge(guidance.AssessmentHook, s.Guidance.AssessmentMoves())
	s.People.OnMerge(guidance.PlacementHook, s.Guidance.PlacementMoves())
	if s.Campaigns, err = campaign.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	if err := s.Campaigns.Seed(ctx); err != nil {
		return nil, fmt.Errorf("seed the aid catalogue: %w", err)
	}
	s.Orgs.OnMove(s.Campaigns.RepathOrgs)
	s.Geo.OnMove(s.Campaigns.RepathRegions)
	if s.Requests, err = requests.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	s.People.OnMerge(requests.MergeHook, s.Requests.Moves())
	if s.Eligibility, err = eligibility.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	s.Requests.SetHooks(requests.Hooks{Gate: s.Eligibility.AgeGate, Submitted: s.Eligibility.Submitted,
		Moved: s.Eligibility.Moved})
	if s.Public, err = public.New(public.Deps{DB: db, People: s.People, Requests: s.Requests,
		Campaigns: publicCampaigns{s.Campaigns, s.Geo}, Rules: publicRules{s.Eligibility, s.People},
		Now: o.Now}); err != nil {
		return nil, err
	}
	if s.Settings, err = settings.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	if s.Appeals, err = appeals.New(db, appeals.Deps{Audit: s.Audit, People: s.People, Geo: s.Geo,
		Settings: s.Settings, Now: o.Now}); err != nil {
		return nil, err
	}
	s.People.OnMerge(appeals.CallerHook, s.Appeals.CallerMoves())
	if s.Charities, err = charities.New(db, charities.Deps{Audit: s.Audit, Geo: s.Geo, Now: o.Now}); err != nil {
		return nil, err
	}
	if s.Outreach, err = outreach.New(db, outreach.Deps{Audit: s.Audit, People: s.People, Geo: s.Geo,
		Settings: s.Settings, Charities: s.Charities, Now: o.Now}); err != nil {
		return nil, err
	}
	s.People.OnMerge(outreach.MergeHook, s.Outreach.CaseMoves())
	if s.Mentoring, err = mentoring.New(db, mentoring.Deps{Audit: s.Audit, Geo: s.Geo, Now: o.Now}); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Mentoring.RepathOrgs)
	s.Geo.OnMove(s.Mentoring.RepathRegions)
	// A young person's field of interest is one of the mentors' fields.
	if s.Youth, err = youth.New(db, s.Audit, s.Mentoring.IsActiveField, o.Now); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Youth.RepathOrgs)
	s.Geo.OnMove(s.Youth.RepathRegions)
	if s.Championship, err = championship.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Championship.RepathOrgs)
	s.Geo.OnMove(s.Championship.RepathRegions)
	if s.Tournaments, err = tournament.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Tournaments.RepathOrgs)
	s.Geo.OnMove(s.Tournaments.RepathRegions)
	s.Youth.UsePool(youthPool(s.Mentoring))
	if s.Strands, err = strands.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Strands.RepathOrgs)
	s.Geo.OnMove(s.Strands.RepathRegions)
	if s.Outcomes, err = outcomes.New(db, s.Audit, settingsYouthTarget(s.Settings), o.Now); err != nil {
		return nil, err
	}
	if s.Selection, err = selection.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Selection.RepathOrgs)
	s.Geo.OnMove(s.Selection.RepathRegions)
	// The regional rounds pulled from finished competitions.
	s.Selection.AddSource("championship", championshipResults{s.Championship})
	s.Selection.AddSource("tournament", tournamentResults{s.Tournaments})
	if s.Matching, err = matching.New(db, matching.Deps{Audit: s.Audit, Mentoring: s.Mentoring, Now: o.Now}); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Matching.RepathOrgs)
	s.Geo.OnMove(s.Matching.RepathRegions)
	// The mentor of an approved, accepted match reads a minor's contacts.
	s.Youth.OnReveal(s.Matching.Revealer())
	// Ending a mentorship gives the mentor's place back.
	if s.Mentorship, err = mentorship.New(db, s.Audit, s.Mentoring.Release, o.Now); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Mentorship.RepathOrgs)
	s.Geo.OnMove(s.Mentorship.RepathRegions)
	if s.Stock, err = stock.New(db, s.Audit, o.Now); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Stock.RepathOrgs)
	s.Geo.OnMove(s.Stock.RepathRegions)
	if s.Distribution, err = distribution.New(distribution.Deps{DB: db, Audit: s.Audit, Stock: s.Stock,
		Requests: s.Requests, Settings: s.Settings, Now: o.Now}); err != nil {
		return nil, err
	}
	// Codes are hashed with the installation's key, kept in the database,
	// so a restart or a second process checks the codes sent before.
	if err := s.Distribution.UseStoredKey(ctx); err != nil {
		return nil, err
	}
	// One-time codes wait in the outbox for the dispatcher of their
	// channel to deliver them: the bot's when the
	// family follows its request in a Telegram chat, else the phone's.
	codes := s.Requests.Outbox(requests.SMS)
	codes.FollowChat = true
	s.Distribution.SetSender(codes)
	if s.Deliveries, err = deliveries.New(db, deliveries.Deps{Audit: s.Audit, Stock: s.Stock, Campaigns: s.Campaigns,
		Now: o.Now}); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Deliveries.RepathOrgs)
	s.Geo.OnMove(s.Deliveries.RepathRegions)
	proof := func(ctx context.Context, doc int64) (string, error) {
		p, err := s.Distribution.HandoverProof(ctx, doc)
		return string(p), err
	}
	if s.Aftercare, err = aftercare.New(db, aftercare.Deps{Audit: s.Audit, Stock: s.Stock, Requests: s.Requests,
		Now: o.Now, HandoverProof: proof}); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Aftercare.RepathOrgs)
	s.Geo.OnMove(s.Aftercare.RepathRegions)
	if s.Sponsors, err = sponsors.New(db, sponsors.Deps{Audit: s.Audit, Stock: s.Stock,
		DefaultLocale: settingsLocale(s.Settings), Now: o.Now}); err != nil {
		return nil, err
	}
	// A donor edited on the stock's page keeps its sponsor's record in step.
	s.Stock.OnDonorEdit(s.Sponsors.DonorEdited)
	if s.Courses, err = courses.New(db, courses.Deps{Audit: s.Audit, People: s.People, Requests: s.Requests,
		Aftercare: s.Aftercare, Now: o.Now}); err != nil {
		return nil, err
	}
	s.People.OnMerge(courses.MergeHook, s.Courses.Moves())
	s.Orgs.OnMove(s.Courses.RepathOrgs)
	s.Geo.OnMove(s.Courses.RepathRegions)
	if s.Volunteers, err = volunteers.New(db, volunteers.Deps{Audit: s.Audit, Aftercare: s.Aftercare,
		Teaches: s.Courses.Teaches, Settings: s.Settings, Now: o.Now}); err != nil {
		return nil, err
	}
	s.Orgs.OnMove(s.Volunteers.RepathOrgs)
	s.Geo.OnMove(s.Volunteers.RepathRegions)
	if s.Jobs, err = jobs.New(db, o.Now, o.Logger, jobs.WithAudit(s.Audit)); err != nil {
		return nil, err
	}
	if s.OOS, err = oosrun.New(oosrun.Deps{DB: db, Audit: s.Audit, People: s.People, Outreach: s.Outreach,
		Geo: s.Geo, Orgs: s.Orgs, Accounts: s.Accounts, Jobs: s.Jobs, Now: o.Now}); err != nil {
		return nil, err
	}
	s.Jobs.Register(oosrun.JobKind, s.OOS.Handle)
	s.Imports, err = imports.New(db, imports.Deps{Targets: ImportTargets(&s), Orgs: s.Orgs, Accounts: s.Accounts,
		Audit: s.Audit, Jobs: s.Jobs, Now: o.Now})
	if err != nil {
		return nil, err
	}
	s.Jobs.Register(imports.JobKind, s.Imports.Handle)
	s.Eligibility.UseJobs(s.Jobs)
	s.Jobs.Register(eligibility.JobKind, s.Eligibility.HandleRescore)
	s.Jobs.Register(imports.OldJobKind, s.Imports.Handle)
	if s.Allocation, err = allocation.New(db, allocation.Deps{Audit: s.Audit, Campaigns: s.Campaigns, Stock: s.Stock,
		Eligibility: s.Eligibility, Requests: s.Requests, Geo: s.Geo, Orgs: s.Orgs, Jobs: s.Jobs, Now: o.Now}); err != nil {
		return nil, err
	}
	s.Jobs.Register(allocation.JobKind, s.Allocation.HandleWaitlist)
	if s.Dashboard, err = dashboard.New(dashboard.Deps{DB: db, Campaigns: s.Campaigns, People: s.People, Geo: s.Geo,
		Appeals: s.Appeals, Stock: s.Stock, Deliveries: s.Deliveries, Jobs: s.Jobs,
		MaxAge: settingsMaxAge(s.Settings), Now: o.Now}); err != nil {
		return nil, err
	}
	s.Jobs.Register(dashboard.JobKind, s.Dashboard.HandleRefresh)
	s.Dashboard.UseGifts(giftFigures{s.Sponsors})
	s.Dashboard.UseHours(hourFigures{s.Volunteers})
	if s.Catalog, err = i18n.New(); err != nil {
		return nil, err
	}
	if s.Reports, err = reports.New(db, reports.Deps{Audit: s.Audit, Campaigns: s.Campaigns, Dashboard: s.Dashboard,
		People: s.People, Geo: s.Geo, Sponsors: s.Sponsors, Catalog: s.Catalog, Now: o.Now}); err != nil {
		return nil, err
	}
	if s.Letters, err = letters.New(db, letters.Deps{Audit: s.Audit, Campaigns: s.Campaigns, Orgs: s.Orgs,
		Sponsors: s.Sponsors, Volunteers: s.Volunteers, Aftercare: s.Aftercare, Jobs: s.Jobs, Catalog: s.Catalog, DefaultLocale: settingsLocale(s.Settings),
		Now: o.Now}); err != nil {
		return nil, err
	}
	s.Jobs.Register(letters.JobKind, s.Letters.Handle)
	if s.Dedupe, err = dedupe.New(dedupe.Deps{DB: db, Audit: s.Audit, People: s.People, Jobs: s.Jobs,
		Now: o.Now}); err != nil {
		return nil, err
	}
	s.People.OnMerge(dedupe.HookName, s.Dedupe.MergeHook())
	s.Jobs.Register(dedupe.JobKind, s.Dedupe.Handle)
	// Every list the import writes reaches the registry: a scan follows.
	s.Imports.OnCommit(func(ctx context.Context, _ string) error { return s.Dedupe.AfterImport(ctx) })
	if s.BotLinks, err = deeplink.New(db, s.Audit, deeplink.Deps{Campaigns: s.Campaigns, Distribution: s.Distribution,
		Orgs: s.Orgs, Geo: s.Geo}, o.Now); err != nil {
		return nil, err
	}
	if s.Bot, err = bot.New(db, bot.Options{Now: o.Now, Logger: o.Logger, Metrics: bot.NewMetrics()}); err != nil {
		return nil, err
	}
	// A chat that blocked the bot no longer follows its requests.
	s.Bot.OnStop(func(ctx context.Context, tx *store.Tx, chat int64) error {
		_, err := s.Requests.ForgetChatIn(ctx, tx, chat)
		return err
	})
	if s.Conversations, err = conv.New(db, s.Audit, conv.Deps{Links: s.BotLinks, Settings: s.Settings, Accounts: s.Accounts,
		Catalog: s.Catalog}, o.Now); err != nil {
		return nil, err
	}
	// An invitation to a distribution day that goes to a family's chat is
	// written in the chat's language.
	s.Distribution.SetChatLocales(s.Conversations)
	// The chat simulator's chat that starts over chose no language and
	// stands in no flow.
	s.Bot.OnStartOver(func(ctx context.Context, tx *store.Tx, chat int64) error {
		return s.Conversations.Restart(ctx, tx, chat)
	})
	// Link codes, like handover codes, outlive a restart.
	if err := s.Conversations.UseStoredKey(ctx); err != nil {
		return nil, err
	}
	return &s, nil
}

// settingsMaxAge is how old the dashboard's counts may grow, as the
// settings hold it now; the default when they cannot be read.
func settingsMaxAge(st *settings.Service) func(context.Context) time.Duration {
	return func(ctx context.Context) time.Duration {
		v, err := st.Get(ctx)
		if err != nil {
			return dashboard.MaxAge
		}
		return v.DashboardMaxAge()
	}
}

// settingsYouthTarget is the youth programme's target as the settings
// hold it now, the default when they cannot be read.
func settingsYouthTarget(st *settings.Service) func(context.Context) int {
	return func(ctx context.Context) int {
		v, err := st.Get(ctx)
		if err != nil {
			return settings.DefaultYouthTarget
		}
		return v.YouthTargetOrDefault()
	}
}

// settingsLocale is the installation's language as the settings hold it
// now, English when they cannot be read.
func settingsLocale(st *settings.Service) func(context.Context) string {
	return func(ctx context.Context) string {
		v, err := st.Get(ctx)
		if err != nil || v.DefaultLocale == "" {
			return "en"
		}
		return v.DefaultLocale
	}
}

// ImportTargets are the lists Jol imports, written through the services
// of s; the first is the one a page that does not say imports. A new list
// is one more target here. Their names and columns need no database: the
// command line's help lists them from an empty Services.
func ImportTargets(s *Services) *imports.Targets {
	return imports.NewTargets(imports.PeopleTarget(s.People, s.Geo, s.Orgs),
		imports.SchoolListTarget(s.People, s.Geo, s.Orgs, s.Requests),
		imports.PopulationTarget(s.People, s.Geo, s.Orgs, s.OOS),
		imports.EnrolmentTarget(s.People, s.Geo, s.Orgs, s.OOS),
		mentoring.Target(s.Mentoring))
}

// publicCampaigns are the campaigns as the public form reads them, from
// the campaign service: the texts in every language, each falling back to
// the organiser's language as on the campaign's page, the regions it
// covers (every region of the organiser's country when it names none),
// the active catalogue entries it offers, its period and its status.
type publicCampaigns struct {
	campaigns *campaign.Service
	geo       *geo.Service
}

func (pc publicCampaigns) PublicCampaign(ctx context.Context, slug string) (public.Campaign, error) {
	c, err := pc.campaigns.Public(ctx, slug)
	if err != nil {
		return public.Campaign{}, err
	}
	out := public.Campaign{ID: c.ID, Slug: c.Slug, Programme: string(c.Programme), Status: string(c.Status),
		OrganiserID: c.OrganiserID, OrganiserPath: c.Target().OrgPath, StartsOn: c.StartsOn, ApplyUntil: c.LastApplyDay()}
	for _, l := range i18n.All() {
		t := c.Text(string(l))
		out.Names.Set(string(l), t.Name)
		out.Slogans.Set(string(l), t.Slogan)
		out.WhoMayApply.Set(string(l), t.WhoMayApply)
	}
	var regions []geo.Region
	for _, r := range c.Regions {
		g, err := pc.geo.Lookup(ctx, r.Code)
		if err != nil {
			return public.Campaign{}, err
		}
		regions = append(regions, g)
	}
	if len(c.Regions) == 0 {
		country, _, _ := strings.Cut(strings.TrimPrefix(c.Target().RegionPath, "/"), "/")
		if regions, err = pc.geo.Children(ctx, access.System, country); err != nil {
			return public.Campaign{}, err
		}
	}
	for _, g := range regions {
		out.Regions = append(out.Regions, public.Region{ID: g.ID, Code: g.Code, Path: g.Path,
			Names: public.Names{EN: g.NameEN, KK: g.NameKK, RU: g.NameRU, FR: g.NameFR, FA: g.NameFA}})
	}
	items, err := pc.campaigns.Offer(ctx, c)
	for _, it := range items {
		if it.Active {
			n := it.Names
			out.Items = append(out.Items, public.Item{ID: it.ID, Code: it.Code, Sizing: string(it.Sizing), IsKit: it.IsKit,
				Names: public.Names{EN: n.EN, KK: n.KK, RU: n.RU, FR: n.FR, FA: n.FA}})
		}
	}
	return out, err
}
