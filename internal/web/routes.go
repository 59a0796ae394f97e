package web

import (
	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/web/admin"
	"github.com/jolproject/jol/internal/web/aftercare"
	"github.com/jolproject/jol/internal/web/allocation"
	botweb "github.com/jolproject/jol/internal/web/bot"
	"github.com/jolproject/jol/internal/web/campaigns"
	"github.com/jolproject/jol/internal/web/championship"
	"github.com/jolproject/jol/internal/web/dashboard"
	"github.com/jolproject/jol/internal/web/deliveries"
	"github.com/jolproject/jol/internal/web/desk"
	"github.com/jolproject/jol/internal/web/distribution"
	"github.com/jolproject/jol/internal/web/duplicates"
	"github.com/jolproject/jol/internal/web/guidance"
	"github.com/jolproject/jol/internal/web/importing"
	"github.com/jolproject/jol/internal/web/kit"
	"github.com/jolproject/jol/internal/web/letters"
	"github.com/jolproject/jol/internal/web/matching"
	"github.com/jolproject/jol/internal/web/mentors"
	"github.com/jolproject/jol/internal/web/mentorship"
	"github.com/jolproject/jol/internal/web/outofschool"
	"github.com/jolproject/jol/internal/web/outreach"
	"github.com/jolproject/jol/internal/web/public"
	"github.com/jolproject/jol/internal/web/registry"
	"github.com/jolproject/jol/internal/web/reports"
	"github.com/jolproject/jol/internal/web/requests"
	selectionweb "github.com/jolproject/jol/internal/web/selection"
	"github.com/jolproject/jol/internal/web/sponsors"
	"github.com/jolproject/jol/internal/web/stock"
	"github.com/jolproject/jol/internal/web/strands"
	"github.com/jolproject/jol/internal/web/tournament"
	"github.com/jolproject/jol/internal/web/volunteering"
	"github.com/jolproject/jol/internal/web/youth"
)

// rooms are the pages of each domain, one package each; a new domain adds
// its room here and its routes to the table below.
type rooms struct {
	registry  *registry.Server
	guidance  *guidance.Server
	importing *importing.Server
	requests  *requests.Server
	campaigns *campaigns.Server
	desk      *desk.Server
	admin     *admin.Server
	public    *public.Server
	stock     *stock.Server
	alloc     *allocation.Server
	dist      *distribution.Server
	delivery  *deliveries.Server
	aftercare *aftercare.Server
	letters   *letters.Server
	sponsors  *sponsors.Server
	dashboard *dashboard.Server
	reports   *reports.Server
	vol       *volunteering.Server
	outreach  *outreach.Server
	dups      *duplicates.Server
	oos       *outofschool.Server
	mentors   *mentors.Server
	champ     *championship.Server
	tour      *tournament.Server
	youth     *youth.Server
	strands   *strands.Server
	sel       *selectionweb.Server
	matching  *matching.Server
	ships     *mentorship.Server
	bot       *botweb.Server
}

// build builds every room on the kernel k and the services.
func (r *rooms) build(k *kit.Kit, svc *services.Services) error {
	var err error
	if r.guidance, err = guidance.New(k, svc); err != nil {
		return err
	}
	if r.registry, err = registry.New(k, svc, r.guidance); err != nil {
		return err
	}
	if r.importing, err = importing.New(k, svc); err != nil {
		return err
	}
	if r.requests, err = requests.New(k, svc); err != nil {
		return err
	}
	if r.public, err = public.New(k, svc); err != nil {
		return err
	}
	if r.campaigns, err = campaigns.New(k, svc); err != nil {
		return err
	}
	if r.desk, err = desk.New(k, svc); err != nil {
		return err
	}
	if r.stock, err = stock.New(k, svc); err != nil {
		return err
	}
	if r.alloc, err = allocation.New(k, svc); err != nil {
		return err
	}
	if r.dist, err = distribution.New(k, svc); err != nil {
		return err
	}
	if r.delivery, err = deliveries.New(k, svc); err != nil {
		return err
	}
	if r.aftercare, err = aftercare.New(k, svc); err != nil {
		return err
	}
	if r.letters, err = letters.New(k, svc); err != nil {
		return err
	}
	if r.sponsors, err = sponsors.New(k, svc); err != nil {
		return err
	}
	if r.dashboard, err = dashboard.New(k, svc); err != nil {
		return err
	}
	if r.reports, err = reports.New(k, svc); err != nil {
		return err
	}
	if r.vol, err = volunteering.New(k, svc); err != nil {
		return err
	}
	if r.outreach, err = outreach.New(k, svc); err != nil {
		return err
	}
	if r.dups, err = duplicates.New(k, svc); err != nil {
		return err
	}
	if r.oos, err = outofschool.New(k, svc); err != nil {
		return err
	}
	if r.mentors, err = mentors.New(k, svc); err != nil {
		return err
	}
	if r.champ, err = championship.New(k, svc); err != nil {
		return err
	}
	if r.tour, err = tournament.New(k, svc); err != nil {
		return err
	}
	if r.youth, err = youth.New(k, svc); err != nil {
		return err
	}
	if r.strands, err = strands.New(k, svc); err != nil {
		return err
	}
	if r.sel, err = selectionweb.New(k, svc); err != nil {
		return err
	}
	if r.matching, err = matching.New(k, svc); err != nil {
		return err
	}
	if r.ships, err = mentorship.New(k, svc); err != nil {
		return err
	}
	if r.bot, err = botweb.New(k, svc); err != nil {
		return err
	}
	r.admin, err = admin.New(k, svc)
	return err
}

