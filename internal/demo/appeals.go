package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/services"
)

// demoCall is one sample call to the Karaganda hotline: how many days and
// at what hour before the demo's day it came, and, when it was answered,
// how many days after it came and with what.
type demoCall struct {
	daysAgo, hour       int
	kind                appeals.Kind
	channel             appeals.Channel
	caller, phone, what string
	answerAfter         int // days after it came; -1 when still open
	outcome             appeals.Outcome
	answer              string
	close               bool
}

// hotlineWeek is a week of calls to the Karaganda region's hotline during
// the back-to-school campaign: questions answered the same day, a few
// complaints and requests still open, and some of them past their
// deadline, so the desk shows its overdue mark.
var hotlineWeek = []demoCall{
	{7, 9, appeals.Question, appeals.Hotline, "Айгуль Нурланова", "+7 701 412 33 10", "Когда начнётся выдача рюкзаков в Темиртау?", 0, appeals.Informed, "Выдача с 20 августа в школах по месту учёбы.", true},
	{7, 11, appeals.RequestForAid, appeals.Hotline, "Сергей Ким", "+7 705 118 20 44", "Многодетная семья, трое детей идут в школу, просит школьную форму.", 2, appeals.RequestCreated, "Заявка зарегистрирована, номер продиктован.", true},
	{7, 15, appeals.Complaint, appeals.Hotline, "Ботагоз Ахметова", "+7 777 230 91 05", "Школа не приняла документы на комплект, сказали, что список закрыт.", 4, appeals.Resolved, "Школа приняла документы после звонка координатора.", false},
	{6, 10, appeals.Question, appeals.Hotline, "Ерлан Жумабаев", "+7 702 557 14 81", "Какие документы нужны для категории «малообеспеченная семья»?", 0, appeals.Informed, "Справка о доходах за 6 месяцев и удостоверения личности.", true},
	{6, 12, appeals.OutOfSchoolReport, appeals.Hotline, "Соседка (не назвалась)", "", "Мальчик 11 лет из дома на ул. Ерубаева с весны не ходит в школу.", 1, appeals.Referred, "Передано в отдел образования Казыбекбийского района для выезда.", false},
	{6, 16, appeals.Question, appeals.Reception, "Татьяна Волкова", "+7 700 904 22 36", "Можно ли подать заявку за внука, если я опекун?", 0, appeals.Informed, "Да, с документом об опеке.", true},
	{5, 9, appeals.RequestForAid, appeals.Hotline, "Динара Сапарова", "+7 747 381 56 02", "Ребёнок с инвалидностью, нужен планшет для дистанционного обучения.", -1, "", "", false},
	{5, 13, appeals.Question, appeals.Hotline, "Нурлан Бекенов", "+7 701 665 40 18", "Где в Балхаше пункт выдачи комплектов?", 1, appeals.Informed, "Центр поддержки детей, ул. Ленина 10, с 9 до 18.", true},
	{5, 17, appeals.Complaint, appeals.Hotline, "Гульмира Оспанова", "+7 778 212 75 49", "В комплекте не оказалось дневника и тетрадей.", -1, "", "", false},
	{4, 10, appeals.Question, appeals.Hotline, "Алия Мухамеджанова", "+7 705 733 08 61", "Статус заявки: подавали через сайт неделю назад.", -1, "", "", false},
	{4, 11, appeals.OtherKind, appeals.Hotline, "Владимир Петренко", "+7 701 190 83 27", "Хочет стать волонтёром и помогать с раздачей.", 1, appeals.Referred, "Передан координатору волонтёров.", true},
	{4, 14, appeals.RequestForAid, appeals.Reception, "Айнур Касымова", "+7 702 449 61 90", "Неполная семья, двое детей, просит рюкзаки и канцелярию.", 3, appeals.RequestCreated, "Две заявки зарегистрированы.", false},
	{3, 9, appeals.Question, appeals.Hotline, "Марат Есенов", "+7 771 306 27 14", "До какого числа принимаются заявки?", -1, "", "", false},
	{3, 12, appeals.OutOfSchoolReport, appeals.Hotline, "Классный руководитель школы №5 Сарани", "+7 721 564 30 12", "Девочка 9 лет не пришла 1 сентября, семья переехала, адрес неизвестен.", -1, "", "", false},
	{3, 15, appeals.Complaint, appeals.Centre, "Ольга Иванова", "+7 700 812 44 70", "Долго ждала на линии, никто не ответил.", 0, appeals.Resolved, "Перезвонили, вопрос решён.", true},
	{2, 10, appeals.Question, appeals.Hotline, "Асель Турсынова", "+7 747 120 98 33", "Положена ли форма ребёнку из семьи ветерана?", -1, "", "", false},
	{2, 13, appeals.RequestForAid, appeals.Hotline, "Бахыт Нургалиев", "+7 705 274 19 56", "Отец-одиночка, трое детей, просит помощь к школе.", -1, "", "", false},
	{1, 9, appeals.Question, appeals.Hotline, "Жулдыз Ермекова", "+7 701 903 11 24", "Можно ли получить комплект в другом районе области?", 0, appeals.Informed, "Да, по месту фактического проживания.", true},
	{1, 16, appeals.Complaint, appeals.Hotline, "Руслан Абдрахманов", "+7 777 415 62 08", "Размер формы не подошёл, просит замену.", -1, "", "", false},
	{0, 9, appeals.Question, appeals.Hotline, "Светлана Ли", "+7 702 380 57 91", "Что делать, если потеряли номер заявки?", -1, "", "", false},
	{0, 10, appeals.OutOfSchoolReport, appeals.Reception, "Участковый инспектор", "+7 721 250 14 02", "Подросток 14 лет работает на рынке вместо учёбы.", -1, "", "", false},
}

// seedAppeals records the hotline's week in the Karaganda region as its
// operator, once: an installation whose hotline has appeals already
// gains none.
func seedAppeals(ctx context.Context, s *services.Services, now time.Time) error {
	u, err := s.Accounts.LookupEmail(ctx, Email("hotline"))
	if err != nil {
		return fmt.Errorf("demo hotline operator: %w", err)
	}
	p := u.Principal()
	st, err := s.Appeals.Stats(ctx, p, now.AddDate(-9, 0, 0), now)
	if err != nil || st.Total.Received > 0 {
		return err
	}
	set, err := s.Settings.Get(ctx)
	if err != nil {
		return err
	}
	loc := set.Location()
	y, m, d := now.In(loc).Date()
	for _, c := range hotlineWeek {
		at := time.Date(y, m, d-c.daysAgo, c.hour, 0, 0, 0, loc)
		if at.After(now) {
			at = now
		}
		a, err := s.Appeals.Create(ctx, p, appeals.Input{Kind: c.kind, Channel: c.channel, CallerName: c.caller,
			CallerPhone: c.phone, Subject: c.what, RegionCode: "KZ-35", ReceivedAt: at})
		if err != nil {
			return fmt.Errorf("demo appeal %q: %w", c.what, err)
		}
		if c.answerAfter < 0 {
			continue
		}
		answered := at.AddDate(0, 0, c.answerAfter).Add(2 * time.Hour)
		if answered.After(now) {
			answered = now
		}
		if _, err := s.Appeals.Answer(ctx, p, a.ID, appeals.AnswerInput{Outcome: c.outcome, Answer: c.answer,
			Close: c.close, AnsweredAt: answered}); err != nil {
			return fmt.Errorf("demo answer %q: %w", c.what, err)
		}
	}
	return nil
}
