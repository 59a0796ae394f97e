package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// applicant is a child whose family applied to a sample campaign, with
// the status their request stands at.
type applicant struct {
	last, first, parent, phone, locale string
	status                             requests.Status
	channel                            requests.Channel
}

// requestSet is who applied to the sample campaign of year y known by
// slug: children of region, registered with organisation org, in grades
// from grade up.
type requestSet struct {
	slug       func(y int) string
	region     string
	org        string
	grade      int
	status     people.Status
	applicants []applicant
}

// requestSets are the sample requests: two in every status of the
// lifecycle for this year's "Road to School" in Karaganda region (but
// allocated, which the sample allocation decides: see allocation.go), a
// few for computers in Astana and for out-of-school children in Qazvin.
var requestSets = []requestSet{
	{slug: roadSlug, region: "KZ-35", org: "fund", grade: 1, status: people.Pupil, applicants: roadApplicants},
	{slug: devicesSlug, region: "KZ-71", org: "ast45", grade: 5, status: people.Pupil, applicants: []applicant{
		{"Сапаров", "Әлихан", "Сапарова Гүлмира", "+7 701 520 14 08", "kk", requests.Submitted, requests.Web},
		{"Николаева", "Дарья", "Николаева Светлана", "+7 702 611 39 27", "ru", requests.UnderReview, requests.SchoolList},
		{"Қасымов", "Бекзат", "Қасымова Алма", "+7 705 744 80 15", "kk", requests.Approved, requests.Reception},
		{"Ahmetov", "Timur", "Ahmetova Laura", "+7 747 203 66 91", "en", requests.Waitlisted, requests.Hotline},
	}},
	{slug: qazvinSlug, region: "IR-26", org: "qazvin", grade: 3, status: people.OutOfSchool, applicants: []applicant{
		{"رضایی", "علی", "رضایی محمد", "+98 912 345 1201", "fa", requests.Submitted, requests.Hotline},
		{"کریمی", "زهرا", "کریمی فاطمه", "+98 912 345 1202", "fa", requests.UnderReview, requests.Reception},
		{"حسینی", "مهدی", "حسینی مریم", "+98 912 345 1203", "fa", requests.Approved, requests.Centre},
	}},
}

// roadApplicants are the children of Karaganda region whose families
// applied to this year's "Road to School".
var roadApplicants = []applicant{
	{"Жақсылықов", "Нұрсұлтан", "Жақсылықова Гүлнар", "+7 701 410 22 31", "kk", requests.Submitted, requests.Web},
	{"Петрова", "Алина", "Петрова Ирина", "+7 702 318 45 12", "ru", requests.Submitted, requests.Hotline},
	{"Серікбаев", "Алихан", "Серікбаева Айнұр", "+7 705 221 67 90", "kk", requests.UnderReview, requests.Centre},
	{"Ким", "Виктория", "Ким Елена", "+7 701 955 13 04", "ru", requests.UnderReview, requests.Reception},
	{"Омарова", "Аружан", "Омаров Ерлан", "+7 747 300 18 66", "kk", requests.Verified, requests.Hotline},
	{"Иванов", "Матвей", "Иванова Ольга", "+7 700 412 77 25", "ru", requests.Verified, requests.SchoolList},
	{"Байжанова", "Томирис", "Байжанова Сәуле", "+7 708 144 52 19", "kk", requests.Approved, requests.Centre},
	{"Шевченко", "Артём", "Шевченко Наталья", "+7 771 622 40 83", "ru", requests.Approved, requests.Web},
	{"Төлеуов", "Ерасыл", "Төлеуова Маржан", "+7 702 508 91 37", "kk", requests.Approved, requests.Hotline},
	{"Гаврилова", "София", "Гаврилов Дмитрий", "+7 705 733 26 48", "ru", requests.Approved, requests.Centre},
	{"Әбдірахманов", "Ильяс", "Әбдірахманова Дана", "+7 701 264 83 55", "kk", requests.Delivered, requests.Reception},
	{"Козлова", "Милана", "Козлова Татьяна", "+7 747 915 60 72", "ru", requests.Delivered, requests.Hotline},
	{"Есенова", "Айзере", "Есенов Болат", "+7 700 381 49 06", "kk", requests.Rejected, requests.Web},
	{"Морозов", "Кирилл", "Морозова Анна", "+7 708 557 12 94", "ru", requests.Rejected, requests.Hotline},
	{"Құрманов", "Санжар", "Құрманова Әсем", "+7 771 406 38 21", "kk", requests.Withdrawn, requests.Centre},
	{"Волкова", "Ева", "Волков Сергей", "+7 702 690 75 13", "ru", requests.Withdrawn, requests.Web},
	{"Нұрланова", "Жансая", "Нұрланов Асқар", "+7 705 148 26 60", "kk", requests.Waitlisted, requests.Hotline},
	{"Лебедев", "Даниил", "Лебедева Мария", "+7 701 833 04 47", "ru", requests.Waitlisted, requests.Reception},
}

