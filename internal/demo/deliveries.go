package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/services"
)

// backpackSlug is the slug of the sample delivery campaign of year y.
func backpackSlug(y int) string { return "backpacks-karaganda-" + strconv.Itoa(y) }

// backpackTexts are the delivery campaign's texts.
var backpackTexts = []campaign.Text{
	{Locale: "ru", Name: "Портфель — каждому воспитаннику", Slogan: "Все дети идут в школу",
		WhoMayApply: "Воспитанники 1–4 классов центров поддержки детей и центров адаптации несовершеннолетних Карагандинской области."},
	{Locale: "kk", Name: "Әр тәрбиеленушіге — портфель", Slogan: "Барлық бала мектепке барады",
		WhoMayApply: "Қарағанды облысының балаларды қолдау және кәмелетке толмағандарды бейімдеу орталықтарының 1–4 сынып тәрбиеленушілері."},
	{Locale: "en", Name: "A backpack for every pupil in care", Slogan: "Every child goes to school",
		WhoMayApply: "Pupils of grades 1–4 in the children-support and minors' adaptation centres of Karaganda region."},
}

// seedDeliveries loads the sample institutional deliveries: the rosters
// of the Karaganda centres (children of every grade, so that the plan's
// rule — one primary kit per pupil in grades 1–4 — counts only some), the
// delivery campaign, and a delivery to every support and adaptation
// centre of the region in every state the board knows: confirmed in full
// and with a shortfall, delivered and awaiting the centre (the Shapağat
// centre's, which its demo login confirms), on their way, one of them
// late, planned and overdue, due soon, on schedule. The deadline is 30
// August when that is at least a week and a half away, else twelve days
// after the day the demo is loaded. A campaign that has deliveries
// already is left as it is.
func seedDeliveries(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	if err := seedRosters(ctx, s.People, today, ids); err != nil {
		return fmt.Errorf("demo rosters: %w", err)
	}
	c, err := backpackCampaign(ctx, s.Campaigns, today, ids)
	if err != nil {
		return fmt.Errorf("demo delivery campaign: %w", err)
	}
	if list, _, err := s.Deliveries.Board(ctx, access.System, deliveries.BoardFilter{CampaignID: c.ID, All: true},
		deliveries.Page{Limit: 1}); err != nil || len(list) > 0 {
		return err
	}
	coord, keeper := demoPrincipal(ctx, s, "coordinator"), demoPrincipal(ctx, s, "warehouse")
	if coord.UserID == 0 || keeper.UserID == 0 {
		return fmt.Errorf("demo deliveries: the coordinator's and warehouse logins are missing")
	}
	var central int64
	whs, err := s.Stock.Warehouses(ctx, access.System)
	if err != nil {
		return err
	}
	for _, w := range whs {
		if w.Code == demoWarehouses[0].code {
			central = w.ID
		}
	}
	var kit int64
	for _, o := range c.Items {
		if o.Code == "primary_kit" {
			kit = o.ItemID
		}
	}
	due := deliveryDeadline(today)
	res, err := s.Deliveries.Plan(ctx, coord, deliveries.PlanInput{CampaignID: c.ID, WarehouseID: central, DueOn: due,
		Types: []orgs.Type{orgs.SupportCentre, orgs.AdaptationCentre}, Note: "Кампания «Портфель — каждому воспитаннику»",
		Lines: []deliveries.LineInput{{ItemID: kit, Rule: deliveries.PerPupil, GradeMin: 1, GradeMax: 4, PerPupil: 1}}})
	if err != nil {
		return fmt.Errorf("demo delivery plan: %w", err)
	}
	return walkDeliveries(ctx, s, res.Deliveries, coord, keeper, today, ids)
}

// deliveryDeadline is the sample deliveries' deadline on day today.
func deliveryDeadline(today time.Time) time.Time {
	today = date(today.Year(), today.Month(), today.Day())
	if d := date(today.Year(), time.August, 30); !d.Before(today.AddDate(0, 0, 10)) {
		return d
	}
	return today.AddDate(0, 0, 12)
}

