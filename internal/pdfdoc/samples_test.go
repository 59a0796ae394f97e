package pdfdoc

import (
	"time"

	"github.com/jolproject/jol/internal/i18n"
)

// sample is a thank-you letter in one language and the words its text
// must show, in reading order.
type sample struct {
	lang  i18n.Locale
	doc   Document
	words []string
}

var created = time.Date(2026, 9, 15, 10, 0, 0, 0, time.UTC)

func letter(lang i18n.Locale, org string, lines []string, heading, body, name, position string) Document {
	return Document{
		Lang: lang, Title: heading, Created: created,
		Letterhead: &Letterhead{Name: org, Lines: lines},
		Blocks: []Block{
			Heading{Text: heading, Level: 1},
			Paragraph{Text: body},
			Signatory{Name: name, Position: position},
		},
	}
}

func samples() []sample {
	return []sample{
		{i18n.KK, letter(i18n.KK, "Қарағанды облысының білім басқармасы",
			[]string{"Қарағанды қ., Бұқар жырау даңғылы, 47", "+7 7212 41 00 00"},
			"Алғыс хат",
			"Құрметті демеуші! Сіздің көмегіңіз арқасында Қарағанды облысындағы әрбір бала мектепке жаңа рюкзакпен барды: 1–4 сыныптардағы 17 бала. Біз сізге шын жүректен алғыс айтамыз. Қаһарман ұстаздарымыз бен еріктілерге де рахмет.",
			"Айгүл Серікқызы Жұмабаева", "Басқарма басшысы"),
			[]string{"Қарағанды", "облысының", "білім", "басқармасы", "Алғыс", "хат", "Құрметті", "демеуші", "әрбір", "жүректен", "Қаһарман", "ұстаздарымыз", "Айгүл", "Жұмабаева"}},
		{i18n.RU, letter(i18n.RU, "Управление образования Карагандинской области",
			[]string{"г. Караганда, проспект Бухар-Жырау, 47"},
			"Благодарственное письмо",
			"Уважаемый спонсор! Благодаря вашей помощи 17 детей из Центра поддержки детей № 3 в Караганде пошли в школу с новыми рюкзаками. Спасибо от всего сердца.",
			"Айгуль Жумабаева", "Руководитель управления"),
			[]string{"Управление", "образования", "Благодарственное", "письмо", "Уважаемый", "спонсор", "рюкзаками", "сердца", "Айгуль", "Руководитель"}},
		{i18n.EN, letter(i18n.EN, "Karaganda Region Education Department",
			[]string{"47 Bukhar Zhyrau Avenue, Karaganda"},
			"Letter of thanks",
			"Dear sponsor, your 20 backpacks reached Children Support Centre No. 3 in Karaganda: 17 children in grades 1–4. Thank you for your generosity.",
			"Aigul Zhumabayeva", "Head of Department"),
			[]string{"Karaganda", "Education", "Department", "Letter", "thanks", "Dear", "sponsor", "20", "backpacks", "Centre", "generosity", "Aigul", "Head"}},
		{i18n.FR, letter(i18n.FR, "Direction de l'éducation de la région de Karaganda",
			[]string{"47, avenue Boukhar-Jyraou, Karaganda"},
			"Lettre de remerciement",
			"Chère marraine, vos 20 sacs à dos sont arrivés au Centre d'aide à l'enfance nº 3 de Karaganda : 17 enfants de la 1re à la 4e année. Merci de tout cœur, et à très bientôt.",
			"Aïgoul Joumabaïeva", "Directrice"),
			[]string{"Direction", "l'éducation", "région", "Lettre", "remerciement", "Chère", "marraine", "arrivés", "année", "cœur", "très", "Aïgoul", "Directrice"}},
		{i18n.FA, letter(i18n.FA, "اداره آموزش و پرورش استان کاراگاندا",
			[]string{"کاراگاندا، خیابان بخار ژیرائو، شماره ۴۷"},
			"نامه سپاس",
			"حامی گرامی، سلام. ۲۰ کوله\u200cپشتی شما به مرکز حمایت از کودکان شماره ۳ در کاراگاندا رسید: ۱۷ کودک در پایه\u200cهای اول تا چهارم. با سپاس ویژه از شما و همه داوطلبان.",
			"آیگل ژومابایوا", "رئیس اداره"),
			[]string{"اداره", "آموزش", "پرورش", "استان", "کاراگاندا", "نامه", "سپاس", "حامی", "گرامی", "سلام", "کوله\u200cپشتی", "شما", "مرکز", "حمایت", "کودکان", "چهارم", "ویژه", "داوطلبان", "آیگل", "ژومابایوا", "رئیس"}},
	}
}
