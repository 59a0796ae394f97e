package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/youth"
)

// youthActivities are the activities every branch runs: the young
// leaders' school (for young people from villages) and three creative
// programmes, each with the leader of its sessions and their topics.
var youthActivities = []struct {
	name           string
	strand         strands.Strand
	capacity       int
	minAge, maxAge int
	ruralOnly      bool
	leader         string
	topics         []string
}{
	{"Жас көшбасшылар мектебі", strands.Leaders, 40, 16, 29, true, "Әсел Нұрғалиева",
		[]string{"Команда құру", "Кейс-чемпионат: жастар мәселелері", "Дебат негіздері", "Жобаны қорғау", "Ауылдағы бастамалар"}},
	{"Домбыра үйірмесі", strands.Creative, 25, 0, 0, false, "Ерлан Сәрсенбаев",
		[]string{"Қол қою, күй тарту негіздері", "«Адай» күйі", "«Балбырауын»", "Ансамбльмен ойнау", "Концертке дайындық"}},
	{"Жайдарман ойындары", strands.Creative, 30, 16, 29, false, "Тимур Ысқақов",
		[]string{"Разминка и импровизация", "Сахналық миниатюралар", "Жазу: әзіл мен сценарий", "Репетиция", "Лига ойыны"}},
	{"Курс цифрового маркетинга", strands.Creative, 25, 18, 29, false, "Ольга Ким",
		[]string{"Целевая аудитория", "Instagram и TikTok для малого бизнеса", "Контент-план", "Таргетированная реклама", "Защита проектов"}},
}

// outcomeWeights are the shares of the outcomes recorded.
var outcomeWeights = []struct {
	code   outcomes.Code
	weight int
	note   string
}{{outcomes.Education, 25, "Колледжге түсті"}, {outcomes.Employed, 30, "Устроился на работу по рекомендации наставника"},
	{outcomes.Business, 8, "Открыла своё дело"}, {outcomes.NEET, 27, ""}, {outcomes.NotReached, 10, "Телефон не отвечает"}}

// seedYouthStrands runs the activities of every branch, seven weeks old,
// with enrolment, five weekly sessions, attendance and progress, and
// records the outcome of about one young person in six of those
// registered before the runs.
func seedYouthStrands(ctx context.Context, s *services.Services, coord access.Principal, today time.Time, ids map[string]int64) error {
	people, err := demoYouth(ctx, s)
	if err != nil {
		return err
	}
	r := youthRNG(40)
	start := daysAgo(today, 49)
	for _, b := range youthBranches {
		ys := people[b.region]
		for _, act := range youthActivities {
			a, err := s.Strands.Create(ctx, coord, strands.Input{Name: act.name + " — " + b.city, Strand: act.strand,
				OrgID: ids[b.key], RegionCode: b.region, StartsOn: start, EndsOn: start.AddDate(0, 3, 0),
				Capacity: act.capacity, MinAge: act.minAge, MaxAge: act.maxAge, LocalOnly: true})
			if err != nil {
				return fmt.Errorf("%s: %w", act.name, err)
			}
			var enrolled []int64
			for _, k := range r.Perm(len(ys)) {
				y := ys[k]
				age := youth.Age(y.Birth, store.Day(today))
				if len(enrolled) == act.capacity*4/5 {
					break
				}
				if act.ruralOnly && y.Settlement != youth.Rural || act.minAge > 0 && (age < act.minAge || age > act.maxAge) {
					continue
				}
				if _, err := s.Strands.Enrol(ctx, coord, a.ID, y.ID); err != nil {
					return fmt.Errorf("enrol on %s: %w", act.name, err)
				}
				enrolled = append(enrolled, y.ID)
			}
			if err := activitySessions(ctx, s, coord, r, a.ID, start, act.topics, act.leader, enrolled); err != nil {
				return err
			}
		}
	}
	return seedOutcomes(ctx, s, coord, r, today, people)
}

// activitySessions holds activity id's five weekly sessions from start,
// records who came and the progress of every other participant.
func activitySessions(ctx context.Context, s *services.Services, coord access.Principal, r *rand.Rand, id int64,
	start time.Time, topics []string, leader string, enrolled []int64) error {
	came := map[int64]int{}
	for w, topic := range topics {
		se, err := s.Strands.AddSession(ctx, coord, id, start.AddDate(0, 0, 7*w+2), topic, leader)
		if err != nil {
			return err
		}
		marks := make([]strands.Mark, len(enrolled))
		for i, y := range enrolled {
			marks[i] = strands.Mark{YouthID: y, Present: r.IntN(10) < 8}
			if marks[i].Present {
				came[y]++
			}
		}
		if err := s.Strands.RecordAttendance(ctx, coord, se.ID, marks); err != nil {
			return err
		}
	}
	for i, y := range enrolled {
		if i%2 == 0 {
			if err := s.Strands.SetProgress(ctx, coord, id, y, came[y]*100/len(topics), ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedOutcomes records outcomes for about one in six of the young people
// registered before the runs.
func seedOutcomes(ctx context.Context, s *services.Services, coord access.Principal, r *rand.Rand, today time.Time,
	people map[string][]youth.Youth) error {
	weights := make([]int, len(outcomeWeights))
	for i, o := range outcomeWeights {
		weights[i] = o.weight
	}
	runs := store.Day(daysAgo(today, runDay))
	for _, b := range youthBranches {
		for _, y := range people[b.region] {
			if !y.RegisteredOn.Before(runs) || r.IntN(6) != 0 {
				continue
			}
			o := outcomeWeights[weighted(r, weights...)]
			if _, err := s.Outcomes.Set(ctx, coord, y.ID, outcomes.Input{Code: o.code, On: daysAgo(today, 1+r.IntN(20)),
				Note: o.note}); err != nil {
				return fmt.Errorf("outcome: %w", err)
			}
		}
	}
	return nil
}
