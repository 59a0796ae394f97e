package demo

import (
	"fmt"
	"strings"
)

// region is where a share of the demo families live: how many, how many
// of them are Kazakh-speaking (the others Russian-speaking; in Iran all
// speak Persian), how many children they have, the schools the children go
// to and the support centre that looks after the others.
type region struct {
	code     string
	families int
	kazakh   int   // percent
	sizes    []int // weights of families of 1, 2, 3, … children
	schools  []string
	centre   string
	city     [2]string   // the city or region, in Kazakh and in Russian
	areas    [][2]string // districts, towns and villages
	streets  [][2]string
	village  bool // some addresses are houses without a flat number
	local    bool // schools[i] is the school of areas[i]
}

// Families in the south have more children than in the two capitals.
var (
	citySizes  = []int{32, 38, 18, 8, 3, 1}
	southSizes = []int{22, 32, 24, 13, 6, 3}
)

var regions = []region{
	{code: "KZ-75", families: 260, kazakh: 55, sizes: citySizes,
		schools: []string{"school12", "school159", "alm54", "alm175"}, centre: "centre3",
		city: [2]string{"Алматы қ.", "г. Алматы"},
		areas: [][2]string{{"Әуезов ауданы", "Ауэзовский район"}, {"Алмалы ауданы", "Алмалинский район"},
			{"Бостандық ауданы", "Бостандыкский район"}, {"Жетісу ауданы", "Жетысуский район"},
			{"Наурызбай ауданы", "Наурызбайский район"}, {"Түрксіб ауданы", "Турксибский район"},
			{"Алатау ауданы", "Алатауский район"}},
		streets: [][2]string{{"Төле би көшесі", "ул. Толе би"}, {"Абай даңғылы", "пр. Абая"},
			{"Ақсай-4 шағынауданы", "мкр. Аксай-4"}, {"Орбита-2 шағынауданы", "мкр. Орбита-2"},
			{"Саин көшесі", "ул. Саина"}, {"Райымбек даңғылы", "пр. Райымбека"}, {"Момышұлы көшесі", "ул. Момышулы"}}},
	{code: "KZ-71", families: 170, kazakh: 65, sizes: citySizes,
		schools: []string{"ast45", "ast60", "ast81"}, centre: "centre-ast",
		city: [2]string{"Астана қ.", "г. Астана"},
		areas: [][2]string{{"Алматы ауданы", "район Алматы"}, {"Байқоңыр ауданы", "район Байконыр"},
			{"Есіл ауданы", "район Есиль"}, {"Сарыарқа ауданы", "район Сарыарка"}, {"Нұра ауданы", "район Нура"}},
		streets: [][2]string{{"Кенесары көшесі", "ул. Кенесары"}, {"Сарыарқа даңғылы", "пр. Сарыарка"},
			{"Тәуелсіздік даңғылы", "пр. Тауелсиздик"}, {"Жұбанов көшесі", "ул. Жубанова"},
			{"Петров көшесі", "ул. Петрова"}, {"Кошкарбаев даңғылы", "пр. Кошкарбаева"}}},
	{code: "KZ-79", families: 170, kazakh: 85, sizes: southSizes,
		schools: []string{"shy9", "shy34", "shy103"}, centre: "centre-shy",
		city: [2]string{"Шымкент қ.", "г. Шымкент"},
		areas: [][2]string{{"Абай ауданы", "Абайский район"}, {"Әл-Фараби ауданы", "район Аль-Фараби"},
			{"Еңбекші ауданы", "Енбекшинский район"}, {"Қаратау ауданы", "Каратауский район"}, {"Тұран ауданы", "район Туран"}},
		streets: [][2]string{{"Тәуке хан даңғылы", "пр. Тауке хана"}, {"Байтұрсынов көшесі", "ул. Байтурсынова"},
			{"Қазыбек би көшесі", "ул. Казыбек би"}, {"Нұрсәт шағынауданы", "мкр. Нурсат"},
			{"Самал-3 шағынауданы", "мкр. Самал-3"}, {"Жібек жолы көшесі", "ул. Жибек жолы"}},
		village: true},
	{code: "KZ-61", families: 150, kazakh: 95, sizes: southSizes,
		schools: []string{"tur1", "ken5", "sai24"}, centre: "centre-tur",
		city: [2]string{"Түркістан облысы", "Туркестанская обл."},
		areas: [][2]string{{"Түркістан қ.", "г. Туркестан"}, {"Кентау қ.", "г. Кентау"},
			{"Сайрам ауданы, Ақсу а.", "Сайрамский р-н, с. Аксу"}},
		streets: [][2]string{{"Тәуке хан көшесі", "ул. Тауке хана"}, {"Есім хан көшесі", "ул. Есим хана"},
			{"Абылай хан көшесі", "ул. Абылай хана"}, {"Жаңа құрылыс көшесі", "ул. Жана курылыс"},
			{"Ынтымақ көшесі", "ул. Ынтымак"}},
		village: true, local: true},
	// The Tehran schools are for boys or girls, primary (grades 1–6) and
	// secondary (7–12), in that order; see school.
	{code: "IR-23", families: 150, sizes: []int{35, 40, 17, 6, 2},
		schools: []string{"teh-b1", "teh-g1", "teh-b2", "teh-g2"}, centre: "centre-teh"},
}

// kzAddress is an address in Kazakhstan, in Kazakh or in Russian; flat 0
// is a house of its own.
func kzAddress(reg region, russian bool, area, street [2]string, house, flat int) string {
	i := 0
	if russian {
		i = 1
	}
	a := fmt.Sprintf("%s, %s, %s", reg.city[i], area[i], street[i])
	switch {
	case russian && flat > 0:
		return fmt.Sprintf("%s, д. %d, кв. %d", a, house, flat)
	case russian:
		return fmt.Sprintf("%s, д. %d", a, house)
	case flat > 0:
		return fmt.Sprintf("%s, %d-үй, %d-пәтер", a, house, flat)
	}
	return fmt.Sprintf("%s, %d-үй", a, house)
}

// Tehran addresses: the city's municipal districts in the south and east,
// where the charity works, and their streets.
var (
	faDistricts = []int{10, 12, 14, 15, 16, 17, 19, 20}
	faStreets   = []string{"خیابان خاوران", "خیابان شوش", "خیابان پیروزی", "خیابان مولوی", "خیابان قزوین",
		"بزرگراه افسریه", "خیابان نبرد", "خیابان یاخچی\u200cآباد", "خیابان شهرری", "خیابان هلال احمر"}
)

// faDigits writes n with Persian digits.
func faDigits(n int) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '۰' + r - '0'
		}
		return r
	}, fmt.Sprint(n))
}

// faAddress is a Tehran address: district, street, alley and house number.
func faAddress(district int, street string, alley, house int) string {
	return fmt.Sprintf("تهران، منطقه %s، %s، کوچه %s، پلاک %s",
		faDigits(district), street, faDigits(alley), faDigits(house))
}
