package demo

// The parts the demo's sponsors are named from: people by their language
// (first names alternate women's and men's; a Kazakh or Russian last name
// is "man's|woman's"), and companies by a pattern of their country's and a
// word. Every name is invented.
var (
	sponsorPeople = map[string][2][]string{
		"kk": {{"Айгүл", "Ерлан", "Динара", "Нұрлан", "Сәуле", "Асқар", "Гүлнар", "Мұрат", "Жанар", "Бақытжан"},
			{"Омаров|Омарова", "Сейітов|Сейітова", "Жақсыбеков|Жақсыбекова", "Тұрсынов|Тұрсынова", "Қасымов|Қасымова"}},
		"ru": {{"Ольга", "Сергей", "Наталья", "Андрей", "Елена", "Виктор", "Ирина", "Дмитрий", "Татьяна", "Павел"},
			{"Ковалёв|Ковалёва", "Петров|Петрова", "Соколов|Соколова", "Морозов|Морозова", "Волков|Волкова"}},
		"en": {{"Sarah", "James", "Emily", "Robert", "Hannah", "Daniel", "Laura", "Michael"},
			{"Whitfield", "Carter", "Morrison", "Ellis", "Hughes", "Bennett"}},
		"fr": {{"Claire", "Julien", "Sophie", "Antoine", "Élodie", "Mathieu", "Camille", "Nicolas"},
			{"Lefèvre", "Moreau", "Girard", "Rousseau", "Fontaine", "Chevalier"}},
		"fa": {{"زهرا", "علی", "فاطمه", "حسین", "مریم", "رضا", "سارا", "محمد"},
			{"احمدی", "کریمی", "رضایی", "حسینی", "موسوی", "جعفری"}},
	}
	sponsorCompanies = map[string][2][]string{
		"kk": {{"«%s» ЖШС", "«%s» АҚ"}, {"Алтын Дала", "Көктем", "Шаңырақ", "Береке Құрылыс", "Сарыарқа Логистик", "Ақ Жол", "Ұлытау", "Есіл Агро"}},
		"ru": {{"ТОО «%s»", "АО «%s»", "ИП «%s»"}, {"Степной Ветер", "КарагандаСтрой", "Алатау Фарм", "Восток Агро", "Меридиан", "Гранит"}},
		"en": {{"%s LLP", "%s Ltd"}, {"Silk Road Energy", "Northwind Mining", "Caspian Foods", "Blue Steppe Tech"}},
		"fr": {{"%s SARL", "Fondation %s"}, {"Lumière", "Horizon Éducation", "Les Amis de l'École", "Terre d'Avenir"}},
		"fa": {{"شرکت %s", "گروه صنعتی %s"}, {"البرز", "سپید", "پارس نوین", "آینده\u200cسازان", "مهر ایران", "کوثر"}},
	}
	// sponsorPurposes are what cash gifts are given for, by language.
	sponsorPurposes = map[string][]string{
		"kk": {"Мектепке жол: рюкзактар", "Оқушыларға форма", "Кеңсе тауарлары"},
		"ru": {"Дорога в школу: рюкзаки", "Школьная форма для детей", "Канцтовары", ""},
		"en": {"Road to School: backpacks", "Laptops for distance learning", ""},
		"fr": {"Fournitures scolaires", "Cartables pour la rentrée", ""},
		"fa": {"لوازم\u200cالتحریر دانش\u200cآموزان", "بازگشت به مدرسه", ""},
	}
)
