package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// Who may open each route, written out independently of the policy table
// in internal/access, so a change to either shows up here.
var (
	everyone     = []string{"admin", "coordinator", "operator", "school", "warehouse", "outreach", "volunteer", "mentor", "sponsor", "auditor", "charity"}
	orgViewers   = []string{"admin", "coordinator", "operator", "school", "warehouse", "outreach", "auditor"}
	orgManagers  = []string{"admin", "coordinator"}
	placeViewers = []string{"admin", "coordinator", "operator", "school", "warehouse", "outreach", "volunteer", "mentor", "auditor"}
	childViewers = []string{"admin", "coordinator", "operator", "school", "outreach", "auditor"}
	childEditors = []string{"admin", "coordinator", "operator", "school", "outreach"}
	deciders     = []string{"admin", "coordinator", "operator"}
	admins       = []string{"admin"}
	deskViewers  = []string{"admin", "coordinator", "operator", "outreach", "auditor"}
	deskWorkers  = []string{"admin", "coordinator", "operator", "outreach"}
	auditors     = []string{"admin", "auditor"}
	public       = []string(nil)
	// visitors may open the public pages: every role and anyone logged
	// in as nobody (see TestPublicPagesForAnonymous).
	visitors = append(everyone[:len(everyone):len(everyone)], "anonymous")
	// Campaigns are aggregates: every staff role sees them, the warehouse
	// and auditors too; coordinators and administrators run them and the
	// catalogue.
	campaignViewers  = []string{"admin", "coordinator", "operator", "school", "warehouse", "outreach", "auditor"}
	campaignManagers = []string{"admin", "coordinator"}
	// Stock: warehouse staff, coordinators and administrators move it;
	// operators and auditors read it; sponsors and the public never.
	stockViewers      = []string{"admin", "coordinator", "operator", "warehouse", "auditor"}
	stockMovers       = []string{"admin", "coordinator", "warehouse"}
	warehouseManagers = []string{"admin", "coordinator"}
	// A campaign's allocation: staff who answer families and move stock
	// read it, with auditors; coordinators and administrators run it.
	allocationViewers  = []string{"admin", "coordinator", "operator", "warehouse", "auditor"}
	allocationManagers = []string{"admin", "coordinator"}
	// Thank-you letters: coordinators and administrators write them and
	// keep the templates and letterhead; auditors read and download them.
	letterViewers  = []string{"admin", "coordinator", "auditor"}
	letterManagers = []string{"admin", "coordinator"}
	// Distribution days: warehouse staff, coordinators and operators run
	// them and hand over; auditors read them; a return is a stock move.
	distViewers = []string{"admin", "coordinator", "operator", "warehouse", "auditor"}
	distRunners = []string{"admin", "coordinator", "operator", "warehouse"}
	// Deliveries to institutions: staff who follow them read the board (a
	// centre's own staff theirs); coordinators plan, cancel and move
	// deadlines; the warehouse dispatches; only a centre's own staff
	// confirm receipt.
	deliveryViewers  = []string{"admin", "coordinator", "operator", "school", "warehouse", "auditor"}
	deliveryManagers = []string{"admin", "coordinator"}
	dispatchers      = []string{"admin", "coordinator", "warehouse"}
	confirmers       = []string{"school"}
	// After-care: coordinators keep volunteers and give tasks; auditors
	// read; the warehouse and operators follow the tasks; a volunteer sees
	// and reports their own; sponsors and mentors nothing of it.
	volunteerViewers  = []string{"admin", "coordinator", "auditor"}
	volunteerManagers = []string{"admin", "coordinator"}
	taskViewers       = []string{"admin", "coordinator", "operator", "warehouse", "auditor"}
	taskManagers      = []string{"admin", "coordinator"}
	volunteers        = []string{"volunteer"}
	// Sponsors: coordinators keep them, auditors read; a sponsor sees
	// only their own giving.
	sponsorViewers  = []string{"admin", "coordinator", "auditor"}
	sponsorManagers = []string{"admin", "coordinator"}
	sponsorsOwn     = []string{"sponsor"}
	// The dashboard is aggregates: every staff role reads it, the
	// warehouse and auditors too; coordinators ask for a fresh count.
	dashboardViewers    = []string{"admin", "coordinator", "operator", "school", "warehouse", "outreach", "auditor"}
	dashboardRefreshers = []string{"admin", "coordinator"}
	// A campaign's final report: coordinators produce it; they and
	// auditors download it; its results page is public.
	reportProducers = []string{"admin", "coordinator"}
	reportReaders   = []string{"admin", "coordinator", "auditor"}
	// Needs and hours: coordinators record needs and decide hours,
	// auditors read; volunteers sign up and log their own. Free courses:
	// staff who work with children read them, coordinators keep them, a
	// volunteer teacher runs their own; sponsors and mentors never.
	courseViewers  = []string{"admin", "coordinator", "operator", "school", "outreach", "auditor"}
	courseManagers = []string{"admin", "coordinator"}
	// Out-of-school cases: outreach workers, coordinators and
	// administrators work them, auditors read them; the charities are
	// read by the same staff and kept by coordinators; a charity's own
	// staff open only their inbox of referrals.
	outreachViewers = []string{"admin", "coordinator", "outreach", "auditor"}
	outreachWorkers = []string{"admin", "coordinator", "outreach"}
	charityViewers  = []string{"admin", "coordinator", "outreach", "auditor"}
	// The steps' deadlines and the out-of-school run's flags.
	outreachManagers = []string{"admin", "coordinator"}
	charityManagers  = []string{"admin", "coordinator"}
	charityStaff     = []string{"charity"}
	// The selection of young leaders: coordinators and administrators
	// run it, auditors read it; only administrators keep the table of
	// macro-regions; the published shortlist is public.
	selectionViewers  = []string{"admin", "coordinator", "auditor"}
	selectionManagers = []string{"admin", "coordinator"}
	// The duplicate queue: coordinators and administrators review it and
	// start a scan; both records of a pair must be in their scope, which
	// the service checks. Sponsors, volunteers and mentors never see it.
	duplicateReviewers = []string{"admin", "coordinator"}
	// The out-of-school run: its lists and results are read by the
	// outreach staff and auditors (the children within their scope);
	// coordinators and administrators start a run, which flags children.
	oosReaders = []string{"admin", "coordinator", "outreach", "auditor"}
	oosRunners = []string{"admin", "coordinator"}
	// Mentors: coordinators and administrators decide applications and
	// run the school, auditors read; the fields of expertise and the
	// school's modules are the installation's, kept by coordinators and
	// administrators; a mentor sees only their own page; the application
	// form is public. Young people's staff, sponsors and volunteers never.
	mentorViewers  = []string{"admin", "coordinator", "auditor"}
	mentorManagers = []string{"admin", "coordinator"}
	mentorFielders = []string{"admin", "coordinator"}
	mentorsOwn     = []string{"mentor"}
	// Case championships: staff who read young people read them (teams
	// only on the leaderboard); coordinators and administrators organise
	// them; the scoring form opens to the roles a juror with a login may
	// have, and the service lets in only the championship's jurors.
	championshipViewers    = []string{"admin", "coordinator", "operator", "auditor"}
	championshipOrganisers = []string{"admin", "coordinator"}
	championshipScorers    = []string{"admin", "coordinator", "operator", "outreach", "volunteer", "mentor"}
	// Debate tournaments: staff who work with young people and auditors
	// read them within their scope; coordinators and administrators run
	// them. Young people, mentors, sponsors and volunteers never.
	tournamentReaders = []string{"admin", "coordinator", "operator", "auditor"}
	tournamentRunners = []string{"admin", "coordinator"}
	// Young people of the mentoring programme: staff of the youth
	// organisation read them (operators take registrations by phone),
	// coordinators and administrators record a guardian's consent and
	// re-issue a link; mentors, sponsors and volunteers never see them.
	// The registration form and a young person's own page are public.
	youthViewers = []string{"admin", "coordinator", "operator", "auditor"}
	youthKeepers = []string{"admin", "coordinator"}
	// The youth programme's strands: operators and auditors read the
	// activities and their registers; coordinators and administrators
	// keep them (enrolment, sessions, attendance, progress). The coverage
	// and a young person's outcome are read by coordinators,
	// administrators and auditors and recorded by the first two. Sponsors,
	// volunteers and mentors see no young person.
	strandReaders  = []string{"admin", "coordinator", "operator", "auditor"}
	strandKeepers  = []string{"admin", "coordinator"}
	outcomeReaders = []string{"admin", "coordinator", "auditor"}
	outcomeWriters = []string{"admin", "coordinator"}
	// The matching of young people to mentors: runs and their proposals
	// are read by coordinators, administrators and auditors; coordinators
	// and administrators run it and approve a minor's match; a mentor
	// answers only their own proposals, which the service checks.
	matchReaders = []string{"admin", "coordinator", "auditor"}
	matchRunners = []string{"admin", "coordinator"}
	mentors      = []string{"mentor"}
	// Mentorships: coordinators and administrators read and work them,
	// auditors read them, a mentor their own (the service checks which);
	// whoever reads one may report a safeguarding concern about it.
	// Concerns are worked by coordinators (the designated lead, which the
	// service checks) and administrators, who also designate the leads.
	// The mentors' activity is read by who reads the mentors.
	mentorshipViewers = []string{"admin", "coordinator", "mentor", "auditor"}
	mentorshipWorkers = []string{"admin", "coordinator", "mentor"}
	concernReporters  = []string{"admin", "coordinator", "mentor", "auditor"}
	concernWorkers    = []string{"admin", "coordinator"}
	activityReaders   = []string{"admin", "coordinator", "auditor"}
	// The mentor's feedback on a session is the mentor's alone.
	mentorsOnly = []string{"mentor"}
)

