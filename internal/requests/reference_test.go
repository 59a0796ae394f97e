package requests

import (
	"strings"
	"testing"
)

func TestReferenceRoundTrip(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		ref := newReference()
		if seen[ref] {
			t.Fatalf("reference %s drawn twice in 1000", ref)
		}
		seen[ref] = true
		if strings.ContainsAny(ref, "0O1I") {
			t.Fatalf("reference %s has an ambiguous character", ref)
		}
		got, err := ParseReference(strings.ToLower(strings.ReplaceAll(ref, "-", " ")))
		if err != nil || got != ref {
			t.Fatalf("ParseReference(%q) = %q, %v", ref, got, err)
		}
	}
}

// Every single substitution of every position of many references is
// caught.
func TestReferenceCatchesOneMistypedCharacter(t *testing.T) {
	for range 200 {
		code := strings.ReplaceAll(newReference(), "-", "")
		for i := range len(code) {
			for _, c := range refAlphabet {
				if byte(c) == code[i] {
					continue
				}
				typo := code[:i] + string(c) + code[i+1:]
				if _, err := ParseReference(typo); err == nil {
					t.Fatalf("%s mistyped as %s was accepted", code, typo)
				}
			}
		}
	}
}

func TestParseReferenceRefusesMalformed(t *testing.T) {
	for _, s := range []string{"", "ABC", "ABC-DEF-GHJK", "AB0-DEF-GHJ", "ABO-DEF-GHJ", "AB1-DEF-GHJ"} {
		if _, err := ParseReference(s); err == nil {
			t.Errorf("ParseReference(%q) accepted", s)
		}
	}
}
