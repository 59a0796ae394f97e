package main

// faParts are the words Persian names are made of, each with the Latin
// spellings seen for it in passports, school lists and the press, most
// usual first. There is no one romanisation of Persian in use: the same
// محمد is Mohammad, Mohammed, Muhammad or Mohamad depending on who typed it.
var faParts = map[string][]string{
	"محمد": {"Mohammad", "Mohammed", "Muhammad", "Mohamad", "Mohamed", "Mahammad"},
	"علی":  {"Ali", "Aly"}, "حسین": {"Hossein", "Hosein", "Hussein", "Husain", "Hosain", "Hossain", "Hosseyn"},
	"رضا": {"Reza", "Rezaa", "Rida"}, "امیر": {"Amir", "Ameer"}, "مهدی": {"Mahdi", "Mehdi", "Mehdy", "Mahdy"},
	"ابوالفضل": {"Abolfazl", "Abulfazl", "Abolfazel", "Abol-Fazl", "Abolfazal"}, "حسن": {"Hassan", "Hasan"},
	"یوسف": {"Yousef", "Yusuf", "Yousof", "Yosef", "Yusef"}, "سجاد": {"Sajjad", "Sajad"},
	"مصطفی": {"Mostafa", "Mustafa", "Mostapha", "Moustafa"}, "مرتضی": {"Morteza", "Mortaza", "Murtaza"},
	"جواد": {"Javad", "Jawad"}, "سعید": {"Saeed", "Saeid", "Said", "Saied"}, "عرفان": {"Erfan", "Irfan"},
	"آرین": {"Arian", "Aryan", "Ariyan"}, "پارسا": {"Parsa"}, "کیان": {"Kian", "Kiyan"}, "طاها": {"Taha"},
	"یاسین": {"Yasin", "Yaseen", "Yassin"}, "بنیامین": {"Benyamin", "Bonyamin", "Binyamin", "Benyamen"},
	"ایلیا": {"Iliya", "Ilia", "Ilya", "Eliya"}, "فاطمه": {"Fatemeh", "Fatemah", "Fateme", "Fatima", "Fatemé"},
	"زهرا": {"Zahra", "Zahraa"}, "مریم": {"Maryam", "Mariam", "Maryum"}, "زینب": {"Zeinab", "Zeynab", "Zainab"},
	"ستایش": {"Setayesh", "Setaiesh"}, "هستی": {"Hasti", "Hasty"}, "یسنا": {"Yasna"},
	"رها": {"Raha"}, "نازنین": {"Nazanin", "Nazaneen"}, "سارا": {"Sara", "Sarah"}, "نرگس": {"Narges", "Nargess"},
	"کوثر": {"Kowsar", "Kosar", "Kausar", "Kowthar"}, "حلما": {"Helma", "Helmaa"}, "مهسا": {"Mahsa"},
	"آیدا": {"Aida", "Ayda"}, "ریحانه": {"Reyhaneh", "Reihaneh", "Rayhaneh", "Reyhane"},
	"محدثه": {"Mohadeseh", "Mohaddeseh", "Mohadese", "Mohaddese"}, "الناز": {"Elnaz"}, "باران": {"Baran"},
	"نیایش": {"Niayesh", "Niyayesh"}, "مائده": {"Maedeh", "Maede", "Ma'edeh", "Maaedeh"}, "ثنا": {"Sana"},
	"ملیکا": {"Melika", "Malika", "Melica"},
	// Surnames and their parts.
	"محمدی": {"Mohammadi", "Mohamadi", "Muhammadi", "Mohammady"}, "احمدی": {"Ahmadi", "Ahmady"},
	"حسینی": {"Hosseini", "Hoseini", "Husseini", "Hosseyni", "Hossaini"}, "رضایی": {"Rezaei", "Rezaee", "Rezaie", "Rezai", "Rezayi"},
	"موسوی": {"Mousavi", "Musavi", "Moosavi", "Mousawi"}, "کریمی": {"Karimi", "Karimy"}, "جعفری": {"Jafari", "Jaafari", "Ja'fari"},
	"صادقی": {"Sadeghi", "Sadeqi", "Sadegi"}, "قاسمی": {"Ghasemi", "Qasemi", "Ghassemi"}, "حیدری": {"Heidari", "Heydari", "Haidari"},
	"رحیمی": {"Rahimi"}, "کاظمی": {"Kazemi", "Kazimi"}, "عباسی": {"Abbasi", "Abasi"}, "نوری": {"Nouri", "Noori", "Nuri"},
	"اکبری": {"Akbari"}, "زارعی": {"Zarei", "Zareie", "Zare'i", "Zarehi"}, "هاشمی": {"Hashemi", "Hashimi"},
	"صالحی": {"Salehi"}, "باقری": {"Bagheri", "Baqeri", "Baghery"}, "شریفی": {"Sharifi"},
	"سلیمانی": {"Soleimani", "Soleymani", "Solaimani", "Sulaimani"}, "امیری": {"Amiri"}, "نجفی": {"Najafi"},
	"یوسفی": {"Yousefi", "Yusefi", "Yousofi"}, "قربانی": {"Ghorbani", "Qorbani", "Gorbani"}, "طاهری": {"Taheri"},
	"ابراهیمی": {"Ebrahimi", "Ibrahimi"}, "مرادی": {"Moradi", "Muradi"}, "عزیزی": {"Azizi"},
	"خسروی": {"Khosravi", "Khosrawi", "Khosravy"}, "رستمی": {"Rostami", "Rustami"}, "قزوینی": {"Ghazvini", "Qazvini"},
	"اکبر": {"Akbar"}, "ممد": {"Mamad", "Mammad"}, "فاطی": {"Fati", "Fatti"},
}

