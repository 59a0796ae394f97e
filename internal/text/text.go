// Package text holds the checks and foldings every domain package applies
// to what people type: names of organisations, places, installations and,
// later, of children and families.
package text

import "unicode/utf8"

// Printable reports whether s is valid UTF-8 without control characters
// (C0 controls and DEL), the condition for a name stored and shown as typed.
func Printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}
