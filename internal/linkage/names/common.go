package names

// commonPersian holds the usual Latin spelling of frequent Iranian given
// names and family names, keyed by their folded Persian spelling, so that
// Latin gives their vowels rather than a bare skeleton. The spellings are
// those of Iranian passports and school lists (Mohammad, Hossein, Fatemeh,
// Ghasem); every entry's Key equals the Key of its letter-by-letter reading
// or of its common Latin variants (a test checks the table).
var commonPersian = map[string]string{
	// Given names.
	"محمد": "mohammad", "علی": "ali", "حسین": "hossein", "حسن": "hasan",
	"رضا": "reza", "مهدی": "mahdi", "احمد": "ahmad", "محمود": "mahmoud",
	"مصطفی": "mostafa", "مرتضی": "morteza", "مجتبی": "mojtaba", "موسی": "mousa",
	"عیسی": "isa", "یحیی": "yahya", "قاسم": "ghasem", "جواد": "javad",
	"حمید": "hamid", "سعید": "saeed", "امیر": "amir", "ابراهیم": "ebrahim",
	"اسماعیل": "esmaeil", "یوسف": "yousef", "یعقوب": "yaghoub", "عباس": "abbas",
	"جعفر": "jafar", "صادق": "sadegh", "کاظم": "kazem", "محسن": "mohsen",
	"مسعود": "masoud", "داوود": "davoud", "داود": "davoud", "نوید": "navid",
	"امید": "omid", "عبدالله": "abdollah", "ابوالفضل": "abolfazl", "سید": "seyed",
	"میلاد": "milad", "بهزاد": "behzad", "فرهاد": "farhad", "بهرام": "bahram",
	"زهرا": "zahra", "فاطمه": "fatemeh", "مریم": "maryam", "زینب": "zeinab",
	"معصومه": "masoumeh", "سکینه": "sakineh", "نرگس": "narges", "سارا": "sara",
	"نازنین": "nazanin", "ریحانه": "reyhaneh", "کوثر": "kowsar", "لیلا": "leila",
	"لیلی": "leili", "کبری": "kobra", "صغری": "soghra", "زهره": "zohreh",
	"طاهره": "tahereh", "اعظم": "azam", "مهسا": "mahsa", "یاسمن": "yasaman",
	"الهام": "elham", "آیدا": "aida", "هانیه": "hanieh", "ملیکا": "melika",
	// Family names and their stems.
	"حسینی": "hosseini", "محمدی": "mohammadi", "احمدی": "ahmadi",
	"رضایی": "rezaei", "رضائی": "rezaei", "موسوی": "mousavi", "کریمی": "karimi",
	"رحیمی": "rahimi", "حیدری": "heidari", "جعفری": "jafari", "صادقی": "sadeghi",
	"کاظمی": "kazemi", "هاشمی": "hashemi", "قاسمی": "ghasemi", "عزیزی": "azizi",
	"نوری": "nouri", "زارعی": "zarei", "اکبری": "akbari", "ابراهیمی": "ebrahimi",
	"نجفی": "najafi", "سلیمانی": "soleimani", "طاهری": "taheri", "مرادی": "moradi",
	"یزدانی": "yazdani", "قربانی": "ghorbani", "رستمی": "rostami", "کریم": "karim",
	"زاده": "zadeh", "پور": "pour",
}
