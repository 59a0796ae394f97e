package imports

import (
	"strings"
	"unicode"
)

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