var expectedAccess = map[string][]string{
	"GET /{$}":                                              everyone,
	"GET /outreach":                                         outreachViewers,
	"GET /outreach/funnel":                                  outreachViewers,
	"GET /outreach/{id}":                                    outreachViewers,
	"POST /outreach/{id}/{act}":                             outreachWorkers,
	"GET /charities":                                        charityViewers,
	"GET /selections":                                       selectionViewers,
	"GET /selections/new":                                   selectionManagers,
	"POST /selections":                                      selectionManagers,
	"GET /selections/{id}":                                  selectionViewers,
	"POST /selections/{id}/scores":                          selectionManagers,
	"POST /selections/{id}/scores/import":                   selectionManagers,
	"POST /selections/{id}/scores/pull":                     selectionManagers,
	"POST /selections/{id}/appeals":                         selectionManagers,
	"POST /selections/{id}/appeals/{appeal}/decide":         selectionManagers,
	"POST /selections/{id}/{step}":                          selectionManagers,
	"GET /admin/macro-regions":                              admins,
	"POST /admin/macro-regions":                             admins,
	"GET /shortlists/{id}":                                  visitors,
	"POST /charities":                                       charityManagers,
	"GET /charities/{id}":                                   charityManagers,
	"POST /charities/{id}":                                  charityManagers,
	"GET /referrals":                                        charityStaff,
	"POST /referrals/{id}":                                  charityStaff,
	"GET /referrals/{id}":                                   charityStaff,
	"GET /outreach/deadlines":                               outreachManagers,
	"POST /outreach/deadlines":                              outreachManagers,
	"GET /login":                                            public,
	"POST /login":                                           public,
	"POST /logout":                                          public,
	"POST /locale":                                          public,
	"GET /setup":                                            public,
	"POST /setup":                                           public,
	"GET /c/{slug}/apply":                                   visitors,
	"POST /c/{slug}/apply":                                  visitors,
	"GET /status":                                           visitors,
	"POST /status":                                          visitors,
	"GET /admin/users":                                      admins,
	"GET /admin/users/new":                                  admins,
	"POST /admin/users":                                     admins,
	"GET /admin/users/{id}":                                 admins,
	"POST /admin/users/{id}":                                admins,
	"POST /admin/users/{id}/password":                       admins,
	"GET /bot/links":                                        orgManagers,
	"POST /bot/links":                                       orgManagers,
	"GET /bot/links/{id}":                                   orgManagers,
	"GET /bot/links/{id}/qr.png":                            orgManagers,
	"GET /bot/links/{id}/qr.svg":                            orgManagers,
	"POST /bot/links/{id}/disable":                          orgManagers,
	"GET /my/telegram":                                      everyone,
	"POST /my/telegram/code":                                everyone,
	"POST /my/telegram/unlink":                              everyone,
	"GET /admin/bot":                                        admins,
	"GET /admin/bot/chat":                                   admins,
	"POST /admin/bot/chat":                                  admins,
	"POST /admin/bot/chat/restart":                          admins,
	"GET /tokens":                                           everyone,
	"POST /tokens":                                          everyone,
	"POST /tokens/{id}/revoke":                              everyone,
	"GET /organisations":                                    orgViewers,
	"GET /organisations/new":                                orgManagers,
	"POST /organisations":                                   orgManagers,
	"GET /organisations/{id}":                               orgViewers,
	"POST /organisations/{id}":                              orgManagers,
	"GET /people":                                           childViewers,
	"GET /people/export.csv":                                childViewers,
	"GET /people/export.xlsx":                               childViewers,
	"GET /people/new":                                       childEditors,
	"POST /people":                                          childEditors,
	"GET /people/{id}":                                      childViewers,
	"GET /people/{id}/edit":                                 childEditors,
	"POST /people/{id}":                                     childEditors,
	"POST /people/{id}/consents":                            childEditors,
	"POST /people/{id}/consents/{purpose}/withdraw":         childEditors,
	"POST /people/{id}/categories":                          childEditors,
	"POST /people/{id}/categories/{code}/remove":            childEditors,
	"GET /people/{id}/photo":                                childViewers,
	"GET /people/{id}/photo/edit":                           childEditors,
	"POST /people/{id}/photo":                               childEditors,
	"POST /people/{id}/photo/remove":                        childEditors,
	"GET /people/{id}/guardians":                            childEditors,
	"POST /people/{id}/guardians":                           childEditors,
	"POST /people/{id}/guardians/{guardian}/remove":         childEditors,
	"GET /people/{id}/merge":                                childEditors,
	"POST /people/{id}/merge":                               childEditors,
	"POST /people/{id}/merges/{merge}/undo":                 admins,
	"GET /households":                                       childViewers,
	"GET /imports":                                          childEditors,
	"GET /imports/new":                                      childEditors,
	"POST /imports":                                         childEditors,
	"GET /imports/{id}":                                     childEditors,
	"POST /imports/{id}/template":                           childEditors,
	"POST /imports/{id}/runs":                               childEditors,
	"POST /imports/{id}/schools":                            childEditors, // creating them needs ManageOrgs too (the service checks)
	"POST /imports/{id}/campaign":                           childEditors, // those who may submit requests: the same staff
	"GET /imports/{id}/runs/{run}":                          childEditors,
	"GET /imports/{id}/runs/{run}/errors.csv":               childEditors,
	"GET /imports/{id}/runs/{run}/errors.xlsx":              childEditors,
	"POST /people/{id}/assessments":                         childEditors,
	"GET /assessments":                                      childViewers,
	"GET /places":                                           childViewers,
	"POST /places":                                          childEditors,
	"GET /places/{id}":                                      childViewers,
	"POST /places/{id}/placements":                          childEditors,
	"POST /places/{id}/placements/{placement}/outcome":      childEditors,
	"GET /households/new":                                   childEditors,
	"POST /households":                                      childEditors,
	"GET /households/{id}":                                  childViewers,
	"GET /households/{id}/edit":                             childEditors,
	"POST /households/{id}":                                 childEditors,
	"POST /households/{id}/members":                         childEditors,
	"POST /households/{id}/members/{person}/remove":         childEditors,
	"POST /households/{id}/head":                            childEditors,
	"GET /requests":                                         childViewers,
	"GET /requests/{id}":                                    childViewers,
	"POST /requests/{id}/transitions":                       deciders,
	"POST /requests/{id}/reviewer":                          deciders,
	"POST /requests/{id}/evaluate":                          childEditors,
	"POST /requests/{id}/comments":                          childEditors,
	"POST /requests/{id}/documents":                         childEditors,
	"GET /requests/{id}/documents/{doc}":                    childViewers,
	"GET /people/{id}/requests/new":                         childEditors,
	"POST /people/{id}/requests":                            childEditors,
	"GET /api/v1/requests":                                  childViewers,
	"POST /api/v1/requests":                                 childEditors,
	"GET /api/v1/requests/{id}":                             childViewers,
	"POST /api/v1/requests/{id}/transitions":                deciders,
	"GET /desk":                                             deskViewers,
	"GET /desk/new":                                         deskWorkers,
	"POST /desk":                                            deskWorkers,
	"GET /desk/stats":                                       deskViewers,
	"GET /desk/rules":                                       admins,
	"POST /desk/rules/deadlines":                            admins,
	"POST /desk/rules/days":                                 admins,
	"POST /desk/rules/days/remove":                          admins,
	"GET /desk/{id}":                                        deskViewers,
	"POST /desk/{id}/answer":                                deskWorkers,
	"POST /desk/{id}/close":                                 deskWorkers,
	"POST /desk/{id}/take":                                  deskWorkers,
	"POST /desk/{id}/assignee":                              deskWorkers,
	"POST /desk/{id}/links":                                 deskWorkers,
	"GET /regions":                                          placeViewers,
	"GET /admin/regions/import":                             admins,
	"POST /admin/regions/import":                            admins,
	"GET /admin/jobs":                                       admins,
	"GET /admin/jobs/{id}":                                  admins,
	"POST /admin/jobs/{id}/retry":                           admins,
	"GET /admin/audit":                                      auditors,
	"GET /admin/access-log":                                 auditors,
	"GET /admin/settings":                                   admins,
	"POST /admin/settings":                                  admins,
	"GET /campaigns":                                        campaignViewers,
	"GET /campaigns/new":                                    campaignManagers,
	"POST /campaigns":                                       campaignManagers,
	"GET /campaigns/{id}":                                   campaignViewers,
	"GET /campaigns/{id}/edit":                              campaignManagers,
	"POST /campaigns/{id}":                                  campaignManagers,
	"POST /campaigns/{id}/status":                           campaignManagers,
	"GET /campaigns/{id}/rules":                             campaignViewers,
	"POST /campaigns/{id}/rules":                            campaignManagers,
	"POST /campaigns/{id}/rescore":                          campaignManagers,
	"GET /campaigns/{id}/allocation":                        allocationViewers,
	"POST /campaigns/{id}/allocation/dry-run":               allocationManagers,
	"POST /campaigns/{id}/allocation/commit":                allocationManagers,
	"POST /campaigns/{id}/allocation/waitlist":              allocationManagers,
	"POST /campaigns/{id}/allocation/quotas":                allocationManagers,
	"POST /campaigns/{id}/allocation/quotas/{quota}/remove": allocationManagers,
	"POST /campaigns/{id}/allocation/routes":                allocationManagers,
	"POST /campaigns/{id}/allocation/routes/remove":         allocationManagers,
	"GET /campaigns/{id}/allocation/runs/{run}":             allocationViewers,
	"GET /catalogue":                                        campaignViewers,
	"GET /catalogue/new":                                    campaignManagers,
	"POST /catalogue":                                       campaignManagers,
	"GET /catalogue/{id}":                                   campaignViewers,
	"POST /catalogue/{id}":                                  campaignManagers,
	"GET /c/{slug}":                                         public,
	"GET /c/{slug}/report":                                  public,
	"POST /campaigns/{id}/report":                           reportProducers,
	"GET /campaigns/{id}/report.pdf":                        reportReaders,
	"GET /campaigns/{id}/report.xlsx":                       reportReaders,
	"POST /api/v1/campaigns/{id}/report":                    reportProducers,
	"GET /api/v1/campaigns/{id}/report":                     reportReaders,
	"GET /api/v1/campaigns/{id}/report.pdf":                 reportReaders,
	"GET /api/v1/campaigns/{id}/report.xlsx":                reportReaders,
	"GET /api/v1/campaigns":                                 campaignViewers,
	"POST /api/v1/campaigns":                                campaignManagers,
	"GET /api/v1/campaigns/{id}":                            campaignViewers,
	"PUT /api/v1/campaigns/{id}":                            campaignManagers,
	"GET /api/v1/campaigns/{id}/progress":                   campaignViewers,
	"POST /api/v1/campaigns/{id}/transitions":               campaignManagers,
	"GET /api/v1/campaigns/{id}/rules":                      campaignViewers,
	"PUT /api/v1/campaigns/{id}/rules":                      campaignManagers,
	"POST /api/v1/campaigns/{id}/rescore":                   campaignManagers,
	"GET /api/v1/campaigns/{id}/allocations":                allocationViewers,
	"POST /api/v1/campaigns/{id}/allocations":               allocationManagers,
	"GET /api/v1/catalogue/items":                           campaignViewers,
	"POST /api/v1/catalogue/items":                          campaignManagers,
	"GET /api/v1/catalogue/items/{id}":                      campaignViewers,
	"PUT /api/v1/catalogue/items/{id}":                      campaignManagers,
	"GET /api/v1/catalogue/kits":                            campaignViewers,
	"GET /warehouses":                                       stockViewers,
	"POST /warehouses":                                      warehouseManagers,
	"GET /warehouses/{id}":                                  stockViewers,
	"POST /warehouses/{id}":                                 warehouseManagers,
	"GET /warehouses/{id}/movements":                        stockViewers,
	"GET /warehouses/{id}/movements/new":                    stockMovers,
	"POST /warehouses/{id}/movements":                       stockMovers,
	"GET /warehouses/{id}/devices":                          stockViewers,
	"GET /stock/docs/{id}":                                  stockViewers,
	"POST /stock/docs/{id}/receive":                         stockMovers,
	"POST /stock/docs/{id}/return":                          stockMovers,
	"GET /donors":                                           stockViewers,
	"POST /donors":                                          stockMovers,
	"GET /donors/{id}":                                      stockViewers,
	"GET /api/v1/warehouses":                                stockViewers,
	"POST /api/v1/warehouses":                               warehouseManagers,
	"GET /api/v1/warehouses/{id}":                           stockViewers,
	"GET /api/v1/warehouses/{id}/balances":                  stockViewers,
	"GET /api/v1/warehouses/{id}/movements":                 stockViewers,
	"POST /api/v1/warehouses/{id}/movements":                stockMovers,
	"GET /api/v1/warehouses/{id}/devices":                   stockViewers,
	"GET /api/v1/stock/docs/{id}":                           stockViewers,
	"POST /api/v1/stock/docs/{id}/receive":                  stockMovers,
	"POST /api/v1/stock/docs/{id}/return":                   stockMovers,
	"GET /api/v1/donors":                                    stockViewers,
	"POST /api/v1/donors":                                   stockMovers,
	"GET /api/v1/donors/{id}/trace":                         stockViewers,
	"GET /api/v1/openapi.json":                              public,
	"GET /api/v1/me":                                        everyone,
	"GET /api/v1/users":                                     admins,
	"POST /api/v1/users":                                    admins,
	"GET /api/v1/users/{id}":                                admins,
	"PATCH /api/v1/users/{id}":                              admins,
	"POST /api/v1/users/{id}/password":                      admins,
	"GET /api/v1/tokens":                                    everyone,
	"POST /api/v1/tokens":                                   everyone,
	"DELETE /api/v1/tokens/{id}":                            everyone,
	"GET /api/v1/organisations":                             orgViewers,
	"POST /api/v1/organisations":                            orgManagers,
	"GET /api/v1/organisations/{id}":                        orgViewers,
	"PATCH /api/v1/organisations/{id}":                      orgManagers,
	"GET /api/v1/people":                                    childViewers,
	"POST /api/v1/people":                                   childEditors,
	"POST /api/v1/people/matches":                           childViewers,
	"GET /api/v1/people/{id}":                               childViewers,
	"PATCH /api/v1/people/{id}":                             childEditors,
	"GET /api/v1/households":                                childViewers,
	"POST /api/v1/households":                               childEditors,
	"GET /api/v1/households/{id}":                           childViewers,
	"GET /api/v1/appeals":                                   deskViewers,
	"POST /api/v1/appeals":                                  deskWorkers,
	"GET /api/v1/appeals/stats":                             deskViewers,
	"GET /api/v1/appeals/{id}":                              deskViewers,
	"POST /api/v1/appeals/{id}/answer":                      deskWorkers,
	"GET /api/v1/regions":                                   placeViewers,
	"GET /api/v1/regions/{code}":                            placeViewers,
	"GET /api/v1/jobs":                                      admins,
	"GET /api/v1/jobs/{id}":                                 admins,
	"POST /api/v1/jobs/{id}/retry":                          admins,
	"GET /api/v1/audit":                                     auditors,
	"GET /api/v1/access-log":                                auditors,
	"GET /distribution":                                     distViewers,
	"POST /distribution":                                    distRunners,
	"GET /distribution/{id}":                                distViewers,
	"POST /distribution/{id}":                               distRunners,
	"POST /distribution/{id}/status":                        distRunners,
	"POST /distribution/{id}/lines":                         distRunners,
	"POST /distribution/{id}/lines/remove":                  distRunners,
	"GET /distribution/{id}/list":                           distViewers,
	"GET /distribution/{id}/list.xlsx":                      distViewers,
	"GET /distribution/{id}/handover":                       distViewers,
	"POST /distribution/{id}/handover":                      distRunners,
	"POST /distribution/{id}/code":                          distRunners,
	"POST /distribution/{id}/photos":                        distRunners,
	"GET /distribution/{id}/photos/{photo}":                 distViewers,
	"GET /handovers/{id}/signature":                         distViewers,
	"POST /handovers/{id}/return":                           stockMovers,
	"GET /api/v1/distribution/events":                       distViewers,
	"POST /api/v1/distribution/events":                      distRunners,
	"GET /api/v1/distribution/events/{id}":                  distViewers,
	"POST /api/v1/distribution/events/{id}/status":          distRunners,
	"GET /api/v1/distribution/events/{id}/lines":            distViewers,
	"POST /api/v1/distribution/events/{id}/lines":           distRunners,
	"POST /api/v1/distribution/events/{id}/codes":           distRunners,
	"POST /api/v1/distribution/events/{id}/handovers":       distRunners,
	"POST /api/v1/distribution/handovers/{id}/return":       stockMovers,
	"GET /deliveries":                                       deliveryViewers,
	"GET /deliveries/plan":                                  deliveryManagers,
	"POST /deliveries/plan":                                 deliveryManagers,
	"GET /deliveries/{id}":                                  deliveryViewers,
	"POST /deliveries/{id}/dispatch":                        dispatchers,
	"POST /deliveries/{id}/delivered":                       dispatchers,
	"POST /deliveries/{id}/confirm":                         confirmers,
	"POST /deliveries/{id}/cancel":                          deliveryManagers,
	"POST /deliveries/{id}/reschedule":                      deliveryManagers,
	"GET /volunteers":                                       volunteerViewers,
	"POST /volunteers":                                      volunteerManagers,
	"GET /volunteers/{id}":                                  volunteerViewers,
	"POST /volunteers/{id}":                                 volunteerManagers,
	"GET /tasks":                                            taskViewers,
	"GET /tasks/{id}":                                       taskViewers,
	"POST /tasks/{id}/assign":                               taskManagers,
	"POST /tasks/{id}/unassign":                             taskManagers,
	"POST /tasks/{id}/report":                               taskManagers,
	"POST /tasks/{id}/cancel":                               taskManagers,
	"GET /my/volunteering":                                  volunteers,
	"POST /my/needs/{id}/signup":                            volunteers,
	"POST /my/needs/{id}/withdraw":                          volunteers,
	"POST /my/hours":                                        volunteers,
	"POST /my/hours/{id}/withdraw":                          volunteers,
	"GET /needs":                                            volunteerViewers,
	"POST /needs":                                           volunteerManagers,
	"GET /needs/{id}":                                       volunteerViewers,
	"POST /needs/{id}/cancel":                               volunteerManagers,
	"GET /needs/{id}/edit":                                  volunteerManagers,
	"POST /needs/{id}":                                      volunteerManagers,
	"GET /hours":                                            volunteerViewers,
	"POST /hours/{id}":                                      volunteerManagers,
	"GET /mentors/apply":                                    visitors,
	"POST /mentors/apply":                                   visitors,
	"GET /mentors":                                          mentorViewers,
	"GET /mentors/stats":                                    mentorViewers,
	"GET /mentors/fields":                                   mentorFielders,
	"POST /mentors/fields":                                  mentorFielders,
	"GET /mentors/{id}":                                     mentorViewers,
	"POST /mentors/{id}/decision":                           mentorManagers,
	"POST /mentors/{id}/vetting":                            mentorManagers,
	"POST /mentors/{id}/login":                              mentorManagers,
	"GET /my/mentoring":                                     mentorsOwn,
	"GET /mentors/school":                                   mentorViewers,
	"POST /mentors/school/modules":                          mentorFielders,
	"POST /mentors/school/cohorts":                          mentorManagers,
	"GET /mentors/school/cohorts/{id}":                      mentorViewers,
	"POST /mentors/school/cohorts/{id}/members":             mentorManagers,
	"POST /mentors/school/cohorts/{id}/sessions":            mentorManagers,
	"POST /mentors/school/cohorts/{id}/finals":              mentorManagers,
	"GET /mentors/school/sessions/{id}":                     mentorViewers,
	"POST /mentors/school/sessions/{id}":                    mentorManagers,
	"GET /api/v1/mentors":                                   mentorViewers,
	"GET /api/v1/mentors/stats":                             mentorViewers,
	"GET /api/v1/mentors/{id}":                              mentorViewers,
	"POST /api/v1/mentors/{id}/decision":                    mentorManagers,
	"PUT /api/v1/mentors/{id}/vetting":                      mentorManagers,
	"GET /api/v1/my/mentor":                                 mentorsOwn,
	"GET /api/v1/mentor-fields":                             mentorViewers,
	"PUT /api/v1/mentor-fields/{code}":                      mentorFielders,
	"GET /api/v1/mentor-cohorts":                            mentorViewers,
	"GET /api/v1/mentor-cohorts/{id}/progress":              mentorViewers,
	"PUT /api/v1/mentor-sessions/{id}/attendance":           mentorManagers,
	"GET /courses":                                          courseViewers,
	"POST /courses":                                         courseManagers,
	"GET /courses/{id}":                                     courseViewers,
	"POST /courses/{id}/enrol":                              courseManagers,
	"GET /courses/{id}/edit":                                courseManagers,
	"POST /courses/{id}":                                    courseManagers,
	"POST /courses/{id}/enrolments/{enrolment}/unenrol":     courseManagers,
	"POST /courses/{id}/sessions":                           courseManagers,
	"GET /sessions/{id}":                                    courseViewers,
	"POST /sessions/{id}":                                   courseManagers,
	"GET /my/courses/{id}":                                  volunteers,
	"POST /my/courses/{id}/sessions":                        volunteers,
	"GET /my/sessions/{id}":                                 volunteers,
	"POST /my/sessions/{id}":                                volunteers,
	"GET /api/v1/needs":                                     volunteerViewers,
	"POST /api/v1/needs":                                    volunteerManagers,
	"GET /api/v1/needs/{id}":                                volunteerViewers,
	"POST /api/v1/needs/{id}/cancel":                        volunteerManagers,
	"PUT /api/v1/needs/{id}":                                volunteerManagers,
	"GET /api/v1/my/needs":                                  volunteers,
	"POST /api/v1/my/needs/{id}/signup":                     volunteers,
	"DELETE /api/v1/my/needs/{id}/signup":                   volunteers,
	"GET /api/v1/my/hours":                                  volunteers,
	"POST /api/v1/my/hours":                                 volunteers,
	"POST /api/v1/my/hours/{id}/withdraw":                   volunteers,
	"GET /api/v1/hours":                                     volunteerViewers,
	"GET /api/v1/hours/totals":                              volunteerViewers,
	"POST /api/v1/hours/{id}/decision":                      volunteerManagers,
	"GET /api/v1/courses":                                   courseViewers,
	"POST /api/v1/courses":                                  courseManagers,
	"GET /api/v1/courses/{id}":                              courseViewers,
	"PUT /api/v1/courses/{id}":                              courseManagers,
	"GET /api/v1/courses/{id}/roster":                       courseViewers,
	"POST /api/v1/courses/{id}/enrolments":                  courseManagers,
	"DELETE /api/v1/courses/{id}/enrolments/{enrolment}":    courseManagers,
	"POST /api/v1/courses/{id}/sessions":                    courseManagers,
	"PUT /api/v1/sessions/{id}/attendance":                  courseManagers,
	"GET /api/v1/my/courses":                                volunteers,
	"GET /api/v1/my/courses/{id}/roster":                    volunteers,
	"POST /api/v1/my/courses/{id}/sessions":                 volunteers,
	"PUT /api/v1/my/sessions/{id}/attendance":               volunteers,
	"GET /api/v1/outreach/cases":                            outreachViewers,
	"GET /api/v1/outreach/cases/{id}":                       outreachViewers,
	"POST /api/v1/outreach/cases/{id}/contact":              outreachWorkers,
	"POST /api/v1/outreach/cases/{id}/needs":                outreachWorkers,
	"POST /api/v1/outreach/cases/{id}/referrals":            outreachWorkers,
	"POST /api/v1/outreach/cases/{id}/enrolment":            outreachWorkers,
	"POST /api/v1/outreach/cases/{id}/checks":               outreachWorkers,
	"POST /api/v1/outreach/cases/{id}/close":                outreachWorkers,
	"PUT /api/v1/outreach/cases/{id}/consent":               outreachWorkers,
	"PUT /api/v1/outreach/cases/{id}/assignee":              outreachWorkers,
	"GET /api/v1/outreach/funnel":                           outreachViewers,
	"GET /api/v1/outreach/deadlines":                        outreachViewers,
	"PUT /api/v1/outreach/deadlines":                        outreachManagers,
	"POST /api/v1/outreach/flags":                           outreachManagers,
	"GET /api/v1/selections":                                selectionViewers,
	"POST /api/v1/selections":                               selectionManagers,
	"GET /api/v1/selections/{id}":                           selectionViewers,
	"GET /api/v1/selections/{id}/ranking":                   selectionViewers,
	"POST /api/v1/selections/{id}/scores":                   selectionManagers,
	"POST /api/v1/selections/{id}/pull":                     selectionManagers,
	"POST /api/v1/selections/{id}/rank":                     selectionManagers,
	"POST /api/v1/selections/{id}/open-appeals":             selectionManagers,
	"POST /api/v1/selections/{id}/publish":                  selectionManagers,
	"GET /api/v1/selections/{id}/appeals":                   selectionViewers,
	"POST /api/v1/selections/{id}/appeals":                  selectionManagers,
	"POST /api/v1/selection-appeals/{id}/decision":          selectionManagers,
	"GET /api/v1/macro-regions":                             selectionViewers,
	"PUT /api/v1/macro-regions/{code}":                      admins,
	"GET /api/v1/shortlists/{id}":                           public,
	"GET /api/v1/charities":                                 charityViewers,
	"POST /api/v1/charities":                                charityManagers,
	"GET /api/v1/charities/{id}":                            charityViewers,
	"PUT /api/v1/charities/{id}":                            charityManagers,
	"GET /api/v1/referrals":                                 charityStaff,
	"GET /api/v1/referrals/{id}":                            charityStaff,
	"POST /api/v1/referrals/{id}/answer":                    charityStaff,
	"GET /my/tasks":                                         volunteers,
	"POST /my/tasks/{id}":                                   volunteers,
	"GET /devices":                                          stockViewers,
	"GET /devices/{key}":                                    stockViewers,
	"POST /devices/{key}/tasks":                             taskManagers,
	"GET /api/v1/deliveries":                                deliveryViewers,
	"GET /api/v1/deliveries/{id}":                           deliveryViewers,
	"POST /api/v1/deliveries/{id}/confirm":                  confirmers,
	"GET /api/v1/volunteers":                                volunteerViewers,
	"POST /api/v1/volunteers":                               volunteerManagers,
	"GET /api/v1/volunteers/{id}":                           volunteerViewers,
	"PUT /api/v1/volunteers/{id}":                           volunteerManagers,
	"GET /api/v1/tasks":                                     taskViewers,
	"GET /api/v1/tasks/{id}":                                taskViewers,
	"POST /api/v1/tasks/{id}/assign":                        taskManagers,
	"POST /api/v1/tasks/{id}/report":                        taskManagers,
	"GET /api/v1/my/tasks":                                  volunteers,
	"POST /api/v1/my/tasks/{id}/report":                     volunteers,
	"GET /api/v1/devices/{key}":                             stockViewers,
	"GET /sponsors":                                         sponsorViewers,
	"POST /sponsors":                                        sponsorManagers,
	"GET /sponsors/{id}":                                    sponsorViewers,
	"POST /sponsors/{id}":                                   sponsorManagers,
	"POST /sponsors/{id}/gifts":                             sponsorManagers,
	"POST /sponsors/{id}/pledges":                           sponsorManagers,
	"POST /sponsors/{id}/receipts":                          sponsorManagers,
	"POST /sponsors/{id}/match":                             sponsorManagers,
	"GET /sponsors/receipts/{id}":                           sponsorViewers,
	"GET /sponsors/receipts/{id}/pdf":                       sponsorViewers,
	"GET /giving":                                           sponsorsOwn,
	"GET /giving/receipts/{id}":                             sponsorsOwn,
	"GET /giving/receipts/{id}/pdf":                         sponsorsOwn,
	"GET /api/v1/sponsors":                                  sponsorViewers,
	"POST /api/v1/sponsors":                                 sponsorManagers,
	"GET /api/v1/sponsors/{id}":                             sponsorViewers,
	"PUT /api/v1/sponsors/{id}":                             sponsorManagers,
	"GET /api/v1/sponsors/{id}/giving":                      sponsorViewers,
	"POST /api/v1/sponsors/{id}/gifts":                      sponsorManagers,
	"POST /api/v1/sponsors/{id}/pledges":                    sponsorManagers,
	"POST /api/v1/sponsors/{id}/receipts":                   sponsorManagers,
	"POST /api/v1/pledges/{id}/match":                       sponsorManagers,
	"GET /api/v1/receipts/{id}":                             sponsorViewers,
	"GET /api/v1/receipts/{id}/pdf":                         sponsorViewers,
	"GET /api/v1/my/giving":                                 sponsorsOwn,
	"GET /api/v1/my/receipts/{id}":                          sponsorsOwn,
	"GET /api/v1/my/receipts/{id}/pdf":                      sponsorsOwn,
	"GET /dashboard":                                        dashboardViewers,
	"POST /dashboard/{id}/refresh":                          dashboardRefreshers,
	"GET /api/v1/dashboard":                                 dashboardViewers,
	"POST /api/v1/dashboard/{id}/refresh":                   dashboardRefreshers,

	// Thank-you letters.
	"GET /campaigns/{id}/letters":                                     letterViewers,
	"POST /campaigns/{id}/letters/run":                                letterManagers,
	"GET /campaigns/{id}/letters/{letter}/pdf":                        letterViewers,
	"GET /campaigns/{id}/letters/runs/{run}/pdf":                      letterViewers,
	"GET /letters/templates":                                          letterViewers,
	"POST /letters/templates":                                         letterManagers,
	"POST /letters/letterhead":                                        letterManagers,
	"GET /api/v1/campaigns/{id}/letters":                              letterViewers,
	"POST /api/v1/campaigns/{id}/letters/runs":                        letterManagers,
	"GET /api/v1/letter-runs/{id}":                                    letterViewers,
	"GET /api/v1/letter-runs/{id}/pdf":                                letterViewers,
	"GET /api/v1/letters/{id}/pdf":                                    letterViewers,
	"GET /api/v1/organisations/{id}/letter-templates":                 letterViewers,
	"PUT /api/v1/organisations/{id}/letter-templates/{kind}/{locale}": letterManagers,
	"GET /api/v1/organisations/{id}/letterhead":                       letterViewers,
	"PUT /api/v1/organisations/{id}/letterhead":                       letterManagers,

	// The duplicate queue.
	"GET /duplicates":                             duplicateReviewers,
	"POST /duplicates/scan":                       duplicateReviewers,
	"GET /duplicates/{id}":                        duplicateReviewers,
	"POST /duplicates/{id}/merge":                 duplicateReviewers,
	"POST /duplicates/{id}/distinct":              duplicateReviewers,
	"GET /api/v1/duplicates":                      duplicateReviewers,
	"POST /api/v1/duplicates/scans":               duplicateReviewers,
	"GET /api/v1/duplicates/{id}":                 duplicateReviewers,
	"POST /api/v1/duplicates/{id}/merge":          duplicateReviewers,
	"POST /api/v1/duplicates/{id}/distinct":       duplicateReviewers,
	"GET /out-of-school":                          oosReaders,
	"GET /out-of-school/new":                      oosRunners,
	"POST /out-of-school":                         oosRunners,
	"GET /out-of-school/{id}":                     oosReaders,
	"GET /out-of-school/{id}/children/{person}":   oosReaders,
	"GET /api/v1/oos/lists":                       oosReaders,
	"GET /api/v1/oos/runs":                        oosReaders,
	"POST /api/v1/oos/runs":                       oosRunners,
	"GET /api/v1/oos/runs/{id}":                   oosReaders,
	"GET /api/v1/oos/runs/{id}/children":          oosReaders,
	"GET /api/v1/oos/runs/{id}/children/{person}": oosReaders,

	// Case championships.
	"GET /championships":                         championshipViewers,
	"GET /championships/new":                     championshipOrganisers,
	"POST /championships":                        championshipOrganisers,
	"GET /championships/{id}":                    championshipViewers,
	"POST /championships/{id}/state":             championshipOrganisers,
	"POST /championships/{id}/teams":             championshipOrganisers,
	"POST /championships/{id}/jurors":            championshipOrganisers,
	"GET /championships/{id}/score":              championshipScorers,
	"POST /championships/{id}/score":             championshipScorers,
	"GET /championship-teams/{id}":               championshipViewers,
	"GET /my/juries":                             championshipScorers,
	"POST /championship-teams/{id}/cases":        championshipOrganisers,
	"GET /api/v1/championships":                  championshipViewers,
	"POST /api/v1/championships":                 championshipOrganisers,
	"GET /api/v1/championships/{id}":             championshipViewers,
	"POST /api/v1/championships/{id}/state":      championshipOrganisers,
	"POST /api/v1/championships/{id}/teams":      championshipOrganisers,
	"GET /api/v1/championships/{id}/jurors":      championshipViewers,
	"POST /api/v1/championships/{id}/jurors":     championshipOrganisers,
	"POST /api/v1/championships/{id}/scores":     championshipScorers,
	"GET /api/v1/championships/{id}/leaderboard": championshipViewers,
	"GET /api/v1/championships/{id}/results":     championshipViewers,
	"GET /api/v1/championship-teams/{id}":        championshipViewers,
	"POST /api/v1/championship-teams/{id}/cases": championshipOrganisers,
	// Debate tournaments.
	"GET /tournaments":                                              tournamentReaders,
	"GET /tournaments/new":                                          tournamentRunners,
	"POST /tournaments":                                             tournamentRunners,
	"GET /tournaments/{id}":                                         tournamentReaders,
	"POST /tournaments/{id}/teams":                                  tournamentRunners,
	"POST /tournaments/{id}/judges":                                 tournamentRunners,
	"POST /tournaments/{id}/rounds":                                 tournamentRunners,
	"POST /tournaments/{id}/break":                                  tournamentRunners,
	"GET /tournaments/{id}/standings":                               tournamentReaders,
	"GET /tournaments/{id}/rounds/{round}":                          tournamentReaders,
	"POST /tournaments/{id}/rounds/{round}/publish":                 tournamentRunners,
	"POST /tournaments/{id}/rounds/{round}/debates/{debate}/ballot": tournamentRunners,
	"GET /api/v1/tournaments":                                       tournamentReaders,
	"POST /api/v1/tournaments":                                      tournamentRunners,
	"GET /api/v1/tournaments/{id}":                                  tournamentReaders,
	"POST /api/v1/tournaments/{id}/teams":                           tournamentRunners,
	"POST /api/v1/tournaments/{id}/judges":                          tournamentRunners,
	"POST /api/v1/tournaments/{id}/rounds":                          tournamentRunners,
	"POST /api/v1/tournaments/{id}/break":                           tournamentRunners,
	"POST /api/v1/tournaments/{id}/rounds/{round}/publish":          tournamentRunners,
	"PUT /api/v1/tournaments/{id}/debates/{debate}/ballot":          tournamentRunners,
	"GET /api/v1/tournaments/{id}/standings":                        tournamentReaders,
	"GET /api/v1/tournaments/{id}/results":                          tournamentReaders,
	// Young people of the mentoring programme.
	"GET /y/register/{org}":                            visitors,
	"POST /y/register/{org}":                           visitors,
	"GET /y/{token}":                                   visitors,
	"POST /y/{token}":                                  visitors,
	"POST /y/{token}/sessions/{id}/feedback":           visitors,
	"POST /y/{token}/mentorships/{id}/concern":         visitors,
	"POST /y/{token}/activities/{id}/join":             visitors,
	"POST /y/{token}/selections/{id}/appeal":           visitors,
	"POST /y/{token}/guardian/link":                    visitors,
	"GET /y/guardian/{token}":                          visitors,
	"POST /y/guardian/{token}":                         visitors,
	"GET /youth":                                       youthViewers,
	"GET /youth/{id}":                                  youthViewers,
	"POST /youth/{id}/consent":                         youthKeepers,
	"POST /youth/{id}/link":                            youthKeepers,
	"POST /youth/{id}/guardian-link":                   youthKeepers,
	"POST /api/v1/y/register/{org}":                    visitors,
	"GET /api/v1/y/{token}/shortlist":                  visitors,
	"PUT /api/v1/y/{token}/choices":                    visitors,
	"GET /api/v1/y/{token}/match":                      visitors,
	"POST /api/v1/y/{token}/sessions/{id}/feedback":    visitors,
	"POST /api/v1/y/{token}/mentorships/{id}/concerns": visitors,
	"GET /api/v1/y/{token}/activities":                 visitors,
	"POST /api/v1/y/{token}/activities/{id}/join":      visitors,
	"GET /api/v1/y/{token}/selections":                 visitors,
	"POST /api/v1/y/{token}/selections/{id}/appeal":    visitors,
	"GET /api/v1/youth":                                youthViewers,
	"GET /api/v1/youth/{id}":                           youthViewers,
	"PUT /api/v1/youth/{id}/consent":                   youthKeepers,
	"POST /api/v1/youth/{id}/link":                     youthKeepers,
	"GET /api/v1/youth/{id}/guardian-link":             youthViewers,
	"POST /api/v1/youth/{id}/guardian-link":            youthKeepers,
	// The youth programme's strands and outcomes.
	"GET /activities":                               strandReaders,
	"GET /activities/new":                           strandKeepers,
	"POST /activities":                              strandKeepers,
	"GET /activities/{id}":                          strandReaders,
	"POST /activities/{id}/enrol":                   strandKeepers,
	"POST /activities/{id}/sessions":                strandKeepers,
	"POST /activities/{id}/progress":                strandKeepers,
	"GET /activity-sessions/{id}":                   strandReaders,
	"POST /activity-sessions/{id}":                  strandKeepers,
	"GET /coverage":                                 outcomeReaders,
	"GET /coverage/export":                          outcomeReaders,
	"GET /outcomes/{id}":                            outcomeReaders,
	"POST /outcomes/{id}":                           outcomeWriters,
	"GET /api/v1/activities":                        strandReaders,
	"POST /api/v1/activities":                       strandKeepers,
	"GET /api/v1/activities/{id}":                   strandReaders,
	"POST /api/v1/activities/{id}/enrolments":       strandKeepers,
	"POST /api/v1/activities/{id}/sessions":         strandKeepers,
	"POST /api/v1/activities/{id}/progress":         strandKeepers,
	"GET /api/v1/activity-sessions/{id}/attendance": strandReaders,
	"PUT /api/v1/activity-sessions/{id}/attendance": strandKeepers,
	"GET /api/v1/coverage":                          outcomeReaders,
	"GET /api/v1/outcomes/{id}":                     outcomeReaders,
	"PUT /api/v1/outcomes/{id}":                     outcomeWriters,
	// The matching of young people to mentors.
	"GET /matching":                                             matchReaders,
	"GET /matching/new":                                         matchRunners,
	"POST /matching":                                            matchRunners,
	"GET /matching/{id}":                                        matchReaders,
	"POST /matching/proposals/{id}/approve":                     matchRunners,
	"GET /my-proposals":                                         mentors,
	"POST /my-proposals/{id}/accept":                            mentors,
	"POST /my-proposals/{id}/decline":                           mentors,
	"GET /api/v1/matching/runs":                                 matchReaders,
	"POST /api/v1/matching/runs":                                matchRunners,
	"GET /api/v1/matching/runs/{id}":                            matchReaders,
	"GET /api/v1/matching/runs/{id}/proposals":                  matchReaders,
	"GET /api/v1/matching/runs/{id}/unmatched":                  matchReaders,
	"POST /api/v1/matching/proposals/{id}/approve":              matchRunners,
	"GET /api/v1/matching/my-proposals":                         mentors,
	"POST /api/v1/matching/proposals/{id}/accept":               mentors,
	"POST /api/v1/matching/proposals/{id}/decline":              mentors,
	"GET /mentorships":                                          mentorshipViewers,
	"GET /mentorships/activity":                                 activityReaders,
	"GET /mentorships/{id}":                                     mentorshipViewers,
	"POST /mentorships/{id}/sessions":                           mentorshipWorkers,
	"POST /mentorships/{id}/sessions/{session}/feedback":        mentorsOnly,
	"POST /mentorships/{id}/goals":                              mentorshipWorkers,
	"POST /mentorships/{id}/goals/{goal}":                       mentorshipWorkers,
	"POST /mentorships/{id}/concerns":                           concernReporters,
	"POST /mentorships/{id}/end":                                mentorshipWorkers,
	"GET /safeguarding":                                         concernWorkers,
	"POST /safeguarding/leads":                                  concernWorkers,
	"GET /safeguarding/{id}":                                    concernWorkers,
	"POST /safeguarding/{id}":                                   concernWorkers,
	"GET /api/v1/mentorships":                                   mentorshipViewers,
	"GET /api/v1/mentorships/activity":                          activityReaders,
	"GET /api/v1/mentorships/{id}":                              mentorshipViewers,
	"POST /api/v1/mentorships/{id}/sessions":                    mentorshipWorkers,
	"POST /api/v1/mentorships/{id}/sessions/{session}/feedback": mentorsOnly,
	"POST /api/v1/mentorships/{id}/goals":                       mentorshipWorkers,
	"PUT /api/v1/mentorships/{id}/goals/{goal}":                 mentorshipWorkers,
	"POST /api/v1/mentorships/{id}/concerns":                    concernReporters,
	"POST /api/v1/mentorships/{id}/end":                         mentorshipWorkers,
	"GET /api/v1/safeguarding/concerns":                         concernWorkers,
	"GET /api/v1/safeguarding/concerns/{id}":                    concernWorkers,
	"POST /api/v1/safeguarding/concerns/{id}/status":            concernWorkers,
	"GET /api/v1/safeguarding/leads":                            concernWorkers,
	"PUT /api/v1/safeguarding/leads/{org}":                      concernWorkers,

	// A campaign's quotas and routes through the API, as on its
	// allocation page.
	"GET /api/v1/campaigns/{id}/allocation/settings":                       allocationViewers,
	"PUT /api/v1/campaigns/{id}/allocation/quotas":                         allocationManagers,
	"DELETE /api/v1/campaigns/{id}/allocation/quotas/{quota}":              allocationManagers,
	"PUT /api/v1/campaigns/{id}/allocation/routes":                         allocationManagers,
	"DELETE /api/v1/campaigns/{id}/allocation/routes/{warehouse}/{region}": allocationManagers,

	// A donor edited on its page and through the API.
	"POST /donors/{id}":       stockMovers,
	"PUT /api/v1/donors/{id}": stockMovers,
}

