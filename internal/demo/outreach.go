package demo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/services"
)

// seedOutreach follows out-of-school children of Qazvin province through
// their cases, one per qazvinCases, as the province's outreach workers
// and the association's charities did over the months before the demo's
// day: each case flagged as the out-of-school run flags it, then worked
// through the same services the pages call, on the day of each step. It
// runs once: an installation whose first Qazvin worker has cases already
// gains none.
//
// The children are the registry's: those of qazvinCaseChildren (written when
// missing) first, then the other school-age children of the province. A
// child who has a case already (an out-of-school run's, say) is left to
// it and the next one taken.
func seedOutreach(ctx context.Context, s *services.Services, today time.Time, ids, charities map[string]int64) error {
	staff := map[string]access.Principal{}
	for _, local := range []string{qzWorker, qzWorker2, "charity", "charity.health"} {
		u, err := s.Accounts.LookupEmail(ctx, Email(local))
		if err != nil {
			return fmt.Errorf("demo outreach login %s: %w", local, err)
		}
		staff[local] = u.Principal()
	}
	// The charity staff by the key of their charity's organisation.
	staff["qz-skills"], staff["qz-health"] = staff["charity"], staff["charity.health"]
	if n, err := s.Outreach.QueueCount(ctx, staff[qzWorker], outreach.Filter{Mine: true}); err != nil || n.N > 0 {
		return err
	}
	kids, err := qazvinKids(ctx, s, today, ids["edu-qazvin"])
	if err != nil {
		return err
	}
	w := &caseWalker{s: s, today: today, staff: staff, ids: ids, charities: charities, kids: kids}
	for i, c := range qazvinCases {
		if err := w.walk(ctx, c); err != nil {
			return fmt.Errorf("demo case %d: %w", i+1, err)
		}
	}
	return nil
}

// qazvinKids returns the ids of the children the cases may follow:
// those of qazvinCaseChildren, written when missing, then the province's
// other school-age children by id.
func qazvinKids(ctx context.Context, s *services.Services, today time.Time, org int64) ([]int64, error) {
	type named struct{ last, first string }
	have := map[named]int64{}
	var others []int64
	pg := people.Page{Limit: 500}
	for {
		list, next, err := s.People.List(ctx, access.System, people.Filter{RegionCode: "IR-26"}, pg)
		if err != nil {
			return nil, err
		}
		for _, p := range list {
			have[named{p.LastName, p.FirstName}] = p.ID
			if a, ok := p.Age(today); ok && a >= 6 && a < people.Adult {
				others = append(others, p.ID)
			}
		}
		if next == "" {
			break
		}
		pg.Cursor = next
	}
	var out []int64
	for i, k := range qazvinCaseChildren {
		if id, ok := have[named{k.last, k.first}]; ok {
			out = append(out, id)
			continue
		}
		y, m, d := today.AddDate(-k.age, 0, -(i*37)%300-20).Date()
		p, err := s.People.Create(ctx, access.System, people.Input{LastName: k.last, FirstName: k.first,
			BirthDate: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Sex: k.sex, Phone: k.phone, Address: k.address,
			RegionCode: "IR-26", Languages: []string{k.lang}, OrgID: org, Status: people.OutOfSchool})
		if err != nil {
			return nil, fmt.Errorf("demo child %s %s: %w", k.last, k.first, err)
		}
		out = append(out, p.ID)
	}
	slices.Sort(others)
	for _, id := range others {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// caseWalker works the sample cases in turn, taking the children in
// order.
type caseWalker struct {
	s     *services.Services
	today time.Time
	staff map[string]access.Principal
	ids   map[string]int64 // organisations by key
	kids  []int64
	// charities are the association's charities by their organisation's key.
	charities map[string]int64
	next      int // the first child not tried yet
	tick      int // minutes past the hour of the next action, so a day's steps keep their order
}

// at is the outreach service with its clock daysAgo days before the
// demo's day (never after it).
func (w *caseWalker) at(daysAgo int) *outreach.Service {
	w.tick++
	t := w.today.AddDate(0, 0, -daysAgo).Add(time.Duration(w.tick%60)*time.Minute - 3*time.Hour)
	if t.After(w.today) {
		t = w.today
	}
	return w.s.Outreach.WithClock(func() time.Time { return t })
}

// flag opens a case flagged daysAgo for the next child with no case and
// returns it.
func (w *caseWalker) flag(ctx context.Context, c oosCase) (outreach.Case, error) {
	for ; w.next < len(w.kids); w.next++ {
		id := w.kids[w.next]
		if _, err := w.s.Outreach.OpenCase(ctx, access.System, id, "demo"); !errors.Is(err, errs.ErrNotFound) {
			if err != nil {
				return outreach.Case{}, err
			}
			continue // a run's case: left to it
		}
		res, err := w.at(c.flagged).Flag(ctx, access.System, []outreach.Flagged{{PersonID: id, Category: c.category,
			Visibility: c.vis, Confidence: c.conf, Why: c.why, RegionCode: "IR-26", OrgID: w.ids["edu-qazvin"],
			SchoolID: w.ids[c.school]}})
		if err != nil {
			return outreach.Case{}, err
		}
		if len(res.Refused) > 0 {
			return outreach.Case{}, res.Refused[0].Err
		}
		if res.Created == 1 { // not a child whose case closed lately
			w.next++
			return w.s.Outreach.OpenCase(ctx, access.System, id, "demo")
		}
	}
	return outreach.Case{}, errors.New("no Qazvin child left without a case")
}
