package web

import "github.com/jolproject/jol/internal/access"

// homeLinks are what a home page offers, in the menu's order: each page
// with the action that opens it and a line saying what it is for. A user
// sees only the pages their role may open, so every role's home lists
// what it can do in this version. A new page adds its line here.
var homeLinks = []struct {
	href   string
	title  string // the menu's name of the page
	text   string // one line on what it is for
	action access.Action
}{
	{"/people", "nav.people", "home.link.people", access.ViewChild},
	{"/households", "nav.households", "home.link.households", access.ViewChild},
	{"/duplicates", "nav.duplicates", "home.link.duplicates", access.ReviewDuplicates},
	{"/imports", "imports.title", "home.link.imports", access.EditChild},
	{"/assessments", "nav.assessments", "home.link.assessments", access.ViewChild},
	{"/places", "nav.places", "home.link.places", access.ViewChild},
	{"/requests", "nav.requests", "home.link.requests", access.ViewRequests},
	{"/campaigns", "nav.campaigns", "home.link.campaigns", access.ViewCampaigns},
	{"/catalogue", "catalogue.title", "home.link.catalogue", access.ViewCampaigns},
	{"/dashboard", "nav.dashboard", "home.link.dashboard", access.ViewDashboard},
	{"/desk", "nav.desk", "home.link.desk", access.ViewAppeals},
	{"/desk/stats", "desk.stats", "home.link.desk_stats", access.ViewAppeals},
	{"/desk/rules", "desk.rules", "home.link.desk_rules", access.ManageAppealRules},
	{"/outreach", "nav.outreach", "home.link.outreach", access.ViewOutreach},
	{"/outreach/funnel", "outreach.funnel", "home.link.outreach_funnel", access.ViewOutreach},
	{"/out-of-school", "nav.oos_runs", "home.link.oos_runs", access.ViewOutOfSchool},
	{"/championships", "nav.championships", "home.link.championships", access.ViewChampionships},
	{"/my/juries", "championship.my_juries", "home.link.my_juries", access.ScoreChampionships},
	{"/tournaments", "nav.tournaments", "home.link.tournaments", access.ViewTournaments},
	{"/activities", "nav.strands", "home.link.strands", access.ViewStrands},
	{"/coverage", "nav.coverage", "home.link.coverage", access.ViewOutcomes},
	{"/matching", "nav.matching", "home.link.matching", access.ViewMatching},
	{"/my-proposals", "nav.my_proposals", "home.link.my_proposals", access.ReplyMatching},
	{"/charities", "nav.charities", "home.link.charities", access.ViewCharities},
	{"/youth", "nav.youth", "home.link.youth", access.ViewYouth},
	{"/selections", "nav.selections", "home.link.selections", access.ViewSelection},
	{"/referrals", "nav.referrals", "home.link.referrals", access.AnswerReferrals},
	{"/warehouses", "nav.warehouses", "home.link.warehouses", access.ViewStock},
	{"/donors", "stock.donors", "home.link.donors", access.ViewStock},
	{"/distribution", "nav.distribution", "home.link.distribution", access.ViewDistribution},
	{"/deliveries", "nav.deliveries", "home.link.deliveries", access.ViewDeliveries},
	{"/tasks", "nav.tasks", "home.link.tasks", access.ViewTasks},
	{"/my/volunteering", "nav.my_volunteering", "home.link.my_volunteering", access.WorkTasks},
	{"/my/tasks", "nav.my_tasks", "home.link.my_tasks", access.WorkTasks},
	{"/devices", "nav.devices", "home.link.devices", access.ViewStock},
	{"/volunteers", "nav.volunteers", "home.link.volunteers", access.ViewVolunteers},
	{"/needs", "nav.needs", "home.link.needs", access.ViewVolunteers},
	{"/hours", "nav.hours", "home.link.hours", access.ViewVolunteers},
	{"/courses", "nav.courses", "home.link.courses", access.ViewCourses},
	{"/mentors", "nav.mentors", "home.link.mentors", access.ViewMentors},
	{"/mentors/school", "mentors.school_title", "home.link.mentors_school", access.ViewMentors},
	{"/mentors/stats", "mentors.stats_title", "home.link.mentors_stats", access.ViewMentors},
	{"/my/mentoring", "nav.my_mentoring", "home.link.my_mentoring", access.OwnMentorProfile},
	{"/mentorships", "nav.mentorships", "home.link.mentorships", access.ViewMentorships},
	{"/mentorships/activity", "mentorship.activity_title", "home.link.mentor_activity", access.ViewMentors},
	{"/safeguarding", "nav.safeguarding", "home.link.safeguarding", access.WorkConcerns},
	{"/organisations", "nav.organisations", "home.link.organisations", access.ViewOrgs},
	{"/regions", "nav.regions", "home.link.regions", access.ViewRegions},
	{"/admin/users", "nav.users", "home.link.users", access.ManageUsers},
	{"/admin/jobs", "nav.jobs", "home.link.jobs", access.ViewJobs},
	{"/admin/bot", "nav.bot", "home.link.bot", access.OperateBot},
	{"/admin/audit", "nav.audit", "home.link.audit", access.ViewAudit},
	{"/admin/access-log", "nav.access_log", "home.link.access_log", access.ViewAudit},
	{"/admin/settings", "nav.settings", "home.link.settings", access.ManageSettings},
	{"/bot/links", "nav.botlinks", "home.link.botlinks", access.ManageBotLinks},
	{"/my/telegram", "nav.telegram", "home.link.telegram", access.LinkTelegram},
	{"/tokens", "nav.tokens", "home.link.tokens", access.ManageOwnToken},
}

// upcoming are the roles whose work Jol does not do yet: their home says
// what Jol will offer them (home.coming.<role>) beside what they can do
// today.
var upcoming = []access.Role{access.Sponsor}
