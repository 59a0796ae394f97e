package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/youth"
)

// The young people: 600 a branch, the first 200 of each registered
// twelve to eight weeks before the demo's day (the first run's cohort),
// the others since.
const (
	youthPerBranch = 600
	firstWave      = 200
)

// youthFields are the fields of interest with their weights.
var youthFields = []struct {
	code   string
	weight int
}{{"education", 18}, {"career", 22}, {"business", 14}, {"public_service", 8}, {"media", 8}, {"culture", 10},
	{"sport", 10}, {"it", 10}}

// youthGoals are what young people write as their goals, by status.
var youthGoals = map[youth.Status][]string{
	youth.NEET: {"Жұмыс тапқым келеді", "Хочу выбрать профессию и поступить в колледж", "Өз ісімді ашқым келеді",
		"Хочу найти первую работу", "Кәсіп үйреніп, ауылда жұмыс істегім келеді"},
	youth.InEducation: {"Грантқа түскім келеді", "Хочу подготовиться к поступлению в университет",
		"Мамандық таңдауға көмек керек", "Хочу найти стажировку"},
	youth.Employed: {"Хочу расти в карьере", "Жаңа мамандық меңгергім келеді", "Хочу запустить своё дело",
		"Басшы болуды үйренгім келеді"},
}

// matchWalk carries the programme's sample from registration to the
// mentorships: the services, the head office's coordinator, the demo's
// day, the organisations, the mentors by id and their logins.
type matchWalk struct {
	s       *services.Services
	coord   access.Principal
	today   time.Time
	ids     map[string]int64
	mentors map[int64]mentoring.Mentor
	logins  map[int64]access.Principal // by mentor id
	camille int64
	youth   []int64 // registered, in order
	n       int     // young people drawn so far
}

// register registers wave 1 or 2 of every branch, each young person on
// their day through the web form or an imported list; records most
// minors' guardians' consent; and lets some choose their mentors.
func (w *matchWalk) register(ctx context.Context, wave int) error {
	r := youthRNG(uint64(10 + wave))
	from, days, count := 90, 32, firstWave // wave 1: days 90 to 59 before
	if wave == 2 {
		from, days, count = 55, 54, youthPerBranch-firstWave
	}
	form := youth.FormPrincipal(w.coord.OrgID, w.coord.OrgPath)
	for i := range count * len(youthBranches) {
		b := youthBranches[i%len(youthBranches)]
		day := daysAgo(w.today, from-days*i/(count*len(youthBranches)))
		in := w.youthInput(r, b, day)
		p := form
		if in.Channel == youth.Import {
			p = w.coord
		}
		reg, err := w.s.Youth.WithClock(at(day)).Register(ctx, p, w.coord.OrgID, in)
		if err != nil {
			return fmt.Errorf("%s %s: %w", in.LastName, in.FirstName, err)
		}
		w.youth = append(w.youth, reg.ID)
		if reg.AgeGroup == youth.Teen && r.IntN(100) < 85 {
			g := youth.Guardian{Name: in.Guardian.Name, Relation: in.Guardian.Relation, Contact: in.Guardian.Contact,
				ConsentOn: minDay(day.AddDate(0, 0, 1+r.IntN(2)), w.today)}
			if g.Name == "" { // an imported list named no guardian
				g.Name, g.Relation, g.Contact = guardianOf(r, in.LastName)
			}
			if _, err := w.s.Youth.RecordGuardianConsent(ctx, w.coord, reg.ID, g); err != nil {
				return fmt.Errorf("consent: %w", err)
			}
		}
		if err := w.choose(ctx, r, reg.ID, b, wave == 1 || b.key == "youth-centre" && day.After(daysAgo(w.today, 10))); err != nil {
			return fmt.Errorf("choices: %w", err)
		}
	}
	return nil
}

// choose lets one young person in twelve of those who may (the first
// wave's, and the central branch's of the last days) rank one to three
// mentors of their shortlist; in the central branch one in four, and
// whoever finds the mentor login's profile there puts it first.
func (w *matchWalk) choose(ctx context.Context, r *rand.Rand, id int64, b youthBranch, may bool) error {
	share := 8
	if b.key == "youth-centre" {
		share = 25
	}
	if !may || r.IntN(100) >= share {
		return nil
	}
	list, err := w.s.Youth.Shortlist(ctx, w.coord, id)
	if err != nil || len(list) == 0 {
		return err
	}
	var picks []int64
	for _, c := range list {
		if c.ID == w.camille {
			picks = append(picks, c.ID)
		}
	}
	n := 1 + r.IntN(youth.MaxChoices)
	for _, k := range r.Perm(min(len(list), 5)) {
		if len(picks) >= n {
			break
		}
		if list[k].ID != w.camille {
			picks = append(picks, list[k].ID)
		}
	}
	_, err = w.s.Youth.Choose(ctx, id, picks)
	return err
}