// caller is one demo user with a web session and an API token.
type caller struct {
	local   string
	userID  int64
	orgID   int64
	web     *http.Client
	token   string
	spareID int64 // a token of theirs that routes may revoke
}

func TestEveryRouteForEveryRole(t *testing.T) {
	s := startServer(t)
	sf, err := s.app.handler(serveConfig{})
	if err != nil {
		t.Fatal(err)
	}
	routes := map[string]access.Action{}
	for _, r := range sf.web.Routes() {
		routes[r.Method+" "+r.Pattern] = r.Action
	}
	for _, r := range sf.api.Routes() {
		routes[r.Method+" "+r.Pattern] = r.Action
	}
	for k := range routes {
		if _, ok := expectedAccess[k]; !ok {
			t.Errorf("route %s has no expectation in this test", k)
		}
	}
	for k := range expectedAccess {
		if _, ok := routes[k]; !ok {
			t.Errorf("expected route %s is not served", k)
		}
	}
	jobID := failedJob(t, s.app.db)
	slug := publicCampaign(t, s)
	fund := mustUser(t, s, "coordinator").orgID
	campaign := requeststest.Open(t, s.app.db, time.Now(), "authz", fund, "/")
	for _, local := range everyone {
		c := s.caller(t, local)
		personID, householdID := registryRecords(t, s, c, fund)
		offerID, placementID := placeRecords(t, s, c, fund, personID)
		uploadID, runID := importRecords(t, s, c, fund)
		requestID, docID := requestRecords(t, s, campaign, personID)
		campaignID, itemID := campaignRecords(t, s, c, fund)
		appealID := appealRecord(t, s)
		warehouseID, stockDocID, donorID := stockRecords(t, s, c, fund)
		eventID, photoID, handoverID := distributionRecords(t, s, c, campaign, warehouseID)
		after := afterRecords(t, s, c, fund, campaign.ID, warehouseID, requestID)
		sponsorIDs := sponsorRecords(t, s, c, fund)
		for key, allowed := range expectedAccess {
			if allowed == nil {
				continue
			}
			method, pattern, _ := strings.Cut(key, " ")
			orgID := c.orgID
			if orgID == 0 {
				orgID = fund
			}
			codeArg := "KZ-75" // {code} is a region's, or a category's under /people/
			if strings.HasPrefix(pattern, "/people/") {
				codeArg = "orphan"
			}
			path := strings.NewReplacer("{$}", "", "{code}", codeArg, "{purpose}", "processing", "{slug}", slug,
				"{person}", strconv.FormatInt(personID, 10), "{placement}", strconv.FormatInt(placementID, 10),
				"{run}", strconv.FormatInt(runID, 10), "{doc}", strconv.FormatInt(docID, 10),
				"{photo}", strconv.FormatInt(photoID, 10)).Replace(pattern)
			sponsorPath, isSponsors := sponsorPath(path, sponsorIDs)
			switch {
			case isSponsors:
				path = sponsorPath
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/people/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(personID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/requests/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(requestID, 10), 1)
			case strings.HasPrefix(path, "/imports/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(uploadID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/campaigns/{id}"),
				strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/dashboard/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(campaignID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/catalogue/"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(itemID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/appeals/{id}"), strings.HasPrefix(path, "/desk/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(appealID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/warehouses/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(warehouseID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/stock/docs/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(stockDocID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/donors/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(donorID, 10), 1)
			case strings.HasPrefix(path, "/distribution/{id}"), strings.HasPrefix(path, "/api/v1/distribution/events/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(eventID, 10), 1)
			case strings.HasPrefix(path, "/handovers/{id}"), strings.HasPrefix(path, "/api/v1/distribution/handovers/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(handoverID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/deliveries/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(after.delivery, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/volunteers/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(after.volunteer, 10), 1)
			case strings.Contains(path, "/tasks/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(after.task, 10), 1)
			case strings.Contains(path, "/devices/{key}"):
				path = strings.Replace(path, "{key}", strconv.FormatInt(after.unit, 10), 1)
			case strings.HasPrefix(path, "/places/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(offerID, 10), 1)
			case strings.HasPrefix(strings.TrimPrefix(path, "/api/v1"), "/households/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(householdID, 10), 1)
			case strings.Contains(path, "/users/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(c.userID, 10), 1)
			case strings.Contains(path, "/tokens/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(c.spareID, 10), 1)
			case strings.Contains(path, "/organisations/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(orgID, 10), 1)
			case strings.Contains(path, "/jobs/{id}"):
				path = strings.Replace(path, "{id}", strconv.FormatInt(jobID, 10), 1)
			}
			// A need, hours, a course or a session the test does not make:
			// an id no record has, which the routes refuse before looking.
			path = strings.Replace(path, "{id}", "999999", 1)
			path = strings.NewReplacer("{session}", "999999", "{goal}", "999999",
				"{org}", strconv.FormatInt(orgID, 10)).Replace(path)
			code := c.do(t, s.url, method, path)
			want := contains(allowed, local)
			switch {
			case want && (code == http.StatusForbidden || code == http.StatusUnauthorized || code == http.StatusSeeOther && method == "GET"):
				t.Errorf("%s: %s %s = %d, want allowed", local, method, path, code)
			case !want && code != http.StatusForbidden:
				t.Errorf("%s: %s %s = %d, want 403", local, method, path, code)
			}
		}
	}
}

func TestAnonymousIsSentToLogin(t *testing.T) {
	s := startServer(t)
	c := s.client(t)
	for key, allowed := range expectedAccess {
		method, pattern, _ := strings.Cut(key, " ")
		if allowed == nil || strings.Contains(pattern, "{") || contains(allowed, "anonymous") {
			continue
		}
		req, _ := http.NewRequest(method, s.url+strings.ReplaceAll(pattern, "{$}", ""), nil)
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if strings.HasPrefix(pattern, "/api/") {
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("anonymous %s = %d, want 401", key, res.StatusCode)
			}
		} else if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
			t.Errorf("anonymous %s = %d to %q, want a redirect to the login page", key, res.StatusCode, res.Header.Get("Location"))
		}
	}
}

// registryRecords registers a person and a household in the caller's
// organisation (fund for a caller bound to none), for the routes about one
// record: the demo data has none.
func registryRecords(t *testing.T, s *testServer, c *caller, fund int64) (personID, householdID int64) {
	t.Helper()
	ctx := context.Background()
	orgID := c.orgID
	if orgID == 0 {
		orgID = fund
	}
	p, err := s.app.People.Create(ctx, access.System, people.Input{LastName: "Authz", FirstName: c.local, RegionCode: "KZ-75", OrgID: orgID})
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.app.People.CreateHousehold(ctx, access.System, people.HouseholdInput{RegionCode: "KZ-75", OrgID: orgID})
	if err != nil {
		t.Fatal(err)
	}
	return p.ID, h.ID
}

// stockRecords opens a warehouse of the caller's organisation (fund for
// a caller bound to none) in its region, records a donor and receives a
// donation there, for the routes about one warehouse, document or donor.
func stockRecords(t *testing.T, s *testServer, c *caller, fund int64) (warehouseID, docID, donorID int64) {
	t.Helper()
	ctx := context.Background()
	orgID := c.orgID
	if orgID == 0 {
		orgID = fund
	}
	w, err := s.app.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "AUTHZ-" + strings.ToUpper(
		strings.ReplaceAll(c.local, ".", "-")), Name: "Authz " + c.local, Kind: stock.Store, OrgID: orgID, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.app.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Authz donor", Kind: stock.DonorCompany,
		OrgID: orgID})
	if err != nil {
		t.Fatal(err)
	}
	var item int64
	if err := s.app.db.R.QueryRowContext(ctx, "SELECT id FROM aid_items WHERE code = 'backpack'").Scan(&item); err != nil {
		t.Fatal(err)
	}
	doc, err := s.app.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: w.ID, Kind: stock.Donation,
		DonorID: d.ID, Lines: []stock.Line{{ItemID: item, Quantity: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	return w.ID, doc.ID, d.ID
}

// placeRecords offers places in the caller's organisation and places the
// caller's person there, for the routes about one offer or placement.
func placeRecords(t *testing.T, s *testServer, c *caller, fund, personID int64) (offerID, placementID int64) {
	t.Helper()
	ctx := context.Background()
	orgID := c.orgID
	if orgID == 0 {
		orgID = fund
	}
	o, err := s.app.Guidance.CreateOffer(ctx, access.System, guidance.OfferInput{OrgID: orgID, Year: 2026, Quota: 5})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := s.app.Guidance.Place(ctx, access.System, o.ID, personID)
	if err != nil {
		t.Fatal(err)
	}
	return o.ID, pl.ID
}

// requestRecords submits a request for the caller's person in campaign
// and attaches a document to it, for the routes about one request.
func requestRecords(t *testing.T, s *testServer, c requeststest.Campaign, personID int64) (requestID, docID int64) {
	t.Helper()
	ctx := context.Background()
	r, err := s.app.Requests.Submit(ctx, access.System, requests.Input{CampaignID: c.ID, PersonID: personID,
		ApplicantKind: requests.ByParent, Channel: requests.Hotline, Lines: []requests.LineInput{{ItemID: c.Kit}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.app.Requests.Attach(ctx, access.System, r.ID, "scan.pdf", []byte("%PDF-1.4\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	return r.ID, d.ID
}

// campaignRecords sets up a campaign of the caller's organisation (fund
// for a caller bound to none) in Almaty, for the routes about one
// campaign, and names a catalogue entry for those about one entry.
func campaignRecords(t *testing.T, s *testServer, c *caller, fund int64) (campaignID, itemID int64) {
	t.Helper()
	ctx := context.Background()
	orgID := c.orgID
	if orgID == 0 {
		orgID = fund
	}
	in := campaign.Input{Slug: "authz-" + strings.ReplaceAll(c.local, ".", "-"),
		Programme: campaign.Kits, OrganiserID: orgID, StartsOn: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC),
		EndsOn: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC), RegionCodes: []string{"KZ-75"},
		Items: []campaign.Offered{{Code: "primary_kit", Target: 10}}}
	for _, l := range []string{"kk", "ru", "en", "fr", "fa"} { // whatever the organiser's language
		in.Texts = append(in.Texts, campaign.Text{Locale: l, Name: "Authz " + c.local})
	}
	cmp, err := s.app.Campaigns.Create(ctx, access.System, in)
	if err != nil {
		t.Fatal(err)
	}
	items, err := s.app.Campaigns.Items(ctx, access.System, false)
	if err != nil {
		t.Fatal(err)
	}
	return cmp.ID, items[0].ID
}

// appealRecord records an appeal in the demo coordinator's region, by
// them, for the routes about one appeal.
func appealRecord(t *testing.T, s *testServer) int64 {
	t.Helper()
	ctx := context.Background()
	u, err := s.app.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	p := u.Principal()
	region := "KZ" // a coordinator bound to no region works in the whole country
	if parts := strings.Split(strings.Trim(p.RegionPath, "/"), "/"); parts[len(parts)-1] != "" {
		region = parts[len(parts)-1]
	}
	a, err := s.app.Appeals.Create(ctx, p, appeals.Input{Kind: appeals.Question, Channel: appeals.Hotline,
		CallerName: "Authz", Subject: "authz", RegionCode: region})
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

func (s *testServer) caller(t *testing.T, local string) *caller {
	t.Helper()
	c := mustUser(t, s, local)
	c.web = s.login(t, local)
	ctx := context.Background()
	var err error
	if c.token, _, err = s.app.Accounts.CreateToken(ctx, access.System, c.userID, "authz test"); err != nil {
		t.Fatal(err)
	}
	_, spare, err := s.app.Accounts.CreateToken(ctx, access.System, c.userID, "to revoke")
	if err != nil {
		t.Fatal(err)
	}
	c.spareID = spare.ID
	return c
}

func mustUser(t *testing.T, s *testServer, local string) *caller {
	t.Helper()
	u, err := s.app.Accounts.LookupEmail(context.Background(), demo.Email(local))
	if err != nil {
		t.Fatalf("demo user %s: %v", local, err)
	}
	return &caller{local: local, userID: u.ID, orgID: u.OrgID}
}

// do sends an empty request the way each surface expects: a form to web
// routes, JSON with the bearer token to API routes.
func (c *caller) do(t *testing.T, base, method, path string) int {
	t.Helper()
	var body *strings.Reader
	req, _ := http.NewRequest(method, base+path, nil)
	client := c.web
	if strings.HasPrefix(path, "/api/") {
		client = &http.Client{Timeout: 10 * time.Second}
		req.Header.Set("Authorization", "Bearer "+c.token)
		if method != "GET" && method != "DELETE" {
			body = strings.NewReader("{}")
			req, _ = http.NewRequest(method, base+path, body)
			req.Header.Set("Authorization", "Bearer "+c.token)
			req.Header.Set("Content-Type", "application/json")
		}
	} else if method == "POST" {
		req, _ = http.NewRequest(method, base+path, strings.NewReader(""))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// importRecords uploads a list for the caller's organisation (fund for a
// caller bound to none) and queues a dry run of it, for the routes about
// one upload or run.
func importRecords(t *testing.T, s *testServer, c *caller, fund int64) (uploadID, runID int64) {
	t.Helper()
	ctx := context.Background()
	orgID := c.orgID
	if orgID == 0 {
		orgID = fund
	}
	list := "Фамилия,Имя\nАвторизация," + c.local + "\n"
	up, err := s.app.Imports.Save(ctx, access.System, "people", orgID, "authz.csv", strings.NewReader(list), int64(len(list)))
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.app.Imports.Start(ctx, access.System, up.ID, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	return up.ID, run.ID
}

// failedJob inserts a job that no worker will pick up, for routes about one job.
func failedJob(t *testing.T, db *store.DB) int64 {
	t.Helper()
	var id int64
	now := time.Now().UTC()
	err := db.W.QueryRowContext(context.Background(), store.Rebind(db.Engine,
		`INSERT INTO jobs (kind, payload, status, run_at, created_at, error) VALUES ('demo.noop', '{}', 'failed', $1, $1, 'no handler') RETURNING id`),
		now).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// afterIDs are the records of deliveries and after-care the routes about
// one record open.
type afterIDs struct{ delivery, volunteer, task, unit int64 }

// afterRecords sets up, in the caller's organisation (fund for a caller
// bound to none), a planned delivery to it from the caller's warehouse, a
// volunteer, a computer at that warehouse and a set-up task of it for
// the caller's request, for the routes about one delivery, volunteer,
// task or device. The delivery and the task are written as rows: what
// the routes do to them is their services', tested elsewhere.
func afterRecords(t *testing.T, s *testServer, c *caller, fund, campaignID, warehouseID, requestID int64) afterIDs {
	t.Helper()
	ctx := context.Background()
	db := s.app.db
	orgID := c.orgID
	if orgID == 0 {
		orgID = fund
	}
	var out afterIDs
	var orgPath, regionPath, regionCode string
	if err := db.R.QueryRowContext(ctx, store.Rebind(db.Engine, `SELECT o.path, r.path, r.code FROM organisations o
		JOIN regions r ON r.id = o.region_id WHERE o.id = $1`), orgID).Scan(&orgPath, &regionPath, &regionCode); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	row := func(query string, args ...any) int64 {
		t.Helper()
		var id int64
		if err := db.W.QueryRowContext(ctx, store.Rebind(db.Engine, query), args...).Scan(&id); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return id
	}
	out.delivery = row(`INSERT INTO deliveries (campaign_id, org_id, org_path, region_path, warehouse_id, due_on, status,
		created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'planned', $7, $7)
		ON CONFLICT (campaign_id, org_id) WHERE status <> 'cancelled' DO UPDATE SET updated_at = excluded.updated_at
		RETURNING id`, campaignID, orgID, orgPath, regionPath, warehouseID, time.Date(2026, 8, 30, 0, 0, 0, 0, time.UTC), now)
	pc := row("SELECT id FROM aid_items WHERE code = 'computer'")
	if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, `INSERT INTO delivery_lines (delivery_id, line, item_id,
		rule, planned) VALUES ($1, 1, $2, 'fixed', 1) ON CONFLICT (delivery_id, line) DO NOTHING`), out.delivery, pc); err != nil {
		t.Fatal(err)
	}
	v, err := s.app.Aftercare.CreateVolunteer(ctx, access.System, aftercare.VolunteerInput{Name: "Authz " + c.local,
		Phone: "+7 701 000 00 01", RegionCode: regionCode, OrgID: orgID, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	out.volunteer = v.ID
	donor, err := s.app.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Authz", Kind: stock.DonorCompany,
		OrgID: orgID})
	if err != nil {
		t.Fatal(err)
	}
	serial := "AUTHZ-" + strings.ToUpper(strings.ReplaceAll(c.local, ".", "-"))
	doc, err := s.app.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: warehouseID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: pc, Serials: []string{serial}}}})
	if err != nil {
		t.Fatal(err)
	}
	out.unit = row("SELECT id FROM stock_units WHERE serial = $1", serial)
	out.task = row(`INSERT INTO device_tasks (unit_id, item_id, serial, doc_id, request_id, request_line, kind, status, due_on,
		org_path, region_path, created_at, updated_at)
		SELECT $1, $2, $3, $4, r.id, 1, 'install', 'open', $5, r.org_path, r.region_path, $6, $6 FROM requests r WHERE r.id = $7
		RETURNING id`, out.unit, pc, serial, doc.ID, time.Date(2026, 9, 8, 0, 0, 0, 0, time.UTC), now, requestID)
	return out
}
