package linkage

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// registry makes a registry of families, as a population register holds
// them: each family has a surname, a father whose name is the children's
// patronymic, and a district whose language its names come from; a few
// children are twins (one birth date, two first names), and common names
// make namesakes. Then some children are registered a second time, with
// the noise of a second entry (a typo, day and month swapped, no
// patronymic), and never with the first record's ID number, which a
// registry refuses twice. It returns the dataset and the true pairs.
func registry(families int, seed uint64) (*Dataset, map[[2]int]bool) {
	rng := rand.New(rand.NewPCG(seed, 7))
	type lang struct{ boys, girls, surnames []string }
	langs := make([]lang, 3)
	word := func(l, n int) string { // a name of language l: syllables of its own
		syl := [][]string{{"ai", "bek", "nur", "sul", "tan", "er", "zhan", "as", "kar", "gul"},
			{"ol", "ga", "ser", "gei", "ni", "ko", "lai", "vla", "dim", "mi"},
			{"mo", "ham", "mad", "re", "za", "ho", "sein", "fa", "te", "meh"}}[l]
		s := ""
		for range n {
			s += syl[rng.IntN(len(syl))]
		}
		return s
	}
	for l := range langs {
		for range 150 {
			langs[l].boys = append(langs[l].boys, word(l, 2+rng.IntN(2)))
			langs[l].girls = append(langs[l].girls, word(l, 2+rng.IntN(2))+"a")
		}
		for range 600 {
			langs[l].surnames = append(langs[l].surnames, word(l, 3))
		}
	}
	districts := make([]string, 12)
	for i := range districts {
		districts[i] = word(i%3, 3) + "sk"
	}
	d := NewDataset(NewLexicon())
	var people []Input
	nextID := uint64(100_000_000_000)
	for range families {
		region := rng.IntN(12)
		l := langs[region%3]
		surname, father := l.surnames[rng.IntN(len(l.surnames))], l.boys[rng.IntN(len(l.boys))]
		birth := MakeDate(2008+rng.IntN(12), 1+rng.IntN(12), 1+rng.IntN(28))
		for child := range 1 + rng.IntN(3) {
			if child > 0 && rng.IntN(50) > 0 { // one in fifty is a twin of the last
				y, m, dd := birth.Parts()
				birth = MakeDate(min(y+1+rng.IntN(3), 2021), m%12+1, dd)
			}
			in := Input{Last: surname, Patronymic: father + "ovich", Birth: birth, Region: districts[region]}
			// Brothers and sisters have names of their own.
			for in.First == "" || child > 0 && in.First == people[len(people)-1].First {
				if rng.IntN(2) == 0 {
					in.Sex, in.First = SexMale, l.boys[rng.IntN(len(l.boys))]
				} else {
					in.Sex, in.First = SexFemale, l.girls[rng.IntN(len(l.girls))]
				}
			}
			if rng.IntN(10) < 7 {
				nextID += 1 + uint64(rng.IntN(1000))
				in.NatID = fmt.Sprint(nextID)
			}
			people = append(people, in)
		}
	}
	truth := map[[2]int]bool{}
	n := len(people)
	for i := range n / 25 { // 4 % registered twice
		orig := rng.IntN(n)
		in := people[orig]
		in.NatID = ""
		switch rng.IntN(5) {
		case 0:
			in.First = typo(rng, in.First)
		case 1:
			in.Last = typo(rng, in.Last)
		case 2:
			if y, m, dd := in.Birth.Parts(); dd <= 12 {
				in.Birth = MakeDate(y, dd, m)
			}
		case 3:
			in.Patronymic = ""
		}
		people = append(people, in)
		truth[[2]int{orig, n + i}] = true
	}
	for _, in := range people {
		d.Add(in)
	}
	return d, truth
}

// typo swaps two neighbouring letters of s.
func typo(rng *rand.Rand, s string) string {
	b := []byte(s)
	i := rng.IntN(len(b) - 1)
	b[i], b[i+1] = b[i+1], b[i]
	return string(b)
}

// dedupScore is the precision and recall of a deduplication's clustered
// pairs against the true pairs, leaving out pairs whose first names
// disagree: twins agree on everything else, and no weight tells them
// from one child entered twice (the registry's review rules them out).
func dedupScore(res *DedupResult, truth map[[2]int]bool) (p, r float64, found int) {
	correct := 0
	for _, pr := range res.Pairs {
		if !pr.Clustered || slices.ContainsFunc(pr.Fields, func(f FieldLevel) bool {
			return f.Field == "first_name" && f.Level == Disagree
		}) {
			continue
		}
		found++
		if truth[[2]int{pr.Left, pr.Right}] || truth[[2]int{pr.Right, pr.Left}] {
			correct++
		}
	}
	p, r, _ = score(found, len(truth), correct)
	return p, r, found
}

// TestDedupRegistryWithoutSharedIDs checks the robust fit on a registry
// where no true pair agrees on the ID: it finds the duplicates, with a
// far better precision than the fit that holds u at the random pairs'
// value, which takes brothers and sisters of one family for one child.
// (Brothers and sisters with alike first names born years apart are
// most of what the robust fit still joins.)
func TestDedupRegistryWithoutSharedIDs(t *testing.T) {
	d, truth := registry(20_000, 1)
	robust, plain := true, false
	res := dedup(d, &robust)
	p, r, found := dedupScore(res, truth)
	t.Logf("robust fit: %d records, %d true pairs, %d found, precision %.3f recall %.3f, prior %.3g",
		d.Len(), len(truth), found, p, r, res.Model.Prior)
	if p < 0.8 || r < 0.95 {
		t.Errorf("robust fit: precision %.3f recall %.3f, want at least 0.8 and 0.95", p, r)
	}
	if auto := Dedup(d); auto.Model.Prior != res.Model.Prior {
		t.Errorf("Dedup did not choose the robust fit for a registry no pair of which agrees on the ID")
	}
	old := dedup(d, &plain)
	op, or, ofound := dedupScore(old, truth)
	t.Logf("plain fit: %d found, precision %.3f recall %.3f, prior %.3g", ofound, op, or, old.Model.Prior)
	if op > p-0.2 {
		t.Errorf("the plain fit's precision %.3f is not well below the robust fit's %.3f", op, p)
	}
}
