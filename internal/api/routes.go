package api

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/jolproject/jol/internal/access"
)

// route is one entry of the route table.
type route struct {
	method  string
	pattern string
	// action is what the caller must be allowed to do somewhere in their
	// scope; "" marks a public route that needs no token. Record-level
	// checks happen in the domain services.
	action access.Action
	h      handler
	// op is the operationId of the route in the OpenAPI document.
	op string
}

// handler serves one route; an error becomes a problem document.
type handler func(w http.ResponseWriter, r *http.Request, rq *request) error

// routes is the whole API in one table: method, path, the action a caller
// must be allowed, the handler and the OpenAPI operationId. The OpenAPI
// test checks the document against this table in both directions.
func (a *API) routes() []route {
	const p = Prefix
	return []route{
		{"GET", p + "/openapi.json", "", a.openAPI, "getOpenAPI"},
		{"GET", p + "/me", access.ViewHome, a.me, "getMe"},

		{"GET", p + "/users", access.ManageUsers, a.listUsers, "listUsers"},
		{"POST", p + "/users", access.ManageUsers, a.createUser, "createUser"},
		{"GET", p + "/users/{id}", access.ManageUsers, a.getUser, "getUser"},
		{"PATCH", p + "/users/{id}", access.ManageUsers, a.updateUser, "updateUser"},
		{"POST", p + "/users/{id}/password", access.ManageUsers, a.setPassword, "setUserPassword"},

		{"GET", p + "/tokens", access.ManageOwnToken, a.listTokens, "listTokens"},
		{"POST", p + "/tokens", access.ManageOwnToken, a.createToken, "createToken"},
		{"DELETE", p + "/tokens/{id}", access.ManageOwnToken, a.revokeToken, "revokeToken"},

		{"GET", p + "/organisations", access.ViewOrgs, a.listOrgs, "listOrganisations"},
		{"POST", p + "/organisations", access.ManageOrgs, a.createOrg, "createOrganisation"},
		{"GET", p + "/organisations/{id}", access.ViewOrgs, a.getOrg, "getOrganisation"},
		{"PATCH", p + "/organisations/{id}", access.ManageOrgs, a.updateOrg, "updateOrganisation"},

		{"GET", p + "/people", access.ViewChild, a.listPeople, "listPeople"},
		{"POST", p + "/people", access.EditChild, a.createPerson, "createPerson"},
		{"POST", p + "/people/matches", access.ViewChild, a.matchPeople, "matchPeople"},
		{"GET", p + "/people/{id}", access.ViewChild, a.getPerson, "getPerson"},
		{"PATCH", p + "/people/{id}", access.EditChild, a.updatePerson, "updatePerson"},

		{"GET", p + "/households", access.ViewChild, a.listHouseholds, "listHouseholds"},
		{"POST", p + "/households", access.EditChild, a.createHousehold, "createHousehold"},
		{"GET", p + "/households/{id}", access.ViewChild, a.getHousehold, "getHousehold"},

		{"GET", p + "/requests", access.ViewRequests, a.listRequests, "listRequests"},
		{"POST", p + "/requests", access.SubmitRequests, a.createRequest, "createRequest"},
		{"GET", p + "/requests/{id}", access.ViewRequests, a.getRequest, "getRequest"},
		{"POST", p + "/requests/{id}/transitions", access.DecideRequests, a.transitionRequest, "transitionRequest"},
		{"GET", p + "/campaigns", access.ViewCampaigns, a.listCampaigns, "listCampaigns"},
		{"POST", p + "/campaigns", access.ManageCampaigns, a.createCampaign, "createCampaign"},
		{"GET", p + "/campaigns/{id}", access.ViewCampaigns, a.getCampaign, "getCampaign"},
		{"PUT", p + "/campaigns/{id}", access.ManageCampaigns, a.updateCampaign, "updateCampaign"},
		{"GET", p + "/campaigns/{id}/progress", access.ViewCampaigns, a.getCampaignProgress, "getCampaignProgress"},
		{"POST", p + "/campaigns/{id}/transitions", access.ManageCampaigns, a.transitionCampaign, "transitionCampaign"},
		{"GET", p + "/campaigns/{id}/rules", access.ViewCampaigns, a.getRules, "getCampaignRules"},
		{"PUT", p + "/campaigns/{id}/rules", access.ManageEligibility, a.putRules, "putCampaignRules"},
		{"POST", p + "/campaigns/{id}/rescore", access.ManageEligibility, a.rescore, "rescoreCampaign"},
		{"GET", p + "/campaigns/{id}/allocations", access.ViewAllocation, a.listAllocations, "listAllocations"},
		{"POST", p + "/campaigns/{id}/allocations", access.ManageAllocation, a.allocate, "allocateCampaign"},
		{"GET", p + "/campaigns/{id}/allocation/settings", access.ViewAllocation, a.getAllocationSettings, "getAllocationSettings"},
		{"PUT", p + "/campaigns/{id}/allocation/quotas", access.ManageAllocation, a.putQuota, "putAllocationQuota"},
		{"DELETE", p + "/campaigns/{id}/allocation/quotas/{quota}", access.ManageAllocation, a.deleteQuota, "deleteAllocationQuota"},
		{"PUT", p + "/campaigns/{id}/allocation/routes", access.ManageAllocation, a.putRoute, "putAllocationRoute"},
		{"DELETE", p + "/campaigns/{id}/allocation/routes/{warehouse}/{region}", access.ManageAllocation, a.deleteRoute,
			"deleteAllocationRoute"},
		{"GET", p + "/catalogue/items", access.ViewCampaigns, a.listItems, "listCatalogueItems"},
		{"POST", p + "/catalogue/items", access.ManageCatalog, a.createItem, "createCatalogueItem"},
		{"GET", p + "/catalogue/items/{id}", access.ViewCampaigns, a.getItem, "getCatalogueItem"},
		{"PUT", p + "/catalogue/items/{id}", access.ManageCatalog, a.updateItem, "updateCatalogueItem"},
		{"GET", p + "/catalogue/kits", access.ViewCampaigns, a.listKits, "listKits"},

		{"GET", p + "/warehouses", access.ViewStock, a.listWarehouses, "listWarehouses"},
		{"POST", p + "/warehouses", access.ManageWarehouses, a.createWarehouse, "createWarehouse"},
		{"GET", p + "/warehouses/{id}", access.ViewStock, a.getWarehouse, "getWarehouse"},
		{"GET", p + "/warehouses/{id}/balances", access.ViewStock, a.listBalances, "listWarehouseBalances"},
		{"GET", p + "/warehouses/{id}/movements", access.ViewStock, a.listMovements, "listWarehouseMovements"},
		{"POST", p + "/warehouses/{id}/movements", access.MoveStock, a.createMovement, "createWarehouseMovement"},
		{"GET", p + "/warehouses/{id}/devices", access.ViewStock, a.listDevices, "listWarehouseDevices"},
		{"GET", p + "/stock/docs/{id}", access.ViewStock, a.getStockDoc, "getStockDoc"},
		{"POST", p + "/stock/docs/{id}/receive", access.MoveStock, a.receiveTransfer, "receiveTransfer"},
		{"POST", p + "/stock/docs/{id}/return", access.MoveStock, a.returnStock, "returnStock"},
		{"GET", p + "/donors", access.ViewStock, a.listDonors, "listDonors"},
		{"POST", p + "/donors", access.MoveStock, a.createDonor, "createDonor"},
		{"PUT", p + "/donors/{id}", access.MoveStock, a.updateDonor, "updateDonor"},
		{"GET", p + "/donors/{id}/trace", access.ViewStock, a.traceDonor, "traceDonor"},
		{"GET", p + "/distribution/events", access.ViewDistribution, a.listEvents, "listDistributionEvents"},
		{"POST", p + "/distribution/events", access.RunDistribution, a.createEvent, "createDistributionEvent"},
		{"GET", p + "/distribution/events/{id}", access.ViewDistribution, a.getEvent, "getDistributionEvent"},
		{"POST", p + "/distribution/events/{id}/status", access.RunDistribution, a.setEventStatus, "setDistributionEventStatus"},
		{"GET", p + "/distribution/events/{id}/lines", access.ViewDistribution, a.listLines, "listDistributionLines"},
		{"POST", p + "/distribution/events/{id}/lines", access.RunDistribution, a.assignLines, "assignDistributionLines"},
		{"POST", p + "/distribution/events/{id}/codes", access.RunDistribution, a.sendCode, "sendHandoverCode"},
		{"POST", p + "/distribution/events/{id}/handovers", access.RunDistribution, a.createHandover, "createHandover"},
		{"POST", p + "/distribution/handovers/{id}/return", access.MoveStock, a.returnHandover, "returnHandover"},
		{"GET", p + "/deliveries", access.ViewDeliveries, a.listDeliveries, "listDeliveries"},
		{"GET", p + "/deliveries/{id}", access.ViewDeliveries, a.getDelivery, "getDelivery"},
		{"POST", p + "/deliveries/{id}/confirm", access.ConfirmDeliveries, a.confirmDelivery, "confirmDelivery"},
		{"GET", p + "/campaigns/{id}/letters", access.ViewLetters, a.listLetters, "listCampaignLetters"},
		{"POST", p + "/campaigns/{id}/letters/runs", access.ManageLetters, a.startLetterRun, "startLetterRun"},
		{"GET", p + "/letter-runs/{id}", access.ViewLetters, a.getLetterRun, "getLetterRun"},
		{"GET", p + "/letter-runs/{id}/pdf", access.ViewLetters, a.getLetterRunPDF, "getLetterRunPDF"},
		{"GET", p + "/letters/{id}/pdf", access.ViewLetters, a.getLetterPDF, "getLetterPDF"},
		{"GET", p + "/organisations/{id}/letter-templates", access.ViewLetters, a.listLetterTemplates, "listLetterTemplates"},
		{"PUT", p + "/organisations/{id}/letter-templates/{kind}/{locale}", access.ManageLetters, a.putLetterTemplate,
			"putLetterTemplate"},
		{"GET", p + "/organisations/{id}/letterhead", access.ViewLetters, a.getLetterhead, "getLetterhead"},
		{"PUT", p + "/organisations/{id}/letterhead", access.ManageLetters, a.putLetterhead, "putLetterhead"},
		{"GET", p + "/dashboard", access.ViewDashboard, a.getDashboard, "getDashboard"},
		{"POST", p + "/dashboard/{id}/refresh", access.RefreshDashboard, a.refreshDashboard, "refreshDashboard"},
		{"POST", p + "/campaigns/{id}/report", access.ProduceReport, a.produceReport, "produceReport"},
		{"GET", p + "/campaigns/{id}/report", access.ViewReports, a.getReport, "getReport"},
		{"GET", p + "/campaigns/{id}/report.pdf", access.ViewReports, a.getReportPDF, "getReportPDF"},
		{"GET", p + "/campaigns/{id}/report.xlsx", access.ViewReports, a.getReportXLSX, "getReportXLSX"},
		{"GET", p + "/mentors", access.ViewMentors, a.listMentors, "listMentors"},
		{"GET", p + "/mentors/stats", access.ViewMentors, a.mentorStats, "getMentorStats"},
		{"GET", p + "/mentors/{id}", access.ViewMentors, a.getMentor, "getMentor"},
		{"POST", p + "/mentors/{id}/decision", access.ManageMentors, a.decideMentor, "decideMentor"},
		{"PUT", p + "/mentors/{id}/vetting", access.ManageMentors, a.setMentorVetting, "setMentorVetting"},
		{"GET", p + "/my/mentor", access.OwnMentorProfile, a.myMentor, "getMyMentor"},
		{"GET", p + "/mentor-fields", access.ViewMentors, a.listMentorFields, "listMentorFields"},
		{"PUT", p + "/mentor-fields/{code}", access.ManageMentorFields, a.saveMentorField, "saveMentorField"},
		{"GET", p + "/mentor-cohorts", access.ViewMentors, a.listMentorCohorts, "listMentorCohorts"},
		{"GET", p + "/mentor-cohorts/{id}/progress", access.ViewMentors, a.mentorCohortProgress, "getMentorCohortProgress"},
		{"PUT", p + "/mentor-sessions/{id}/attendance", access.ManageMentors, a.recordMentorAttendance, "recordMentorAttendance"},
		{"GET", p + "/championships", access.ViewChampionships, a.listChampionships, "listChampionships"},
		{"POST", p + "/championships", access.ManageChampionships, a.createChampionship, "createChampionship"},
		{"GET", p + "/championships/{id}", access.ViewChampionships, a.getChampionship, "getChampionship"},
		{"POST", p + "/championships/{id}/state", access.ManageChampionships, a.setChampionshipState, "setChampionshipState"},
		{"POST", p + "/championships/{id}/teams", access.ManageChampionships, a.registerChampionshipTeam, "registerChampionshipTeam"},
		{"GET", p + "/championships/{id}/jurors", access.ViewChampionships, a.listChampionshipJurors, "listChampionshipJurors"},
		{"POST", p + "/championships/{id}/jurors", access.ManageChampionships, a.addChampionshipJuror, "addChampionshipJuror"},
		{"POST", p + "/championships/{id}/scores", access.ScoreChampionships, a.scoreChampionshipTeam, "scoreChampionshipTeam"},
		{"GET", p + "/championships/{id}/leaderboard", access.ViewChampionships, a.getChampionshipLeaderboard, "getChampionshipLeaderboard"},
		{"GET", p + "/championships/{id}/results", access.ViewChampionships, a.getChampionshipResults, "getChampionshipResults"},
		{"GET", p + "/championship-teams/{id}", access.ViewChampionships, a.getChampionshipTeam, "getChampionshipTeam"},
		{"POST", p + "/championship-teams/{id}/cases", access.ManageChampionships, a.addChampionshipCase, "addChampionshipCase"},

		{"GET", p + "/volunteers", access.ViewVolunteers, a.listVolunteers, "listVolunteers"},
		{"POST", p + "/volunteers", access.ManageVolunteers, a.createVolunteer, "createVolunteer"},
		{"GET", p + "/volunteers/{id}", access.ViewVolunteers, a.getVolunteer, "getVolunteer"},
		{"PUT", p + "/volunteers/{id}", access.ManageVolunteers, a.updateVolunteer, "updateVolunteer"},
		{"GET", p + "/sponsors", access.ViewSponsors, a.listSponsors, "listSponsors"},
		{"POST", p + "/sponsors", access.ManageSponsors, a.createSponsor, "createSponsor"},
		{"GET", p + "/sponsors/{id}", access.ViewSponsors, a.getSponsor, "getSponsor"},
		{"PUT", p + "/sponsors/{id}", access.ManageSponsors, a.updateSponsor, "updateSponsor"},
		{"GET", p + "/sponsors/{id}/giving", access.ViewSponsors, a.sponsorGiving, "getSponsorGiving"},
		{"POST", p + "/sponsors/{id}/gifts", access.ManageSponsors, a.recordGift, "recordGift"},
		{"POST", p + "/sponsors/{id}/pledges", access.ManageSponsors, a.recordPledge, "recordPledge"},
		{"POST", p + "/sponsors/{id}/receipts", access.ManageSponsors, a.donationReceipt, "issueDonationReceipt"},
		{"POST", p + "/pledges/{id}/match", access.ManageSponsors, a.matchPledge, "matchPledge"},
		{"GET", p + "/receipts/{id}", access.ViewSponsors, a.getReceipt, "getReceipt"},
		{"GET", p + "/receipts/{id}/pdf", access.ViewSponsors, a.receiptPDF, "getReceiptPDF"},
		{"GET", p + "/my/giving", access.OwnGiving, a.myGiving, "getMyGiving"},
		{"GET", p + "/my/receipts/{id}", access.OwnGiving, a.getReceipt, "getMyReceipt"},
		{"GET", p + "/my/receipts/{id}/pdf", access.OwnGiving, a.receiptPDF, "getMyReceiptPDF"},
		{"GET", p + "/tasks", access.ViewTasks, a.listTasks, "listTasks"},
		{"GET", p + "/tasks/{id}", access.ViewTasks, a.getTask, "getTask"},
		{"POST", p + "/tasks/{id}/assign", access.ManageTasks, a.assignTask, "assignTask"},
		{"POST", p + "/tasks/{id}/report", access.ManageTasks, a.reportTask, "reportTask"},
		{"GET", p + "/my/tasks", access.WorkTasks, a.listMyTasks, "listMyTasks"},
		{"GET", p + "/needs", access.ViewVolunteers, a.listNeeds, "listNeeds"},
		{"POST", p + "/needs", access.ManageVolunteers, a.createNeed, "createNeed"},
		{"GET", p + "/needs/{id}", access.ViewVolunteers, a.getNeed, "getNeed"},
		{"PUT", p + "/needs/{id}", access.ManageVolunteers, a.updateNeed, "updateNeed"},
		{"POST", p + "/needs/{id}/cancel", access.ManageVolunteers, a.cancelNeed, "cancelNeed"},
		{"GET", p + "/my/needs", access.WorkTasks, a.listMyNeeds, "listMyNeeds"},
		{"POST", p + "/my/needs/{id}/signup", access.WorkTasks, a.signUpNeed, "signUpNeed"},
		{"DELETE", p + "/my/needs/{id}/signup", access.WorkTasks, a.withdrawNeed, "withdrawNeed"},
		{"GET", p + "/my/hours", access.WorkTasks, a.listMyHours, "listMyHours"},
		{"POST", p + "/my/hours", access.WorkTasks, a.logHours, "logHours"},
		{"POST", p + "/my/hours/{id}/withdraw", access.WorkTasks, a.withdrawHours, "withdrawHours"},
		{"GET", p + "/hours", access.ViewVolunteers, a.listHours, "listHours"},
		{"GET", p + "/hours/totals", access.ViewVolunteers, a.getHoursTotals, "getHoursTotals"},
		{"POST", p + "/hours/{id}/decision", access.ManageVolunteers, a.decideHours, "decideHours"},
		{"GET", p + "/duplicates", access.ReviewDuplicates, a.listDuplicates, "listDuplicates"},
		{"POST", p + "/duplicates/scans", access.ScanDuplicates, a.scanDuplicates, "scanDuplicates"},
		{"GET", p + "/duplicates/{id}", access.ReviewDuplicates, a.getDuplicate, "getDuplicate"},
		{"POST", p + "/duplicates/{id}/merge", access.ReviewDuplicates, a.mergeDuplicate, "mergeDuplicate"},
		{"POST", p + "/duplicates/{id}/distinct", access.ReviewDuplicates, a.markDistinct, "markDuplicateDistinct"},

		{"GET", p + "/mentorships", access.ViewMentorships, a.listMentorships, "listMentorships"},
		{"GET", p + "/mentorships/activity", access.ViewMentors, a.getMentorActivity, "getMentorActivity"},
		{"GET", p + "/mentorships/{id}", access.ViewMentorships, a.getMentorship, "getMentorship"},
		{"POST", p + "/mentorships/{id}/sessions", access.WorkMentorships, a.logMentorshipSession, "logMentorshipSession"},
		{"POST", p + "/mentorships/{id}/sessions/{session}/feedback", access.WorkMentorships, a.giveMentorFeedback, "giveMentorFeedback"},
		{"POST", p + "/mentorships/{id}/goals", access.WorkMentorships, a.addMentorshipGoal, "addMentorshipGoal"},
		{"PUT", p + "/mentorships/{id}/goals/{goal}", access.WorkMentorships, a.updateMentorshipGoal, "updateMentorshipGoal"},
		{"POST", p + "/mentorships/{id}/concerns", access.ReportConcerns, a.reportConcern, "reportConcern"},
		{"POST", p + "/mentorships/{id}/end", access.WorkMentorships, a.endMentorship, "endMentorship"},
		{"GET", p + "/safeguarding/concerns", access.WorkConcerns, a.listConcerns, "listConcerns"},
		{"GET", p + "/safeguarding/concerns/{id}", access.WorkConcerns, a.getConcern, "getConcern"},
		{"POST", p + "/safeguarding/concerns/{id}/status", access.WorkConcerns, a.workConcern, "workConcern"},
		{"GET", p + "/safeguarding/leads", access.ManageSafeguarding, a.listSafeguardingLeads, "listSafeguardingLeads"},
		{"PUT", p + "/safeguarding/leads/{org}", access.ManageSafeguarding, a.setSafeguardingLead, "setSafeguardingLead"},

		{"GET", p + "/oos/lists", access.ViewOutOfSchool, a.listOOSLists, "listOOSLists"},
		{"GET", p + "/oos/runs", access.ViewOutOfSchool, a.listOOSRuns, "listOOSRuns"},
		{"POST", p + "/oos/runs", access.RunOutOfSchool, a.startOOSRun, "startOOSRun"},
		{"GET", p + "/oos/runs/{id}", access.ViewOutOfSchool, a.getOOSRun, "getOOSRun"},
		{"GET", p + "/oos/runs/{id}/children", access.ViewOutOfSchool, a.listOOSChildren, "listOOSChildren"},
		{"GET", p + "/oos/runs/{id}/children/{person}", access.ViewOutOfSchool, a.getOOSChild, "getOOSChild"},
		{"GET", p + "/tournaments", access.ViewTournaments, a.listTournaments, "listTournaments"},
		{"POST", p + "/tournaments", access.ManageTournaments, a.createTournament, "createTournament"},
		{"GET", p + "/tournaments/{id}", access.ViewTournaments, a.getTournament, "getTournament"},
		{"POST", p + "/tournaments/{id}/teams", access.ManageTournaments, a.addTournamentTeam, "addTournamentTeam"},
		{"POST", p + "/tournaments/{id}/judges", access.ManageTournaments, a.addTournamentJudge, "addTournamentJudge"},
		{"POST", p + "/tournaments/{id}/rounds", access.ManageTournaments, a.pairTournamentRound, "pairTournamentRound"},
		{"POST", p + "/tournaments/{id}/break", access.ManageTournaments, a.breakTournament, "breakTournament"},
		{"POST", p + "/tournaments/{id}/rounds/{round}/publish", access.ManageTournaments, a.publishTournamentRound, "publishTournamentRound"},
		{"PUT", p + "/tournaments/{id}/debates/{debate}/ballot", access.ManageTournaments, a.enterTournamentBallot, "enterTournamentBallot"},
		{"GET", p + "/tournaments/{id}/standings", access.ViewTournaments, a.getTournamentStandings, "getTournamentStandings"},
		{"GET", p + "/tournaments/{id}/results", access.ViewTournaments, a.listTournamentResults, "listTournamentResults"},
		{"GET", p + "/activities", access.ViewStrands, a.listActivities, "listActivities"},
		{"POST", p + "/activities", access.ManageStrands, a.createActivity, "createActivity"},
		{"GET", p + "/activities/{id}", access.ViewStrands, a.getActivity, "getActivity"},
		{"POST", p + "/activities/{id}/enrolments", access.ManageStrands, a.enrolYouth, "enrolYouth"},
		{"POST", p + "/activities/{id}/sessions", access.ManageStrands, a.addActivitySession, "addActivitySession"},
		{"POST", p + "/activities/{id}/progress", access.ManageStrands, a.setActivityProgress, "setActivityProgress"},
		{"GET", p + "/activity-sessions/{id}/attendance", access.ViewStrands, a.getActivityAttendance, "getActivityAttendance"},
		{"PUT", p + "/activity-sessions/{id}/attendance", access.ManageStrands, a.putActivityAttendance, "putActivityAttendance"},
		{"GET", p + "/coverage", access.ViewOutcomes, a.getCoverage, "getCoverage"},
		{"GET", p + "/outcomes/{id}", access.ViewOutcomes, a.getOutcome, "getOutcome"},
		{"PUT", p + "/outcomes/{id}", access.RecordOutcomes, a.putOutcome, "putOutcome"},
		{"GET", p + "/matching/runs", access.ViewMatching, a.listMatchingRuns, "listMatchingRuns"},
		{"POST", p + "/matching/runs", access.RunMatching, a.startMatchingRun, "startMatchingRun"},
		{"GET", p + "/matching/runs/{id}", access.ViewMatching, a.getMatchingRun, "getMatchingRun"},
		{"GET", p + "/matching/runs/{id}/proposals", access.ViewMatching, a.listMatchingProposals, "listMatchingProposals"},
		{"GET", p + "/matching/runs/{id}/unmatched", access.ViewMatching, a.listMatchingUnmatched, "listMatchingUnmatched"},
		{"POST", p + "/matching/proposals/{id}/approve", access.RunMatching, a.approveMatchingProposal, "approveMatchingProposal"},
		{"GET", p + "/matching/my-proposals", access.ReplyMatching, a.listMyProposals, "listMyProposals"},
		{"POST", p + "/matching/proposals/{id}/accept", access.ReplyMatching, a.acceptMatchingProposal, "acceptMatchingProposal"},
		{"POST", p + "/matching/proposals/{id}/decline", access.ReplyMatching, a.declineMatchingProposal, "declineMatchingProposal"},
		{"GET", p + "/courses", access.ViewCourses, a.listCourses, "listCourses"},
		{"POST", p + "/courses", access.ManageCourses, a.createCourse, "createCourse"},
		{"GET", p + "/courses/{id}", access.ViewCourses, a.getCourse, "getCourse"},
		{"PUT", p + "/courses/{id}", access.ManageCourses, a.updateCourse, "updateCourse"},
		{"GET", p + "/courses/{id}/roster", access.ViewCourses, a.getRoster, "getCourseRoster"},
		{"POST", p + "/courses/{id}/enrolments", access.ManageCourses, a.enrol, "enrolChild"},
		{"DELETE", p + "/courses/{id}/enrolments/{enrolment}", access.ManageCourses, a.unenrol, "unenrolChild"},
		{"POST", p + "/courses/{id}/sessions", access.ManageCourses, a.addSession, "addCourseSession"},
		{"PUT", p + "/sessions/{id}/attendance", access.ManageCourses, a.recordAttendance, "recordAttendance"},
		{"GET", p + "/my/courses", access.TeachCourses, a.listMyCourses, "listMyCourses"},
		{"GET", p + "/my/courses/{id}/roster", access.TeachCourses, a.getRoster, "getMyCourseRoster"},
		{"POST", p + "/my/courses/{id}/sessions", access.TeachCourses, a.addSession, "addMyCourseSession"},
		{"PUT", p + "/my/sessions/{id}/attendance", access.TeachCourses, a.recordAttendance, "recordMyAttendance"},
		{"POST", p + "/my/tasks/{id}/report", access.WorkTasks, a.reportTask, "reportMyTask"},
		{"GET", p + "/devices/{key}", access.ViewStock, a.getDevice, "getDevice"},
		{"GET", p + "/appeals", access.ViewAppeals, a.listAppeals, "listAppeals"},
		{"POST", p + "/appeals", access.RecordAppeals, a.createAppeal, "createAppeal"},
		{"GET", p + "/appeals/stats", access.ViewAppeals, a.appealStats, "getAppealStats"},
		{"GET", p + "/appeals/{id}", access.ViewAppeals, a.getAppeal, "getAppeal"},
		{"POST", p + "/appeals/{id}/answer", access.RecordAppeals, a.answerAppeal, "answerAppeal"},

		{"GET", p + "/outreach/cases", access.ViewOutreach, a.listOutreachCases, "listOutreachCases"},
		{"GET", p + "/outreach/cases/{id}", access.ViewOutreach, a.getOutreachCase, "getOutreachCase"},
		{"POST", p + "/outreach/cases/{id}/contact", access.WorkOutreach, a.actOnCase("contact"), "contactOutreachCase"},
		{"POST", p + "/outreach/cases/{id}/needs", access.WorkOutreach, a.actOnCase("needs"), "addOutreachNeeds"},
		{"POST", p + "/outreach/cases/{id}/referrals", access.WorkOutreach, a.actOnCase("refer"), "referOutreachNeed"},
		{"POST", p + "/outreach/cases/{id}/enrolment", access.WorkOutreach, a.actOnCase("enrol"), "enrolOutreachCase"},
		{"POST", p + "/outreach/cases/{id}/checks", access.WorkOutreach, a.actOnCase("check"), "checkOutreachCase"},
		{"POST", p + "/outreach/cases/{id}/close", access.WorkOutreach, a.actOnCase("close"), "closeOutreachCase"},
		{"PUT", p + "/outreach/cases/{id}/consent", access.WorkOutreach, a.actOnCase("consent"), "putOutreachConsent"},
		{"PUT", p + "/outreach/cases/{id}/assignee", access.WorkOutreach, a.actOnCase("assign"), "assignOutreachCase"},
		{"GET", p + "/outreach/funnel", access.ViewOutreach, a.getOutreachFunnel, "getOutreachFunnel"},
		{"GET", p + "/outreach/deadlines", access.ViewOutreach, a.getOutreachDeadlines, "getOutreachDeadlines"},
		{"PUT", p + "/outreach/deadlines", access.ManageOutreach, a.putOutreachDeadlines, "putOutreachDeadlines"},
		{"POST", p + "/outreach/flags", access.ManageOutreach, a.flagOutOfSchool, "flagOutOfSchool"},
		{"GET", p + "/selections", access.ViewSelection, a.listSelections, "listSelections"},
		{"POST", p + "/selections", access.ManageSelection, a.createSelection, "createSelection"},
		{"GET", p + "/selections/{id}", access.ViewSelection, a.getSelection, "getSelection"},
		{"GET", p + "/selections/{id}/ranking", access.ViewSelection, a.selectionRanking, "getSelectionRanking"},
		{"POST", p + "/selections/{id}/scores", access.ManageSelection, a.enterSelectionScore, "enterSelectionScore"},
		{"POST", p + "/selections/{id}/pull", access.ManageSelection, a.pullSelectionRound, "pullSelectionRound"},
		{"POST", p + "/selections/{id}/rank", access.ManageSelection, a.selectionStep("rank"), "rankSelection"},
		{"POST", p + "/selections/{id}/open-appeals", access.ManageSelection, a.selectionStep("open-appeals"), "openSelectionAppeals"},
		{"POST", p + "/selections/{id}/publish", access.ManageSelection, a.selectionStep("publish"), "publishSelection"},
		{"GET", p + "/selections/{id}/appeals", access.ViewSelection, a.listSelectionAppeals, "listSelectionAppeals"},
		{"POST", p + "/selections/{id}/appeals", access.ManageSelection, a.fileSelectionAppeal, "fileSelectionAppeal"},
		{"POST", p + "/selection-appeals/{id}/decision", access.ManageSelection, a.decideSelectionAppeal, "decideSelectionAppeal"},
		{"GET", p + "/macro-regions", access.ViewSelection, a.listMacroRegions, "listMacroRegions"},
		{"PUT", p + "/macro-regions/{code}", access.ManageMacroRegions, a.setMacroRegion, "setMacroRegion"},
		{"GET", p + "/shortlists/{id}", "", a.getShortlist, "getShortlist"},

		{"GET", p + "/charities", access.ViewCharities, a.listCharities, "listCharities"},
		{"POST", p + "/charities", access.ManageCharities, a.createCharity, "createCharity"},
		{"GET", p + "/charities/{id}", access.ViewCharities, a.getCharity, "getCharity"},
		{"PUT", p + "/charities/{id}", access.ManageCharities, a.updateCharity, "updateCharity"},
		{"GET", p + "/referrals", access.AnswerReferrals, a.listReferrals, "listReferrals"},
		{"GET", p + "/referrals/{id}", access.AnswerReferrals, a.getReferral, "getReferral"},
		{"POST", p + "/referrals/{id}/answer", access.AnswerReferrals, a.answerReferral, "answerReferral"},

		{"POST", p + "/y/register/{org}", "", a.registerYouth, "registerYouth"},
		{"GET", p + "/youth", access.ViewYouth, a.listYouth, "listYouth"},
		{"GET", p + "/youth/{id}", access.ViewYouth, a.getYouth, "getYouth"},
		{"PUT", p + "/youth/{id}/consent", access.ManageYouth, a.putYouthConsent, "putYouthConsent"},
		{"POST", p + "/youth/{id}/link", access.ManageYouth, a.reissueYouthLink, "reissueYouthLink"},
		{"GET", p + "/youth/{id}/guardian-link", access.ViewYouth, a.getGuardianLink, "getGuardianLink"},
		{"POST", p + "/youth/{id}/guardian-link", access.ManageYouth, a.issueGuardianLink, "issueGuardianLink"},
		{"GET", p + "/y/{token}/shortlist", "", a.getOwnShortlist, "getOwnShortlist"},
		{"PUT", p + "/y/{token}/choices", "", a.putOwnChoices, "putOwnChoices"},
		{"GET", p + "/y/{token}/match", "", a.getOwnMatch, "getOwnMatch"},
		{"POST", p + "/y/{token}/sessions/{id}/feedback", "", a.postOwnFeedback, "postOwnFeedback"},
		{"POST", p + "/y/{token}/mentorships/{id}/concerns", "", a.postOwnConcern, "postOwnConcern"},
		{"GET", p + "/y/{token}/activities", "", a.getOwnActivities, "getOwnActivities"},
		{"POST", p + "/y/{token}/activities/{id}/join", "", a.joinOwnActivity, "joinOwnActivity"},
		{"GET", p + "/y/{token}/selections", "", a.getOwnSelections, "getOwnSelections"},
		{"POST", p + "/y/{token}/selections/{id}/appeal", "", a.postOwnAppeal, "postOwnAppeal"},

		{"GET", p + "/regions", access.ViewRegions, a.listRegions, "listRegions"},
		{"GET", p + "/regions/{code}", access.ViewRegions, a.getRegion, "getRegion"},

		{"GET", p + "/jobs", access.ViewJobs, a.listJobs, "listJobs"},
		{"GET", p + "/jobs/{id}", access.ViewJobs, a.getJob, "getJob"},
		{"POST", p + "/jobs/{id}/retry", access.ViewJobs, a.retryJob, "retryJob"},

		{"GET", p + "/audit", access.ViewAudit, a.listChanges, "listAuditEntries"},
		{"GET", p + "/access-log", access.ViewAudit, a.listAccesses, "listAccessLog"},
	}
}

// openAPIDoc is the hand-written OpenAPI 3.1 document of the API. A test
// checks it against the route table, so the two cannot drift apart.
//
//go:embed openapi.json
var openAPIDoc string

// loadSpec checks that the embedded document is JSON and returns it
// compacted, as it is served.
func loadSpec() ([]byte, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(openAPIDoc)); err != nil {
		return nil, fmt.Errorf("api: openapi.json: %w", err)
	}
	return buf.Bytes(), nil
}

// openAPI serves the OpenAPI document; it is public, so a client can
// discover the API before it has a token.
func (a *API) openAPI(w http.ResponseWriter, r *http.Request, _ *request) error {
	w.Header().Set("Content-Type", jsonType)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(a.spec)
	return nil
}

// RouteInfo describes one API route for tests and documentation.
type RouteInfo struct {
	Method  string
	Pattern string
	Action  access.Action // "" for public routes
}

// Routes lists the API routes.
func (a *API) Routes() []RouteInfo {
	var out []RouteInfo
	for _, rt := range a.routes() {
		out = append(out, RouteInfo{Method: rt.method, Pattern: rt.pattern, Action: rt.action})
	}
	return out
}
