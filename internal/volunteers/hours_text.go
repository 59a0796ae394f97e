package volunteers

import (
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// ParseHours reads a time as people type it into minutes: "3", "2.5",
// "2,5" or "2:30" hours. It refuses what is not a time, and what is
// nothing or less, or more than a day.
func ParseHours(v string) (int, error) {
	v = strings.TrimSpace(text.NormalizeDigits(v))
	bad := errs.Validation(errs.Field("hours", "error.hours_positive"))
	if v == "" {
		return 0, bad
	}
	var minutes int
	if h, m, ok := strings.Cut(v, ":"); ok {
		hi, err1 := strconv.Atoi(h)
		mi, err2 := strconv.Atoi(m)
		if err1 != nil || err2 != nil || mi < 0 || mi >= 60 || len(m) != 2 {
			return 0, bad
		}
		minutes = hi*60 + mi
	} else {
		f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil || f != f || f > DayMinutes {
			return 0, bad
		}
		minutes = int(f*60 + 0.5)
	}
	if minutes <= 0 {
		return 0, bad
	}
	if minutes > DayMinutes {
		return 0, errs.Validation(errs.Field("hours", "error.hours_day_over", "Hours", "24"))
	}
	return minutes, nil
}

// FormatHours writes minutes as hours, "2.5" or "3": what the pages and
// the messages show.
func FormatHours(minutes int) string {
	return formatHours(minutes)
}

func formatHours(minutes int) string {
	return strconv.FormatFloat(float64(minutes)/60, 'f', -1, 64)
}
