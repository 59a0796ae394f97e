package imports

// The columns of the people list, in the order of its template.
const (
	LastName          Column = "last_name"
	FirstName         Column = "first_name"
	Patronymic        Column = "patronymic"
	BirthDate         Column = "birth_date"
	Sex               Column = "sex"
	NationalID        Column = "national_id"
	Phone             Column = "phone"
	Region            Column = "region"
	District          Column = "district"
	Settlement        Column = "settlement"
	Address           Column = "address"
	School            Column = "school"
	Grade             Column = "grade"
	HouseholdRef      Column = "household_ref"
	Relation          Column = "relation"
	GuardianLastName  Column = "guardian_last_name"
	GuardianFirstName Column = "guardian_first_name"
	GuardianPhone     Column = "guardian_phone"
	Categories        Column = "categories"
)

// peopleColumns are the columns of the people list in template order,
// with the headers people write for each, in English, Kazakh, Russian,
// French and Persian; last and first name are required.
func peopleColumns() []ColumnSpec {
	aliases := peopleAliases()
	var out []ColumnSpec
	for _, c := range []Column{LastName, FirstName, Patronymic, BirthDate, Sex, NationalID, Phone, Region, District,
		Settlement, Address, School, Grade, HouseholdRef, Relation, GuardianLastName, GuardianFirstName,
		GuardianPhone, Categories} {
		out = append(out, ColumnSpec{Key: c, Required: c == LastName || c == FirstName, Aliases: aliases[c],
			Label: "field." + string(c)})
	}
	return out
}

func peopleAliases() map[Column][]string {
	return map[Column][]string{
		LastName:          {"last name", "surname", "family name", "тегі", "фамилия", "фамилиясы", "نام خانوادگی", "فامیلی", "nom", "nom de famille"},
		FirstName:         {"first name", "given name", "аты", "есімі", "имя", "نام", "prénom"},
		Patronymic:        {"patronymic", "middle name", "әкесінің аты", "әкесінің есімі", "отчество", "نام پدر", "patronyme", "nom du père"},
		BirthDate:         {"birth date", "date of birth", "dob", "туған күні", "туылған күні", "дата рождения", "تاریخ تولد", "date de naissance", "né le", "née le"},
		Sex:               {"sex", "gender", "жынысы", "пол", "جنسیت", "جنس", "sexe", "genre"},
		NationalID:        {"national id", "iin", "иин", "жсн", "national code", "کد ملی", "شماره ملی", "numéro national", "identifiant national"},
		Phone:             {"phone", "telephone", "mobile", "телефон", "телефоны", "тел", "تلفن", "شماره تماس", "موبایل", "téléphone", "portable"},
		Region:            {"region", "province", "oblast", "облыс", "область", "регион", "استان", "région"},
		District:          {"district", "аудан", "район", "شهرستان", "بخش", "arrondissement"},
		Settlement:        {"settlement", "city", "village", "елді мекен", "қала", "ауыл", "населенный пункт", "город", "село", "شهر", "روستا", "localité", "ville"},
		Address:           {"address", "мекенжай", "мекенжайы", "адрес", "نشانی", "آدرس", "adresse"},
		School:            {"school", "institution", "мектеп", "мекеме", "школа", "учреждение", "организация", "مدرسه", "آموزشگاه", "école", "établissement"},
		Grade:             {"grade", "class", "сынып", "класс", "پایه", "کلاس", "classe", "niveau"},
		HouseholdRef:      {"household ref", "household", "family", "отбасы", "семья", "код семьи", "خانوار", "کد خانوار", "famille", "foyer", "code famille"},
		Relation:          {"relation", "relationship", "туыстығы", "туыстық", "родство", "степень родства", "نسبت", "lien", "lien de parenté"},
		GuardianLastName:  {"guardian last name", "parent last name", "ата анасының тегі", "қамқоршының тегі", "фамилия родителя", "фамилия законного представителя", "نام خانوادگی سرپرست", "نام خانوادگی ولی", "nom du tuteur", "nom du parent"},
		GuardianFirstName: {"guardian first name", "parent first name", "ата анасының аты", "қамқоршының аты", "имя родителя", "имя законного представителя", "نام سرپرست", "نام ولی", "prénom du tuteur", "prénom du parent"},
		GuardianPhone:     {"guardian phone", "parent phone", "ата анасының телефоны", "қамқоршының телефоны", "телефон родителя", "телефон законного представителя", "تلفن سرپرست", "تلفن ولی", "téléphone du tuteur", "téléphone du parent"},
		Categories:        {"categories", "category", "санаты", "санат", "санаттар", "категория", "категории", "دسته", "دسته بندی", "گروه", "catégories", "catégorie"},
	}
}
