package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/youth"
)

// almatyYouth is how many young people the youth organisation's Almaty
// Region branch follows: enough for the region's case championship to
// field its teams of three, one district each.
const almatyYouth = 120

// seedAlmatyYouth registers almatyYouth adults living in the districts of
// Almaty Region with the youth organisation whose head office is head;
// routing gives them to its Almaty Region branch. Registration is
// idempotent, so a second run, or one after a run cut short, adds only
// what is missing.
func seedAlmatyYouth(ctx context.Context, s *services.Services, today time.Time, head int64) error {
	o, err := s.Orgs.Get(ctx, access.System, head)
	if err != nil {
		return err
	}
	p := access.Principal{Name: "demo", Role: access.Coordinator, OrgID: o.ID, OrgPath: o.Path}
	rnd := rand.New(rand.NewPCG(13, 2026))
	fields := []string{"education", "career", "business", "public_service", "media", "culture", "sport", "it"}
	for i := range almatyYouth {
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
			RegionCode: almatyDistricts[i%len(almatyDistricts)].code, Settlement: settlement, Status: status,
			Field: fields[rnd.IntN(len(fields))], Language: lang, Channel: youth.Web, Shortlist: rnd.IntN(4) != 0,
			Contact: youth.Contact{Phone: fmt.Sprintf("+7 727 %03d %04d", i, 2026+i)}}
		if _, err := s.Youth.Register(ctx, p, o.ID, in); err != nil {
			return fmt.Errorf("demo young person %s %s: %w", last, first, err)
		}
	}
	return nil
}
