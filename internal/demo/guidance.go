package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/guidance"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// seedGuidance records what the demo has of ability diagnostics and free
// places: assessments of the younger pupils of a few schools, and offers
// of lyceums and centres with children placed on them. Pupils are picked
// from the registry in name order, so every demo picks the same ones; what
// is there already (a pupil's assessment with the same instrument, an
// offer with the same programme, children on it) is not written again.
func seedGuidance(ctx context.Context, reg *people.Service, g *guidance.Service, today time.Time, ids map[string]int64) error {
	for i, a := range assessed {
		pupils, err := pupils(ctx, reg, ids[a.school], 6, 11, a.pupils)
		if err != nil {
			return fmt.Errorf("demo assessments at %s: %w", a.school, err)
		}
		for j, per := range pupils {
			if err := assess(ctx, g, per, a.by, today, rand.New(rand.NewPCG(seedHi, uint64(i*1000+j)))); err != nil {
				return fmt.Errorf("demo assessment of %s: %w", per.FullName(), err)
			}
		}
	}
	for _, o := range offers {
		if err := seedOffer(ctx, reg, g, o, today, ids); err != nil {
			return fmt.Errorf("demo offer %q: %w", o.programme, err)
		}
	}
	return nil
}

// assess records the diagnostic of per, in the language of their family,
// unless they took it already: five abilities scored out of 10, taken in
// the last five months, with the recommendation for the best of them.
func assess(ctx context.Context, g *guidance.Service, per people.Person, by string, today time.Time, r *rand.Rand) error {
	lang := russian
	if len(per.Languages) > 0 {
		lang = map[string]script{"kk": kazakh, "ru": russian, "fa": persian}[per.Languages[0]]
	}
	in := guidance.AssessmentInput{Instrument: instruments[lang], TakenOn: today.AddDate(0, 0, -7-r.IntN(150)),
		AssessedByName: by}
	best := 0
	for i, ability := range abilities[lang] {
		in.Scores = append(in.Scores, guidance.Score{Ability: ability, Score: float64(3 + r.IntN(8)), Max: 10})
		if in.Scores[i].Score > in.Scores[best].Score {
			best = i
		}
	}
	in.Recommendation = recommendations[lang][best]
	have, err := g.Assessments(ctx, access.System, per.ID)
	if err != nil || slices.ContainsFunc(have, func(a guidance.Assessment) bool { return a.Instrument == in.Instrument }) {
		return err
	}
	_, err = g.RecordAssessment(ctx, access.System, per.ID, in)
	return err
}

// seedOffer creates offer o unless its organisation offers its programme
// already, and places children on it.
func seedOffer(ctx context.Context, reg *people.Service, g *guidance.Service, o offer, today time.Time, ids map[string]int64) error {
	p := access.System
	have, err := g.Offers(ctx, p, ids[o.org], 0)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(have, func(f guidance.Offer) bool { return f.Programme == o.programme })
	var f guidance.Offer
	if i >= 0 {
		f = have[i]
	} else {
		year := today.Year()
		if o.lastYear {
			year--
		}
		if f, err = g.CreateOffer(ctx, p, guidance.OfferInput{OrgID: ids[o.org], Year: year, Quota: o.quota,
			Programme: o.programme, Notes: o.notes}); err != nil {
			return err
		}
	}
	// Children are placed only on an offer that has none yet: the pupils
	// picked may differ once users have registered others, and the offer
	// would fill up.
	if placed, err := g.Placements(ctx, p, f.ID); err != nil || len(placed) > 0 {
		return err
	}
	var children []people.Person
	for _, school := range o.schools {
		ps, err := pupils(ctx, reg, ids[school], o.minAge, o.maxAge, len(o.outcomes))
		if err != nil {
			return err
		}
		children = append(children, ps...)
	}
	for i, outcome := range o.outcomes {
		// The schools take turns: the first child of each, then the second.
		c := children[(i%len(o.schools))*len(o.outcomes)+i/len(o.schools)]
		l, err := g.Place(ctx, p, f.ID, c.ID)
		if err == nil && outcome != guidance.Proposed {
			_, err = g.SetPlacementOutcome(ctx, p, l.ID, outcome)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", c.FullName(), err)
		}
	}
	return nil
}

// pupils returns n pupils of school aged minAge to maxAge, spread evenly
// over their list in name order.
func pupils(ctx context.Context, reg *people.Service, school int64, minAge, maxAge, n int) ([]people.Person, error) {
	f := people.Filter{OrgID: school, Status: people.Pupil, MinAge: minAge, MaxAge: maxAge, Sort: people.SortName}
	var all []people.Person
	pg := people.Page{Limit: store.MaxLimit}
	for {
		list, next, err := reg.List(ctx, access.System, f, pg)
		if err != nil {
			return nil, err
		}
		all = append(all, list...)
		if pg.Cursor = next; next == "" {
			break
		}
	}
	if len(all) < n {
		return nil, fmt.Errorf("%d pupils aged %d to %d, want %d", len(all), minAge, maxAge, n)
	}
	out := make([]people.Person, n)
	for i := range out {
		out[i] = all[i*len(all)/n]
	}
	return out, nil
}
