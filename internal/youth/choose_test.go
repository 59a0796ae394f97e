package youth_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// mentors makes n approved mentors of the head office and a pool that
// offers them all, of field "it" in Almaty, the i-th one (from 0) who
// takes minors only when i is even. The pool stands for the mentoring
// side, whose own rules are its tests'.
func (w *world) mentors(t *testing.T, db *store.DB, n int) []int64 {
	t.Helper()
	g, err := geo.New(db, w.log, clock)
	must(t, err)
	ms, err := mentoring.New(db, mentoring.Deps{Audit: w.log, Geo: g, Now: clock})
	must(t, err)
	var ids []int64
	var pool []youth.PoolMentor
	for i := range n {
		m, err := ms.Create(ctx, admin, mentoring.Input{Name: fmt.Sprintf("Mentor%d Surname", i), Email: fmt.Sprintf("m%d@example.org", i),
			Background: mentoring.Media, Fields: []string{"career"}, Languages: []string{"kk"}, OrgID: w.head.ID,
			RegionCode: "KZ-75", Online: true, Capacity: 2})
		must(t, err)
		ids = append(ids, m.ID)
		mm := match.Mentor{ID: m.ID, Region: "KZ-75", Fields: []string{"it"}, Languages: []string{"kk"},
			Formats: []string{"online"}, Free: 2, School: true, Minors: i%2 == 0}
		if mm.Minors {
			mm.VettedUntil = today.AddDate(1, 0, 0)
		}
		pool = append(pool, youth.PoolMentor{Card: youth.MentorCard{ID: m.ID, FirstName: fmt.Sprintf("Mentor%d", i)}, Match: mm})
	}
	w.s.UsePool(func(context.Context, youth.Youth) ([]youth.PoolMentor, error) { return pool, nil })
	return ids
}

// TestChoose ranks mentors from the shortlist and refuses what the rules
// forbid, each with its field error; an empty ranking asks for an
// automatic match; a minor may choose before the consent and is told the
// match waits for it, among the mentors who take minors only.
func TestChoose(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		ids := w.mentors(t, db, 5)
		adult := w.register(t, in("Adult")).ID
		own, err := w.s.OwnPage(ctx, adult)
		must(t, err)
		if len(own.Shortlist) != 5 || !own.Automatic() || len(own.Missing) != 0 {
			t.Fatalf("adult's page: %d on the shortlist, choices %v, missing %v", len(own.Shortlist), own.Choices, own.Missing)
		}
		for name, c := range map[string]struct {
			ids []int64
			key string
		}{
			"four":       {ids[:4], "error.youth_choices_too_many"},
			"repeated":   {[]int64{ids[0], ids[0]}, "error.youth_choices_repeated"},
			"not listed": {[]int64{ids[0], 999999}, "error.youth_choice_not_shortlisted"},
		} {
			_, err := w.s.Choose(ctx, adult, c.ids)
			if got := strings.Join(fieldKeys(err), "; "); got != "choices "+c.key {
				t.Errorf("%s: %s, want choices %s", name, got, c.key)
			}
		}
		got, err := w.s.Choose(ctx, adult, []int64{ids[2], ids[0], ids[4]})
		must(t, err)
		if own, _ = w.s.OwnPage(ctx, adult); !slices.Equal(own.Choices, got) || own.Shortlist[2].Choice != 1 {
			t.Fatalf("chosen %v, read %v, ranks %+v", got, own.Choices, own.Shortlist)
		}
		if got, err = w.s.Choose(ctx, adult, nil); err != nil || len(got) != 0 {
			t.Fatalf("automatic: %v %v", got, err)
		}

		m := in("Minor")
		m.Birth, m.Contact.Phone = today.AddDate(-15, 0, 0), "+7 701 555 00 00"
		m.Guardian = youth.GuardianDetails{Name: "Aliya", Relation: "mother", Contact: "+7 701 000 11 22"}
		minor := w.register(t, m).ID
		own, err = w.s.OwnPage(ctx, minor)
		must(t, err)
		if len(own.Shortlist) != 3 || !slices.Equal(own.Missing, []string{"youth.missing.guardian_consent"}) {
			t.Fatalf("minor's page: %d on the shortlist, missing %v", len(own.Shortlist), own.Missing)
		}
		if _, err := w.s.Choose(ctx, minor, []int64{ids[1]}); !strings.Contains(strings.Join(fieldKeys(err), ";"), "not_shortlisted") {
			t.Fatalf("a minor chooses a mentor who takes no minors: %v", err)
		}
		if _, err := w.s.Choose(ctx, minor, []int64{ids[4], ids[0]}); err != nil {
			t.Fatalf("a minor chooses before the consent: %v", err)
		}
	})
}

// TestChooseAtOnce sends 100 rankings of one young person at once: all
// are written one after the other, and one of them stands whole.
func TestChooseAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		ids := w.mentors(t, db, 5)
		y := w.register(t, in("Busy")).ID
		var sent [][]int64
		for i := range 100 {
			sent = append(sent, []int64{ids[i%5], ids[(i+1)%5], ids[(i+3)%5]}[:1+i%3])
		}
		var wg sync.WaitGroup
		errc := make(chan error, len(sent))
		for _, c := range sent {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := w.s.Choose(ctx, y, c)
				errc <- err
			}()
		}
		wg.Wait()
		close(errc)
		for err := range errc {
			if err != nil {
				t.Fatalf("a ranking failed: %v", err)
			}
		}
		got, err := w.s.Choices(ctx, admin, y)
		must(t, err)
		if !slices.ContainsFunc(sent, func(c []int64) bool { return slices.Equal(c, got) }) {
			t.Fatalf("the choices %v are none of those sent", got)
		}
	})
}
