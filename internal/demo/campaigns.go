package demo

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/orgs"
)

// campaignOrganisations are the organisations the sample campaigns add:
// the partners of "Road to School" in Karaganda region and the
// benefactors of Qazvin province with its education department.
var campaignOrganisations = []org{
	{key: "edu-kar", name: "Қарағанды облысының білім басқармасы", typ: orgs.EducationDepartment, region: "KZ-35", parent: "fund", locale: "kk"},
	{key: "centre-kar", name: "Центр поддержки детей «Шапағат», Караганда", typ: orgs.SupportCentre, region: "KZ-35", parent: "fund", locale: "ru"},
	{key: "akimat-kar", name: "Қарағанды қаласының әкімдігі", typ: orgs.CityCouncil, region: "KZ-35", locale: "kk"},
	{key: "police-kar", name: "Департамент полиции Карагандинской области", typ: orgs.Police, region: "KZ-35", locale: "ru"},
	{key: "qazvin", name: "مجمع خیرین حامی تحصیل کودکان استان قزوین", typ: orgs.Charity, region: "IR-26", locale: "fa"},
	{key: "edu-qazvin", name: "اداره کل آموزش و پرورش استان قزوین", typ: orgs.EducationDepartment, region: "IR-26", locale: "fa"},
}

// roadTexts are the texts of "Road to School" in the five languages.
var roadTexts = []campaign.Text{
	{Locale: "kk", Name: "Мектепке жол", Slogan: "Жүректен жүрекке",
		WhoMayApply: "Қарағанды облысындағы аз қамтылған, көп балалы, толық емес отбасылардың, жетім және ата-анасының қамқорлығынсыз қалған 1–4 сынып оқушылары."},
	{Locale: "ru", Name: "Дорога в школу", Slogan: "От сердца к сердцу",
		WhoMayApply: "Ученики 1–4 классов Карагандинской области из малообеспеченных, многодетных и неполных семей, сироты и дети, оставшиеся без попечения родителей."},
	{Locale: "en", Name: "Road to School", Slogan: "From heart to heart",
		WhoMayApply: "Pupils of grades 1–4 in Karaganda region from low-income, large or single-parent families, orphans and children without parental care."},
	{Locale: "fr", Name: "Le chemin de l’école", Slogan: "De cœur à cœur",
		WhoMayApply: "Les élèves des classes 1 à 4 de la région de Karaganda issus de familles modestes, nombreuses ou monoparentales, les orphelins et les enfants privés de soins parentaux."},
	{Locale: "fa", Name: "راه مدرسه", Slogan: "از دل به دل",
		WhoMayApply: "دانش\u200cآموزان پایه\u200cهای اول تا چهارم استان کاراگاندا از خانواده\u200cهای کم\u200cدرآمد، پرجمعیت یا تک\u200cسرپرست، کودکان یتیم و کودکان بی\u200cسرپرست."},
}

// demoCampaign is one sample campaign and where it is to stand.
type demoCampaign struct {
	in      campaign.Input
	status  campaign.Status
	results []result // by hand, for a campaign run before Jol
}

// result is what a campaign run before Jol gave of the item code.
type result struct {
	code                string
	delivered, children int
}

// seedCampaigns writes the sample campaigns that are missing, known by
// their slug: this year's and last year's "Road to School" in Karaganda
// region (last year's reported with 5,000 kits given to 5,000 children,
// before Jol held its requests), devices for distance learning in Astana
// and support for out-of-school children in Qazvin province.
func seedCampaigns(ctx context.Context, s *campaign.Service, today time.Time, ids map[string]int64) error {
	have := map[string]bool{}
	list, err := s.List(ctx, access.System, campaign.Filter{})
	if err != nil {
		return fmt.Errorf("demo campaigns: %w", err)
	}
	for _, c := range list {
		have[c.Slug] = true
	}
	items := map[string]int64{}
	all, err := s.Items(ctx, access.System, true)
	if err != nil {
		return fmt.Errorf("demo catalogue: %w", err)
	}
	for _, it := range all {
		items[it.Code] = it.ID
	}
	for _, d := range demoCampaigns(today, ids) {
		if have[d.in.Slug] {
			continue
		}
		if err := seedCampaign(ctx, s, d, items); err != nil {
			return fmt.Errorf("demo campaign %s: %w", d.in.Slug, err)
		}
	}
	return nil
}

