package names

import "testing"

// sameName lists spellings of one name that must share a key: as written
// in Kazakh and Russian Cyrillic, passport Latin, older romanisations,
// Kazakh 2021 Latin and Persian.
var sameName = [][]string{
	// Persian given names and their Latin and Cyrillic spellings.
	{"Mohammad", "Muhammad", "Mohammed", "Mohamad", "Muhammed", "Mokhammad", "محمد", "Мухаммед", "Мохаммад", "Мұхаммед"},
	{"Hossein", "Hosein", "Husain", "Hussein", "Hosseyn", "Husayn", "حسین", "Хусейн", "Хоссейн", "Хусаин"},
	{"Hasan", "Hassan", "Hasan", "حسن", "Хасан", "Hasan"},
	{"Ali", "Aly", "Alee", "علی", "عليّ", "Али", "Әли"},
	{"Zahra", "Zahraa", "Zakhra", "زهرا", "Захра"},
	{"Fatemeh", "Fateme", "Fatima", "Fatimah", "Fatema", "فاطمه", "Фатима", "Фатеме"},
	{"Reza", "Rezaa", "رضا", "Реза"},
	{"Mahdi", "Mehdi", "Mahdy", "مهدی", "Махди", "Мехди"},
	{"Ghasem", "Qasem", "Qasim", "Kasem", "Gasem", "قاسم", "Касым", "Қасым", "Qasym"},
	{"Mostafa", "Mustafa", "Moustafa", "مصطفی", "Мустафа"},
	{"Morteza", "Murtaza", "مرتضی", "Муртаза"},
	{"Mousavi", "Musavi", "Moosavi", "موسوی", "Мусави"},
	{"Davoud", "Davood", "Dawood", "Davud", "Dawud", "داوود", "داود", "Давуд"},
	{"Javad", "Jawad", "Djavad", "جواد", "Джавад"},
	{"Esmaeil", "Esmail", "Ismail", "Ismayil", "اسماعیل", "Исмаил"},
	{"Ebrahim", "Ibrahim", "Ebrahim", "ابراهیم", "Ибрахим"},
	{"Jafar", "Ja'far", "Jafar", "جعفر", "Джафар", "Жафар"},
	{"Sadegh", "Sadeq", "Sadiq", "صادق", "Садык", "Садық"},
	{"Yousef", "Yusuf", "Yousof", "Yusif", "یوسف", "Юсуф"},
	{"Maryam", "Mariam", "Maryem", "مریم", "Марьям", "Мариам"},
	{"Zeinab", "Zaynab", "Zeynab", "زینب", "Зейнаб", "Зайнаб"},
	{"Mohammad Reza", "Mohammad-Reza", "Mohammadreza", "محمدرضا", "محمد رضا", "محمد‌رضا"},
	{"Abolfazl", "Abulfazl", "ابوالفضل"},
	{"Abdollah", "Abdullah", "Abdolla", "عبدالله", "Абдулла", "Абдолла"},
	{"Masoumeh", "Masoume", "Masuma", "معصومه", "Масума"},
	{"Omid", "Umid", "امید", "Омид"},
	{"Ehsan", "Ehsaan", "احسان", "Эхсан"},
	{"Shahram", "Shakhram", "شهرام", "Шахрам"},
	{"Khosrow", "Khosro", "Khusraw", "خسرو"},
	{"Farhad", "Farkhad", "فرهاد", "Фархад"},
	{"Behzad", "Bekhzad", "بهزاد", "Бехзод"},
	{"Yasaman", "Yasamen", "یاسمن", "Ясаман"},
	{"Navid", "Naveed", "نوید", "Навид"},
	{"Abbas", "Abas", "عباس", "Аббас"},
	// Kazakh and Russian names across Cyrillic, ICAO, old and 2021 Latin.
	{"Ержан", "Yerzhan", "Erjan", "Erzhan", "Yerjan", "Ерджан"},
	{"Юлия", "Yulia", "Iuliia", "Julia", "Yuliya", "Julija", "Iulia"},
	{"Юрий", "Yuri", "Yury", "Iurii", "Jurij", "Yuriy"},
	{"Евгений", "Yevgeniy", "Evgenii", "Evgeny", "Jevgenij", "Yevgeny"},
	{"Елена", "Yelena", "Elena", "Jelena"},
	{"Екатерина", "Yekaterina", "Ekaterina", "Jekaterina", "Ecaterina"},
	{"Алексей", "Aleksei", "Alexey", "Aleksey", "Alexei"},
	{"Дмитрий", "Dmitriy", "Dmitrii", "Dmitry", "Dmitrij"},
	{"Сергей", "Sergey", "Sergei", "Serguei", "Sergej"},
	{"Андрей", "Andrey", "Andrei", "Andrej"},
	{"Наталья", "Natalya", "Natalia", "Nataliya", "Natalja"},
	{"Мария", "Maria", "Mariya", "Mariia", "Marija"},
	{"Ксения", "Kseniya", "Ksenia", "Kseniia", "Xenia"},
	{"Максим", "Maksim", "Maxim", "Maksym"},
	{"Жанар", "Zhanar", "Janar", "Zhanar"},
	{"Жұлдыз", "Zhuldyz", "Juldyz", "Jūldyz", "Жулдыз", "Zhuldiz"},
	{"Айгүл", "Aigul", "Aygul", "Aigül", "Айгуль", "Aigu'l"},
	{"Нұрсұлтан", "Nursultan", "Nūrsūltan", "Нурсултан"},
	{"Қайрат", "Qairat", "Kairat", "Qaırat", "Кайрат", "Qayrat"},
	{"Ғалым", "Galym", "Ghalym", "Ğalym", "Галым"},
	{"Әсел", "Assel", "Asel", "Äsel", "Асель"},
	{"Шыңғыс", "Shyngys", "Şyñğys", "Шынгыс", "Shynggys"},
	{"Бауыржан", "Baurzhan", "Bauyrzhan", "Bauyrjan", "Бауржан", "Baurjan"},
	{"Ақбота", "Akbota", "Aqbota", "Акбота"},
	{"Дәулет", "Daulet", "Däulet", "Даулет", "Dawlet"},
	{"Өмірзақ", "Omirzaq", "Ömirzaq", "Omirzak", "Омирзак"},
	{"Түймебай", "Tuimebai", "Tüimebai", "Tuymebay", "Туймебай"},
	{"Жақыпов", "Zhaqypov", "Jaqypov", "Zhakypov", "Жакыпов", "Djakypov"},
	{"Щукин", "Shchukin", "Shukin"},
	{"Цой", "Tsoi", "Tsoy", "Tsoj"},
	{"Хасенов", "Khasenov", "Hasenov", "Hassenov"},
	{"Чингиз", "Chingiz", "Çingiz", "Tchingiz"},
	{"Ильяс", "Ilyas", "Ilias", "Iliyas"},
}