// Persian names, most common first, as parts of faParts joined by "+":
// a compound is written as one word or two, in either script.
var (
	faMale = []string{
		"محمد", "علی", "امیر+حسین", "حسین", "محمد+طاها", "ابوالفضل", "امیر+علی", "محمد+رضا", "مهدی", "علی+رضا",
		"رضا", "حسن", "یوسف", "امیر", "سجاد", "مصطفی", "محمد+مهدی", "مرتضی", "جواد", "سعید",
		"عرفان", "آرین", "پارسا", "کیان", "طاها", "یاسین", "بنیامین", "ایلیا", "محمد+حسین", "علی+اکبر",
	}
	faFemale = []string{
		"فاطمه", "زهرا", "فاطمه+زهرا", "نازنین+زهرا", "مریم", "زینب", "ستایش", "هستی", "یسنا", "رها",
		"سارا", "نرگس", "کوثر", "حلما", "مهسا", "آیدا", "ریحانه", "محدثه", "الناز", "باران",
		"نیایش", "مائده", "ثنا", "ملیکا", "نازنین",
	}
	faFathers = []string{
		"محمد", "علی", "حسین", "رضا", "حسن", "مهدی", "جواد", "مرتضی", "مصطفی", "سعید", "یوسف", "محمد+رضا", "علی+رضا", "امیر",
	}
	faSurnames = []string{
		"محمدی", "احمدی", "حسینی", "رضایی", "موسوی", "کریمی", "جعفری", "صادقی", "قاسمی", "حیدری",
		"رحیمی", "کاظمی", "عباسی", "نوری", "اکبری", "زارعی", "هاشمی", "صالحی", "باقری", "شریفی",
		"سلیمانی", "امیری", "نجفی", "یوسفی", "قربانی", "طاهری", "ابراهیمی", "مرادی", "عزیزی", "خسروی",
		"رستمی", "قزوینی",
	}
	// faTwins: Hasan and Hossein is the classic name pair for twin boys.
	faTwins = []twinNames{{"حسن", "حسین", true}, {"محمد", "علی", true}, {"امیر+حسین", "امیر+علی", true}, {"فاطمه", "زهرا", false}}

	// faNicknames are the familiar forms a school list may use.
	faNicknames = map[string]string{"محمد": "ممد", "فاطمه": "فاطی", "علی+رضا": "علی", "امیر+حسین": "امیر"}
)

// faRegion is a county of Iran in Persian with its Latin spellings.
type faRegion struct {
	fa  string
	lat []string
}

var faRegions = []faRegion{
	{"قزوین", []string{"Qazvin", "Ghazvin", "Kazvin"}}, {"تاکستان", []string{"Takestan"}},
	{"آبیک", []string{"Abyek", "Abiek"}}, {"البرز", []string{"Alborz", "Alburz"}},
	{"بوئین‌زهرا", []string{"Buin Zahra", "Bouin Zahra", "Buin-Zahra"}}, {"آوج", []string{"Avaj"}},
	{"زنجان", []string{"Zanjan"}}, {"ابهر", []string{"Abhar"}}, {"خرمدره", []string{"Khorramdarreh", "Khoramdareh"}},
	{"تهران", []string{"Tehran", "Teheran"}}, {"کرج", []string{"Karaj"}}, {"همدان", []string{"Hamadan", "Hamedan"}},
	{"رشت", []string{"Rasht"}}, {"اراک", []string{"Arak"}}, {"قم", []string{"Qom", "Ghom"}},
}

// faPrefixes are the first three digits of the national codes given in
// each region. They are made up, except that Tehran's begin with zeros, as
// real ones issued there do, and spreadsheets drop those zeros.
var faPrefixes = []int{
	431, 432, 433, 434, 435, 436, 427, 428, 429, 1, 2, 386, 387, 270, 271,
}

// faSurnameSuffixes make more surnames from the parts of given names:
// Hosseinzadeh, Alipour, Rezanejad, Mohammadfar.
var faSurnameSuffixes = map[string][]string{
	"زاده": {"zadeh", "zade", "zada"}, "پور": {"pour", "pur", "poor"},
	"نژاد": {"nejad", "nezhad", "nejhad"}, "فر": {"far"},
}

var faSurnameStems = []string{"محمد", "علی", "حسین", "حسن", "رضا", "مهدی", "جواد", "یوسف", "امیر", "مصطفی"}
