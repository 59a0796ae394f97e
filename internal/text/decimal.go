package text

import (
	"strconv"
	"strings"
)

// ParseDecimal reads a number as people type it: ASCII, Persian or
// Arabic-Indic digits, an optional minus sign, and at most one decimal
// separator, a point, a comma or the Arabic decimal separator (٫) —
// "4.5", "4,5" and "۴٫۵" are all 4.5. Spaces around it are ignored; group
// separators, exponents and words are not numbers.
func ParseDecimal(s string) (float64, bool) {
	s = strings.TrimSpace(NormalizeDigits(s))
	s = strings.NewReplacer(",", ".", "\u066b", ".").Replace(s)
	body := strings.TrimPrefix(s, "-")
	if body == "" || body == "." || strings.Count(body, ".") > 1 {
		return 0, false
	}
	for _, r := range body {
		if (r < '0' || r > '9') && r != '.' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
