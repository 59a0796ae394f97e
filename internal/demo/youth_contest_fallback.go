package demo

// This file is a stand-in until the mentoring demo registers its young
// people: the competitions and the selection need some. Drop it, and its
// call in Seed, once that demo is in.

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// fallbackOrgs are a youth organisation and its branches in one region of
// each macro-region.
var fallbackOrgs = []org{
	{key: "youth", name: "«Жас Ұлан» жастар қозғалысы", typ: orgs.Party, region: "KZ", locale: "kk"},
	{key: "youth-19", name: "«Жас Ұлан» Алматы облыстық филиалы", typ: orgs.Party, region: "KZ-19", parent: "youth"},
	{key: "youth-55", name: "«Жас Ұлан» Павлодар облыстық филиалы", typ: orgs.Party, region: "KZ-55", parent: "youth"},
	{key: "youth-23", name: "«Жас Ұлан» Атырау облыстық филиалы", typ: orgs.Party, region: "KZ-23", parent: "youth"},
	{key: "youth-35", name: "«Жас Ұлан» Қарағанды облыстық филиалы", typ: orgs.Party, region: "KZ-35", parent: "youth"},
	{key: "youth-63", name: "«Жас Ұлан» Шығыс Қазақстан облыстық филиалы", typ: orgs.Party, region: "KZ-63", parent: "youth"},
}

// fallbackPerRegion is how many young people contestFallback registers
// in each branch's region: enough, over the five, for the selection's
// 400 places to be contested.
const fallbackPerRegion = 120

// contestFallback registers, when no young person is registered at all,
// fallbackPerRegion adults in each region of fallbackOrgs (those of
// Almaty region in its districts), with the organisation and branches.
// Registration is idempotent, so a run cut short finishes the next time.
func contestFallback(ctx context.Context, s *services.Services, today time.Time) error {
	ys, _, err := s.Youth.List(ctx, access.System, youth.Filter{}, store.Page{Limit: 1})
	if err != nil || len(ys) > 0 {
		return err
	}
	ids := map[string]int64{}
	for _, o := range fallbackOrgs {
		have, _, err := s.Orgs.List(ctx, access.System, orgs.Filter{Type: o.typ, Name: o.name}, store.Page{Limit: 10})
		if err != nil {
			return err
		}
		for _, h := range have {
			if h.Name == o.name {
				ids[o.key] = h.ID
			}
		}
		if ids[o.key] != 0 {
			continue
		}
		created, err := s.Orgs.Create(ctx, access.System, orgs.Input{Name: o.name, Type: o.typ, ParentID: ids[o.parent],
			RegionCode: o.region, Locale: o.locale})
		if err != nil {
			return fmt.Errorf("demo youth organisation %q: %w", o.name, err)
		}
		ids[o.key] = created.ID
	}
	head, err := s.Orgs.Get(ctx, access.System, ids["youth"])
	if err != nil {
		return err
	}
	p := access.Principal{Name: "demo", Role: access.Coordinator, OrgID: head.ID, OrgPath: head.Path}
	rnd := rand.New(rand.NewPCG(13, 2026))
	fields := []string{"education", "career", "business", "public_service", "media", "culture", "sport", "it"}
	for ri, code := range []string{"KZ-19", "KZ-55", "KZ-23", "KZ-35", "KZ-63"} {
		for i := range fallbackPerRegion {
			place := code
			if code == "KZ-19" {
				place = almatyDistricts[i%len(almatyDistricts)].code
			}
			girl, russian := rnd.IntN(2) == 0, rnd.IntN(5) == 0
			last, first := kkSurnames[rnd.IntN(len(kkSurnames))], kkBoys[rnd.IntN(len(kkBoys))]
			if russian {
				last, first = ruSurnames[rnd.IntN(len(ruSurnames))], ruBoys[rnd.IntN(len(ruBoys))]
			}
			if girl {
				last, first = feminine(last), kkGirls[rnd.IntN(len(kkGirls))]
				if russian {
					first = ruGirls[rnd.IntN(len(ruGirls))]
				}
			}
			lang, settlement, status := "kk", youth.Rural, youth.NEET
			if russian {
				lang = "ru"
			}
			if rnd.IntN(4) == 0 {
				settlement = youth.Urban
			}
			if rnd.IntN(3) == 0 {
				status = youth.InEducation
			}
			in := youth.Input{LastName: last, FirstName: first, Birth: today.AddDate(-18-rnd.IntN(11), 0, -rnd.IntN(360)),
				RegionCode: place, Settlement: settlement, Status: status, Field: fields[rnd.IntN(len(fields))],
				Language: lang, Channel: youth.Web, Shortlist: rnd.IntN(4) != 0,
				Contact: youth.Contact{Phone: fmt.Sprintf("+7 70%d %03d %04d", ri, i, 2026+i)}}
			if _, err := s.Youth.Register(ctx, p, head.ID, in); err != nil {
				return fmt.Errorf("demo young person %s %s: %w", last, first, err)
			}
		}
	}
	return nil
}
