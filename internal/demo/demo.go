// Package demo loads the sample installation that "jol demo" serves: a
// foundation in Almaty with its schools, centres and partners in four
// regions of Kazakhstan, a charity in Tehran with its schools, one login
// per role, and a registry of about 2,000 children in 900 families with
// names in Kazakh, Russian and Persian, the ability assessments of some of
// them and free places at lyceums and centres with children placed, so a
// newcomer can try every part of Jol at once. The families are drawn from a fixed seed: every demo holds
// the same ones.
//
// The sample campaigns are this year's and last year's "Road to School" in
// Karaganda region (last year's reported, 5,000 children, with its final
// report produced), computers for
// Astana's pupils and support for out-of-school children in Qazvin
// province, with requests in every state and a week of hotline appeals.
// This year's campaigns take applications on the day the demo is loaded,
// whenever that is: each runs on its usual dates (Road to School 1 July –
// 30 September) when these cover that day, and is otherwise moved by
// whole days, its length kept, so that the day falls 45 days after its
// start (the middle of a shorter application window); last year's Road to
// School runs a year before this year's. Stock fills three warehouses;
// a first round of allocation holds kits and computers, and distribution
// days hand some of them over; deliveries of primary kits go to
// Karaganda region's 18 children-support and 10 adaptation centres, in
// every state of the board; the computers handed over in Astana are set
// up by volunteers. 120 sponsors give in tenge, dollars, euros and
// rials, pledge money and items, and the stock's donors among them see
// where their gifts went. Last year's campaign has had its thank-you
// letters written to its sponsors and volunteers. In Qazvin province
// the benefactors' association's four charities take referrals of
// out-of-school children whose cases two outreach workers follow, at
// every step from flagged to closed. A youth organisation's young people
// take part in Almaty Region's case championship and a debate tournament
// with a break to the final, whose results feed the selection of 400
// young leaders, published with its appeals decided. The youth
// organisation «Жастар Үні» has a branch in each of Kazakhstan's five
// macro-regions, 1,000 mentors who went through its mentors' school and
// 3,000 young people, matched, mentored and enrolled on its strands
// (youthorg.go), and a branch in Almaty Region whose young people take
// part in the region's case championship (youth_almaty.go).
package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/settings"
)

// Password is the password of every demo login. The demo database is for
// trying Jol on one's own machine; never serve it to a network.
const Password = "jol-demo-2026"

// Options change what the demo loads. The data is written through the
// same domain services a user works with, so the sample obeys every rule.
type Options struct {
	// Now is the registry's clock (time.Now when nil): the children's
	// dates of birth are drawn back from its day, so their ages are the
	// same whenever the demo is loaded.
	Now func() time.Time
	// NoRegistry leaves the registry empty: the logins and organisations
	// alone.
	NoRegistry bool
}

// Login is one demo account.
type Login struct {
	Role  access.Role
	Email string
	Name  string
	Org   string
}

// logins are one per role, plus a Persian-speaking coordinator in Tehran, the
// Karaganda hotline's operator, the staff of the Shapağat centre, who
// confirm its deliveries, Qazvin's two outreach workers, the staff of
// a second Qazvin charity (the charity login is the first's), and the
// youth organisation's coordinators: its head office's, those of its
// southern and central branches and its designated safeguarding lead
// (the mentor login is a mentor of its central branch). Those with a
// language set keep it; the others follow the browser.
var logins = []struct {
	role        access.Role
	local, name string
	org, region string
	locale      string
}{
	{access.Admin, "admin", "Әсел Нұрланқызы", "", "", ""},
	{access.Coordinator, "coordinator", "Айгерим Садыкова", "fund", "", ""},
	{access.Operator, "operator", "Ольга Ким", "centre3", "KZ-75", ""},
	{access.SchoolStaff, "school", "Ержан Бекұлы", "school12", "KZ-75", ""},
	{access.Warehouse, "warehouse", "Данияр Абенов", "fund", "", ""},
	{access.Outreach, "outreach", "Гульнара Исаева", "edu", "KZ-75", ""},
	{access.Volunteer, "volunteer", "Timur Akhmetov", "fund", "", ""},
	{access.Mentor, "mentor", "Camille Martin", "astana", "KZ-71", ""},
	{access.Sponsor, "sponsor", "Dala Trade", "sponsor", "", ""},
	{access.Auditor, "auditor", "Мадина Ахметова", "fund", "", ""},
	{access.Charity, "charity", "Zahra Karimi", "qz-skills", "", ""},
	{access.Coordinator, "coordinator.ir", "مریم محمدی", "tehran", "IR-23", "fa"},
	{access.Operator, "hotline", "Жанар Сейткали", "hotline-kar", "KZ-35", "ru"},
	{access.SchoolStaff, "centre", "Гульмира Жумабаева", "centre-kar", "KZ-35", "ru"},
	{access.Outreach, qzWorker, "فاطمه رحیمی", "edu-qazvin", "IR-26", "fa"},
	{access.Outreach, qzWorker2, "علی نوروزی", "edu-qazvin", "IR-26", "fa"},
	{access.Charity, "charity.health", "رضا احمدی", "qz-health", "", "fa"},
	{access.Coordinator, "youth", "Дәурен Сейітов", "youth", "", ""},
	{access.Coordinator, "youth.south", "Ақбота Жұмабаева", "youth-south", "KZ-61", "kk"},
	{access.Coordinator, "youth.centre", "Ирина Ковальская", "youth-centre", "KZ-35", "ru"},
	{access.Coordinator, "safeguarding", "Гүлнар Әбілова", "youth", "", "ru"},
}

// Email is the address of a demo login.
func Email(local string) string { return local + "@demo.jol.example" }

