package demo

import (
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
)

// documents are the papers that put a child in each category, as a
// family in each language brings them: Kazakh, Russian, Persian.
var documents = map[string][3]string{
	"low-income": {"Атаулы әлеуметтік көмек тағайындау туралы анықтама", "Справка о назначении адресной социальной помощи",
		"معرفی\u200cنامه کمیته امداد امام خمینی"},
	"large-family": {"Көпбалалы отбасы куәлігі", "Удостоверение многодетной семьи", "گواهی ترکیب خانوار"},
	"orphan": {"Қорғаншылық және қамқоршылық органының шешімі", "Решение органа опеки и попечительства",
		"حکم قیمومت دادگاه"},
	"incomplete-family": {"Отбасы құрамы туралы анықтама", "Справка о составе семьи", "گواهی ترکیب خانوار"},
	"disability":        {"ПМПК қорытындысы", "Заключение ПМПК", "گواهی کمیسیون پزشکی بهزیستی"},
	"out-of-school":     {"Отбасын тексеру актісі", "Акт обследования семьи", "گزارش مددکار اجتماعی"},
}

// needs are notes on the special needs of a child with a disability, in
// Kazakh, Russian and Persian.
var needs = [][3]string{
	{"Есту қабілеті нашар, есту аппараты қажет", "Нарушение слуха, нужен слуховой аппарат", "کم\u200cشنوایی، نیاز به سمعک"},
	{"Церебралды сал ауруы, арбамен жүреді", "ДЦП, передвигается на коляске", "فلج مغزی، با ویلچر جابه\u200cجا می\u200cشود"},
	{"Сөйлеу тілінің дамуы кешеуілдеген, логопед сабақтары қажет", "Задержка речевого развития, нужны занятия с логопедом",
		"تأخیر در رشد گفتار، نیاز به گفتاردرمانی"},
	{"Аутизм спектрінің бұзылысы, тьютор қажет", "Расстройство аутистического спектра, нужен тьютор",
		"اختلال طیف اوتیسم، نیاز به مربی همراه"},
	{"Көру қабілеті нашар, ірі қаріпті оқулықтар қажет", "Слабовидение, нужны учебники с крупным шрифтом",
		"کم\u200cبینایی، نیاز به کتاب درشت\u200cخط"},
	{"Қант диабеті, тамақтану кестесі сақталуы керек", "Сахарный диабет, нужен режим питания",
		"دیابت نوع یک، نیاز به رژیم غذایی منظم"},
}

// evidence draws the document that puts a child of a family of script s
// in the category with code: issued in the last year; certificates of
// income last a year and are mostly seen by the one who assigns.
func (p *planner) evidence(code string, s script) people.Evidence {
	ev := people.Evidence{DocType: documents[code][s], IssuedOn: p.today.AddDate(0, 0, -p.r.IntN(365)),
		Verified: p.chance(75)}
	ev.DocNumber = fmt.Sprintf("%d/%05d", ev.IssuedOn.Year(), 1+p.r.IntN(99999))
	if code == "low-income" {
		ev.ExpiresOn = ev.IssuedOn.AddDate(1, 0, 0)
	}
	return ev
}

// needs draws a note on special needs in the language of script s.
func (p *planner) needs(s script) string { return needs[p.r.IntN(len(needs))][s] }

// id draws an ID number for someone born on birth: an IIN in Kazakhstan,
// a national code of Tehran in Iran.
func (p *planner) id(reg region, birth time.Time, female bool) string {
	for {
		p.next++
		var n string
		if reg.kazakh == 0 {
			n = natid.MakeIranCode((1+p.next%8)*1_000_000 + p.next)
		} else if m, err := natid.MakeIIN(birth, map[bool]natid.Sex{false: natid.Male, true: natid.Female}[female], p.next%10000); err != nil {
			p.err = err
			return ""
		} else {
			n = m
		}
		if !p.ids[n] {
			p.ids[n] = true
			return n
		}
	}
}
