// Package imports turns the lists schools and centres send — CSV and XLSX
// in Kazakh, Russian, Persian or English — into registry records, row by
// row, reporting every rejected row with its line, column, value and
// reason.
package imports

import (
	"strings"
	"unicode"
)

// Column is a canonical import column.
type Column string

// The canonical columns, in the order of the import template.
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

// Columns lists the canonical columns in template order.
func Columns() []Column {
	return []Column{LastName, FirstName, Patronymic, BirthDate, Sex, NationalID, Phone, Region, District,
		Settlement, Address, School, Grade, HouseholdRef, Relation, GuardianLastName, GuardianFirstName,
		GuardianPhone, Categories}
}

// aliases are the headers people write for each column, in English,
// Kazakh, Russian and Persian, as headerKey folds them.
var aliases = map[Column][]string{
	LastName:          {"last name", "surname", "family name", "тегі", "фамилия", "фамилиясы", "نام خانوادگی", "فامیلی"},
	FirstName:         {"first name", "given name", "аты", "есімі", "имя", "نام"},
	Patronymic:        {"patronymic", "middle name", "әкесінің аты", "әкесінің есімі", "отчество", "نام پدر"},
	BirthDate:         {"birth date", "date of birth", "dob", "туған күні", "туылған күні", "дата рождения", "تاریخ تولد"},
	Sex:               {"sex", "gender", "жынысы", "пол", "جنسیت", "جنس"},
	NationalID:        {"national id", "iin", "иин", "жсн", "national code", "کد ملی", "شماره ملی"},
	Phone:             {"phone", "telephone", "mobile", "телефон", "телефоны", "тел", "تلفن", "شماره تماس", "موبایل"},
	Region:            {"region", "province", "oblast", "облыс", "область", "регион", "استان"},
	District:          {"district", "аудан", "район", "شهرستان", "بخش"},
	Settlement:        {"settlement", "city", "village", "елді мекен", "қала", "ауыл", "населенный пункт", "город", "село", "شهر", "روستا"},
	Address:           {"address", "мекенжай", "мекенжайы", "адрес", "نشانی", "آدرس"},
	School:            {"school", "institution", "мектеп", "мекеме", "школа", "учреждение", "организация", "مدرسه", "آموزشگاه"},
	Grade:             {"grade", "class", "сынып", "класс", "پایه", "کلاس"},
	HouseholdRef:      {"household ref", "household", "family", "отбасы", "семья", "код семьи", "خانوار", "کد خانوار"},
	Relation:          {"relation", "relationship", "туыстығы", "туыстық", "родство", "степень родства", "نسبت"},
	GuardianLastName:  {"guardian last name", "parent last name", "ата анасының тегі", "қамқоршының тегі", "фамилия родителя", "фамилия законного представителя", "نام خانوادگی سرپرست", "نام خانوادگی ولی"},
	GuardianFirstName: {"guardian first name", "parent first name", "ата анасының аты", "қамқоршының аты", "имя родителя", "имя законного представителя", "نام سرپرست", "نام ولی"},
	GuardianPhone:     {"guardian phone", "parent phone", "ата анасының телефоны", "қамқоршының телефоны", "телефон родителя", "телефон законного представителя", "تلفن سرپرست", "تلفن ولی"},
	Categories:        {"categories", "category", "санаты", "санат", "санаттар", "категория", "категории", "دسته", "دسته بندی", "گروه"},
}

// letterVariants are the letters written two ways that headerKey folds.
var letterVariants = strings.NewReplacer("ي", "ی", "ك", "ک", "\u200c", " ", "ё", "е", "Ё", "Е")

// headerKey folds a header as people type it: case, spaces, underscores,
// hyphens, dots, a trailing colon and Arabic/Persian letter variants do
// not matter.
func headerKey(s string) string {
	s = letterVariants.Replace(s)
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ':' || r == '/' || unicode.IsSpace(r):
			space = b.Len() > 0
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
