package names

import (
	"strings"
	"testing"
)

// Romanisations of Cyrillic written independently of the package's own
// table, to check that Key does not depend on which one a list used.

// bgn follows the BGN/PCGN romanisation of Russian: e and ё as ye and yo
// at the start of a word and after a vowel or a sign, й y, ы y, ю yu,
// я ya, signs dropped.
func bgn(s string) string {
	m := map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ж': "zh", 'з': "z",
		'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
		'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
		'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ы': "y", 'э': "e",
		'ю': "yu", 'я': "ya", 'ь': "", 'ъ': "",
		// Kazakh letters as their Russian look-alikes.
		'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h", 'і': "i",
	}
	return romanise(s, m, func(r, prev rune) string {
		yeAt := prev == 0 || strings.ContainsRune("аеёиоуыэюяьъәөұүі", prev)
		switch {
		case r == 'е' && yeAt:
			return "ye"
		case r == 'е':
			return "e"
		case r == 'ё' && yeAt:
			return "yo"
		case r == 'ё':
			return "e"
		}
		return ""
	})
}

// kazakh2021 writes Kazakh Cyrillic in the Latin alphabet of 2021: ә ä,
// ғ ğ, ж j, и й i, қ q, ң ñ, ө ö, ұ ū, ү ü, ш ş, ы y, і ı, х һ h.
func kazakh2021(s string) string {
	m := map[rune]string{
		'а': "a", 'ә': "ä", 'б': "b", 'в': "v", 'г': "g", 'ғ': "ğ", 'д': "d", 'е': "e",
		'ё': "io", 'ж': "j", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'қ': "q", 'л': "l",
		'м': "m", 'н': "n", 'ң': "ñ", 'о': "o", 'ө': "ö", 'п': "p", 'р': "r", 'с': "s",
		'т': "t", 'у': "u", 'ұ': "ū", 'ү': "ü", 'ф': "f", 'х': "h", 'һ': "h", 'ц': "ts",
		'ч': "ch", 'ш': "ş", 'щ': "şş", 'ъ': "", 'ы': "y", 'і': "ı", 'ь': "", 'э': "e",
		'ю': "iu", 'я': "ia",
	}
	return romanise(s, m, nil)
}

// informal writes Cyrillic as people type it in Latin without a table: ж
// j, х h, й y, ю yu, я ya, ц c before e and i, double letters single.
func informal(s string) string {
	m := map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "j",
		'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
		'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "h", 'ц': "ts",
		'ч': "ch", 'ш': "sh", 'щ': "sch", 'ы': "i", 'э': "e", 'ю': "yu", 'я': "ya",
		'ь': "", 'ъ': "",
		'ә': "a", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h", 'і': "i",
	}
	out := romanise(s, m, nil)
	var b strings.Builder
	for i := 0; i < len(out); i++ {
		if i == 0 || out[i] != out[i-1] {
			b.WriteByte(out[i])
		}
	}
	return b.String()
}

// romanise maps the letters of s by m, asking special first when it is
// set; characters not in m pass unchanged.
func romanise(s string, m map[rune]string, special func(r, prev rune) string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range strings.ToLower(s) {
		if r == ' ' {
			prev = 0
			b.WriteRune(r)
			continue
		}
		if special != nil {
			if v := special(r, prev); v != "" {
				b.WriteString(v)
				prev = r
				continue
			}
		}
		if v, ok := m[r]; ok {
			b.WriteString(v)
		} else {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// cyrillicNames are frequent given names and family names of Kazakhstan,
// in Kazakh and Russian spelling.
var cyrillicNames = strings.Fields(`
	Айгерім Айгерим Аружан Әлихан Алихан Нұрислам Нурислам Ерасыл Інжу Инжу Айсұлу Айсулу
	Дияр Ернұр Мирас Томирис Жансая Ақниет Акниет Әмина Амина Раяна Сафия Имран Алинұр
	Бекзат Данияр Ерлан Жандос Қайрат Мұрат Мурат Нұрлан Серік Серик Талғат Ғалымжан
	Әсел Гүлнар Гульнар Динара Жанар Жұлдыз Қарлығаш Мөлдір Молдир Салтанат Шынар Ұлжан
	Александр Алексей Анастасия Андрей Анна Артём Виктория Дарья Дмитрий Екатерина Елена
	Евгений Иван Илья Кирилл Ксения Максим Мария Михаил Наталья Никита Ольга Полина
	Сергей Софья Татьяна Юлия Юрий Ярослав Вячеслав Владимир Фёдор Эльвира Эдуард
	Ахметов Әбдірахманов Байжанов Жақыпов Жұмабаев Исаев Кенжебаев Қасымов Мұхамеджанов
	Нұрмағамбетов Оспанов Сейтқали Төлеуов Шәріпов Ысқақов Иванов Смирнов Кузнецов
	Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев
	Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Цой Ким
	Щербаков Хабибуллин Юсупов Яковлев Зайцев Чернов Шевченко Жуков
`)

func TestKeyAcrossRomanisations(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(string) string
	}{
		{"BGN/PCGN", bgn}, {"Kazakh 2021 Latin", kazakh2021}, {"informal", informal},
	} {
		missed := 0
		for _, s := range cyrillicNames {
			if r := tc.f(s); Key(r) != Key(s) {
				missed++
				t.Logf("%s: Key(%q) = %q, Key(%q) = %q", tc.name, r, Key(r), s, Key(s))
			}
		}
		t.Logf("%s: %d of %d names miss", tc.name, missed, len(cyrillicNames))
		if missed > 0 {
			t.Errorf("%s: %d names miss", tc.name, missed)
		}
	}
}
