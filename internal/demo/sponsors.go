package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// DemoSponsors is how many sponsors the demo holds: the three donors of
// its stock, adopted, and people and companies beside them.
const DemoSponsors = 120

// sponsorLangs are the languages of the sponsors created (not adopted),
// in the order they are drawn: Kazakh, Russian, English, French, Persian.
var sponsorLangs = []struct {
	lang string
	n    int
}{{"kk", 30}, {"ru", 35}, {"en", 16}, {"fr", 12}, {"fa", 24}}

// sponsorSeeder writes the demo's sponsors through the sponsors service.
type sponsorSeeder struct {
	s     *services.Services
	r     *rand.Rand
	today time.Time
	ids   map[string]int64
	camp  map[string]int64 // campaign ids by slug
	// gives is the campaign each sponsor's gifts and pledges go to: the
	// first they support.
	gives map[int64]int64
}

// supports notes that sponsor sp gives to the first campaign of its.
func (sd *sponsorSeeder) supports(sp int64, its []int64) {
	if len(its) > 0 {
		sd.gives[sp] = its[0]
	}
}

// seedSponsors makes the stock's three donors sponsors — Dala Trade with
// the sponsor login, its backpacks and computers pledged and matched; the
// Bereke fund's notebooks pledged and partly given; the Qazvin
// benefactors' tablets — and adds DemoSponsors-3 people and companies of
// the foundation (Kazakh, Russian, English, French) and of the Tehran
// charity (Persian), some consenting to be named, with cash gifts in
// tenge, dollars, euros and rials and pledges open, partly fulfilled,
// fulfilled and overdue. A database that has a sponsor already is left
// as it is.
func seedSponsors(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	n, err := s.Sponsors.Count(ctx, access.System, sponsors.Filter{})
	if err != nil || n.N > 0 {
		return err
	}
	sd := &sponsorSeeder{s: s, r: rand.New(rand.NewPCG(11, 2026)), today: store.Day(today), ids: ids,
		camp: map[string]int64{}, gives: map[int64]int64{}}
	cs, err := s.Campaigns.List(ctx, access.System, campaign.Filter{})
	if err != nil {
		return err
	}
	for _, c := range cs {
		sd.camp[c.Slug] = c.ID
	}
	if err := sd.adopt(ctx); err != nil {
		return fmt.Errorf("demo sponsors: %w", err)
	}
	i := 0
	for _, l := range sponsorLangs {
		for range l.n {
			if err := sd.create(ctx, l.lang, i); err != nil {
				return fmt.Errorf("demo sponsor %d: %w", i, err)
			}
			i++
		}
	}
	return nil
}

// create records the i-th sponsor in lang with its gifts and pledge.
func (sd *sponsorSeeder) create(ctx context.Context, lang string, i int) error {
	in := sponsors.Input{Language: lang, OrgID: sd.ids["fund"], Consent: sd.r.IntN(10) < 6,
		CampaignIDs: sd.campaigns(roadSlug)}
	if lang == "fa" {
		in.OrgID, in.CampaignIDs = sd.ids["tehran"], sd.campaigns(qazvinSlug)
	}
	if i%5 == 3 && lang != "fa" {
		in.Language = "" // writes in the foundation's language
	}
	phone := fmt.Sprintf("+7 701 %03d %02d %02d", 100+i, i%100, (i*7)%100)
	if lang == "fa" {
		phone = fmt.Sprintf("+98 912 %03d %04d", 100+i, 1000+i*13)
	}
	in.Contacts = []sponsors.Contact{{Kind: sponsors.Phone, Value: phone}}
	in.Kind, in.Name = sponsorName(lang, i)
	if in.Kind == stock.DonorCompany {
		in.Contacts = append(in.Contacts, sponsors.Contact{Kind: sponsors.Email, Value: fmt.Sprintf("giving%d@sponsor.example", i)})
	}
	sp, err := sd.s.Sponsors.Create(ctx, access.System, in)
	if err != nil {
		return err
	}
	sd.supports(sp.ID, in.CampaignIDs)
	cur := map[string]sponsors.Currency{"kk": sponsors.KZT, "ru": sponsors.KZT, "en": sponsors.USD, "fr": sponsors.EUR,
		"fa": sponsors.IRR}[lang]
	for range sd.r.IntN(4) {
		if _, err := sd.gift(ctx, sp.ID, cur, lang, 0, sd.amount(cur), sd.today.AddDate(0, 0, -sd.r.IntN(300))); err != nil {
			return err
		}
	}
	if i%4 == 0 {
		return sd.pledge(ctx, sp.ID, cur, lang, i/4%4)
	}
	return nil
}

