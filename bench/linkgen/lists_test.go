package main

import (
	"path/filepath"
	"testing"
	"unicode"
)

// rows reads a list into a map from id to its cells.
func rows(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	err := eachRow(path, header, func(get func(string) string) error {
		r := map[string]string{}
		for _, c := range header {
			r[c] = get(c)
		}
		out[r["id"]] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// script names the script of the first letter of s.
func script(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			return "arabic"
		case unicode.Is(unicode.Cyrillic, r):
			return "cyrillic"
		case unicode.IsLetter(r):
			return "latin"
		}
	}
	return ""
}

// The same child is often written in different scripts on the two
// sides, Persian names appear in Persian script and Kazakh ones in
// Cyrillic, and the exact-ID baseline flags about ten children for each
// one truly out of school, as the issue expects of such lists.
func TestListsAreCrossScriptAndHardForExactIDs(t *testing.T) {
	c := small
	c.n, c.m = 20000, 19200
	dir, _ := gen(t, c)
	left, right := rows(t, filepath.Join(dir, "left.csv")), rows(t, filepath.Join(dir, "right.csv"))
	tr, err := readTruth(filepath.Join(dir, "truth.csv"))
	if err != nil {
		t.Fatal(err)
	}
	scripts := map[string]int{}
	cross, pairs := 0, 0
	for r, l := range tr.partner {
		if l == "" {
			continue
		}
		pairs++
		a, b := script(left[l]["last_name"]), script(right[r]["last_name"])
		scripts[a]++
		scripts[b]++
		if a != b {
			cross++
		}
	}
	if share := float64(cross) / float64(pairs); share < 0.6 || share > 0.8 {
		t.Errorf("%.2f of pairs are in two scripts", share)
	}
	for _, s := range []string{"arabic", "cyrillic", "latin"} {
		if scripts[s] < pairs/5 {
			t.Errorf("only %d of %d names in %s script", scripts[s], 2*pairs, s)
		}
	}

	pairsPath, unmatchedPath := filepath.Join(dir, "p.csv"), filepath.Join(dir, "u.csv")
	if err := runExactID([]string{"--left", filepath.Join(dir, "left.csv"), "--right", filepath.Join(dir, "right.csv"),
		"--pairs", pairsPath, "--unmatched-left", unmatchedPath}); err != nil {
		t.Fatal(err)
	}
	school, err := schoolAgeIDs(filepath.Join(dir, "left.csv"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := score(tr, pairsPath, unmatchedPath, school)
	if err != nil {
		t.Fatal(err)
	}
	if p := s.outOfSchool.precision(); p < 0.07 || p > 0.14 || s.outOfSchool.recall() < 0.99 {
		t.Errorf("exact IDs: out of school %v", s.outOfSchool)
	}
	if s.pairs.precision() < 0.99 || s.pairs.recall() > 0.7 {
		t.Errorf("exact IDs: pairs %v", s.pairs)
	}
}
