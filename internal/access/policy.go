package access

import (
	"strings"

	"github.com/jolproject/jol/internal/errs"
)

// Action is something a user may try to do.
type Action string

// The actions of the foundation. Later capabilities add theirs here, each
// with its rule in the table below, so the whole policy stays readable in
// one place.
const (
	ViewHome       Action = "home.view"
	ManageOwnToken Action = "tokens.own"
	ViewOrgs       Action = "orgs.view"
	ManageOrgs     Action = "orgs.manage"
	ViewRegions    Action = "regions.view"
	ManageRegions  Action = "regions.manage"
	ManageUsers    Action = "users.manage"
	ManageSettings Action = "settings.manage"
	ViewJobs       Action = "jobs.view"
	ViewAudit      Action = "audit.view"
	ViewChild      Action = "child.view"
	EditChild      Action = "child.edit"

	// Requests for aid (internal/requests): reading them, submitting and
	// commenting, and deciding them (transitions, reviewer assignment).
	ViewRequests   Action = "requests.view"
	SubmitRequests Action = "requests.submit"
	DecideRequests Action = "requests.decide"
	// Campaigns and the aid catalogue: staff see campaigns (aggregates,
	// never a child); coordinators and administrators manage those of
	// their subtree and the installation's catalogue.
	ViewCampaigns   Action = "campaigns.view"
	ManageCampaigns Action = "campaigns.manage"
	ManageCatalog   Action = "catalog.manage"
	// The operator desk: reading the queue and the statistics of appeals,
	// recording and answering them, and setting the working days each
	// kind is given and the installation's calendar.
	ViewAppeals       Action = "appeals.view"
	RecordAppeals     Action = "appeals.record"
	ManageAppealRules Action = "appeals.rules"

	// ManageEligibility: set a campaign's rules and weights, recalculate.
	ManageEligibility Action = "eligibility.manage"

	// Stock (internal/stock): reading warehouses, balances and movements;
	// recording movements (receipts, transfers, kits, issues, returns,
	// write-offs, counts) and donors; opening and editing warehouses.
	ViewStock        Action = "stock.view"
	MoveStock        Action = "stock.move"
	ManageWarehouses Action = "stock.manage"

	// Allocation (internal/allocation): reading a campaign's allocation
	// settings, runs and plans; setting its quotas and routes, and
	// running (dry or committed) its allocation.
	ViewAllocation   Action = "allocation.view"
	ManageAllocation Action = "allocation.manage"
	// HandOver: hand over stock held for a request line (a distribution's
	// handover), which the staff of a distribution do with the
	// warehouse's.
	HandOver Action = "stock.hand_over"

	// Distribution (internal/distribution): reading events, their lists
	// and handovers; planning events, assigning lines, sending codes and
	// handing over.
	ViewDistribution Action = "distribution.view"
	RunDistribution  Action = "distribution.run"
	// Institutional deliveries (internal/deliveries): reading them and
	// the board (an institution's staff see their own institution's),
	// planning and cancelling them, dispatching and marking them
	// delivered, and confirming receipt — for the receiving institution's
	// own staff only, which the service checks beside this rule.
	ViewDeliveries     Action = "deliveries.view"
	ManageDeliveries   Action = "deliveries.manage"
	DispatchDeliveries Action = "deliveries.dispatch"
	ConfirmDeliveries  Action = "deliveries.confirm"

	// Volunteers and device after-care (internal/aftercare,
	// internal/volunteers): reading the volunteer registry, needs and
	// hours, and keeping them (needs, approving hours); reading the set-up
	// tasks of devices and assigning them; a volunteer's own tasks, needs
	// and hours, which the service finds by the volunteer's login,
	// wherever they are.
	ViewVolunteers   Action = "volunteers.view"
	ManageVolunteers Action = "volunteers.manage"
	ViewTasks        Action = "tasks.view"
	ManageTasks      Action = "tasks.manage"
	WorkTasks        Action = "tasks.work"

	// The dashboard (internal/dashboard): reading a campaign's figures
	// (aggregates, never a child) and asking for them to be counted anew.
	ViewDashboard    Action = "dashboard.view"
	RefreshDashboard Action = "dashboard.refresh"
	// Sponsors (internal/sponsors): reading sponsors with their gifts,
	// pledges, receipts and impact; keeping them; and a sponsor's own
	// giving, which the service finds by the sponsor's portal login.
	ViewSponsors   Action = "sponsors.view"
	ManageSponsors Action = "sponsors.manage"
	OwnGiving      Action = "sponsors.own"
	// Final reports (internal/reports): producing a closed campaign's
	// report (which reports the campaign and publishes its public page),
	// and reading or downloading a report produced.
	ProduceReport Action = "reports.produce"
	ViewReports   Action = "reports.view"

	// Letters (internal/letters): reading a campaign's letters and an
	// organisation's templates and letterhead, downloading the letters;
	// editing the templates and letterhead and running the letters.
	ViewLetters   Action = "letters.view"
	ManageLetters Action = "letters.manage"
	// Free courses (internal/courses): reading the catalogue and a
	// course's children (staff, within their scope); keeping courses,
	// enrolling children, sessions and attendance; a volunteer teacher's
	// own courses, which the service checks by the teacher's login.
	ViewCourses   Action = "courses.view"
	ManageCourses Action = "courses.manage"
	TeachCourses  Action = "courses.teach"

	// Out-of-school children (internal/outreach): reading the cases and
	// their funnel (staff within their scope), working them (contacts,
	// needs, referrals, enrolment, checks), and setting the deadlines of
	// the steps and flagging children (the out-of-school run).
	ViewOutreach   Action = "outreach.view"
	WorkOutreach   Action = "outreach.work"
	ManageOutreach Action = "outreach.manage"
	// The benefactors' association (internal/charities): reading the
	// charities (no child in them) and keeping them; a charity's staff
	// answering the referrals sent to their own charity, which the
	// service checks by the staff's organisation beside this rule.
	ViewCharities   Action = "charities.view"
	ManageCharities Action = "charities.manage"
	AnswerReferrals Action = "referrals.answer"
	// Duplicate review (internal/dedupe): reading the queue of likely
	// duplicate records and deciding its pairs (merge, or not the same
	// person), where both records lie in the reviewer's scope; starting
	// a scan of the registry.
	ReviewDuplicates Action = "duplicates.review"
	ScanDuplicates   Action = "duplicates.scan"
	// The out-of-school run (internal/oosrun): reading the imported
	// population and enrolment lists and the runs' results (the flagged
	// children within the reader's scope); starting a run, which flags
	// children into outreach as ManageOutreach does.
	ViewOutOfSchool Action = "oos.view"
	RunOutOfSchool  Action = "oos.run"
	// Mentoring (internal/mentoring): reading the mentors and the pool's
	// statistics (staff within their scope), keeping them (deciding
	// applications, profiles and vetting, the mentors' school), keeping
	// the installation's list of fields of expertise; a mentor's own
	// profile, which the service finds by the mentor's login.
	ViewMentors        Action = "mentors.view"
	ManageMentors      Action = "mentors.manage"
	ManageMentorFields Action = "mentors.fields"
	OwnMentorProfile   Action = "mentors.own"
	// Young people of the mentoring programme (internal/youth): reading
	// them (a minor's contacts stay masked but for the coordinators of
	// their branch), registering one (staff, an import, or the public
	// form's principal, an operator), and keeping their record (a
	// guardian's consent).
	ViewYouth     Action = "youth.view"
	RegisterYouth Action = "youth.register"
	ManageYouth   Action = "youth.manage"
	// Case championships (internal/championship): reading championships,
	// their teams and leaderboards (staff within their scope; a juror
	// reads the championship they sit on); organising them (rubric,
	// teams, cases, jury, states, any juror's scores); a juror with a
	// login entering their own scores (the service checks they sit on
	// the jury).
	ViewChampionships   Action = "championships.view"
	ManageChampionships Action = "championships.manage"
	ScoreChampionships  Action = "championships.score"
	// Debate tournaments (internal/tournament): reading a tournament, its
	// draws, ballots, standings and break (staff within their scope), and
	// running one (teams, judges, pairing, ballots, the break).
	ViewTournaments   Action = "tournaments.view"
	ManageTournaments Action = "tournaments.manage"
	// Strands and outcomes of the youth programme (internal/strands,
	// internal/outcomes): reading the activities, their participants and
	// the coverage report within one's scope; keeping the activities
	// (enrolment, sessions, attendance, progress); recording a young
	// person's outcome at the end of the programme.
	ViewStrands    Action = "strands.view"
	ManageStrands  Action = "strands.manage"
	ViewOutcomes   Action = "outcomes.view"
	RecordOutcomes Action = "outcomes.record"
	// The selection of young leaders (internal/selection): reading the
	// selections, their rankings and appeals (staff within their scope),
	// running them (scores, ranking, appeals, publishing), and keeping
	// the installation's table of macro-regions.
	ViewSelection      Action = "selection.view"
	ManageSelection    Action = "selection.manage"
	ManageMacroRegions Action = "selection.macro_regions"
	// Matching young people to mentors (internal/matching): reading the
	// runs and their proposals (staff within their scope), running the
	// matching and approving a minor's match (coordinators), and a
	// mentor's reply to their own proposals.
	ViewMatching  Action = "matching.view"
	RunMatching   Action = "matching.run"
	ReplyMatching Action = "matching.reply"
	// Mentorships (internal/mentorship): reading them and working them
	// (sessions, goals, completing or ending early) — staff within their
	// scope, a mentor their own, which the service checks by the mentor's
	// login; reporting a safeguarding concern about one; working the
	// concerns that reach a designated safeguarding lead (the service
	// checks the lead); designating the leads of organisations.
	ViewMentorships    Action = "mentorships.view"
	WorkMentorships    Action = "mentorships.work"
	ReportConcerns     Action = "safeguarding.report"
	WorkConcerns       Action = "safeguarding.work"
	ManageSafeguarding Action = "safeguarding.leads"
	// The Telegram bot (internal/bot): keeping the deep links printed on
	// posters (a campaign's, a region's, an event's, a youth
	// organisation's; staff within their scope), and linking one's own
	// Telegram chat to one's account with a one-time code; watching the
	// bot run and talking to it in the chat simulator (administrators).
	ManageBotLinks Action = "bot.links"
	LinkTelegram   Action = "bot.link_own"
	OperateBot     Action = "bot.operate"
)

