package people

import (
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/text"
)

// This file reads what was typed in the search box: an ID number, a phone,
// a document number or names.

// idNumber returns the national ID digits may be: 12 digits an IIN, 10 an
// Iranian code, 8 or 9 an Iranian code whose leading zeros a spreadsheet
// dropped, when its check digit holds.
func idNumber(digits string) (string, bool) {
	switch len(digits) {
	case 10, 12:
		return digits, true
	case 8, 9:
		code, err := natid.ParseIranCode(digits)
		return code, err == nil
	}
	return "", false
}

// onlyDigits returns the digits of s when s is a number as people type
// one: digits with spaces, dashes, parentheses and a leading plus.
func onlyDigits(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '+':
		default:
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// isDocument reports whether s, upper-cased, may be the number of another
// kind of ID, as checkID stores them: letters, digits and hyphens with at
// least one digit and one letter.
func isDocument(s string) bool {
	return len(s) >= minOtherID && len(s) <= maxOtherID && strings.ContainsAny(s, "0123456789") &&
		strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") &&
		strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == ""
}

// maxPermuted is how many words are tried in every order; longer queries
// are tried in the order typed and in its rotations.
const maxPermuted = 3

// namePrefixes returns the name-key prefixes for what was typed: the keys
// of the words, joined in every order, so that last and first name may come
// in either order. The key of the last word is a prefix of a name's word.
func namePrefixes(q string) []string {
	var keys []string
	for _, w := range strings.Fields(q) {
		if k := text.Key(w); k != "" {
			keys = append(keys, k)
		}
	}
	var orders [][]string
	if len(keys) <= maxPermuted {
		orders = permutations(keys)
	} else {
		for i := range keys {
			orders = append(orders, append(slices.Clone(keys[i:]), keys[:i]...))
		}
	}
	var out []string
	for _, o := range orders {
		if k := strings.Join(o, " "); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// permutations returns every order of ks (one empty order for none).
func permutations(ks []string) [][]string {
	if len(ks) <= 1 {
		return [][]string{ks}
	}
	var out [][]string
	for i, k := range ks {
		rest := append(slices.Clone(ks[:i]), ks[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]string{k}, p...))
		}
	}
	return out
}