// backpackCampaign is this year's delivery campaign, created and opened
// when it is missing: organised by the foundation in Karaganda region,
// offering the primary kit.
func backpackCampaign(ctx context.Context, cs *campaign.Service, today time.Time, ids map[string]int64) (campaign.Campaign, error) {
	slug := backpackSlug(today.Year())
	list, err := cs.List(ctx, access.System, campaign.Filter{Programme: campaign.Delivery})
	if err != nil {
		return campaign.Campaign{}, err
	}
	for _, c := range list {
		if c.Slug == slug {
			return cs.Get(ctx, access.System, c.ID)
		}
	}
	from := date(today.Year(), time.July, 1)
	from = from.AddDate(0, 0, shift(from, from.AddDate(0, 0, 91), today))
	d := demoCampaign{status: campaign.Open, in: campaign.Input{Slug: slug, Programme: campaign.Delivery,
		OrganiserID: ids["fund"], StartsOn: from, EndsOn: from.AddDate(0, 0, 91), Texts: backpackTexts,
		RegionCodes: []string{"KZ-35"}, Partners: []campaign.Partner{{OrgID: ids["edu-kar"], Role: "education_department"},
			{OrgID: ids["sponsor"], Role: "sponsor"}},
		Items: []campaign.Offered{{Code: "primary_kit", Target: 400}}}}
	if err := seedCampaign(ctx, cs, d, nil); err != nil {
		return campaign.Campaign{}, err
	}
	return backpackCampaign(ctx, cs, today, ids)
}

// demoPrincipal is the demo login local as a principal (the zero
// principal when it is missing).
func demoPrincipal(ctx context.Context, s *services.Services, local string) access.Principal {
	u, err := s.Accounts.LookupEmail(ctx, Email(local))
	if err != nil {
		return access.Principal{}
	}
	return u.Principal()
}

// rosterCentres are the centres whose children the demo registers: every
// delivery centre and the Shapağat centre of the campaigns.
func rosterCentres() []org {
	return slices.Concat([]org{campaignOrganisations[1]}, deliveryOrganisations)
}

// seedRosters registers the children in the care of each sample centre
// that has none yet: 8 to 15 in a support centre, 5 to 10 in an
// adaptation centre, of every grade from 1 to 9 (and a few not at school
// yet), with Kazakh or Russian names as the centre's language; drawn
// from a fixed seed, so every demo holds the same.
func seedRosters(ctx context.Context, reg *people.Service, today time.Time, ids map[string]int64) error {
	r := rand.New(rand.NewPCG(2026, 10))
	for i, c := range rosterCentres() {
		n := 8 + r.IntN(8)
		if c.typ == orgs.AdaptationCentre {
			n = 5 + r.IntN(6)
		}
		grades := make([]int, n)
		for k := range grades {
			// Two of each roster are in grades 1–4 at least.
			grades[k] = 1 + r.IntN(9)
			if k < 2 {
				grades[k] = 1 + r.IntN(4)
			} else if r.IntN(10) == 0 {
				grades[k] = 0
			}
		}
		have, err := reg.ListCount(ctx, access.System, people.Filter{OrgID: ids[c.key]})
		if err != nil {
			return err
		}
		if have.N > 0 {
			continue
		}
		for k, g := range grades {
			in := rosterChild(r, c, g, today)
			in.OrgID, in.RegionCode = ids[c.key], c.region
			if _, err := reg.Create(ctx, access.System, in); err != nil {
				return fmt.Errorf("centre %d child %d: %w", i, k, err)
			}
		}
	}
	return nil
}

// rosterChild draws a child in grade g (0: not at school yet) of centre c.
func rosterChild(r *rand.Rand, c org, g int, today time.Time) people.Input {
	girl := r.IntN(2) == 0
	age := g + 6
	if g == 0 {
		age = 4 + r.IntN(2)
	}
	in := people.Input{BirthDate: today.AddDate(-age, 0, -1-r.IntN(364)), Sex: sex(girl), Grade: g,
		Status: people.Pupil, Languages: []string{c.locale}}
	if g == 0 {
		in.Status = people.Preschool
	}
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	if c.locale == "kk" {
		in.LastName, in.FirstName = pick(kkSurnames), pick(kkBoys)
		if girl {
			in.LastName, in.FirstName = feminine(in.LastName), pick(kkGirls)
		}
		return in
	}
	in.LastName, in.FirstName = pick(ruSurnames), pick(ruBoys)
	if girl {
		in.LastName, in.FirstName = feminine(in.LastName), pick(ruGirls)
	}
	return in
}
