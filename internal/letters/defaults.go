package letters

import "github.com/jolproject/jol/internal/i18n"

// Text is a template's content: the subject, drawn as the letter's
// heading, and the body, paragraphs separated by an empty line.
type Text struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// Defaults is the built-in template of kind k in locale l, used by an
// organisation that has not written its own.
func Defaults(k Kind, l i18n.Locale) Text {
	m := sponsorDefaults
	if k == VolunteerLetter {
		m = volunteerDefaults
	}
	if t, ok := m[l]; ok {
		return t
	}
	return m[i18n.EN]
}

var sponsorDefaults = map[i18n.Locale]Text{
	i18n.EN: {Subject: "Letter of thanks", Body: `Dear {{sponsor}},

On behalf of {{organisation}}, please accept our sincere gratitude for your support of the campaign "{{campaign}}".

{{impact}}

{{gifts}}

Every backpack, every textbook and every device you gave is a child who started the school year ready to learn and confident in tomorrow. Your generosity is a lesson in kindness for all of us.

We hope to continue our work together for the good of every child.

With respect and gratitude,`},
	i18n.RU: {Subject: "Благодарственное письмо", Body: `Уважаемый(ая) {{sponsor}}!

От имени {{organisation}} выражаем Вам искреннюю благодарность за поддержку акции «{{campaign}}».

{{impact}}

{{gifts}}

Каждый подаренный Вами рюкзак, учебник и компьютер — это ребёнок, который начал учебный год подготовленным и уверенным в завтрашнем дне. Ваша щедрость — пример доброты для всех нас.

Надеемся на дальнейшее сотрудничество на благо каждого ребёнка.

С уважением и благодарностью,`},
	i18n.KK: {Subject: "Алғыс хат", Body: `Құрметті {{sponsor}}!

{{organisation}} атынан «{{campaign}}» акциясына көрсеткен қолдауыңыз үшін Сізге шынайы алғысымызды білдіреміз.

{{impact}}

{{gifts}}

Сіз сыйлаған әрбір рюкзак, оқулық пен компьютер — оқу жылын дайын әрі ертеңгі күнге сеніммен бастаған бала. Сіздің жомарттығыңыз — баршамызға мейірімділіктің үлгісі.

Әрбір баланың игілігі үшін ынтымақтастығымызды жалғастырамыз деп сенеміз.

Құрметпен және алғыспен,`},
	i18n.FR: {Subject: "Lettre de remerciement", Body: `Madame, Monsieur, {{sponsor}},

Au nom de {{organisation}}, nous vous adressons nos plus sincères remerciements pour votre soutien à la campagne « {{campaign}} ».

{{impact}}

{{gifts}}

Chaque cartable, chaque manuel et chaque ordinateur que vous avez offert, c'est un enfant qui a commencé l'année scolaire prêt à apprendre et confiant en l'avenir. Votre générosité est pour nous tous une leçon de bonté.

Nous espérons poursuivre notre collaboration pour le bien de chaque enfant.

Avec notre respect et notre gratitude,`},
	i18n.FA: {Subject: "نامه سپاس", Body: "{{sponsor}} گرامی،\n\nاز سوی {{organisation}}، صمیمانه\u200cترین سپاس خود را برای حمایت شما از پویش «{{campaign}}» ابراز می\u200cکنیم.\n\n{{impact}}\n\n{{gifts}}\n\nهر کوله\u200cپشتی، هر کتاب درسی و هر رایانه\u200cای که اهدا کردید، کودکی است که سال تحصیلی را آماده یادگیری و با امید به فردا آغاز کرد. بخشندگی شما برای همه ما درس مهربانی است.\n\nامیدواریم همکاری خود را برای خیر هر کودک ادامه دهیم.\n\nبا احترام و سپاس،"},
}

var volunteerDefaults = map[i18n.Locale]Text{
	i18n.EN: {Subject: "Letter of recognition", Body: `Dear {{volunteer}},

On behalf of {{organisation}}, we thank you for the time and care you gave to the campaign "{{campaign}}" as a volunteer.

You gave {{hours}} to the children of our region. Your work included: {{tasks}}.

Volunteers like you make it possible for every child to start school ready. Thank you for your kindness and dedication.

With respect and gratitude,`},
	i18n.RU: {Subject: "Благодарственное письмо волонтёру", Body: `Уважаемый(ая) {{volunteer}}!

От имени {{organisation}} благодарим Вас за время и заботу, которые Вы как волонтёр отдали акции «{{campaign}}».

Вы посвятили детям нашего региона {{hours}}. Ваша работа: {{tasks}}.

Благодаря таким волонтёрам, как Вы, каждый ребёнок может начать учебный год подготовленным. Спасибо за Вашу доброту и преданность делу.

С уважением и благодарностью,`},
	i18n.KK: {Subject: "Еріктіге алғыс хат", Body: `Құрметті {{volunteer}}!

{{organisation}} атынан «{{campaign}}» акциясына ерікті ретінде арнаған уақытыңыз бен қамқорлығыңыз үшін Сізге алғыс айтамыз.

Сіз өңіріміздің балаларына {{hours}} арнадыңыз. Сіздің жұмысыңыз: {{tasks}}.

Сіз сияқты еріктілердің арқасында әрбір бала оқу жылын дайын бастай алады. Мейірімділігіңіз бен адалдығыңыз үшін рахмет.

Құрметпен және алғыспен,`},
	i18n.FR: {Subject: "Lettre de reconnaissance", Body: `Madame, Monsieur, {{volunteer}},

Au nom de {{organisation}}, nous vous remercions du temps et de l'attention que vous avez consacrés, en tant que bénévole, à la campagne « {{campaign}} ».

Vous avez donné {{hours}} aux enfants de notre région. Votre travail : {{tasks}}.

Grâce à des bénévoles comme vous, chaque enfant peut commencer l'année scolaire prêt à apprendre. Merci de votre gentillesse et de votre dévouement.

Avec notre respect et notre gratitude,`},
	i18n.FA: {Subject: "نامه قدردانی از داوطلب", Body: "{{volunteer}} گرامی،\n\nاز سوی {{organisation}}، از وقت و دلسوزی\u200cای که به عنوان داوطلب در پویش «{{campaign}}» گذاشتید سپاسگزاریم.\n\nشما {{hours}} از وقت خود را به کودکان منطقه ما اختصاص دادید. کار شما: {{tasks}}.\n\nبه یاری داوطلبانی چون شما، هر کودکی می\u200cتواند سال تحصیلی را آماده آغاز کند. از مهربانی و از خودگذشتگی شما سپاسگزاریم.\n\nبا احترام و سپاس،"},
}
