package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// ChampionshipName is the name of the demo's case championship.
const ChampionshipName = "«Жастар мәселесі — жастардың көзімен» кейс-чемпионаты, Алматы облысы"

// caseRubric weighs the analysis of the problem most: it breaks a tie
// first.
var caseRubric = []championship.Criterion{
	{Code: "analysis", Name: "Мәселені талдау / Analysis of the problem", Weight: 3, Min: 0, Max: 10},
	{Code: "solution", Name: "Шешімнің сапасы / Quality of the solution", Weight: 2, Min: 0, Max: 10},
	{Code: "feasibility", Name: "Іске асырылуы / Feasibility", Weight: 2, Min: 0, Max: 10},
	{Code: "presentation", Name: "Таныстыру / Presentation", Weight: 1, Min: 0, Max: 10},
}

// tiedSheets are the scores every juror gives the two teams that tie:
// the same weighted mean (73 of 80), the first ahead on the analysis.
var tiedSheets = [2]map[string]int{
	{"analysis": 10, "solution": 9, "feasibility": 9, "presentation": 7},
	{"analysis": 9, "solution": 10, "feasibility": 10, "presentation": 6},
}

// caseTeams name the teams; the two first tie.
var caseTeams = []string{"Жас қыран", "Дала жастары", "Іле толқыны", "Алатау үміті", "Шарын", "Көктөбе",
	"Жетісу жұлдызы", "Талғар тау", "Ауыл болашағы", "Қарасай жігері", "Кеген самалы", "Балқаш арманы",
	"Ұйғыр достығы", "Райымбек ұрпағы", "Жамбыл жастары", "Есік жолы"}

// cases are the problems the teams take, assigned or brought by them.
var cases = []struct{ title, text string }{
	{"Ауыл жастарының жұмыссыздығы", "Why young people of a village leave after school, and what would keep them: work, training and a first job nearby."},
	{"Жасөспірімдер арасындағы буллинг", "Bullying in rural schools and online: how pupils, teachers and parents can stop it early."},
	{"Жастардың бос уақыты", "No club, no sports hall, no library open in the evening: a plan a district akimat could fund."},
	{"Цифрлық сауаттылық", "Young people who cannot fill in an online form or spot a fraud: a peer-to-peer course."},
	{"Ерте неке және білімнің үзілуі", "Girls who leave education early: what a youth centre can do with families and schools."},
	{"Жастар кәсіпкерлігі", "Turning a hobby into an income in a village: microgrants, mentors and a market for what is made."},
	{"Психологиялық қолдау", "Where a young person in distress turns in a district without a psychologist."},
	{"Экология және туризм", "Litter on the roads to the canyons and lakes: volunteers, guides and a living from visitors."},
}

// jurorSeat is a member of the jury and the place they come from: four
// from districts of the region, who may not score its teams, and one from
// Almaty city, who scores every team.
var jurorSeats = []struct{ name, region string }{
	{"Гүлнар Сейітжанова", "KZ-19-02"},
	{"Ержан Тоқтаров", "KZ-19-05"},
	{"Айнұр Бекова", "KZ-19-08"},
	{"Марат Әбілов", "KZ-19-03"},
	{"Ольга Ли", "KZ-75"},
}

// seedChampionship runs the case championship of Almaty Region, once:
// teams of three of the region's young people (up to 16), one from each
// district in turn, each with a case; a jury of five scores every team it
// may score, the jurors from a district leaving its teams alone (a sheet
// of one's own district is refused); then the championship is finished.
func seedChampionship(ctx context.Context, s *services.Services, pool contestPool, today time.Time) (int64, error) {
	p := pool.coord
	if id, err := findChampionship(ctx, s, pool); err != nil || id != 0 {
		return id, err
	}
	ys := pool.in("KZ-19")
	n := min(len(ys)/3, len(caseTeams))
	if n < 2 {
		return 0, nil // too few young people in the region for a championship
	}
	org := pool.head
	for _, y := range ys {
		if !y.HeadOffice {
			org = y.OrgID
			break
		}
	}
	c, err := s.Championship.Create(ctx, p, championship.Input{OrgID: org, RegionCode: "KZ-19", Name: ChampionshipName,
		Starts: today.AddDate(0, 0, -45), Ends: today.AddDate(0, 0, -44), Rubric: caseRubric})
	if err != nil {
		return 0, fmt.Errorf("demo championship: %w", err)
	}
	var teams []championship.Team
	for i := range n {
		d := almatyDistricts[i%len(almatyDistricts)]
		if i == 1 {
			d = almatyDistricts[0] // the two teams that tie share their district, so the same jurors score both
		}
		members := []int64{ys[3*i].ID, ys[3*i+1].ID, ys[3*i+2].ID}
		t, err := s.Championship.RegisterTeam(ctx, p, c.ID, championship.TeamInput{Name: caseTeams[i], RegionCode: d.code, Members: members})
		if err != nil {
			return 0, fmt.Errorf("demo championship team %s: %w", caseTeams[i], err)
		}
		k := cases[i%len(cases)]
		origin := championship.Assigned
		if i%3 == 2 {
			origin = championship.Submitted
		}
		if _, err := s.Championship.AddCase(ctx, p, t.ID, championship.Case{Title: k.title, Description: k.text, Origin: origin}); err != nil {
			return 0, fmt.Errorf("demo championship case: %w", err)
		}
		teams = append(teams, t)
	}
	var jurors []championship.Juror
	for _, js := range jurorSeats {
		j, err := s.Championship.AddJuror(ctx, p, c.ID, championship.JurorInput{Name: js.name, RegionCode: js.region})
		if err != nil {
			return 0, fmt.Errorf("demo juror %s: %w", js.name, err)
		}
		jurors = append(jurors, j)
	}
	if c, err = s.Championship.SetState(ctx, p, c.ID, championship.Scoring, c.Version); err != nil {
		return 0, err
	}
	rnd := rand.New(rand.NewPCG(19, 2026))
	for _, t := range teams {
		for _, j := range jurors {
			sheet := championship.Sheet{JurorID: j.ID, TeamID: t.ID, Scores: map[string]int{}}
			for _, cr := range caseRubric {
				sheet.Scores[cr.Code] = 4 + rnd.IntN(5)
			}
			if t.Name == caseTeams[0] || t.Name == caseTeams[1] {
				sheet.Scores = tiedSheets[slices.Index(caseTeams, t.Name)]
			}
			own := strings.HasPrefix(t.RegionPath, j.RegionPath) || strings.HasPrefix(j.RegionPath, t.RegionPath)
			err := s.Championship.Score(ctx, p, c.ID, sheet)
			switch {
			case own && err == nil:
				return 0, fmt.Errorf("demo championship: juror %s scored a team of their own district", j.Name)
			case own && (errs.As(err) == nil || errs.As(err).Key != "error.case_juror_own_region"):
				return 0, fmt.Errorf("demo championship: own district: %w", err)
			case !own && err != nil:
				return 0, fmt.Errorf("demo championship score: %w", err)
			}
		}
	}
	if _, err := s.Championship.SetState(ctx, p, c.ID, championship.Finished, c.Version); err != nil {
		return 0, err
	}
	return c.ID, nil
}

// findChampionship returns the id of the demo's championship if it is
// there, else 0.
func findChampionship(ctx context.Context, s *services.Services, pool contestPool) (int64, error) {
	cs, _, err := s.Championship.List(ctx, pool.coord, store.Page{Limit: store.MaxLimit})
	for _, c := range cs {
		if c.Name == ChampionshipName {
			return c.ID, err
		}
	}
	return 0, err
}