func TestKeySameName(t *testing.T) {
	for _, group := range sameName {
		want := Key(group[0])
		if want == "" {
			t.Errorf("Key(%q) is empty", group[0])
		}
		for _, s := range group[1:] {
			if got := Key(s); got != want {
				t.Errorf("Key(%q) = %q, want %q as for %q (Latin %q, %q)", s, got, want, group[0], Latin(s), Latin(group[0]))
			}
		}
	}
}

// differentNames are pairs of names that must not share a key. The key is
// coarse by design (Hasan and Hossein, Ali and Alia, Zahra and Zohreh do
// share one; see TestKeyKnownCollisions), but these stay apart.
var differentNames = [][2]string{
	{"Иван", "Иванна"},
	{"Ivan", "Ivanna"},
	{"Mohammad", "Mohammadi"},
	{"Mohammad", "Ahmad"},
	{"Ali", "Alireza"},
	{"Reza", "Alireza"},
	{"Hossein", "Hosseini"},
	{"Zahra", "Zeinab"},
	{"Fatemeh", "Fariba"},
	{"Maryam", "Marzieh"},
	{"Mahdi", "Hadi"},
	{"Yulia", "Zhuldyz"},
	{"Julia", "Janar"},
	{"Zhanna", "Anna"},
	{"Yana", "Zhanna"},
	{"Erzhan", "Ermek"},
	{"Serik", "Sergei"},
	{"Aigul", "Aigerim"},
	{"Nurlan", "Nursultan"},
	{"Aliev", "Alimov"},
	{"Ivanov", "Ivanenko"},
	{"Petrov", "Petrenko"},
	{"Ghasem", "Hashem"},
	{"Saeed", "Sajjad"},
	{"Masoud", "Mahmoud"},
	{"Javad", "Jafar"},
	{"Elena", "Elmira"},
	{"Dmitry", "Timur"},
	{"Sasha", "Sara"},
	{"Vahid", "Hamid"},
	{"Zhakupov", "Zakirov"},
	{"Chingiz", "Shyngys"}, // two romanisations apart; accepted miss
}

func TestKeyDifferentNames(t *testing.T) {
	for _, p := range differentNames {
		if a, b := Key(p[0]), Key(p[1]); a == b {
			t.Errorf("Key(%q) == Key(%q) == %q, want them apart", p[0], p[1], a)
		}
	}
}

// TestKeyKnownCollisions records the pairs the key cannot tell apart, so
// that a change that separates them is noticed and documented.
func TestKeyKnownCollisions(t *testing.T) {
	for _, p := range [][2]string{
		{"Hasan", "Hossein"},    // حسن and حسین differ only in a ی that Latin spells as a vowel
		{"Ali", "Alia"},         // Persian writes final a and final i as long vowels alike
		{"Zahra", "Zohreh"},     // Fatima and Fatemeh must meet, so final a and eh do too
		{"Илья", "Алия"},        // initial vowels are one class, as Persian alef is
		{"Mostafa", "Mostafi"},  // مصطفی ends in ی read as a
		{"Mohammad", "Mahmoud"}, // محمد and محمود differ only in a و read as a vowel
		{"Reza", "Raziyeh"},     // final vowels are one class
		{"Elena", "Elina"},      // inner vowels are dropped
		{"Hossein", "Husseini"}, // Key keeps the final vowel: not a collision
	} {
		a, b := Key(p[0]), Key(p[1])
		if p[1] == "Husseini" {
			if a == b {
				t.Errorf("Key(%q) == Key(%q)", p[0], p[1])
			}
			continue
		}
		if a != b {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: a documented collision is gone, update the docs", p[0], a, p[1], b)
		}
	}
}

func TestKeyOfLatin(t *testing.T) {
	for _, group := range sameName {
		for _, s := range group {
			if got, want := KeyOfLatin(Latin(s)), Key(s); got != want {
				t.Errorf("KeyOfLatin(Latin(%q)) = %q, want Key %q", s, got, want)
			}
		}
	}
}

func TestKeyEmpty(t *testing.T) {
	for _, s := range []string{"", " ", "123", "--", "李"} {
		if got := Key(s); got != "" {
			t.Errorf("Key(%q) = %q, want empty", s, got)
		}
	}
}
