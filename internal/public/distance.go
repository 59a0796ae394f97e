package public

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/text"
)

// checkDistance reads the distance to school, when given: at most
// requests.MaxDistanceKm kilometres, as ParseKm reads it.
func (a *Application) checkDistance() []errs.FieldError {
	a.km = nil
	if strings.TrimSpace(a.Distance) == "" {
		return nil
	}
	km, ok := ParseKm(a.Distance)
	if !ok || km > requests.MaxDistanceKm {
		return []errs.FieldError{errs.Field("distance_km", "error.distance_range", "Max", requests.MaxDistanceKm)}
	}
	a.km = &km
	return nil
}

// maxKmText bounds what ParseKm reads, in characters: "300.125" and its
// spaces need far fewer.
const maxKmText = 12

// ParseKm reads a number of kilometres as families type it on a phone:
// digits in ASCII, Persian (۰–۹) or Arabic-Indic (٠–٩) script, and at
// most one decimal separator, a point, a comma or the Arabic decimal
// separator (٫, which Persian keyboards give), with spaces around. It
// refuses anything else — a sign, an exponent, "NaN", grouping — rather
// than guess: "1,500" is one and a half kilometres, never fifteen hundred.
func ParseKm(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxKmText {
		return 0, false
	}
	s = strings.NewReplacer(",", ".", "٫", ".").Replace(text.NormalizeDigits(s))
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || !digits(whole) || !digits(frac) {
		return 0, false
	}
	km, err := strconv.ParseFloat("0"+whole+"."+frac+"0", 64)
	return km, err == nil
}

// digits reports whether s holds ASCII digits only (or nothing).
func digits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