// requestPaths are the moves that bring a request from submitted to each
// status, as a reviewer would make them.
var requestPaths = map[requests.Status][]requests.Status{
	requests.UnderReview: {requests.UnderReview},
	requests.Verified:    {requests.UnderReview, requests.Verified},
	requests.Approved:    {requests.UnderReview, requests.Verified, requests.Approved},
	requests.Allocated:   {requests.UnderReview, requests.Verified, requests.Approved, requests.Allocated},
	requests.Delivered:   {requests.UnderReview, requests.Verified, requests.Approved, requests.Allocated, requests.Delivered},
	requests.Rejected:    {requests.UnderReview, requests.Rejected},
	requests.Withdrawn:   {requests.Withdrawn},
	requests.Waitlisted:  {requests.UnderReview, requests.Verified, requests.Waitlisted},
}

// seedRequests records the requests of this year's sample campaigns once
// these take requests: each set's applicants submitted a day apart from
// the campaign's first day and decided on the days after, never later
// than today. Nothing is written for a campaign that does not exist, has
// not started, or has requests already.
func seedRequests(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	for _, set := range requestSets {
		if err := seedRequestSet(ctx, s, today, ids, set); err != nil {
			return fmt.Errorf("demo requests of %s: %w", set.slug(today.Year()), err)
		}
	}
	return nil
}

func seedRequestSet(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64, set requestSet) error {
	win, err := s.Requests.CampaignWindow(ctx, set.slug(today.Year()))
	if errs.CodeOf(err) == errs.NotFound || err == nil && (win.Status != "open" || today.Before(win.From)) {
		return nil
	}
	if err != nil {
		return err
	}
	have, _, err := s.Requests.List(ctx, access.System, requests.Filter{CampaignID: win.ID}, store.Page{Limit: 1})
	if err != nil || len(have) > 0 {
		return err
	}
	offer, err := s.Requests.Offer(ctx, win.ID)
	if err != nil || len(offer) == 0 {
		return err
	}
	last := win.Until
	if today.Before(last) {
		last = store.Day(today)
	}
	for i, c := range set.applicants {
		day := win.From.AddDate(0, 0, i)
		if day.After(last) {
			day = last
		}
		if err := seedRequest(ctx, s, ids, set, win.ID, offer[i%len(offer)], i, day, today); err != nil {
			return fmt.Errorf("%s %s: %w", c.last, c.first, err)
		}
	}
	return nil
}

// requestCategories are the categories of need the sample applicants hold,
// in turn.
var requestCategories = [][]string{{"low-income", "large-family"}, {"orphan"}, {"low-income"}, {"disability"}, nil}

// seedRequest registers applicant i of set and records their request on
// day, moving it a day at a time (not past today) to its status.
func seedRequest(ctx context.Context, s *services.Services, ids map[string]int64, set requestSet, campaign int64,
	item requests.Item, i int, day, today time.Time) error {
	c, last := set.applicants[i], store.Day(today)
	per, err := s.People.Create(ctx, access.System, people.Input{LastName: c.last, FirstName: c.first,
		BirthDate: time.Date(day.Year()-6-set.grade-i%4, time.Month(1+i%12), 1+i, 0, 0, 0, 0, time.UTC), RegionCode: set.region,
		OrgID: ids[set.org], Status: set.status, Grade: set.grade + i%4, Languages: []string{c.locale}})
	if err != nil {
		return err
	}
	// Most families hold a category of need with a certificate, so the
	// explanations show scores and ranks; every fifth holds none and is
	// told which condition it does not meet.
	for _, code := range requestCategories[i%len(requestCategories)] {
		ev := people.Evidence{DocType: "справка", DocNumber: fmt.Sprintf("%s-%d", set.region, 1000+i),
			IssuedOn: day.AddDate(0, -2, 0), ExpiresOn: day.AddDate(1, 0, 0), Verified: true}
		if _, err := s.People.Assign(ctx, access.System, per.ID, code, ev); err != nil {
			return err
		}
	}
	at := func(d time.Time) *requests.Service {
		at := d.Add(10*time.Hour + time.Duration(i)*time.Minute)
		if at.After(today) {
			at = today
		}
		return s.Requests.At(func() time.Time { return at })
	}
	line := requests.LineInput{ItemID: item.ID}
	if item.Sizing == "clothes" {
		line.Size = "128"
	} else if item.Sizing == "shoes" {
		line.Size = "33"
	}
	r, err := at(day).Submit(ctx, access.System, requests.Input{CampaignID: campaign, PersonID: per.ID,
		ApplicantKind: requests.ByParent, ApplicantName: c.parent, ApplicantPhone: c.phone, Channel: c.channel,
		Locale: c.locale, Lines: []requests.LineInput{line}, Via: "import"})
	if err != nil {
		return err
	}
	for _, to := range requestPaths[c.status] {
		if day.Before(last) {
			day = day.AddDate(0, 0, 1)
		}
		m := requests.Move{To: to, Version: r.Version, Via: "web"}
		if to == requests.Rejected {
			m.Reason, m.Note = requests.OutsideRegion, "Семья переехала в Астану до начала учебного года."
		}
		if r, err = at(day).Transition(ctx, access.System, r.ID, m); err != nil {
			return err
		}
	}
	return nil
}
