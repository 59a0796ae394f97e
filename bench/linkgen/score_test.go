package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreByHand(t *testing.T) {
	dir := t.TempDir()
	// Four pairs; S5 moved in; L5, L6 and L7 have no partner; L7 is 19.
	tr := write(t, dir, "truth.csv", "right_id,left_id\nS1,L1\nS2,L2\nS3,L3\nS4,L4\nS5,\n,L5\n,L6\n,L7\n")
	// Three pairs found, two right (S1-L1, S2-L2), one wrong (S3-L4);
	// a repeated row counts once; weight is ignored.
	pairs := write(t, dir, "pairs.csv", "right_id,left_id,weight\nS1,L1,9.1\nS2,L2,3\nS3,L4,1\nS1,L1,9.1\n")
	// Flagged: L3 (wrong), L5 (right), L7 (right but not school age).
	unmatched := write(t, dir, "u.csv", "left_id\nL3\nL5\nL7\n")
	left := write(t, dir, "left.csv", "id,birth_date\nL1,01.01.2012\nL2,2012-01-01\nL3,1391/01/01\n"+
		"L4,01.01.2012\nL5,01.01.2012\nL6,01.01.2012\nL7,01.01.2007\n")
	tru, err := readTruth(tr)
	if err != nil {
		t.Fatal(err)
	}
	s, err := score(tru, pairs, unmatched, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.pairs != (prf{found: 3, wanted: 4, correct: 2}) || !near(s.pairs.precision(), 2.0/3) ||
		!near(s.pairs.recall(), 0.5) || !near(s.pairs.f1(), 4.0/7) {
		t.Errorf("pairs = %v", s.pairs)
	}
	if s.outOfSchool != (prf{found: 3, wanted: 3, correct: 2}) || !near(s.outOfSchool.f1(), 2.0/3) {
		t.Errorf("out of school = %v", s.outOfSchool)
	}
	school, err := schoolAgeIDs(left)
	if err != nil {
		t.Fatal(err)
	}
	s, err = score(tru, pairs, unmatched, school)
	if err != nil {
		t.Fatal(err)
	}
	// Without L7: flagged L3 and L5, truly out of school L5 and L6.
	if s.outOfSchool != (prf{found: 2, wanted: 2, correct: 1}) || !near(s.outOfSchool.precision(), 0.5) {
		t.Errorf("school-age out of school = %v", s.outOfSchool)
	}
	var out strings.Builder
	err = runScore([]string{"--truth", tr, "--pairs", pairs, "--unmatched-left", unmatched}, &out)
	if err != nil || !strings.Contains(out.String(), "precision 0.6667  recall 0.5000  F1 0.5714") {
		t.Errorf("score printed %q, %v", out.String(), err)
	}
}

func TestScoreWithNothingFound(t *testing.T) {
	dir := t.TempDir()
	tru, _ := readTruth(write(t, dir, "truth.csv", "right_id,left_id\nS1,L1\n,L2\n"))
	s, err := score(tru, write(t, dir, "p.csv", "right_id,left_id,weight\n"), write(t, dir, "u.csv", "left_id\n"), nil)
	if err != nil || s.pairs.f1() != 0 || s.outOfSchool.recall() != 0 || s.pairs.wanted != 1 || s.outOfSchool.wanted != 1 {
		t.Errorf("score of nothing = %+v, %v", s, err)
	}
}

func TestExactID(t *testing.T) {
	dir := t.TempDir()
	// L1 and S1 share an ID (S1 in Persian digits with a space); S2 has
	// none; S3's has a digit wrong; two right rows with L4's ID link once.
	left := write(t, dir, "l.csv", "id,national_id,last_name\nL1,0012345679,a\nL2,4321234567,b\nL3,150307600424,c\nL4,080615500107,d\n")
	right := write(t, dir, "r.csv", "national_id,id\n۰۰۱۲۳ ۴۵۶۷۹,S1\n,S2\n150307600425,S3\n080615500107,S4\n080615500107,S5\n")
	pairs, unmatched, err := exactID(left, right)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 2 || pairs[0] != [2]string{"S1", "L1"} || pairs[1] != [2]string{"S4", "L4"} {
		t.Errorf("pairs = %v", pairs)
	}
	if strings.Join(unmatched, " ") != "L2 L3" {
		t.Errorf("unmatched = %v", unmatched)
	}
}
