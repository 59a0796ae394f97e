package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// The youth programme's sample (issue 13, the mentoring side): a youth
// organisation with a branch in each of Kazakhstan's five macro-regions,
// 1,000 mentors through the mentors' school, 3,000 young people, a
// matching run per branch with the mentors' replies, mentorships with
// their sessions, goals, feedback and one safeguarding concern, the
// young leaders' school and the creative programmes, and outcomes. Every
// date is counted back from the demo's day: the school ran three to four
// months before it, the runs eight weeks before it, the sessions in the
// weeks since.

// youthOrganisations are the youth organisation's head office in Astana
// and its five branches, each in one region of its macro-region (as
// internal/selection's table groups them).
var youthOrganisations = []org{
	{key: "youth", name: "«Жастар Үні» қоғамдық қоры", typ: orgs.Foundation, region: "KZ-71", locale: "kk"},
	{key: "youth-south", name: "«Жастар Үні» Оңтүстік филиалы", typ: orgs.Foundation, region: "KZ-61", parent: "youth", locale: "kk"},
	{key: "youth-north", name: "«Жастар Үні» Северный филиал", typ: orgs.Foundation, region: "KZ-39", parent: "youth", locale: "ru"},
	{key: "youth-west", name: "«Жастар Үні» Батыс филиалы", typ: orgs.Foundation, region: "KZ-15", parent: "youth", locale: "kk"},
	{key: "youth-centre", name: "«Жастар Үні» Орталық филиалы", typ: orgs.Foundation, region: "KZ-35", parent: "youth", locale: "ru"},
	{key: "youth-east", name: "«Жастар Үні» Шығыс филиалы", typ: orgs.Foundation, region: "KZ-63", parent: "youth", locale: "kk"},
	// Almaty Region's branch runs the case championship (youth_almaty.go).
	{key: "youth-almaty", name: "«Жастар Үні» Алматы облыстық филиалы", typ: orgs.Foundation, region: "KZ-19", parent: "youth", locale: "kk"},
}

// youthBranch is a branch of the sample with its macro-region and the
// share of its young people living in villages.
type youthBranch struct {
	key, macro, region, city string
	rural                    int // per cent
}

// youthBranches are the five branches in the order everything is dealt
// out to them.
var youthBranches = []youthBranch{
	{"youth-south", "south", "KZ-61", "Түркістан", 65},
	{"youth-north", "north", "KZ-39", "Қостанай", 45},
	{"youth-west", "west", "KZ-15", "Ақтөбе", 40},
	{"youth-centre", "centre", "KZ-35", "Қарағанды", 30},
	{"youth-east", "east", "KZ-63", "Өскемен", 45},
}

// youthRNG is the programme sample's random source: the same sample in
// every demo.
func youthRNG(stream uint64) *rand.Rand { return rand.New(rand.NewPCG(13, stream)) }

// daysAgo is the demo's day n days back, at ten in the morning.
func daysAgo(today time.Time, n int) time.Time {
	return store.Day(today).AddDate(0, 0, -n).Add(10 * time.Hour)
}

// at is a clock stopped at t.
func at(t time.Time) func() time.Time { return func() time.Time { return t } }

// seedYouthProgramme seeds the programme once: a database whose youth
// organisation has mentors already is left as it is.
func seedYouthProgramme(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	coord := demoPrincipal(ctx, s, "youth")
	if have, err := s.Mentoring.List(ctx, coord, mentoring.Filter{Limit: 1}); err != nil || len(have) > 0 {
		return err
	}
	mentors, err := seedMentors(ctx, s, coord, today, ids)
	if err != nil {
		return fmt.Errorf("demo mentors: %w", err)
	}
	if err := seedMentorSchool(ctx, s, coord, today, mentors); err != nil {
		return fmt.Errorf("demo mentors' school: %w", err)
	}
	w := &matchWalk{s: s, coord: coord, today: today, ids: ids, mentors: map[int64]mentoring.Mentor{},
		logins: map[int64]access.Principal{}, camille: mentors[3].ID}
	for _, m := range mentors {
		w.mentors[m.ID] = m
	}
	w.logins[w.camille] = demoPrincipal(ctx, s, "mentor")
	if err := w.register(ctx, 1); err != nil {
		return fmt.Errorf("demo young people: %w", err)
	}
	if err := w.runAll(ctx); err != nil {
		return fmt.Errorf("demo matching: %w", err)
	}
	// The first runs' mentorships, before the young people registered
	// since, who may then choose the places they freed.
	if err := seedMentorships(ctx, s, w); err != nil {
		return fmt.Errorf("demo mentorships: %w", err)
	}
	if err := w.register(ctx, 2); err != nil {
		return fmt.Errorf("demo young people: %w", err)
	}
	if err := w.lateRun(ctx); err != nil {
		return fmt.Errorf("demo matching: %w", err)
	}
	if err := seedYouthStrands(ctx, s, coord, today, ids); err != nil {
		return fmt.Errorf("demo strands: %w", err)
	}
	return nil
}

// demoYouth reads the demo's young people by the code of the region they
// live in (the regions of youthBranches), the first registered first:
// for the programme's other samples (selections, competitions) to draw
// their participants from.
func demoYouth(ctx context.Context, s *services.Services) (map[string][]youth.Youth, error) {
	p := demoPrincipal(ctx, s, "youth")
	out := map[string][]youth.Youth{}
	pg := store.Page{Limit: store.MaxLimit}
	for {
		list, next, err := s.Youth.List(ctx, p, youth.Filter{}, pg)
		if err != nil {
			return nil, err
		}
		for _, y := range list {
			out[y.RegionCode] = append(out[y.RegionCode], y)
		}
		if next == "" {
			break
		}
		if pg.Before, err = strconv.ParseInt(next, 10, 64); err != nil {
			return nil, err
		}
	}
	for code, ys := range out { // the list is newest first
		for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
			ys[i], ys[j] = ys[j], ys[i]
		}
		out[code] = ys
	}
	return out, nil
}
