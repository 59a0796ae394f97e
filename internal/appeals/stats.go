package appeals

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Tally counts the appeals of one group received in a period: how many,
// how many are answered, how many of those by their deadline, and how
// many are still open, overdue among them.
type Tally struct {
	Key      string `json:"key"` // the kind, the channel or the region's code
	Received int    `json:"received"`
	Answered int    `json:"answered"`
	OnTime   int    `json:"on_time"`
	Open     int    `json:"open"`
	Overdue  int    `json:"overdue"`
}

// OnTimeRate is the share of the answered appeals answered by their
// deadline, from 0 to 1; 0 when none is answered.
func (t Tally) OnTimeRate() float64 {
	if t.Answered == 0 {
		return 0
	}
	return float64(t.OnTime) / float64(t.Answered)
}

func (t *Tally) add(o Tally) {
	t.Received += o.Received
	t.Answered += o.Answered
	t.OnTime += o.OnTime
	t.Open += o.Open
	t.Overdue += o.Overdue
}

// Stats are the appeals received from From to To (both days included,
// in the installation's calendar) that a reader may see: in all, and by
// kind, by channel and by first-level region (a district counts in its
// region). Overdue counts those still open past their deadline today.
type Stats struct {
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	Total     Tally     `json:"total"`
	ByKind    []Tally   `json:"by_kind"`
	ByChannel []Tally   `json:"by_channel"`
	ByRegion  []Tally   `json:"by_region"`
}

// MaxStatsDays bounds the period of the statistics.
const MaxStatsDays = 3660

// Stats counts the appeals of p's scope received from from to to.
func (s *Service) Stats(ctx context.Context, p access.Principal, from, to time.Time) (Stats, error) {
	if err := access.Can(p, access.ViewAppeals, p.Scope()); err != nil {
		return Stats{}, err
	}
	from, to = store.Day(from), store.Day(to)
	if from.IsZero() || to.IsZero() || to.Before(from) || to.Sub(from) > MaxStatsDays*24*time.Hour {
		return Stats{}, errs.Validation(errs.Field("to", "error.period", "Max", MaxStatsDays))
	}
	set, err := s.settings.Get(ctx)
	if err != nil {
		return Stats{}, err
	}
	today, err := s.today(ctx)
	if err != nil {
		return Stats{}, err
	}
	loc := set.Location()
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc).UTC()
	end := time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc).UTC()
	type group struct {
		kind, channel, path string
		t                   Tally
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (group, error) {
		var g group
		err := sc.Scan(&g.kind, &g.channel, &g.path, &g.t.Received, &g.t.Answered, &g.t.OnTime, &g.t.Open, &g.t.Overdue)
		return g, err
	}, s.q.Stats, store.Args(p.ScopeArgs(), []any{start, end, today})...)
	if err != nil {
		return Stats{}, err
	}
	st := Stats{From: from, To: to}
	kinds, channels, regions := map[string]*Tally{}, map[string]*Tally{}, map[string]*Tally{}
	for _, g := range rows {
		st.Total.add(g.t)
		tally(kinds, g.kind).add(g.t)
		tally(channels, g.channel).add(g.t)
		tally(regions, firstLevel(g.path)).add(g.t)
	}
	st.ByKind, st.ByChannel, st.ByRegion = sorted(kinds), sorted(channels), sorted(regions)
	return st, nil
}

func tally(m map[string]*Tally, key string) *Tally {
	if t, ok := m[key]; ok {
		return t
	}
	t := &Tally{Key: key}
	m[key] = t
	return t
}

// sorted lists the tallies, the most received first.
func sorted(m map[string]*Tally) []Tally {
	out := make([]Tally, 0, len(m))
	for _, t := range m {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b Tally) int {
		return cmp.Or(cmp.Compare(b.Received, a.Received), cmp.Compare(a.Key, b.Key))
	})
	return out
}

// firstLevel is the code of the first-level division on a region path,
// "/KZ/KZ-35/KZ-35-01/" → "KZ-35", or the country for a path of one.
func firstLevel(path string) string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) > 1 {
		return parts[1]
	}
	return parts[0]
}
