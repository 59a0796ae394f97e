package web

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web/kit"
)

// navigation lists the menu in order, each entry with the action that
// shows it; a user sees only what they may open.
var navigation = []struct {
	href   string
	key    string
	action access.Action
}{
	{"/", "nav.home", access.ViewHome},
	{"/people", "nav.people", access.ViewChild},
	{"/households", "nav.households", access.ViewChild},
	{"/duplicates", "nav.duplicates", access.ReviewDuplicates},
	{"/assessments", "nav.assessments", access.ViewChild},
	{"/places", "nav.places", access.ViewChild},
	{"/requests", "nav.requests", access.ViewRequests},
	{"/campaigns", "nav.campaigns", access.ViewCampaigns},
	{"/dashboard", "nav.dashboard", access.ViewDashboard},
	{"/desk", "nav.desk", access.ViewAppeals},
	{"/outreach", "nav.outreach", access.ViewOutreach},
	{"/out-of-school", "nav.oos_runs", access.ViewOutOfSchool},
	{"/championships", "nav.championships", access.ViewChampionships},
	{"/tournaments", "nav.tournaments", access.ViewTournaments},
	{"/activities", "nav.strands", access.ViewStrands},
	{"/coverage", "nav.coverage", access.ViewOutcomes},
	{"/matching", "nav.matching", access.ViewMatching},
	{"/my-proposals", "nav.my_proposals", access.ReplyMatching},
	{"/charities", "nav.charities", access.ViewCharities},
	{"/youth", "nav.youth", access.ViewYouth},
	{"/selections", "nav.selections", access.ViewSelection},
	{"/referrals", "nav.referrals", access.AnswerReferrals},
	{"/warehouses", "nav.warehouses", access.ViewStock},
	{"/distribution", "nav.distribution", access.ViewDistribution},
	{"/deliveries", "nav.deliveries", access.ViewDeliveries},
	{"/tasks", "nav.tasks", access.ViewTasks},
	{"/my/volunteering", "nav.my_volunteering", access.WorkTasks},
	{"/my/tasks", "nav.my_tasks", access.WorkTasks},
	{"/volunteers", "nav.volunteers", access.ViewVolunteers},
	{"/sponsors", "nav.sponsors", access.ViewSponsors},
	{"/giving", "nav.giving", access.OwnGiving},
	{"/needs", "nav.needs", access.ViewVolunteers},
	{"/hours", "nav.hours", access.ViewVolunteers},
	{"/courses", "nav.courses", access.ViewCourses},
	{"/mentors", "nav.mentors", access.ViewMentors},
	{"/my/mentoring", "nav.my_mentoring", access.OwnMentorProfile},
	{"/mentorships", "nav.mentorships", access.ViewMentorships},
	{"/safeguarding", "nav.safeguarding", access.WorkConcerns},
	{"/organisations", "nav.organisations", access.ViewOrgs},
	{"/regions", "nav.regions", access.ViewRegions},
	{"/admin/users", "nav.users", access.ManageUsers},
	{"/bot/links", "nav.botlinks", access.ManageBotLinks},
	{"/my/telegram", "nav.telegram", access.LinkTelegram},
	{"/tokens", "nav.tokens", access.ManageOwnToken},
	{"/admin/jobs", "nav.jobs", access.ViewJobs},
	{"/admin/bot", "nav.bot", access.OperateBot},
	{"/admin/audit", "nav.audit", access.ViewAudit},
	{"/admin/access-log", "nav.access_log", access.ViewAudit},
	{"/admin/settings", "nav.settings", access.ManageSettings},
}

// campaignPages are the pages of aid campaigns, shown only to someone
// who sees a campaign (see navFor).
var campaignPages = map[string]bool{"/requests": true, "/campaigns": true, "/dashboard": true,
	"/distribution": true, "/deliveries": true}

// navFor is the menu principal p sees on the page at current. The pages
// of aid campaigns are left out for someone who sees no campaign — the
// staff of a youth organisation that runs none — except the campaigns'
// list for those who may start the first one.
func (s *Server) navFor(ctx context.Context, p access.Principal, current string) []kit.NavItem {
	runs := s.seesCampaigns(ctx, p)
	var out []kit.NavItem
	for _, n := range navigation {
		if !offers(p, n.href, n.action, runs) {
			continue
		}
		cur := current == n.href || (n.href != "/" && strings.HasPrefix(current, n.href+"/"))
		out = append(out, kit.NavItem{Href: n.href, Key: n.key, Current: cur})
	}
	return out
}

// offers reports whether the menu and the home page offer p the page at
// href, which action opens; runs says whether p sees a campaign (see
// navFor).
func offers(p access.Principal, href string, action access.Action, runs bool) bool {
	if !access.Allowed(p, action) {
		return false
	}
	if campaignPages[href] && !runs {
		return href == "/campaigns" && access.Allowed(p, access.ManageCampaigns)
	}
	return true
}

// seesCampaigns reports whether p sees a campaign; when that cannot be
// read, the menu errs on the side of showing the pages, which check
// access themselves.
func (s *Server) seesCampaigns(ctx context.Context, p access.Principal) bool {
	if !access.Allowed(p, access.ViewCampaigns) {
		return false
	}
	ok, err := s.svc.Campaigns.AnyVisible(ctx, p)
	if err != nil {
		s.Logger.Warn("menu: campaigns", "err", err)
		return true
	}
	return ok
}