// rule says who may do an action and whether the record must lie inside the
// principal's organisation and region subtrees.
type rule struct {
	roles  []Role
	scoped bool
}

var everyone = Roles()

// staff are the roles that work with children's records.
var staff = []Role{Admin, Coordinator, Operator, SchoolStaff, Outreach}

var rules = map[Action]rule{
	ViewHome:       {roles: everyone},
	ManageOwnToken: {roles: everyone},
	ViewOrgs:       {roles: []Role{Admin, Coordinator, Operator, SchoolStaff, Warehouse, Outreach, Auditor}, scoped: true},
	ManageOrgs:     {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewRegions:    {roles: []Role{Admin, Coordinator, Operator, SchoolStaff, Warehouse, Outreach, Volunteer, Mentor, Auditor}},
	ManageRegions:  {roles: []Role{Admin}},
	ManageUsers:    {roles: []Role{Admin}, scoped: true},
	ManageSettings: {roles: []Role{Admin}},
	ViewJobs:       {roles: []Role{Admin}},
	ViewAudit:      {roles: []Role{Admin, Auditor}}, // rows are filtered by scope in the query
	ViewChild:      {roles: append(staff[:len(staff):len(staff)], Auditor), scoped: true},
	EditChild:      {roles: staff, scoped: true},
	ViewRequests:   {roles: append(staff[:len(staff):len(staff)], Auditor), scoped: true},
	SubmitRequests: {roles: staff, scoped: true},
	DecideRequests: {roles: []Role{Admin, Coordinator, Operator}, scoped: true},

	ViewCampaigns:   {roles: []Role{Admin, Coordinator, Operator, SchoolStaff, Warehouse, Outreach, Auditor}, scoped: true},
	ManageCampaigns: {roles: []Role{Admin, Coordinator}, scoped: true},
	ManageCatalog:   {roles: []Role{Admin, Coordinator}},

	ViewAppeals:       {roles: []Role{Admin, Coordinator, Operator, Outreach, Auditor}, scoped: true},
	RecordAppeals:     {roles: []Role{Admin, Coordinator, Operator, Outreach}, scoped: true},
	ManageAppealRules: {roles: []Role{Admin}},
	ManageEligibility: {roles: []Role{Admin, Coordinator}, scoped: true},

	ViewStock:        {roles: []Role{Admin, Coordinator, Operator, Warehouse, Auditor}, scoped: true},
	MoveStock:        {roles: []Role{Admin, Coordinator, Warehouse}, scoped: true},
	ManageWarehouses: {roles: []Role{Admin, Coordinator}, scoped: true},

	ViewAllocation:   {roles: []Role{Admin, Coordinator, Operator, Warehouse, Auditor}, scoped: true},
	ManageAllocation: {roles: []Role{Admin, Coordinator}, scoped: true},
	HandOver:         {roles: []Role{Admin, Coordinator, Operator, Warehouse}, scoped: true},

	ViewDistribution:   {roles: []Role{Admin, Coordinator, Operator, Warehouse, Auditor}, scoped: true},
	RunDistribution:    {roles: []Role{Admin, Coordinator, Operator, Warehouse}, scoped: true},
	ViewDeliveries:     {roles: []Role{Admin, Coordinator, Operator, SchoolStaff, Warehouse, Auditor}, scoped: true},
	ManageDeliveries:   {roles: []Role{Admin, Coordinator}, scoped: true},
	DispatchDeliveries: {roles: []Role{Admin, Coordinator, Warehouse}, scoped: true},
	ConfirmDeliveries:  {roles: []Role{SchoolStaff}, scoped: true},

	ViewVolunteers:   {roles: []Role{Admin, Coordinator, Auditor}, scoped: true},
	ManageVolunteers: {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewTasks:        {roles: []Role{Admin, Coordinator, Operator, Warehouse, Auditor}, scoped: true},
	ManageTasks:      {roles: []Role{Admin, Coordinator}, scoped: true},
	WorkTasks:        {roles: []Role{Volunteer}},

	ViewDashboard:    {roles: []Role{Admin, Coordinator, Operator, SchoolStaff, Warehouse, Outreach, Auditor}, scoped: true},
	RefreshDashboard: {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewLetters:      {roles: []Role{Admin, Coordinator, Auditor}, scoped: true},
	ManageLetters:    {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewSponsors:     {roles: []Role{Admin, Coordinator, Auditor}, scoped: true},
	ManageSponsors:   {roles: []Role{Admin, Coordinator}, scoped: true},
	OwnGiving:        {roles: []Role{Sponsor}},
	ProduceReport:    {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewReports:      {roles: []Role{Admin, Coordinator, Auditor}, scoped: true},
	ViewCourses:      {roles: []Role{Admin, Coordinator, Operator, SchoolStaff, Outreach, Auditor}, scoped: true},
	ManageCourses:    {roles: []Role{Admin, Coordinator}, scoped: true},
	TeachCourses:     {roles: []Role{Volunteer}},
	ViewOutreach:     {roles: []Role{Admin, Coordinator, Outreach, Auditor}, scoped: true},
	WorkOutreach:     {roles: []Role{Admin, Coordinator, Outreach}, scoped: true},
	ManageOutreach:   {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewCharities:    {roles: []Role{Admin, Coordinator, Outreach, Auditor}},
	ManageCharities:  {roles: []Role{Admin, Coordinator}},
	AnswerReferrals:  {roles: []Role{Charity}},
	ReviewDuplicates: {roles: []Role{Admin, Coordinator}, scoped: true},
	ScanDuplicates:   {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewOutOfSchool:  {roles: []Role{Admin, Coordinator, Outreach, Auditor}, scoped: true},
	RunOutOfSchool:   {roles: []Role{Admin, Coordinator}, scoped: true},

	ViewMentors:        {roles: []Role{Admin, Coordinator, Auditor}, scoped: true},
	ManageMentors:      {roles: []Role{Admin, Coordinator}, scoped: true},
	ManageMentorFields: {roles: []Role{Admin, Coordinator}},
	OwnMentorProfile:   {roles: []Role{Mentor}},
	ViewYouth:          {roles: []Role{Admin, Coordinator, Operator, Auditor}, scoped: true},
	RegisterYouth:      {roles: []Role{Admin, Coordinator, Operator}, scoped: true},
	ManageYouth:        {roles: []Role{Admin, Coordinator}, scoped: true},

	ViewChampionships:   {roles: []Role{Admin, Coordinator, Operator, Auditor}, scoped: true},
	ManageChampionships: {roles: []Role{Admin, Coordinator}, scoped: true},
	ScoreChampionships:  {roles: []Role{Admin, Coordinator, Operator, Outreach, Volunteer, Mentor}},
	ViewTournaments:     {roles: []Role{Admin, Coordinator, Operator, Auditor}, scoped: true},
	ManageTournaments:   {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewStrands:         {roles: []Role{Admin, Coordinator, Operator, Auditor}, scoped: true},
	ManageStrands:       {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewOutcomes:        {roles: []Role{Admin, Coordinator, Auditor}, scoped: true},
	RecordOutcomes:      {roles: []Role{Admin, Coordinator}, scoped: true},
	ViewSelection:       {roles: []Role{Admin, Coordinator, Auditor}, scoped: true},
	ManageSelection:     {roles: []Role{Admin, Coordinator}, scoped: true},
	ManageMacroRegions:  {roles: []Role{Admin}},
	ViewMatching:        {roles: []Role{Admin, Coordinator, Auditor}, scoped: true},
	RunMatching:         {roles: []Role{Admin, Coordinator}, scoped: true},
	ReplyMatching:       {roles: []Role{Mentor}},
	ViewMentorships:     {roles: []Role{Admin, Coordinator, Mentor, Auditor}, scoped: true},
	WorkMentorships:     {roles: []Role{Admin, Coordinator, Mentor}, scoped: true},
	ReportConcerns:      {roles: []Role{Admin, Coordinator, Mentor, Auditor}, scoped: true},
	WorkConcerns:        {roles: []Role{Admin, Coordinator}},
	ManageSafeguarding:  {roles: []Role{Admin, Coordinator}, scoped: true},
	ManageBotLinks:      {roles: []Role{Admin, Coordinator}, scoped: true},
	LinkTelegram:        {roles: everyone},
	OperateBot:          {roles: []Role{Admin}},
}

// Actions lists every action the policy knows.
func Actions() []Action {
	out := make([]Action, 0, len(rules))
	for a := range rules {
		out = append(out, a)
	}
	return out
}

// RolesFor lists the roles the policy lets do action a (within their
// scope, for a scoped action), in the order of Roles; none for an unknown
// action. It is for finding the users who may do it: each found is still
// checked with Can.
func RolesFor(a Action) []Role {
	r, ok := rules[a]
	if !ok {
		return nil
	}
	var out []Role
	for _, role := range Roles() {
		if hasRole(r.roles, role) {
			out = append(out, role)
		}
	}
	return out
}

// Can returns nil when p may do action a on a record with scope t, and a
// Forbidden domain error otherwise. Unknown actions are always denied.
func Can(p Principal, a Action, t Target) error {
	r, ok := rules[a]
	if !ok || !hasRole(r.roles, p.Role) {
		return errs.New(errs.Forbidden, "error.forbidden")
	}
	if r.scoped && !Within(p, t) {
		return errs.New(errs.Forbidden, "error.forbidden")
	}
	return nil
}

// Allowed reports whether p may do a somewhere within their own scope: the
// check for opening a page or showing a menu entry. Each record the page
// then touches is checked with Can, and list queries filter by scope.
func Allowed(p Principal, a Action) bool { return Can(p, a, p.Scope()) == nil }

// Within reports whether a record with scope t lies inside p's organisation
// and region subtrees. An empty path on the record side means the record is
// not bound on that axis, which only an unscoped principal may touch.
func Within(p Principal, t Target) bool {
	return under(t.OrgPath, p.OrgPath) && under(t.RegionPath, p.RegionPath)
}

func under(path, scope string) bool {
	if scope == "" {
		return true
	}
	return path != "" && strings.HasPrefix(path, scope)
}

func hasRole(rs []Role, r Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
