package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// SelectionName is the name of the demo's selection of young leaders.
const SelectionName = "Жас көшбасшылар мектебі: 400 үздік жас көшбасшыны іріктеу"

// selectionCandidates is how many candidates the demo's selection has at
// most: the competitions' participants, and young people scored at a
// regional interview up to that number.
const selectionCandidates = 900

// Rounds of the demo's selection.
const (
	roundChampionship = "Алматы облысының кейс-чемпионаты"
	roundTournament   = "Дебат турнирі"
	roundInterview    = "Облыстық кезең: сұхбат"
)

// seedSelection runs the selection of the school of young leaders, once,
// over the month before the demo's day: 400 places with quotas in
// proportion to the candidates of each macro-region, scores pulled from
// the championship and the tournament (ids 0 when not held) and entered
// for more young people from a regional interview, ranked; appeals opened
// for a week, one upheld and one rejected, a third refused as late; and
// the shortlist published.
func seedSelection(ctx context.Context, s *services.Services, pool contestPool, today time.Time, champ, tour int64) (int64, error) {
	p := pool.coord
	sels, _, err := s.Selection.List(ctx, p, store.Page{Limit: store.MaxLimit})
	if err != nil {
		return 0, err
	}
	for _, x := range sels {
		if x.Name == SelectionName {
			return x.ID, nil
		}
	}
	at := func(days int) *selection.Service {
		t := today.AddDate(0, 0, -days)
		return s.Selection.WithClock(func() time.Time { return t })
	}
	sel, err := at(30).Create(ctx, p, selection.Input{Name: SelectionName, OrgID: pool.head, Places: selection.DefaultPlaces,
		QuotaMode: selection.ProportionalQuotas, TieRule: selection.RegisteredFirst, AppealDays: 7})
	if err != nil {
		return 0, fmt.Errorf("demo selection: %w", err)
	}
	for _, src := range []struct {
		name, round string
		id          int64
	}{{"championship", roundChampionship, champ}, {"tournament", roundTournament, tour}} {
		if src.id == 0 {
			continue
		}
		got, err := at(28).PullFrom(ctx, p, sel.ID, src.round, src.name, src.id)
		if err != nil {
			return 0, fmt.Errorf("demo selection: pull the %s: %w", src.name, err)
		}
		if len(got.Refused) > 0 {
			return 0, fmt.Errorf("demo selection: %d of the %s refused: %v", len(got.Refused), src.name, got.Refused[0].Err)
		}
	}
	if err := enterInterviews(ctx, at(27), pool, sel.ID); err != nil {
		return 0, err
	}
	if _, err := at(22).Rank(ctx, p, sel.ID); err != nil {
		return 0, fmt.Errorf("demo selection rank: %w", err)
	}
	if _, err := at(21).OpenAppeals(ctx, p, sel.ID); err != nil {
		return 0, err
	}
	if err := seedSelectionAppeals(ctx, at, pool, sel.ID); err != nil {
		return 0, err
	}
	if _, err := at(12).Publish(ctx, p, sel.ID); err != nil {
		return 0, fmt.Errorf("demo selection publish: %w", err)
	}
	return sel.ID, nil
}

// enterInterviews scores at the regional interview young people of the
// pool spread over it, up to selectionCandidates candidates in all, from
// 3 to 10 by tenths.
func enterInterviews(ctx context.Context, sv *selection.Service, pool contestPool, id int64) error {
	sel, err := sv.Get(ctx, pool.coord, id)
	if err != nil {
		return err
	}
	want := selectionCandidates - sel.Candidates
	if want <= 0 {
		return nil
	}
	step := max(1, len(pool.youth)/want)
	rnd := rand.New(rand.NewPCG(400, 2026))
	for i := 0; i < len(pool.youth) && want > 0; i += step {
		score := float64(30+rnd.IntN(71)) / 10
		err := sv.Enter(ctx, pool.coord, id, selection.Score{Round: roundInterview, YouthID: pool.youth[i].ID, Score: score})
		switch e := errs.As(err); {
		case err == nil:
			want--
		case e != nil && e.Code == errs.Invalid:
			// already scored in a competition, or out of every macro-region
		default:
			return fmt.Errorf("demo interview score: %w", err)
		}
	}
	return nil
}

// seedContests runs the case championship, the debate tournament and the
// selection they feed, on the young people of the youth organisation.
func seedContests(ctx context.Context, s *services.Services, now time.Time, head int64) error {
	if err := seedAlmatyDistricts(ctx, s); err != nil {
		return err
	}
	if err := seedAlmatyYouth(ctx, s, now, head); err != nil {
		return fmt.Errorf("demo young people: %w", err)
	}
	pool, ok, err := contestYouth(ctx, s)
	if err != nil || !ok {
		return err
	}
	champ, err := seedChampionship(ctx, s, pool, now)
	if err != nil {
		return err
	}
	skip := map[int64]bool{}
	if champ != 0 {
		res, err := s.Championship.Results(ctx, pool.coord, champ)
		if err != nil {
			return err
		}
		for _, r := range res {
			skip[r.YouthID] = true
		}
	}
	tour, err := seedTournament(ctx, s, pool, skip)
	if err != nil {
		return err
	}
	_, err = seedSelection(ctx, s, pool, now, champ, tour)
	return err
}
