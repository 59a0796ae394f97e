package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/youth"
)

// TournamentName is the name of the demo's debate tournament.
const TournamentName = "«Жас көшбасшы» дебат турнирі — Ұлттық кубокқа іріктеу"

// debateTeams name the tournament's teams.
var debateTeams = []string{"Ақиқат", "Пікір", "Дәйек", "Шешен", "Сөз құдіреті", "Тұлпар", "Логос", "Аргумент",
	"Ой-сана", "Жаңа толқын", "Әділ сөз", "Көшбасшы", "Тарлан", "Сарыарқа", "Алтай", "Каспий"}

// seedTournament runs the debate tournament of the youth organisation,
// once: 16 teams of three speakers from every region its young people
// live in (two teams of each region from one college), 26 judges, some
// of them from a team's college or region, four preliminary rounds
// paired, published and balloted through the service, the break of four
// to the semi-finals and the final. The two finalists qualify for the
// national cup. Young people of skip (the championship's) are left out.
func seedTournament(ctx context.Context, s *services.Services, pool contestPool, skip map[int64]bool) (int64, error) {
	p := pool.coord
	ts, _, err := s.Tournaments.List(ctx, p, store.Page{Limit: store.MaxLimit})
	if err != nil {
		return 0, err
	}
	for _, t := range ts {
		if t.Name == TournamentName {
			return t.ID, nil
		}
	}
	byRegion := map[string][]youth.Youth{}
	var regions []string
	for _, y := range pool.youth {
		code := topRegion(y.RegionPath)
		if skip[y.ID] || code == "" {
			continue
		}
		if byRegion[code] == nil {
			regions = append(regions, code)
		}
		byRegion[code] = append(byRegion[code], y)
	}
	slices.Sort(regions)
	if len(regions) == 0 {
		return 0, nil
	}
	tr, err := s.Tournaments.Create(ctx, p, tournament.Input{OrgID: pool.head, Name: TournamentName, Prelims: 4,
		BreakSize: 4, Qualifiers: 2})
	if err != nil {
		return 0, fmt.Errorf("demo tournament: %w", err)
	}
	rnd := rand.New(rand.NewPCG(42, 2026))
	strength := map[int64]int{}
	var schools []string
	for i, name := range debateTeams {
		code := regions[i%len(regions)]
		ys := byRegion[code]
		if len(ys) < 3 {
			continue
		}
		byRegion[code] = ys[3:]
		school := fmt.Sprintf("%s: №%d колледж", code, 1+(i/len(regions))%2)
		t, err := s.Tournaments.AddTeam(ctx, p, tr.ID, tournament.TeamInput{Name: name, School: school, Region: code,
			Members: []int64{ys[0].ID, ys[1].ID, ys[2].ID}})
		if err != nil {
			return 0, fmt.Errorf("demo debate team %s: %w", name, err)
		}
		strength[t.ID] = rnd.IntN(100)
		schools = append(schools, school)
	}
	for i := range 26 {
		name := kkMen[i%len(kkMen)] + " " + kkSurnames[(3*i+5)%len(kkSurnames)]
		if i%2 == 1 {
			name = kkWomen[i%len(kkWomen)] + " " + feminine(kkSurnames[(3*i+7)%len(kkSurnames)])
		}
		in := tournament.JudgeInput{Name: name, Strength: 30 + rnd.IntN(61)}
		switch i % 3 {
		case 0: // a judge of a team's college: they may not judge it
			in.School, in.Region = schools[i%len(schools)], strings.SplitN(schools[i%len(schools)], ":", 2)[0]
		case 1: // a judge of a region: none of its teams
			in.Region = regions[i%len(regions)]
		}
		if _, err := s.Tournaments.AddJudge(ctx, p, tr.ID, in); err != nil {
			return 0, fmt.Errorf("demo judge %s: %w", name, err)
		}
	}
	for range 4 {
		r, err := s.Tournaments.PairNext(ctx, p, tr.ID)
		if err != nil {
			return 0, fmt.Errorf("demo tournament draw: %w", err)
		}
		if err := decideRound(ctx, s, pool, tr.ID, r, strength, rnd); err != nil {
			return 0, err
		}
	}
	r, err := s.Tournaments.Break(ctx, p, tr.ID)
	if err != nil {
		return 0, fmt.Errorf("demo tournament break: %w", err)
	}
	if err := decideRound(ctx, s, pool, tr.ID, r, strength, rnd); err != nil {
		return 0, err
	}
	if r, err = s.Tournaments.PairNext(ctx, p, tr.ID); err != nil {
		return 0, fmt.Errorf("demo tournament final: %w", err)
	}
	return tr.ID, decideRound(ctx, s, pool, tr.ID, r, strength, rnd)
}

// decideRound publishes round r and enters a ballot for each debate: the
// stronger team wins more often, each speaker scores about their team's
// strength, and the winners always score more.
func decideRound(ctx context.Context, s *services.Services, pool contestPool, id int64, r tournament.Round,
	strength map[int64]int, rnd *rand.Rand) error {
	if err := s.Tournaments.Publish(ctx, pool.coord, id, r.ID); err != nil {
		return err
	}
	for _, d := range r.Debates {
		speak := func(team int64) []int {
			out := make([]int, 3)
			for i := range out {
				out[i] = min(95, 62+strength[team]/5+rnd.IntN(9))
			}
			return out
		}
		in := tournament.BallotInput{Winner: "prop", PropScores: speak(d.Prop), OppScores: speak(d.Opp)}
		win, lose := &in.PropScores, &in.OppScores
		if strength[d.Opp]-strength[d.Prop]+rnd.IntN(41)-20 > 0 {
			in.Winner, win, lose = "opp", lose, win
		}
		for sum(*win) <= sum(*lose) {
			if i := rnd.IntN(3); (*win)[i] < 100 {
				(*win)[i]++
			} else {
				(*lose)[i]--
			}
		}
		if _, err := s.Tournaments.EnterBallot(ctx, pool.coord, id, d.ID, in); err != nil {
			return fmt.Errorf("demo ballot: %w", err)
		}
	}
	return nil
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// topRegion is the code of the top-level region of path ("/KZ/KZ-19/…"
// gives "KZ-19").
func topRegion(path string) string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}
