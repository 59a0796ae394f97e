package web

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web/kit"
)

// entry is one page of the menu, with the action that shows it; unless
// is an action that hides it (its page is reached from another that p
// sees), "" for none.
type entry struct {
	href   string
	key    string
	action access.Action
	unless access.Action
}

// section is a heading of the menu and its pages; the first section has
// no heading, and its pages stand on their own.
type section struct {
	key     string
	entries []entry
}

// navigation lists the menu in order, by section; a user sees only what
// they may open. A wide screen shows each section as a button that opens
// its pages, so that even an administrator's menu fits a row or two.
var navigation = []section{
	{"", []entry{{"/", "nav.home", access.ViewHome, ""}}},
	{"nav.section.children", []entry{
		{"/people", "nav.people", access.ViewChild, ""},
		{"/households", "nav.households", access.ViewChild, ""},
		{"/duplicates", "nav.duplicates", access.ReviewDuplicates, ""},
		{"/assessments", "nav.assessments", access.ViewChild, ""},
		{"/places", "nav.places", access.ViewChild, ""},
		{"/coverage", "nav.coverage", access.ViewOutcomes, ""},
		{"/outreach", "nav.outreach", access.ViewOutreach, ""},
		{"/out-of-school", "nav.oos_runs", access.ViewOutOfSchool, ""},
		{"/charities", "nav.charities", access.ViewCharities, ""},
		{"/safeguarding", "nav.safeguarding", access.WorkConcerns, ""},
	}},
	{"nav.section.aid", []entry{
		{"/requests", "nav.requests", access.ViewRequests, ""},
		{"/campaigns", "nav.campaigns", access.ViewCampaigns, ""},
		{"/dashboard", "nav.dashboard", access.ViewDashboard, ""},
		{"/desk", "nav.desk", access.ViewAppeals, ""},
		{"/warehouses", "nav.warehouses", access.ViewStock, ""},
		{"/distribution", "nav.distribution", access.ViewDistribution, ""},
		{"/deliveries", "nav.deliveries", access.ViewDeliveries, ""},
	}},
	{"nav.section.youth", []entry{
		{"/youth", "nav.youth", access.ViewYouth, ""},
		{"/selections", "nav.selections", access.ViewSelection, ""},
		{"/championships", "nav.championships", access.ViewChampionships, ""},
		{"/tournaments", "nav.tournaments", access.ViewTournaments, ""},
		{"/activities", "nav.strands", access.ViewStrands, ""},
		{"/matching", "nav.matching", access.ViewMatching, ""},
		{"/my-proposals", "nav.my_proposals", access.ReplyMatching, ""},
		{"/referrals", "nav.referrals", access.AnswerReferrals, ""},
		{"/courses", "nav.courses", access.ViewCourses, ""},
		{"/mentors", "nav.mentors", access.ViewMentors, ""},
		{"/my/mentoring", "nav.my_mentoring", access.OwnMentorProfile, ""},
		{"/mentorships", "nav.mentorships", access.ViewMentorships, ""},
	}},
	{"nav.section.volunteering", []entry{
		{"/tasks", "nav.tasks", access.ViewTasks, ""},
		{"/my/volunteering", "nav.my_volunteering", access.WorkTasks, ""},
		{"/my/tasks", "nav.my_tasks", access.WorkTasks, ""},
		{"/volunteers", "nav.volunteers", access.ViewVolunteers, ""},
		{"/needs", "nav.needs", access.ViewVolunteers, ""},
		{"/hours", "nav.hours", access.ViewVolunteers, ""},
		{"/sponsors", "nav.sponsors", access.ViewSponsors, ""},
		{"/giving", "nav.giving", access.OwnGiving, ""},
	}},
	{"nav.section.admin", []entry{
		{"/organisations", "nav.organisations", access.ViewOrgs, ""},
		{"/regions", "nav.regions", access.ViewRegions, ""},
		{"/admin/users", "nav.users", access.ManageUsers, ""},
		// The bot's page links to its deep links and its simulator: who
		// operates the bot finds them there.
		{"/admin/bot", "nav.bot", access.OperateBot, ""},
		{"/bot/links", "nav.botlinks", access.ManageBotLinks, access.OperateBot},
		{"/admin/jobs", "nav.jobs", access.ViewJobs, ""},
		{"/admin/audit", "nav.audit", access.ViewAudit, ""},
		{"/admin/access-log", "nav.access_log", access.ViewAudit, ""},
		{"/admin/settings", "nav.settings", access.ManageSettings, ""},
	}},
}

// personal are the user's own pages, in the menu under their name.
var personal = []entry{
	{"/my/telegram", "nav.telegram", access.LinkTelegram, ""},
	{"/tokens", "nav.tokens", access.ManageOwnToken, ""},
}

// flatAtMost is the size of a menu shown without its sections: a role
// with few pages sees them all at once.
const flatAtMost = 8

// campaignPages are the pages of aid campaigns, shown only to someone
// who sees a campaign (see navFor).
var campaignPages = map[string]bool{"/requests": true, "/campaigns": true, "/dashboard": true,
	"/distribution": true, "/deliveries": true}

// navFor is the menu principal p sees on the page at current. The pages
// of aid campaigns are left out for someone who sees no campaign — the
// staff of a youth organisation that runs none — except the campaigns'
// list for those who may start the first one. A section of one page
// shows the page, and a menu of few pages shows no sections.
func (s *Server) navFor(ctx context.Context, p access.Principal, current string) kit.Menu {
	runs := s.seesCampaigns(ctx, p)
	var m kit.Menu
	total := 0
	for _, sec := range navigation {
		items := entries(p, sec.entries, runs, current)
		total += len(items)
		if sec.key == "" || len(items) < 2 {
			m.Main = append(m.Main, items...)
			continue
		}
		g := kit.NavItem{Key: sec.key, Items: items}
		for _, it := range items {
			g.Current = g.Current || it.Current
		}
		m.Main = append(m.Main, g)
	}
	if total <= flatAtMost {
		var flat []kit.NavItem
		for _, it := range m.Main {
			if it.Items == nil {
				flat = append(flat, it)
			}
			flat = append(flat, it.Items...)
		}
		m.Main = flat
	}
	m.Mine = entries(p, personal, runs, current)
	return m
}

// entries are the pages of es that p is offered, current marked.
func entries(p access.Principal, es []entry, runs bool, current string) []kit.NavItem {
	var out []kit.NavItem
	for _, n := range es {
		if !offers(p, n.href, n.action, runs) || (n.unless != "" && access.Allowed(p, n.unless)) {
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