// youthInput draws a young person of branch b registering on day.
func (w *matchWalk) youthInput(r *rand.Rand, b youthBranch, day time.Time) youth.Input {
	w.n++
	age := []int{14 + r.IntN(4), 18 + r.IntN(7), 25 + r.IntN(5)}[weighted(r, 25, 45, 30)]
	female := r.IntN(2) == 0
	var last, first string
	if r.IntN(100) < 72 {
		last, first = kkSurnames[r.IntN(len(kkSurnames))], kkBoys[r.IntN(len(kkBoys))]
		if female {
			last, first = feminine(last), kkGirls[r.IntN(len(kkGirls))]
		}
	} else {
		last, first = ruSurnames[r.IntN(len(ruSurnames))], ruBoys[r.IntN(len(ruBoys))]
		if female {
			last, first = feminine(last), ruGirls[r.IntN(len(ruGirls))]
		}
	}
	status := []youth.Status{youth.NEET, youth.InEducation, youth.Employed}[weighted(r, 55, 20, 25)]
	if age < 18 {
		status = []youth.Status{youth.NEET, youth.InEducation, youth.Employed}[weighted(r, 35, 60, 5)]
	}
	fw := make([]int, len(youthFields))
	for i, f := range youthFields {
		fw[i] = f.weight
	}
	in := youth.Input{LastName: last, FirstName: first, Birth: day.AddDate(-age, 0, -1-r.IntN(360)),
		RegionCode: b.region, Settlement: youth.Urban, Status: status, Field: youthFields[weighted(r, fw...)].code,
		Language: []string{"kk", "ru", "en"}[weighted(r, 55, 40, 5)], Channel: youth.Web,
		Contact:   youth.Contact{Phone: fmt.Sprintf("+7 7%02d %03d %02d %02d", 1+r.IntN(78), w.n%1000, r.IntN(100), w.n/1000)},
		Shortlist: r.IntN(10) < 7}
	in.Birth = time.Date(in.Birth.Year(), in.Birth.Month(), in.Birth.Day(), 0, 0, 0, 0, time.UTC)
	goals := youthGoals[status]
	in.Goals = goals[r.IntN(len(goals))]
	if r.IntN(100) < b.rural {
		in.Settlement = youth.Rural
	}
	if r.IntN(10) < 4 {
		in.Contact.Telegram = fmt.Sprintf("jas_%s_%04d", b.macro, w.n)
	}
	if r.IntN(4) == 0 {
		in.Channel = youth.Import
	}
	if age < 18 && (in.Channel == youth.Web || r.IntN(2) == 0) {
		in.Guardian.Name, in.Guardian.Relation, in.Guardian.Contact = guardianOf(r, last)
	}
	return in
}

// guardianOf draws a guardian of a young person of surname last.
func guardianOf(r *rand.Rand, last string) (name, relation, contact string) {
	phone := fmt.Sprintf("+7 7%02d %03d %02d %02d", 1+r.IntN(78), r.IntN(1000), r.IntN(100), r.IntN(100))
	man, father := masculine(last), r.IntN(3) == 0
	switch {
	case slices.Contains(ruSurnames, man) && father:
		return ruMen[r.IntN(len(ruMen))][0] + " " + man, "отец", phone
	case slices.Contains(ruSurnames, man):
		return ruWomen[r.IntN(len(ruWomen))] + " " + feminine(man), "мать", phone
	case father:
		return kkMen[r.IntN(len(kkMen))] + " " + man, "әкесі", phone
	}
	return kkWomen[r.IntN(len(kkWomen))] + " " + feminine(man), "анасы", phone
}

// masculine undoes feminine.
func masculine(surname string) string {
	for _, end := range []string{"ова", "ева", "ёва", "ина", "ына"} {
		if strings.HasSuffix(surname, end) {
			return strings.TrimSuffix(surname, "а")
		}
	}
	return surname
}

// minDay is the earlier of a and b.
func minDay(a, b time.Time) time.Time {
	if a.After(b) {
		return b
	}
	return a
}
