package geo

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/jolproject/jol/internal/text"
)

// Materialised paths are the codes from the country down, each followed by
// "/": "/KZ/KZ-75/KZ-75-01/". The helpers below are the only place that
// knows the format.

// ChildPath returns the path of a region with code placed under a region
// with parentPath ("" for a country).
func ChildPath(parentPath, code string) string {
	if parentPath == "" {
		return "/" + code + "/"
	}
	return parentPath + code + "/"
}

// PathCodes returns the codes on a path from the country down.
func PathCodes(path string) []string {
	path = strings.Trim(path, "/")
	if path == "" {
		return nil
	}
	return strings.Split(path, "/")
}

// PathCode returns the code of the region a path names, its last:
// "KZ-35" of "/KZ/KZ-35/".
func PathCode(path string) string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	return parts[len(parts)-1]
}

// InSubtree reports whether path lies in the subtree rooted at root (root
// itself included). An empty root is the whole tree.
func InSubtree(path, root string) bool {
	return strings.HasPrefix(path, root)
}

// SubtreePattern is the LIKE pattern matching every path in the subtree
// rooted at root, for queries in other packages that filter by region.
func SubtreePattern(root string) string { return root + "%" }

// Fold turns text into the form kept in search columns and compared with a
// folded query: Unicode NFC, lower case, Arabic yeh and kaf as their Persian
// forms, ё as е, and the zero-width non-joiner as a space. Organisations use
// it too, so a name matches the same way everywhere.
func Fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ي', 'ى':
			return 'ی'
		case 'ك':
			return 'ک'
		case 'ё':
			return 'е'
		case '\u200c':
			return ' '
		}
		return r
	}, strings.ToLower(norm.NFC.String(s)))
}

// ContainsPattern is the LIKE pattern (with ESCAPE '\') matching folded
// text that contains q anywhere.
func ContainsPattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(Fold(strings.TrimSpace(q))) + "%"
}

// maxCode and maxName bound imported values.
const (
	maxCode = 50
	maxType = 30
	maxName = 200
)

// normCode trims and upper-cases a code as typed in a file or a URL.
func normCode(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// validCode reports whether a normalised code may be stored: upper-case
// Latin letters, digits, dots and hyphens, starting with a letter or digit.
func validCode(c string) bool {
	if c == "" || len(c) > maxCode || c[0] == '-' || c[0] == '.' {
		return false
	}
	for _, r := range c {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

// validType reports whether t is one lower-case word ("district",
// "rural_district"); "country" is kept for the roots Jol ships.
func validType(t string) bool {
	if t == "" || len(t) > maxType || t == "country" || t[0] == '_' || t[len(t)-1] == '_' {
		return false
	}
	for _, r := range t {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}

// validName reports whether a name is printable text of acceptable length.
func validName(s string) (ok, tooLong bool) {
	if !text.Printable(s) {
		return false, false
	}
	return true, utf8.RuneCountInString(s) > maxName
}
