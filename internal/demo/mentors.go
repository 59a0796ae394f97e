package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// demoMentors is the size of the mentors' pool, dealt out to the five
// branches in turn.
const demoMentors = 1000

// mentorBackgrounds are the pool's backgrounds with their weights, and
// the fields of expertise each brings first.
var mentorBackgrounds = []struct {
	b      mentoring.Background
	weight int
	fields []string
}{
	{mentoring.PartyActivist, 16, []string{"public_service", "career"}},
	{mentoring.YoungDeputy, 10, []string{"public_service", "education"}},
	{mentoring.Media, 9, []string{"media", "it"}},
	{mentoring.CivicActivist, 16, []string{"education", "public_service"}},
	{mentoring.Coach, 14, []string{"career", "education"}},
	{mentoring.Culture, 9, []string{"culture", "media"}},
	{mentoring.Sport, 9, []string{"sport", "education"}},
	{mentoring.Business, 13, []string{"business", "career", "it"}},
	{mentoring.OtherBack, 4, []string{"it", "career"}},
}

// weighted returns an index drawn by weight.
func weighted(r *rand.Rand, weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// adultName draws a Kazakh or Russian name of a grown-up: first name and
// surname.
func adultName(r *rand.Rand) (string, bool) {
	woman := r.IntN(2) == 0
	if r.IntN(10) < 7 {
		last := kkSurnames[r.IntN(len(kkSurnames))]
		first := kkMen[r.IntN(len(kkMen))]
		if woman {
			last, first = feminine(last), kkWomen[r.IntN(len(kkWomen))]
		}
		return first + " " + last, woman
	}
	last := ruSurnames[r.IntN(len(ruSurnames))]
	first := ruMen[r.IntN(len(ruMen))][0]
	if woman {
		last, first = feminine(last), ruWomen[r.IntN(len(ruWomen))]
	}
	return first + " " + last, woman
}

// mentorInput is the i-th mentor of the pool, of branch b.
func mentorInput(r *rand.Rand, i int, b youthBranch, orgID int64, today time.Time) mentoring.Input {
	name, _ := adultName(r)
	weights := make([]int, len(mentorBackgrounds))
	for j, x := range mentorBackgrounds {
		weights[j] = x.weight
	}
	bg := mentorBackgrounds[weighted(r, weights...)]
	fields := []string{bg.fields[r.IntN(len(bg.fields))]}
	if r.IntN(3) == 0 {
		if f := bg.fields[r.IntN(len(bg.fields))]; f != fields[0] {
			fields = append(fields, f)
		}
	}
	langs := [][]string{{"kk", "ru"}, {"kk", "ru"}, {"kk", "ru"}, {"ru"}, {"kk"}, {"kk", "ru", "en"}, {"ru", "en"}}[r.IntN(7)]
	in := mentoring.Input{Name: name, Email: fmt.Sprintf("mentor%04d@demo.jol.example", i+1),
		Phone:      fmt.Sprintf("+7 70%d %03d %02d %02d", r.IntN(8), r.IntN(1000), r.IntN(100), r.IntN(100)),
		Background: bg.b, Fields: fields, Languages: langs, OrgID: orgID, RegionCode: b.region,
		InPerson: r.IntN(10) < 8, Capacity: 1 + r.IntN(5), Minors: r.IntN(10) < 4}
	in.Online = !in.InPerson || r.IntN(10) < 6
	if in.Minors {
		// Checked within the last year; one in twenty-five has lapsed.
		on := store.Day(today).AddDate(0, 0, -30-r.IntN(300))
		expires := on.AddDate(1, 0, 0)
		if i%25 == 3 {
			on, expires = store.Day(today).AddDate(-1, 0, -40-r.IntN(60)), store.Day(today).AddDate(0, 0, -20-r.IntN(30))
		}
		in.Vetting = mentoring.Vetting{Document: fmt.Sprintf("Справка об отсутствии судимости № %d-%06d", on.Year(), 100000+r.IntN(900000)),
			On: on, Expires: expires, CheckedBy: "Дәурен Сейітов"}
	}
	return in
}

// camille is the mentor login's own profile, in the central branch.
func camille(orgID int64, today time.Time) mentoring.Input {
	on := store.Day(today).AddDate(0, -5, 0)
	return mentoring.Input{Name: "Camille Martin", Email: Email("mentor"), Phone: "+7 701 555 12 34",
		Background: mentoring.CivicActivist, Fields: []string{"education", "career"}, Languages: []string{"ru", "en", "fr"},
		OrgID: orgID, RegionCode: "KZ-35", InPerson: true, Online: true, Capacity: 5, Minors: true,
		Vetting: mentoring.Vetting{Document: "Справка об отсутствии судимости № 2026-204518", On: on,
			Expires: on.AddDate(1, 0, 0), CheckedBy: "Ирина Ковальская"}}
}

// seedMentors enters the pool, approved, as the head office's
// coordinator, and links the mentor login to its profile; it returns the
// mentors in the order entered.
func seedMentors(ctx context.Context, s *services.Services, coord access.Principal, today time.Time, ids map[string]int64) ([]mentoring.Mentor, error) {
	r := youthRNG(1)
	out := make([]mentoring.Mentor, 0, demoMentors)
	for i := range demoMentors {
		b := youthBranches[i%len(youthBranches)]
		in := mentorInput(r, i, b, ids[b.key], today)
		if i == 3 { // the first of the central branch
			in = camille(ids[b.key], today)
		}
		m, err := s.Mentoring.Create(ctx, coord, in)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Name, err)
		}
		out = append(out, m)
	}
	u, err := s.Accounts.LookupEmail(ctx, Email("mentor"))
	if err != nil {
		return nil, err
	}
	return out, s.Mentoring.LinkUser(ctx, coord, out[3].ID, u.ID)
}