// routes is the whole web surface in one table: method, path, the action a
// caller must be allowed, and the handler, which is the root's own (login,
// setup, home) or a room's. The authorization test walks this table for
// every role. Every route but an upload takes kit.MaxFormBytes at most.
func (s *Server) routes() []route {
	reg, gd, imp, adm := s.rooms.registry, s.rooms.guidance, s.rooms.importing, s.rooms.admin
	rqs, pub, cmp, dk := s.rooms.requests, s.rooms.public, s.rooms.campaigns, s.rooms.desk
	stk, alc, dst := s.rooms.stock, s.rooms.alloc, s.rooms.dist
	dlv, ac, sp, dsh, rpt := s.rooms.delivery, s.rooms.aftercare, s.rooms.sponsors, s.rooms.dashboard, s.rooms.reports
	vol, out, dup, oos := s.rooms.vol, s.rooms.outreach, s.rooms.dups, s.rooms.oos
	mnt := s.rooms.mentors
	tour := s.rooms.tour
	sel := s.rooms.sel
	return []route{
		{"GET", "/login", "", s.loginForm, 0},
		{"POST", "/login", "", s.login, 0},
		{"POST", "/logout", "", s.logout, 0},
		{"POST", "/locale", "", s.setLocale, 0},
		{"GET", "/setup", "", s.setupForm, 0},
		{"POST", "/setup", "", s.setup, 0},
		{"GET", "/{$}", access.ViewHome, s.home, 0},

		// The public pages: no login; nothing they show is a record's.
		// Their posts take public.MaxBody, a few form fields, at most.
		{"GET", "/c/{slug}/apply", "", pub.ApplyForm, 0},
		{"POST", "/c/{slug}/apply", "", pub.Apply, public.MaxBody},
		{"GET", "/status", "", pub.StatusForm, 0},
		{"POST", "/status", "", pub.StatusLookUp, public.MaxBody},

		{"GET", "/admin/users", access.ManageUsers, adm.Users, 0},
		{"GET", "/admin/users/new", access.ManageUsers, adm.UserNew, 0},
		{"POST", "/admin/users", access.ManageUsers, adm.UserCreate, 0},
		{"GET", "/admin/users/{id}", access.ManageUsers, adm.User, 0},
		{"POST", "/admin/users/{id}", access.ManageUsers, adm.UserUpdate, 0},
		{"POST", "/admin/users/{id}/password", access.ManageUsers, adm.UserPassword, 0},

		// The Telegram bot: deep links and their QR codes (staff within
		// their scope), and linking one's own chat with a one-time code.
		{"GET", "/bot/links", access.ManageBotLinks, s.rooms.bot.Links, 0},
		{"POST", "/bot/links", access.ManageBotLinks, s.rooms.bot.LinkCreate, 0},
		{"GET", "/bot/links/{id}", access.ManageBotLinks, s.rooms.bot.Link, 0},
		{"GET", "/bot/links/{id}/qr.png", access.ManageBotLinks, s.rooms.bot.QRPNG, 0},
		{"GET", "/bot/links/{id}/qr.svg", access.ManageBotLinks, s.rooms.bot.QRSVG, 0},
		{"POST", "/bot/links/{id}/disable", access.ManageBotLinks, s.rooms.bot.LinkDisable, 0},
		{"GET", "/my/telegram", access.LinkTelegram, s.rooms.bot.Telegram, 0},
		{"POST", "/my/telegram/code", access.LinkTelegram, s.rooms.bot.TelegramCode, 0},
		{"POST", "/my/telegram/unlink", access.LinkTelegram, s.rooms.bot.TelegramUnlink, 0},
		{"GET", "/admin/bot", access.OperateBot, s.rooms.bot.Ops, 0},
		{"GET", "/admin/bot/chat", access.OperateBot, s.rooms.bot.Simulator, 0},
		{"POST", "/admin/bot/chat", access.OperateBot, s.rooms.bot.SimulatorPost, 0},
		{"POST", "/admin/bot/chat/restart", access.OperateBot, s.rooms.bot.SimulatorRestart, 0},

		{"GET", "/tokens", access.ManageOwnToken, adm.Tokens, 0},
		{"POST", "/tokens", access.ManageOwnToken, adm.TokenCreate, 0},
		{"POST", "/tokens/{id}/revoke", access.ManageOwnToken, adm.TokenRevoke, 0},

		{"GET", "/organisations", access.ViewOrgs, adm.OrgList, 0},
		{"GET", "/organisations/new", access.ManageOrgs, adm.OrgNew, 0},
		{"POST", "/organisations", access.ManageOrgs, adm.OrgCreate, 0},
		{"GET", "/organisations/{id}", access.ViewOrgs, adm.Org, 0},
		{"POST", "/organisations/{id}", access.ManageOrgs, adm.OrgUpdate, 0},

		{"GET", "/people", access.ViewChild, reg.PeopleList, 0},
		{"GET", "/people/export.csv", access.ViewChild, reg.PeopleExportCSV, 0},
		{"GET", "/people/export.xlsx", access.ViewChild, reg.PeopleExportXLSX, 0},
		{"GET", "/people/new", access.EditChild, reg.PersonNew, 0},
		{"POST", "/people", access.EditChild, reg.PersonCreate, 0},
		{"GET", "/people/{id}", access.ViewChild, reg.Person, 0},
		{"GET", "/people/{id}/edit", access.EditChild, reg.PersonEdit, 0},
		{"POST", "/people/{id}", access.EditChild, reg.PersonUpdate, 0},
		{"POST", "/people/{id}/consents", access.EditChild, reg.ConsentGive, 0},
		{"POST", "/people/{id}/consents/{purpose}/withdraw", access.EditChild, reg.ConsentWithdraw, 0},
		{"POST", "/people/{id}/categories", access.EditChild, reg.CategoryAssign, 0},
		{"POST", "/people/{id}/categories/{code}/remove", access.EditChild, reg.CategoryRemove, 0},
		{"POST", "/people/{id}/assessments", access.EditChild, gd.AssessmentRecord, 0},
		{"GET", "/people/{id}/photo", access.ViewChild, reg.Photo, 0},
		{"GET", "/people/{id}/photo/edit", access.EditChild, reg.PhotoEdit, 0},
		{"POST", "/people/{id}/photo", access.EditChild, reg.PhotoUpload, kit.MaxUploadBytes},
		{"POST", "/people/{id}/photo/remove", access.EditChild, reg.PhotoRemove, 0},
		{"GET", "/people/{id}/guardians", access.EditChild, reg.Guardians, 0},
		{"POST", "/people/{id}/guardians", access.EditChild, reg.GuardianAdd, 0},
		{"POST", "/people/{id}/guardians/{guardian}/remove", access.EditChild, reg.GuardianRemove, 0},
		{"GET", "/people/{id}/merge", access.EditChild, reg.MergeForm, 0},
		{"POST", "/people/{id}/merge", access.EditChild, reg.PersonMerge, 0},
		// Undoing a merge is for administrators: the handler refuses others.
		{"POST", "/people/{id}/merges/{merge}/undo", access.EditChild, reg.MergeUndo, 0},

		// The duplicate queue: both records of a pair must be in the
		// reviewer's scope, which the service checks.
		{"GET", "/duplicates", access.ReviewDuplicates, dup.Queue, 0},
		{"POST", "/duplicates/scan", access.ScanDuplicates, dup.Scan, 0},
		{"GET", "/duplicates/{id}", access.ReviewDuplicates, dup.Pair, 0},
		{"POST", "/duplicates/{id}/merge", access.ReviewDuplicates, dup.Merge, 0},
		{"POST", "/duplicates/{id}/distinct", access.ReviewDuplicates, dup.Distinct, 0},

		// The out-of-school run: a run is read within the organisation of
		// its population list, its children within the reader's scope,
		// which the service checks.
		{"GET", "/mentorships", access.ViewMentorships, s.rooms.ships.List, 0},
		{"GET", "/mentorships/activity", access.ViewMentors, s.rooms.ships.Activity, 0},
		{"GET", "/mentorships/{id}", access.ViewMentorships, s.rooms.ships.Mentorship, 0},
		{"POST", "/mentorships/{id}/sessions", access.WorkMentorships, s.rooms.ships.LogSession, 0},
		{"POST", "/mentorships/{id}/sessions/{session}/feedback", access.WorkMentorships, s.rooms.ships.GiveFeedback, 0},
		{"POST", "/mentorships/{id}/goals", access.WorkMentorships, s.rooms.ships.AddGoal, 0},
		{"POST", "/mentorships/{id}/goals/{goal}", access.WorkMentorships, s.rooms.ships.UpdateGoal, 0},
		{"POST", "/mentorships/{id}/concerns", access.ReportConcerns, s.rooms.ships.ReportConcern, 0},
		{"POST", "/mentorships/{id}/end", access.WorkMentorships, s.rooms.ships.End, 0},
		{"GET", "/safeguarding", access.WorkConcerns, s.rooms.ships.Concerns, 0},
		{"POST", "/safeguarding/leads", access.ManageSafeguarding, s.rooms.ships.SetLead, 0},
		{"GET", "/safeguarding/{id}", access.WorkConcerns, s.rooms.ships.Concern, 0},
		{"POST", "/safeguarding/{id}", access.WorkConcerns, s.rooms.ships.WorkConcern, 0},

		{"GET", "/out-of-school", access.ViewOutOfSchool, oos.Runs, 0},
		{"GET", "/out-of-school/new", access.RunOutOfSchool, oos.New, 0},
		{"POST", "/out-of-school", access.RunOutOfSchool, oos.Start, 0},
		{"GET", "/out-of-school/{id}", access.ViewOutOfSchool, oos.Run, 0},
		{"GET", "/out-of-school/{id}/children/{person}", access.ViewOutOfSchool, oos.Child, 0},
		// Case championships: staff of the scope read them, organisers
		// open them, register teams and jurors and move them on; the
		// scoring form is also a juror's with a login, whom the service
		// checks against the jury.
		{"GET", "/championships", access.ViewChampionships, s.rooms.champ.List, 0},
		{"GET", "/championships/new", access.ManageChampionships, s.rooms.champ.NewForm, 0},
		{"POST", "/championships", access.ManageChampionships, s.rooms.champ.Create, 0},
		{"GET", "/championships/{id}", access.ViewChampionships, s.rooms.champ.Show, 0},
		{"POST", "/championships/{id}/state", access.ManageChampionships, s.rooms.champ.SetState, 0},
		{"POST", "/championships/{id}/teams", access.ManageChampionships, s.rooms.champ.RegisterTeam, 0},
		{"POST", "/championships/{id}/jurors", access.ManageChampionships, s.rooms.champ.AddJuror, 0},
		{"GET", "/championships/{id}/score", access.ScoreChampionships, s.rooms.champ.ScoreForm, 0},
		{"POST", "/championships/{id}/score", access.ScoreChampionships, s.rooms.champ.Score, 0},
		{"GET", "/championship-teams/{id}", access.ViewChampionships, s.rooms.champ.Team, 0},
		{"GET", "/my/juries", access.ScoreChampionships, s.rooms.champ.Juries, 0},
		{"POST", "/championship-teams/{id}/cases", access.ManageChampionships, s.rooms.champ.AddCase, 0},

		// Debate tournaments: a tournament is read and run within its
		// organisation and region, which the service checks.
		{"GET", "/tournaments", access.ViewTournaments, tour.List, 0},
		{"GET", "/tournaments/new", access.ManageTournaments, tour.NewForm, 0},
		{"POST", "/tournaments", access.ManageTournaments, tour.Create, 0},
		{"GET", "/tournaments/{id}", access.ViewTournaments, tour.Show, 0},
		{"POST", "/tournaments/{id}/teams", access.ManageTournaments, tour.AddTeam, 0},
		{"POST", "/tournaments/{id}/judges", access.ManageTournaments, tour.AddJudge, 0},
		{"POST", "/tournaments/{id}/rounds", access.ManageTournaments, tour.Pair, 0},
		{"POST", "/tournaments/{id}/break", access.ManageTournaments, tour.Break, 0},
		{"GET", "/tournaments/{id}/standings", access.ViewTournaments, tour.Standings, 0},
		{"GET", "/tournaments/{id}/rounds/{round}", access.ViewTournaments, tour.Round, 0},
		{"POST", "/tournaments/{id}/rounds/{round}/publish", access.ManageTournaments, tour.Publish, 0},
		{"POST", "/tournaments/{id}/rounds/{round}/debates/{debate}/ballot", access.ManageTournaments, tour.Ballot, 0},

		{"GET", "/activities", access.ViewStrands, s.rooms.strands.Activities, 0},
		{"GET", "/activities/new", access.ManageStrands, s.rooms.strands.NewActivity, 0},
		{"POST", "/activities", access.ManageStrands, s.rooms.strands.CreateActivity, 0},
		{"GET", "/activities/{id}", access.ViewStrands, s.rooms.strands.Activity, 0},
		{"POST", "/activities/{id}/enrol", access.ManageStrands, s.rooms.strands.Enrol, 0},
		{"POST", "/activities/{id}/sessions", access.ManageStrands, s.rooms.strands.AddSession, 0},
		{"POST", "/activities/{id}/progress", access.ManageStrands, s.rooms.strands.Progress, 0},
		{"GET", "/activity-sessions/{id}", access.ViewStrands, s.rooms.strands.Session, 0},
		{"POST", "/activity-sessions/{id}", access.ManageStrands, s.rooms.strands.Attendance, 0},
		{"GET", "/coverage", access.ViewOutcomes, s.rooms.strands.Coverage, 0},
		{"GET", "/coverage/export", access.ViewOutcomes, s.rooms.strands.CoverageExport, 0},
		{"GET", "/outcomes/{id}", access.ViewOutcomes, s.rooms.strands.Outcome, 0},
		{"POST", "/outcomes/{id}", access.RecordOutcomes, s.rooms.strands.SetOutcome, 0},
		{"GET", "/matching", access.ViewMatching, s.rooms.matching.Runs, 0},
		{"GET", "/matching/new", access.RunMatching, s.rooms.matching.New, 0},
		{"POST", "/matching", access.RunMatching, s.rooms.matching.Start, 0},
		{"GET", "/matching/{id}", access.ViewMatching, s.rooms.matching.Run, 0},
		{"POST", "/matching/proposals/{id}/approve", access.RunMatching, s.rooms.matching.Approve, 0},
		{"GET", "/my-proposals", access.ReplyMatching, s.rooms.matching.Mine, 0},
		{"POST", "/my-proposals/{id}/accept", access.ReplyMatching, s.rooms.matching.Accept, 0},
		{"POST", "/my-proposals/{id}/decline", access.ReplyMatching, s.rooms.matching.Decline, 0},

		{"GET", "/assessments", access.ViewChild, gd.AssessmentList, 0},
		{"GET", "/places", access.ViewChild, gd.Places, 0},
		{"POST", "/places", access.EditChild, gd.OfferCreate, 0},
		{"GET", "/places/{id}", access.ViewChild, gd.Offer, 0},
		{"POST", "/places/{id}/placements", access.EditChild, gd.PlaceChild, 0},
		{"POST", "/places/{id}/placements/{placement}/outcome", access.EditChild, gd.PlacementOutcome, 0},

		{"GET", "/requests", access.ViewRequests, rqs.List, 0},
		{"GET", "/requests/{id}", access.ViewRequests, rqs.Request, 0},
		{"POST", "/requests/{id}/transitions", access.DecideRequests, rqs.Transition, 0},
		{"POST", "/requests/{id}/reviewer", access.DecideRequests, rqs.Review, 0},
		{"POST", "/requests/{id}/evaluate", access.EditChild, rqs.Evaluate, 0},
		{"POST", "/requests/{id}/comments", access.SubmitRequests, rqs.Comment, 0},
		{"POST", "/requests/{id}/documents", access.SubmitRequests, rqs.Attach, requests.MaxUploadBytes},
		{"GET", "/requests/{id}/documents/{doc}", access.ViewRequests, rqs.Document, 0},
		{"GET", "/people/{id}/requests/new", access.SubmitRequests, rqs.NewRequest, 0},
		{"POST", "/people/{id}/requests", access.SubmitRequests, rqs.CreateRequest, 0},
		{"GET", "/desk", access.ViewAppeals, dk.Queue, 0},
		{"GET", "/desk/new", access.RecordAppeals, dk.AppealNew, 0},
		{"POST", "/desk", access.RecordAppeals, dk.AppealCreate, 0},
		{"GET", "/desk/stats", access.ViewAppeals, dk.Stats, 0},
		{"GET", "/desk/rules", access.ManageAppealRules, dk.Rules, 0},
		{"POST", "/desk/rules/deadlines", access.ManageAppealRules, dk.DeadlinesSave, 0},
		{"POST", "/desk/rules/days", access.ManageAppealRules, dk.CalendarDaySave, 0},
		{"POST", "/desk/rules/days/remove", access.ManageAppealRules, dk.CalendarDayRemove, 0},
		{"GET", "/desk/{id}", access.ViewAppeals, dk.Appeal, 0},
		{"POST", "/desk/{id}/answer", access.RecordAppeals, dk.AppealAnswer, 0},
		{"POST", "/desk/{id}/close", access.RecordAppeals, dk.AppealClose, 0},
		{"POST", "/desk/{id}/take", access.RecordAppeals, dk.AppealTake, 0},
		{"POST", "/desk/{id}/assignee", access.RecordAppeals, dk.AppealAssign, 0},
		{"POST", "/desk/{id}/links", access.RecordAppeals, dk.AppealLink, 0},

		{"GET", "/imports", access.EditChild, imp.ImportList, 0},
		{"GET", "/imports/new", access.EditChild, imp.ImportNew, 0},
		{"POST", "/imports", access.EditChild, imp.ImportUpload, importing.MaxListUploadBytes},
		{"GET", "/imports/{id}", access.EditChild, imp.ImportPreview, 0},
		{"POST", "/imports/{id}/template", access.EditChild, imp.ImportTemplateSave, 0},
		{"POST", "/imports/{id}/runs", access.EditChild, imp.ImportStart, 0},
		{"POST", "/imports/{id}/schools", access.EditChild, imp.ImportSchoolsCreate, 0},
		{"POST", "/imports/{id}/campaign", access.SubmitRequests, imp.ImportCampaignSet, 0},
		{"GET", "/imports/{id}/runs/{run}", access.EditChild, imp.ImportRun, 0},
		{"GET", "/imports/{id}/runs/{run}/errors.csv", access.EditChild, imp.ImportErrorsCSV, 0},
		{"GET", "/imports/{id}/runs/{run}/errors.xlsx", access.EditChild, imp.ImportErrorsXLSX, 0},

		{"GET", "/households", access.ViewChild, reg.HouseholdList, 0},
		{"GET", "/households/new", access.EditChild, reg.HouseholdNew, 0},
		{"POST", "/households", access.EditChild, reg.HouseholdCreate, 0},
		{"GET", "/households/{id}", access.ViewChild, reg.Household, 0},
		{"GET", "/households/{id}/edit", access.EditChild, reg.HouseholdEdit, 0},
		{"POST", "/households/{id}", access.EditChild, reg.HouseholdUpdate, 0},
		{"POST", "/households/{id}/members", access.EditChild, reg.MemberAdd, 0},
		{"POST", "/households/{id}/members/{person}/remove", access.EditChild, reg.MemberRemove, 0},
		{"POST", "/households/{id}/head", access.EditChild, reg.HeadSet, 0},

		{"GET", "/campaigns", access.ViewCampaigns, cmp.Campaigns, 0},
		{"GET", "/campaigns/new", access.ManageCampaigns, cmp.CampaignNew, 0},
		{"POST", "/campaigns", access.ManageCampaigns, cmp.CampaignCreate, 0},
		{"GET", "/campaigns/{id}", access.ViewCampaigns, cmp.Campaign, 0},
		{"GET", "/campaigns/{id}/edit", access.ManageCampaigns, cmp.CampaignEdit, 0},
		{"POST", "/campaigns/{id}", access.ManageCampaigns, cmp.CampaignUpdate, 0},
		{"POST", "/campaigns/{id}/status", access.ManageCampaigns, cmp.CampaignStatus, 0},
		{"GET", "/campaigns/{id}/rules", access.ViewCampaigns, cmp.Rules, 0},
		{"POST", "/campaigns/{id}/rules", access.ManageEligibility, cmp.SaveRules, 0},
		{"POST", "/campaigns/{id}/rescore", access.ManageEligibility, cmp.Rescore, 0},
		{"GET", "/campaigns/{id}/allocation", access.ViewAllocation, alc.Allocation, 0},
		{"POST", "/campaigns/{id}/allocation/dry-run", access.ManageAllocation, alc.DryRun, 0},
		{"POST", "/campaigns/{id}/allocation/commit", access.ManageAllocation, alc.Commit, 0},
		{"POST", "/campaigns/{id}/allocation/waitlist", access.ManageAllocation, alc.Waitlist, 0},
		{"POST", "/campaigns/{id}/allocation/quotas", access.ManageAllocation, alc.QuotaSave, 0},
		{"POST", "/campaigns/{id}/allocation/quotas/{quota}/remove", access.ManageAllocation, alc.QuotaRemove, 0},
		{"POST", "/campaigns/{id}/allocation/routes", access.ManageAllocation, alc.RouteSave, 0},
		{"POST", "/campaigns/{id}/allocation/routes/remove", access.ManageAllocation, alc.RouteRemove, 0},
		{"GET", "/campaigns/{id}/allocation/runs/{run}", access.ViewAllocation, alc.Run, 0},

		{"GET", "/campaigns/{id}/letters", access.ViewLetters, s.rooms.letters.Letters, 0},
		{"POST", "/campaigns/{id}/letters/run", access.ManageLetters, s.rooms.letters.Run, 0},
		{"GET", "/campaigns/{id}/letters/{letter}/pdf", access.ViewLetters, s.rooms.letters.Letter, 0},
		{"GET", "/campaigns/{id}/letters/runs/{run}/pdf", access.ViewLetters, s.rooms.letters.Combined, 0},
		{"GET", "/letters/templates", access.ViewLetters, s.rooms.letters.Templates, 0},
		{"POST", "/letters/templates", access.ManageLetters, s.rooms.letters.SaveTemplate, 0},
		{"POST", "/letters/letterhead", access.ManageLetters, s.rooms.letters.SaveLetterhead, 0},
		{"GET", "/catalogue", access.ViewCampaigns, cmp.Catalogue, 0},
		{"GET", "/catalogue/new", access.ManageCatalog, cmp.ItemNew, 0},
		{"POST", "/catalogue", access.ManageCatalog, cmp.ItemCreate, 0},
		{"GET", "/catalogue/{id}", access.ViewCampaigns, cmp.Item, 0},
		{"POST", "/catalogue/{id}", access.ManageCatalog, cmp.ItemUpdate, 0},
		// A campaign's public page, for families: no login, aggregates only.
		{"GET", "/c/{slug}", "", cmp.Public, 0},
		// A reported campaign's public results: aggregates only, small
		// counts hidden (internal/suppress).
		{"GET", "/c/{slug}/report", "", rpt.Public, 0},

		// Warehouses and the stock ledger. A movement's post of
		// stock.MaxSerials serial numbers of stock.MaxSerial characters
		// fits in kit.MaxFormBytes.
		{"GET", "/warehouses", access.ViewStock, stk.Warehouses, 0},
		{"POST", "/warehouses", access.ManageWarehouses, stk.WarehouseCreate, 0},
		{"GET", "/warehouses/{id}", access.ViewStock, stk.Warehouse, 0},
		{"POST", "/warehouses/{id}", access.ManageWarehouses, stk.WarehouseUpdate, 0},
		{"GET", "/warehouses/{id}/movements", access.ViewStock, stk.History, 0},
		{"GET", "/warehouses/{id}/movements/new", access.MoveStock, stk.MovementForm, 0},
		{"POST", "/warehouses/{id}/movements", access.MoveStock, stk.MovementCreate, 0},
		{"GET", "/warehouses/{id}/devices", access.ViewStock, stk.Devices, 0},
		{"GET", "/stock/docs/{id}", access.ViewStock, stk.DocPage, 0},
		{"POST", "/stock/docs/{id}/receive", access.MoveStock, stk.Receive, 0},
		{"POST", "/stock/docs/{id}/return", access.MoveStock, stk.Return, 0},
		{"GET", "/donors", access.ViewStock, stk.Donors, 0},
		{"POST", "/donors", access.MoveStock, stk.DonorCreate, 0},
		{"GET", "/donors/{id}", access.ViewStock, stk.Donor, 0},
		{"POST", "/donors/{id}", access.MoveStock, stk.DonorUpdate, 0},

		// Distribution days. The handover's post carries a signature of
		// distribution.MaxSignature bytes as a data URL, within
		// kit.MaxFormBytes; a return is a stock move.
		{"GET", "/distribution", access.ViewDistribution, dst.Events, 0},
		{"POST", "/distribution", access.RunDistribution, dst.EventCreate, 0},
		{"GET", "/distribution/{id}", access.ViewDistribution, dst.Event, 0},
		{"POST", "/distribution/{id}", access.RunDistribution, dst.EventUpdate, 0},
		{"POST", "/distribution/{id}/status", access.RunDistribution, dst.EventStatus, 0},
		{"POST", "/distribution/{id}/lines", access.RunDistribution, dst.Assign, 0},
		{"POST", "/distribution/{id}/lines/remove", access.RunDistribution, dst.Unassign, 0},
		{"GET", "/distribution/{id}/list", access.ViewDistribution, dst.List, 0},
		{"GET", "/distribution/{id}/list.xlsx", access.ViewDistribution, dst.ListXLSX, 0},
		{"GET", "/distribution/{id}/handover", access.ViewDistribution, dst.Handover, 0},
		{"POST", "/distribution/{id}/handover", access.RunDistribution, dst.HandoverPost, 0},
		{"POST", "/distribution/{id}/code", access.RunDistribution, dst.SendCode, 0},
		{"POST", "/distribution/{id}/photos", access.RunDistribution, dst.PhotoUpload, distribution.MaxPhotoBytes},
		{"GET", "/distribution/{id}/photos/{photo}", access.ViewDistribution, dst.Photo, 0},
		{"GET", "/handovers/{id}/signature", access.ViewDistribution, dst.Signature, 0},
		{"POST", "/handovers/{id}/return", access.MoveStock, dst.Return, 0},
		// Institutional deliveries: the board, the plan, a delivery's page
		// and what each role does to it (the centre's own staff confirm).
		{"GET", "/deliveries", access.ViewDeliveries, dlv.Board, 0},
		{"GET", "/deliveries/plan", access.ManageDeliveries, dlv.PlanForm, 0},
		{"POST", "/deliveries/plan", access.ManageDeliveries, dlv.Plan, 0},
		{"GET", "/deliveries/{id}", access.ViewDeliveries, dlv.Delivery, 0},
		{"POST", "/deliveries/{id}/dispatch", access.DispatchDeliveries, dlv.Dispatch, 0},
		{"POST", "/deliveries/{id}/delivered", access.DispatchDeliveries, dlv.Delivered, 0},
		{"POST", "/deliveries/{id}/confirm", access.ConfirmDeliveries, dlv.Confirm, 0},
		{"POST", "/deliveries/{id}/cancel", access.ManageDeliveries, dlv.Cancel, 0},
		{"POST", "/deliveries/{id}/reschedule", access.ManageDeliveries, dlv.Reschedule, 0},

		// The dashboard of one campaign or of all, and a fresh count.
		{"GET", "/dashboard", access.ViewDashboard, dsh.Dashboard, 0},
		{"POST", "/dashboard/{id}/refresh", access.RefreshDashboard, dsh.Refresh, 0},

		// A campaign's final report: produced once it is closed, then
		// downloaded in the reader's language.
		{"POST", "/campaigns/{id}/report", access.ProduceReport, rpt.Produce, 0},
		{"GET", "/campaigns/{id}/report.pdf", access.ViewReports, rpt.PDF, 0},
		{"GET", "/campaigns/{id}/report.xlsx", access.ViewReports, rpt.XLSX, 0},

		// Volunteers, the set-up tasks of devices handed over, a
		// volunteer's own tasks, and a device's whole story.
		{"GET", "/volunteers", access.ViewVolunteers, ac.Volunteers, 0},
		{"POST", "/volunteers", access.ManageVolunteers, ac.VolunteerCreate, 0},
		{"GET", "/volunteers/{id}", access.ViewVolunteers, ac.Volunteer, 0},
		{"POST", "/volunteers/{id}", access.ManageVolunteers, ac.VolunteerUpdate, 0},
		{"GET", "/tasks", access.ViewTasks, ac.Queue, 0},
		{"GET", "/tasks/{id}", access.ViewTasks, ac.Task, 0},
		{"POST", "/tasks/{id}/assign", access.ManageTasks, ac.Assign, 0},
		{"POST", "/tasks/{id}/unassign", access.ManageTasks, ac.Unassign, 0},
		{"POST", "/tasks/{id}/report", access.ManageTasks, ac.Report, 0},
		{"POST", "/tasks/{id}/cancel", access.ManageTasks, ac.Cancel, 0},
		{"GET", "/my/tasks", access.WorkTasks, ac.MyTasks, 0},
		{"POST", "/my/tasks/{id}", access.WorkTasks, ac.MyReport, 0},
		{"GET", "/my/volunteering", access.WorkTasks, vol.Mine, 0},
		{"POST", "/my/needs/{id}/signup", access.WorkTasks, vol.SignUp, 0},
		{"POST", "/my/needs/{id}/withdraw", access.WorkTasks, vol.Withdraw, 0},
		{"POST", "/my/hours", access.WorkTasks, vol.LogHours, 0},
		{"POST", "/my/hours/{id}/withdraw", access.WorkTasks, vol.WithdrawHours, 0},
		{"GET", "/needs", access.ViewVolunteers, vol.Needs, 0},
		{"POST", "/needs", access.ManageVolunteers, vol.NeedCreate, 0},
		{"GET", "/needs/{id}", access.ViewVolunteers, vol.Need, 0},
		{"GET", "/needs/{id}/edit", access.ManageVolunteers, vol.NeedEdit, 0},
		{"POST", "/needs/{id}", access.ManageVolunteers, vol.NeedUpdate, 0},
		{"POST", "/needs/{id}/cancel", access.ManageVolunteers, vol.NeedCancel, 0},
		{"GET", "/hours", access.ViewVolunteers, vol.Hours, 0},
		{"POST", "/hours/{id}", access.ManageVolunteers, vol.Decide, 0},
		{"GET", "/courses", access.ViewCourses, vol.Courses, 0},
		{"POST", "/courses", access.ManageCourses, vol.CourseCreate, 0},
		{"GET", "/courses/{id}", access.ViewCourses, vol.Course, 0},
		{"GET", "/courses/{id}/edit", access.ManageCourses, vol.CourseEdit, 0},
		{"POST", "/courses/{id}", access.ManageCourses, vol.CourseUpdate, 0},
		{"POST", "/courses/{id}/enrol", access.ManageCourses, vol.Enrol, 0},
		{"POST", "/courses/{id}/enrolments/{enrolment}/unenrol", access.ManageCourses, vol.Unenrol, 0},
		{"POST", "/courses/{id}/sessions", access.ManageCourses, vol.SessionAdd, 0},
		{"GET", "/sessions/{id}", access.ViewCourses, vol.Session, 0},
		{"POST", "/sessions/{id}", access.ManageCourses, vol.Attendance, 0},
		{"GET", "/my/courses/{id}", access.TeachCourses, vol.Course, 0},
		{"POST", "/my/courses/{id}/sessions", access.TeachCourses, vol.SessionAdd, 0},
		{"GET", "/my/sessions/{id}", access.TeachCourses, vol.Session, 0},
		{"POST", "/my/sessions/{id}", access.TeachCourses, vol.Attendance, 0},
		{"GET", "/devices", access.ViewStock, ac.Devices, 0},
		{"GET", "/devices/{key}", access.ViewStock, ac.Device, 0},
		{"POST", "/devices/{key}/tasks", access.ManageTasks, ac.TaskAdd, 0},

		// Sponsors: the list, a sponsor's page and its forms, receipts'
		// print views, and the sponsor portal's own giving.
		{"GET", "/sponsors", access.ViewSponsors, sp.List, 0},
		{"POST", "/sponsors", access.ManageSponsors, sp.Create, 0},
		{"GET", "/sponsors/{id}", access.ViewSponsors, sp.Sponsor, 0},
		{"POST", "/sponsors/{id}", access.ManageSponsors, sp.Update, 0},
		{"POST", "/sponsors/{id}/gifts", access.ManageSponsors, sp.Gift, 0},
		{"POST", "/sponsors/{id}/pledges", access.ManageSponsors, sp.Pledge, 0},
		{"POST", "/sponsors/{id}/receipts", access.ManageSponsors, sp.DonationReceipt, 0},
		{"POST", "/sponsors/{id}/match", access.ManageSponsors, sp.Match, 0},
		{"GET", "/sponsors/receipts/{id}", access.ViewSponsors, sp.Receipt, 0},
		{"GET", "/sponsors/receipts/{id}/pdf", access.ViewSponsors, sp.ReceiptPDF, 0},
		{"GET", "/giving", access.OwnGiving, sp.Giving, 0},
		{"GET", "/giving/receipts/{id}", access.OwnGiving, sp.Receipt, 0},
		{"GET", "/giving/receipts/{id}/pdf", access.OwnGiving, sp.ReceiptPDF, 0},

		// Out-of-school children: the queue, the funnel, a case and the
		// forms of its steps; the charities; a charity's inbox.
		{"GET", "/outreach", access.ViewOutreach, out.Queue, 0},
		{"GET", "/outreach/funnel", access.ViewOutreach, out.Funnel, 0},
		{"GET", "/outreach/deadlines", access.ManageOutreach, out.Deadlines, 0},
		{"POST", "/outreach/deadlines", access.ManageOutreach, out.DeadlinesSave, 0},
		{"GET", "/outreach/{id}", access.ViewOutreach, out.Case, 0},
		{"POST", "/outreach/{id}/{act}", access.WorkOutreach, out.Act, 0},
		{"GET", "/charities", access.ViewCharities, out.Charities, 0},
		{"POST", "/charities", access.ManageCharities, out.CharitySave, 0},
		{"GET", "/charities/{id}", access.ManageCharities, out.Charity, 0},
		{"POST", "/charities/{id}", access.ManageCharities, out.CharitySave, 0},
		{"GET", "/referrals", access.AnswerReferrals, out.Inbox, 0},
		{"GET", "/referrals/{id}", access.AnswerReferrals, out.Referral, 0},
		{"POST", "/referrals/{id}", access.AnswerReferrals, out.Answer, 0},

		// Mentors and the mentors' school (issue 13): the public
		// application form takes mentors.MaxBody at most; a mentor's
		// page, the cohorts and sessions are checked against the
		// reader's scope by the service.
		{"GET", "/mentors/apply", "", mnt.ApplyForm, 0},
		{"POST", "/mentors/apply", "", mnt.Apply, mentors.MaxBody},
		{"GET", "/mentors", access.ViewMentors, mnt.List, 0},
		{"GET", "/mentors/stats", access.ViewMentors, mnt.Stats, 0},
		{"GET", "/mentors/fields", access.ManageMentorFields, mnt.Fields, 0},
		{"POST", "/mentors/fields", access.ManageMentorFields, mnt.FieldSave, 0},
		{"GET", "/mentors/{id}", access.ViewMentors, mnt.Mentor, 0},
		{"POST", "/mentors/{id}/decision", access.ManageMentors, mnt.Decide, 0},
		{"POST", "/mentors/{id}/vetting", access.ManageMentors, mnt.SetVetting, 0},
		{"POST", "/mentors/{id}/login", access.ManageMentors, mnt.Login, 0},
		{"GET", "/my/mentoring", access.OwnMentorProfile, mnt.Mine, 0},
		{"GET", "/mentors/school", access.ViewMentors, mnt.School, 0},
		{"POST", "/mentors/school/modules", access.ManageMentorFields, mnt.ModuleCreate, 0},
		{"POST", "/mentors/school/cohorts", access.ManageMentors, mnt.CohortCreate, 0},
		{"GET", "/mentors/school/cohorts/{id}", access.ViewMentors, mnt.Cohort, 0},
		{"POST", "/mentors/school/cohorts/{id}/members", access.ManageMentors, mnt.MemberAdd, 0},
		{"POST", "/mentors/school/cohorts/{id}/sessions", access.ManageMentors, mnt.SessionAdd, 0},
		{"POST", "/mentors/school/cohorts/{id}/finals", access.ManageMentors, mnt.FinalRecord, 0},
		{"GET", "/mentors/school/sessions/{id}", access.ViewMentors, mnt.Session, 0},
		{"POST", "/mentors/school/sessions/{id}", access.ManageMentors, mnt.Attendance, 0},
		// Young people of the mentoring programme: the public form and a
		// young person's own page by their secret link (no login), and the
		// coordinators' list and page.
		{"GET", "/y/register/{org}", "", s.rooms.youth.RegisterForm, 0},
		{"POST", "/y/register/{org}", "", s.rooms.youth.Register, youth.MaxBody},
		{"GET", "/y/{token}", "", s.rooms.youth.Own, 0},
		{"POST", "/y/{token}", "", s.rooms.youth.Choose, youth.MaxBody},
		{"POST", "/y/{token}/sessions/{id}/feedback", "", s.rooms.youth.Feedback, youth.MaxBody},
		{"POST", "/y/{token}/mentorships/{id}/concern", "", s.rooms.youth.Concern, youth.MaxBody},
		{"POST", "/y/{token}/activities/{id}/join", "", s.rooms.youth.Join, youth.MaxBody},
		{"POST", "/y/{token}/selections/{id}/appeal", "", s.rooms.youth.Appeal, youth.MaxBody},
		{"POST", "/y/{token}/guardian/link", "", s.rooms.youth.OwnGuardianLink, youth.MaxBody},
		{"GET", "/y/guardian/{token}", "", s.rooms.youth.Guardian, 0},
		{"POST", "/y/guardian/{token}", "", s.rooms.youth.GuardianAnswer, youth.MaxBody},
		{"GET", "/youth", access.ViewYouth, s.rooms.youth.List, 0},
		{"GET", "/youth/{id}", access.ViewYouth, s.rooms.youth.Person, 0},
		{"POST", "/youth/{id}/consent", access.ManageYouth, s.rooms.youth.Consent, 0},
		{"POST", "/youth/{id}/link", access.ManageYouth, s.rooms.youth.Reissue, 0},
		{"POST", "/youth/{id}/guardian-link", access.ManageYouth, s.rooms.youth.ReissueGuardianLink, 0},
		// The selection of young leaders: the selections, a selection's page
		// and its steps, the table of macro-regions; the shortlist is
		// public once published and shows a name only with consent.
		{"GET", "/selections", access.ViewSelection, sel.List, 0},
		{"GET", "/selections/new", access.ManageSelection, sel.New, 0},
		{"POST", "/selections", access.ManageSelection, sel.Create, 0},
		{"GET", "/selections/{id}", access.ViewSelection, sel.Show, 0},
		{"POST", "/selections/{id}/scores", access.ManageSelection, sel.EnterScore, 0},
		{"POST", "/selections/{id}/scores/import", access.ManageSelection, sel.ImportScores, kit.MaxUploadBytes},
		{"POST", "/selections/{id}/scores/pull", access.ManageSelection, sel.PullScores, 0},
		{"POST", "/selections/{id}/appeals", access.ManageSelection, sel.FileAppeal, 0},
		{"POST", "/selections/{id}/appeals/{appeal}/decide", access.ManageSelection, sel.Decide, 0},
		{"POST", "/selections/{id}/{step}", access.ManageSelection, sel.Step, 0},
		{"GET", "/admin/macro-regions", access.ManageMacroRegions, sel.Macros, 0},
		{"POST", "/admin/macro-regions", access.ManageMacroRegions, sel.SetMacro, 0},
		{"GET", "/shortlists/{id}", "", sel.Shortlist, 0},

		{"GET", "/regions", access.ViewRegions, adm.Regions, 0},
		{"GET", "/admin/regions/import", access.ManageRegions, adm.RegionImportForm, 0},
		{"POST", "/admin/regions/import", access.ManageRegions, adm.RegionImport, kit.MaxUploadBytes},

		{"GET", "/admin/jobs", access.ViewJobs, adm.JobList, 0},
		{"GET", "/admin/jobs/{id}", access.ViewJobs, adm.Job, 0},
		{"POST", "/admin/jobs/{id}/retry", access.ViewJobs, adm.JobRetry, 0},

		{"GET", "/admin/audit", access.ViewAudit, adm.AuditLog, 0},
		{"GET", "/admin/access-log", access.ViewAudit, adm.AccessLog, 0},

		{"GET", "/admin/settings", access.ManageSettings, adm.SettingsForm, 0},
		{"POST", "/admin/settings", access.ManageSettings, adm.SettingsUpdate, 0},
	}
}

// RouteInfo describes one page route for tests and documentation.
type RouteInfo struct {
	Method  string
	Pattern string
	Action  access.Action // "" for public pages
	MaxBody int64         // the largest request body the route accepts
}

// Routes lists the web routes.
func (s *Server) Routes() []RouteInfo {
	var out []RouteInfo
	for _, rt := range s.routes() {
		n := rt.maxBody
		if n <= 0 {
			n = kit.MaxFormBytes
		}
		out = append(out, RouteInfo{Method: rt.method, Pattern: rt.pattern, Action: rt.action, MaxBody: n})
	}
	return out
}
