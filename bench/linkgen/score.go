package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/jolproject/jol/internal/text"
)

// truth is the answer: the left partner of each right id ("" for none)
// and the left ids with no partner.
type truth struct {
	partner  map[string]string
	leftOnly map[string]bool
}

func readTruth(path string) (*truth, error) {
	t := &truth{partner: map[string]string{}, leftOnly: map[string]bool{}}
	err := eachRow(path, []string{"right_id", "left_id"}, func(get func(string) string) error {
		r, l := get("right_id"), get("left_id")
		switch {
		case r == "" && l == "":
			return errors.New("empty row")
		case r == "":
			t.leftOnly[l] = true
		default:
			t.partner[r] = l
		}
		return nil
	})
	return t, err
}

// prf is precision, recall and F1 of found against wanted, with the counts.
type prf struct{ found, wanted, correct int }

func (s prf) precision() float64 { return ratio(s.correct, s.found) }
func (s prf) recall() float64    { return ratio(s.correct, s.wanted) }
func (s prf) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s prf) String() string {
	return fmt.Sprintf("precision %.4f  recall %.4f  F1 %.4f  (found %d, true %d, correct %d)",
		s.precision(), s.recall(), s.f1(), s.found, s.wanted, s.correct)
}

// scores are the two results score prints.
type scores struct{ pairs, outOfSchool prf }

// score compares the pairs and the unmatched left ids found with the
// truth. school, when not nil, limits the out-of-school figures to the
// left ids it holds true for.
func score(t *truth, pairsPath, unmatchedPath string, school map[string]bool) (scores, error) {
	var s scores
	seen := map[[2]string]bool{}
	for _, l := range t.partner {
		if l != "" {
			s.pairs.wanted++
		}
	}
	err := eachRow(pairsPath, []string{"right_id", "left_id"}, func(get func(string) string) error {
		k := [2]string{get("right_id"), get("left_id")}
		if seen[k] {
			return nil
		}
		seen[k] = true
		s.pairs.found++
		if l, ok := t.partner[k[0]]; ok && l == k[1] {
			s.pairs.correct++
		}
		return nil
	})
	if err != nil {
		return s, err
	}
	counts := func(id string) bool { return school == nil || school[id] }
	for l := range t.leftOnly {
		if counts(l) {
			s.outOfSchool.wanted++
		}
	}
	flagged := map[string]bool{}
	err = eachRow(unmatchedPath, []string{"left_id"}, func(get func(string) string) error {
		l := get("left_id")
		if flagged[l] || !counts(l) {
			return nil
		}
		flagged[l] = true
		s.outOfSchool.found++
		if t.leftOnly[l] {
			s.outOfSchool.correct++
		}
		return nil
	})
	return s, err
}

// schoolAgeIDs reads a left list and returns which ids are of school age by
// their birth date there; a date that does not parse counts as school age.
func schoolAgeIDs(path string) (map[string]bool, error) {
	out := map[string]bool{}
	err := eachRow(path, []string{"id", "birth_date"}, func(get func(string) string) error {
		b, err := text.ParseDate(get("birth_date"))
		out[get("id")] = err != nil || schoolAge(b)
		return nil
	})
	return out, err
}

func runScore(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("score", flag.ContinueOnError)
	truthPath := fs.String("truth", "", "truth.csv written by gen")
	pairs := fs.String("pairs", "", "pairs found: right_id,left_id[,weight]")
	unmatched := fs.String("unmatched-left", "", "left ids found to have no partner: left_id")
	left := fs.String("left", "", "the left list: count only school-age children as out of school")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *truthPath == "" || *pairs == "" || *unmatched == "" {
		return errors.New("score needs --truth, --pairs and --unmatched-left")
	}
	t, err := readTruth(*truthPath)
	if err != nil {
		return err
	}
	var school map[string]bool
	if *left != "" {
		if school, err = schoolAgeIDs(*left); err != nil {
			return err
		}
	}
	s, err := score(t, *pairs, *unmatched, school)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "pairs:          %v\n", s.pairs)
	fmt.Fprintf(w, "out of school:  %v\n", s.outOfSchool)
	return nil
}