// Seed writes what of the sample installation is missing and returns the
// logins either way; running it twice changes nothing. Settings are
// written with the first login only, so an installation's own choices
// stay; organisations, logins and families are each looked for first, so a
// database loaded by an earlier demo gains what was added since.
func Seed(ctx context.Context, s *services.Services, o Options) ([]Login, error) {
	p := access.System
	_, err := s.Accounts.LookupEmail(ctx, Email("admin"))
	fresh := errs.CodeOf(err) == errs.NotFound
	if err != nil && !fresh {
		return nil, err
	}
	if fresh {
		st := settings.Defaults()
		st.Name = "Jol — demo"
		if err := s.Settings.Update(ctx, p, st); err != nil {
			return nil, fmt.Errorf("demo settings: %w", err)
		}
	}
	ids, err := seedOrgs(ctx, s.Orgs)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, o := range slices.Concat(organisations, campaignOrganisations, deliveryOrganisations, outreachOrganisations,
		youthOrganisations) {
		names[o.key] = o.name
	}
	var out []Login
	for _, l := range logins {
		_, err := s.Accounts.LookupEmail(ctx, Email(l.local))
		if errs.CodeOf(err) == errs.NotFound {
			_, err = s.Accounts.Create(ctx, p, accounts.NewUser{Email: Email(l.local), Name: l.name, Role: l.role,
				OrgID: ids[l.org], Region: l.region, Locale: l.locale, Password: Password})
		}
		if err != nil {
			return nil, fmt.Errorf("demo user %s: %w", l.local, err)
		}
		out = append(out, Login{Role: l.role, Email: Email(l.local), Name: l.name, Org: names[l.org]})
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	// Campaigns hold no child: they are seeded with the organisations.
	if err := seedCampaigns(ctx, s.Campaigns, now(), ids); err != nil {
		return nil, err
	}
	// Stock holds no child either, nor do sponsors: their impact is
	// read from the ledger when asked.
	if err := seedStock(ctx, s, ids); err != nil {
		return nil, err
	}
	if err := seedSponsors(ctx, s, now(), ids); err != nil {
		return nil, err
	}
	// Nor do the charities of Qazvin's benefactors' association.
	charityIDs, err := seedCharities(ctx, s, ids)
	if err != nil {
		return nil, err
	}
	if !o.NoRegistry {
		if err := seedRegistry(ctx, s.People, s.Guidance, now(), ids); err != nil {
			return nil, err
		}
		if err := seedRequests(ctx, s, now(), ids); err != nil {
			return nil, err
		}
		// Requests the first round of allocation decides.
		if err := seedDayRequests(ctx, s, now(), ids); err != nil {
			return nil, fmt.Errorf("demo distribution day: %w", err)
		}
		if err := seedDeviceRequests(ctx, s, now(), ids); err != nil {
			return nil, fmt.Errorf("demo computers: %w", err)
		}
		if err := seedAppeals(ctx, s, now()); err != nil {
			return nil, err
		}
		if err := seedRules(ctx, s); err != nil {
			return nil, err
		}
		if err := seedAllocation(ctx, s, now().Year()); err != nil {
			return nil, err
		}
		// The distribution day hands over what the allocation held.
		if err := seedDistribution(ctx, s, now()); err != nil {
			return nil, fmt.Errorf("demo distribution day: %w", err)
		}
		// Deliveries count the centres' children; after-care follows
		// devices handed over to children.
		if err := seedDeliveries(ctx, s, now(), ids); err != nil {
			return nil, err
		}
		if err := seedAftercare(ctx, s, now(), ids); err != nil {
			return nil, err
		}
		if err := seedVolunteering(ctx, s, now(), ids); err != nil {
			return nil, err
		}
		// Qazvin's out-of-school lists and run, before the duplicates, so
		// that the scan reads the population list's children too.
		if err := seedOOSRun(ctx, s, now(), ids); err != nil {
			return nil, fmt.Errorf("demo out-of-school run: %w", err)
		}
		// Last of the registry: Karaganda's children written twice, and
		// the scan that queues them for review.
		if err := seedDuplicates(ctx, s, now(), ids); err != nil {
			return nil, fmt.Errorf("demo duplicates: %w", err)
		}
		// Out-of-school children of Qazvin followed through their cases.
		if err := seedOutreach(ctx, s, now(), ids, charityIDs); err != nil {
			return nil, fmt.Errorf("demo out-of-school cases: %w", err)
		}
		// The youth programme: mentors and their school, young people,
		// the matching, mentorships, strands and outcomes.
		if err := seedYouthProgramme(ctx, s, now(), ids); err != nil {
			return nil, err
		}
	}
	// Last, so that it names the sponsors seeded before it.
	if err := seedReport(ctx, s, now().Year()); err != nil {
		return nil, err
	}
	if err := seedLetterhead(ctx, s, ids); err != nil {
		return nil, err
	}
	// After the report, whose sponsors of last year they thank; with the
	// registry, which gives the volunteers their hours. Drawing the
	// letters takes a few seconds, which the servers of the tests without
	// a registry are spared.
	if !o.NoRegistry {
		if err := seedLetters(ctx, s, now().Year()); err != nil {
			return nil, err
		}
	}
	// The youth organisation's competitions and selection, on the young
	// people registered with it.
	if !o.NoRegistry {
		if err := seedContests(ctx, s, now(), ids["youth"]); err != nil {
			return nil, err
		}
	}
	// The bot's posters and a few chats in the simulator, after the
	// distribution day their links may point at.
	if err := seedBot(ctx, s, now()); err != nil {
		return nil, err
	}
	return out, nil
}
