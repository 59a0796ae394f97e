package oosrun

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/jolproject/jol/internal/text"
)

// YearLabel writes a school year by its first calendar year: 2026 → "2026/27".
func YearLabel(y int) string {
	if y <= 0 {
		return ""
	}
	return strconv.Itoa(y) + "/" + strconv.Itoa((y+1)%100/10) + strconv.Itoa((y+1)%10)
}

// ParseSchoolYear reads a school year as lists write it — "2026/27",
// "2026-2027", "2026–27" or "2026" — in any script's digits, and returns
// its first calendar year. The second year, when given, must follow the
// first.
func ParseSchoolYear(s string) (int, bool) {
	s = text.NormalizeDigits(strings.TrimSpace(s))
	parts := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if len(parts) == 0 || len(parts) > 2 || len(parts[0]) != 4 {
		return 0, false
	}
	y, _ := strconv.Atoi(parts[0])
	if y < 1900 || y > 2200 {
		return 0, false
	}
	if len(parts) == 2 {
		n, _ := strconv.Atoi(parts[1])
		if n != y+1 && n != (y+1)%100 {
			return 0, false
		}
	}
	return y, true
}

// statusWords are the attendance statuses as lists write them, folded,
// in English, Kazakh, Russian, French and Persian.
var statusWords = map[string]string{
	"attending": Attending, "enrolled": Attending, "in school": Attending, "оқиды": Attending,
	"обучается": Attending, "учится": Attending, "scolarisé": Attending, "présent": Attending,
	"در حال تحصیل": Attending, "حاضر": Attending,
	"not attending": NotAttending, "absent": NotAttending, "not_attending": NotAttending,
	"қатыспайды": NotAttending, "келмейді": NotAttending, "не посещает": NotAttending,
	"не ходит": NotAttending, "non présent": NotAttending, "absentéiste": NotAttending,
	"غایب": NotAttending, "حاضر نمی\u200cشود": NotAttending,
	"left": Left, "dropped out": Left, "шықты": Left, "шығып кетті": Left, "выбыл": Left,
	"выбыла": Left, "отчислен": Left, "parti": Left, "a quitté": Left, "déscolarisé": Left,
	"ترک تحصیل": Left, "انصراف": Left,
}

// ParseStatus reads an enrolment row's attendance status; an empty cell
// is attending.
func ParseStatus(s string) (string, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if k == "" {
		return Attending, true
	}
	v, ok := statusWords[k]
	return v, ok
}

// Year is the school year run for, as "2026/27".
func (r Run) Year() string { return YearLabel(r.SchoolYear) }

// Year is the latest school year of an enrolment list, as "2026/27"; ""
// for a population list.
func (l List) Year() string { return YearLabel(l.SchoolYear) }