// sponsorName names the i-th sponsor in lang: a person when i is even,
// a company when odd, each the next combination of its parts, so no two
// are alike while the parts last.
func sponsorName(lang string, i int) (stock.DonorKind, string) {
	j := i / 2
	if i%2 == 0 {
		first, last := sponsorPeople[lang][0], sponsorPeople[lang][1]
		f := j % len(first)
		surname := last[(j/len(first)+j)%len(last)]
		if m, w, gendered := strings.Cut(surname, "|"); gendered {
			surname = map[bool]string{true: w, false: m}[f%2 == 0]
		}
		return stock.DonorPerson, first[f] + " " + surname
	}
	patterns, words := sponsorCompanies[lang][0], sponsorCompanies[lang][1]
	return stock.DonorCompany, fmt.Sprintf(patterns[j%len(patterns)], words[(j/len(patterns))%len(words)])
}

// pledge promises money of sponsor id; its state follows it: 0 fulfilled
// by a gift, 1 half given, 2 overdue with nothing given, 3 open.
func (sd *sponsorSeeder) pledge(ctx context.Context, id int64, c sponsors.Currency, lang string, state int) error {
	amount := sd.amount(c) * 2
	made, due := sd.today.AddDate(0, -3, 0), sd.today.AddDate(0, 1, 0)
	if state == 2 {
		due = sd.today.AddDate(0, 0, -20)
	}
	pl, err := sd.s.Sponsors.Pledge(ctx, access.System, sponsors.PledgeInput{SponsorID: id, CampaignID: sd.gives[id],
		Kind: sponsors.Money, Amount: amount, Currency: c, MadeOn: made, DueOn: due})
	if err != nil {
		return err
	}
	switch state {
	case 0:
		_, err = sd.gift(ctx, id, c, lang, pl.ID, amount, made.AddDate(0, 0, 20))
	case 1:
		_, err = sd.gift(ctx, id, c, lang, pl.ID, amount/2, made.AddDate(0, 0, 30))
	}
	return err
}

// gift records a cash gift of sponsor id, towards pledge when not 0.
func (sd *sponsorSeeder) gift(ctx context.Context, id int64, c sponsors.Currency, lang string, pledge, amount int64,
	on time.Time) (sponsors.Gift, error) {
	methods := sponsors.Methods()
	return sd.s.Sponsors.RecordGift(ctx, access.System, sponsors.GiftInput{SponsorID: id, CampaignID: sd.gives[id],
		PledgeID: pledge, Amount: amount, Currency: c, GivenOn: on, Method: methods[sd.r.IntN(len(methods))],
		Purpose: pick(sd.r, sponsorPurposes[lang])})
}

// amount draws a gift in minor units of c: round sums of what people
// and companies give.
func (sd *sponsorSeeder) amount(c sponsors.Currency) int64 {
	switch c {
	case sponsors.USD, sponsors.EUR:
		return int64(50+sd.r.IntN(40)*50) * 100
	case sponsors.IRR:
		return int64(5+sd.r.IntN(100)) * 1_000_000
	}
	return int64(5+sd.r.IntN(100)) * 5_000 * 100
}

// campaigns are the ids of this year's campaigns of slugs that exist.
func (sd *sponsorSeeder) campaigns(slugs ...func(int) string) []int64 {
	var out []int64
	for _, slug := range slugs {
		if id := sd.camp[slug(sd.today.Year())]; id != 0 {
			out = append(out, id)
		}
	}
	return out
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }
