package demo

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// sessionTopics are what mentors and young people talk about.
var sessionTopics = []string{
	"Знакомство, ожидания и правила встреч",
	"Мақсат қою: алдағы үш айға жоспар",
	"Резюме и сопроводительное письмо",
	"Колледжге құжат тапсыру: мерзімдер мен талаптар",
	"Подготовка к собеседованию",
	"Бизнес-идея: кім сатып алады?",
	"Жұмыс іздеу: enbek.kz және жергілікті вакансиялар",
	"Тайм-менеджмент и учёба",
	"Портфолио және алғашқы жобалар",
}

// goalTitles are the goals set at the first sessions.
var goalTitles = []string{
	"Составить резюме и отправить пять откликов",
	"Колледжге құжат тапсыру",
	"Пройти онлайн-курс по выбранной профессии",
	"Бизнес-жоспар жазу және грантқа өтінім беру",
	"Найти стажировку на лето",
	"Ағылшын тілін A2 деңгейіне жеткізу",
}

// feedbackComments are the young people's comments, the better first;
// mentorComments the mentors'.
var (
	feedbackComments = []string{"Очень полезная встреча, есть понятный план.", "Кездесу пайдалы болды, рахмет!",
		"Нормально, но хотелось бы больше практики.", "Уақыт аз болды."}
	mentorComments = []string{"Пришёл подготовленным, резюме почти готово.", "Белсенді, сұрақтары көп — жақсы белгі.",
		"Договорились о домашнем задании к следующей встрече.", "Мақсатқа біртіндеп жақындап келеді."}
)

// seedMentorships works a third of the mentorships the first runs
// started, and those of the mentor login: weekly sessions since the
// start with their feedback both ways and a goal or two; four completed
// the day before the demo's, one of the mentor login's ended early three
// weeks ago (so the late run may propose them a young person), and one
// concern about a minor's mentorship open with the head office's
// designated safeguarding lead.
func seedMentorships(ctx context.Context, s *services.Services, w *matchWalk) error {
	lead := demoPrincipal(ctx, s, "safeguarding")
	if err := s.Mentorship.SetLead(ctx, w.coord, w.coord.OrgID, lead.UserID); err != nil {
		return fmt.Errorf("safeguarding lead: %w", err)
	}
	var all []mentorship.Mentorship
	pg := store.Page{Limit: store.MaxLimit}
	for {
		page, next, err := s.Mentorship.List(ctx, w.coord, mentorship.Filter{Status: mentorship.Active}, pg)
		if err != nil {
			return err
		}
		all = append(all, page...)
		if next == "" {
			break
		}
		if pg.Before, err = strconv.ParseInt(next, 10, 64); err != nil {
			return err
		}
	}
	slices.SortFunc(all, func(a, b mentorship.Mentorship) int { return int(a.ID - b.ID) })
	r := youthRNG(30)
	today := store.Day(w.today)
	completed, concern, early := 0, false, false
	for i, m := range all {
		who := w.logins[m.MentorID]
		if m.MentorID == w.camille && !early {
			early = true
			if _, err := s.Mentorship.WithClock(at(daysAgo(w.today, 20))).End(ctx, who, m.ID, mentorship.EndedEarly,
				"Переезд на работу в Атырау: встречаться больше не получается, на звонки не отвечает."); err != nil {
				return fmt.Errorf("end early: %w", err)
			}
			continue
		}
		if i%3 != 0 && m.MentorID != w.camille {
			continue
		}
		var held []mentorship.Session
		formats := w.mentors[m.MentorID].Formats()
		for day := m.StartedOn.AddDate(0, 0, 2+r.IntN(4)); day.Before(today) && len(held) < 6; day = day.AddDate(0, 0, 7+r.IntN(8)) {
			ses, err := s.Mentorship.LogSession(ctx, who, m.ID, mentorship.SessionInput{HeldOn: day,
				Minutes: 45 + 15*r.IntN(6), Format: formats[r.IntN(len(formats))],
				Topic: sessionTopics[min(len(held)*2+r.IntN(2), len(sessionTopics)-1)]})
			if err != nil {
				return fmt.Errorf("session: %w", err)
			}
			held = append(held, ses)
			if r.IntN(10) < 6 {
				if _, err := s.Mentorship.MentorFeedback(ctx, who, m.ID, ses.ID, 3+r.IntN(3),
					mentorComments[r.IntN(len(mentorComments))]); err != nil {
					return fmt.Errorf("mentor feedback: %w", err)
				}
			}
			if r.IntN(10) < 5 {
				k := r.IntN(len(feedbackComments))
				if _, err := s.Mentorship.YouthFeedback(ctx, m.YouthID, ses.ID, 5-k/2-r.IntN(2),
					feedbackComments[k]); err != nil {
					return fmt.Errorf("feedback: %w", err)
				}
			}
		}
		if len(held) == 0 {
			continue
		}
		for g := range 1 + r.IntN(2) {
			in := mentorship.GoalInput{Title: goalTitles[(i+g*3)%len(goalTitles)], TargetOn: today.AddDate(0, 1+r.IntN(3), 0),
				Steps: 2 + r.IntN(4)}
			in.StepsDone = min(in.Steps, r.IntN(len(held)+1))
			if in.StepsDone == in.Steps {
				in.Status = mentorship.GoalAchieved
			}
			if _, err := s.Mentorship.AddGoal(ctx, who, m.ID, in); err != nil {
				return fmt.Errorf("goal: %w", err)
			}
		}
		switch {
		case m.Minor && !concern && len(held) >= 3:
			concern = true
			if _, err := s.Mentorship.ReportConcern(ctx, who, m.ID,
				"На последней встрече подросток рассказал, что старший брат отбирает деньги и угрожает. "+
					"Прошу связаться с семьёй и подсказать, как мне вести себя на следующих встречах."); err != nil {
				return fmt.Errorf("concern: %w", err)
			}
		case completed < 4 && len(held) >= 5 && m.MentorID != w.camille:
			completed++
			if _, err := s.Mentorship.WithClock(at(daysAgo(w.today, 1))).End(ctx, who, m.ID, mentorship.Completed, ""); err != nil {
				return fmt.Errorf("complete: %w", err)
			}
		}
	}
	return nil
}