// seedCampaign creates d and moves it to its status.
func seedCampaign(ctx context.Context, s *campaign.Service, d demoCampaign, items map[string]int64) error {
	p := access.System
	c, err := s.Create(ctx, p, d.in)
	if err != nil {
		return err
	}
	path := map[campaign.Status][]campaign.Status{
		campaign.Open:     {campaign.Open},
		campaign.Closed:   {campaign.Open, campaign.Closed},
		campaign.Reported: {campaign.Open, campaign.Closed, campaign.Reported},
	}
	for _, to := range path[d.status] {
		if c, err = s.Transition(ctx, p, c.ID, c.Version, to); err != nil {
			return err
		}
	}
	if len(d.results) == 0 {
		return nil
	}
	var rs []campaign.Result
	for _, r := range d.results {
		rs = append(rs, campaign.Result{ItemID: items[r.code], Delivered: r.delivered, Children: r.children})
	}
	return s.RecordResults(ctx, p, c.ID, rs)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// roadSlug, devicesSlug and qazvinSlug are the slugs of the sample
// campaigns of year y.
func roadSlug(y int) string    { return "road-" + strconv.Itoa(y) }
func devicesSlug(y int) string { return "devices-astana-" + strconv.Itoa(y) }
func qazvinSlug(y int) string  { return "qazvin-back-to-class-" + strconv.Itoa(y) }

// lead is how many days of a shifted campaign have passed on the day
// the demo is loaded: room for the sample requests and their history.
const lead = 45

// shift is how many days the campaign whose applications are taken from
// from to until moves so that it takes them today: none when it already
// does, otherwise so that today is its lead-th day (the middle of a
// shorter window).
func shift(from, until, today time.Time) int {
	today = date(today.Year(), today.Month(), today.Day())
	if !today.Before(from) && !today.After(until) {
		return 0
	}
	into := min(lead, int(until.Sub(from).Hours()/24)/2)
	return int(today.Sub(from).Hours()/24) - into
}

// demoCampaigns are the sample campaigns as loaded on day today: this
// year's campaigns on their usual dates (Road to School 1 July – 30
// September) when these take applications today, otherwise each moved by
// whole days, its length kept, so that it does; last year's Road to
// School a year before this year's.
func demoCampaigns(today time.Time, ids map[string]int64) []demoCampaign {
	y := today.Year()
	road := func(y int, from time.Time, target int) campaign.Input {
		return campaign.Input{Slug: roadSlug(y), Programme: campaign.Kits, OrganiserID: ids["fund"],
			StartsOn: from, EndsOn: from.AddDate(0, 0, 91), Budget: int64(target) * 25000 * 100, Currency: "KZT",
			Texts: roadTexts, RegionCodes: []string{"KZ-35"},
			Partners: []campaign.Partner{{OrgID: ids["edu-kar"], Role: "education_department"}, {OrgID: ids["akimat-kar"], Role: "city_council"},
				{OrgID: ids["police-kar"], Role: "police"}, {OrgID: ids["centre-kar"], Role: "charity"}, {OrgID: ids["sponsor"], Role: "sponsor"}},
			Contacts: []campaign.Contact{
				{Kind: campaign.Hotline, Phone: "+7 7212 41 00 47"},
				{Kind: campaign.Hotline, Phone: "8 800 080 47 47"},
				{Kind: campaign.Reception, Address: "Қарағанды қ., Бұқар жырау даңғылы, 47", Hours: "Дс–Жм 9:00–18:00, Сб 10:00–14:00", RegionCode: "KZ-35", Phone: "+7 7212 41 00 48"},
				{Kind: campaign.Reception, Address: "Теміртау қ., Республика даңғылы, 20", Hours: "Дс–Жм 9:00–17:00", RegionCode: "KZ-35"},
			},
			Items:   []campaign.Offered{{Code: "primary_kit", Target: target}},
			Targets: []campaign.RegionTarget{{ItemCode: "primary_kit", RegionCode: "KZ-35", Target: target}},
		}
	}
	devices := campaign.Input{Slug: devicesSlug(y), Programme: campaign.Devices, OrganiserID: ids["edu-ast"],
		StartsOn: date(y, 9, 1), EndsOn: date(y, 12, 31), ApplyUntil: date(y, 10, 31), Budget: 100 * 250000 * 100, Currency: "KZT",
		Texts: []campaign.Text{
			{Locale: "kk", Name: "Әр балаға компьютер", Slogan: "Білімге ашық есік", WhoMayApply: "Астана мектептерінің компьютері жоқ отбасылардағы 5–11 сынып оқушылары."},
			{Locale: "ru", Name: "Компьютер каждому ребёнку", Slogan: "Открытая дверь к знаниям", WhoMayApply: "Ученики 5–11 классов школ Астаны из семей, где нет компьютера."},
			{Locale: "en", Name: "A computer for every child", Slogan: "An open door to learning", WhoMayApply: "Pupils of grades 5–11 at Astana's schools whose families have no computer."},
		},
		RegionCodes: []string{"KZ-71"},
		Partners: []campaign.Partner{{OrgID: ids["fund"], Role: "charity"}, {OrgID: ids["sponsor"], Role: "sponsor"},
			{OrgID: ids["astana"], Role: "party"}, {OrgID: ids["ast45"], Role: "school"}},
		Contacts: []campaign.Contact{{Kind: campaign.Hotline, Phone: "+7 7172 55 20 20"},
			{Kind: campaign.Reception, Address: "Астана қ., Мәңгілік Ел даңғылы, 8", Hours: "Дс–Жм 10:00–17:00", RegionCode: "KZ-71"}},
		Items: []campaign.Offered{{Code: "computer", Target: 100}},
	}
	qazvin := campaign.Input{Slug: qazvinSlug(y), Programme: campaign.OutOfSchool, OrganiserID: ids["qazvin"],
		StartsOn: date(y, 9, 1), EndsOn: date(y+1, 6, 30), Budget: 1237 * 20000000 * 100, Currency: "IRR",
		Texts: []campaign.Text{
			{Locale: "fa", Name: "بازگشت به کلاس", Slogan: "هیچ کودکی جا نماند", WhoMayApply: "کودکان لازم\u200cالتعلیم استان قزوین که در مدرسه ثبت\u200cنام نکرده\u200cاند، و خانواده\u200cهایشان."},
			{Locale: "en", Name: "Back to class", Slogan: "No child left behind", WhoMayApply: "School-age children of Qazvin province who are not enrolled in school, and their families."},
			{Locale: "fr", Name: "Retour en classe", Slogan: "Aucun enfant oublié", WhoMayApply: "Les enfants d’âge scolaire de la province de Qazvin non inscrits à l’école, et leurs familles."},
		},
		RegionCodes: []string{"IR-26"},
		Partners:    []campaign.Partner{{OrgID: ids["edu-qazvin"], Role: "education_department"}},
		Contacts: []campaign.Contact{{Kind: campaign.Hotline, Phone: "028 3355 1237"},
			{Kind: campaign.Reception, Address: "قزوین، خیابان نادری شمالی، کوچهٔ ۱۲، ساختمان مجمع خیرین", Hours: "شنبه تا چهارشنبه ۸ تا ۱۴", RegionCode: "IR-26"}},
		Items: []campaign.Offered{{Code: "course_place", Target: 300}, {Code: "health_check", Target: 1237},
			{Code: "insurance", Target: 600}, {Code: "tablet", Target: 150}},
	}
	roadFrom := date(y, 7, 1)
	roadFrom = roadFrom.AddDate(0, 0, shift(roadFrom, roadFrom.AddDate(0, 0, 91), today))
	for _, c := range []*campaign.Input{&devices, &qazvin} {
		until := c.EndsOn
		if !c.ApplyUntil.IsZero() {
			until = c.ApplyUntil
		}
		if n := shift(c.StartsOn, until, today); n != 0 {
			c.StartsOn, c.EndsOn = c.StartsOn.AddDate(0, 0, n), c.EndsOn.AddDate(0, 0, n)
			if !c.ApplyUntil.IsZero() {
				c.ApplyUntil = c.ApplyUntil.AddDate(0, 0, n)
			}
		}
	}
	return []demoCampaign{
		{in: road(y-1, roadFrom.AddDate(-1, 0, 0), 5000), status: campaign.Reported, results: []result{{"primary_kit", 5000, 5000}}},
		{in: road(y, roadFrom, 3500), status: campaign.Open},
		{in: devices, status: campaign.Open},
		{in: qazvin, status: campaign.Open},
	}
}
