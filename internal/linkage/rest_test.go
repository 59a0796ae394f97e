package linkage

import (
	"fmt"
	"testing"
)

// TestLinkRestFindsWhatBlockingMisses: a child whose surname is spelt
// with another consonant, whose day is mistyped and whose year is one
// off shares no blocking key with their record on the other list, so
// LinkLists leaves both unlinked; LinkRest, comparing what is left,
// links them, with the model of the whole lists, and nothing else.
func TestLinkRestFindsWhatBlockingMisses(t *testing.T) {
	lex := NewLexicon()
	left, right := NewDataset(lex), NewDataset(lex)
	n := 0
	for _, l := range kzLast {
		for _, f := range kzFirst {
			n++
			birth := MakeDate(2010+n%8, 1+n%12, 1+n%28)
			region := []string{"Almaty", "Astana", "Shymkent"}[n%3]
			left.Add(Input{ID: fmt.Sprint("L", n), Last: l[0], First: f[0], Birth: birth, Region: region,
				NatID: fmt.Sprintf("%012d", 100000000000+n*7919)})
			right.Add(Input{ID: fmt.Sprint("R", n), Last: l[1], First: f[1], Birth: birth, Region: region,
				NatID: fmt.Sprintf("%012d", 100000000000+n*7919)})
		}
	}
	left.Add(Input{ID: "Lhidden", Last: "Бекмуратова", First: "Томирис", Birth: MakeDate(2015, 3, 1),
		Sex: SexFemale, Region: "Almaty"})
	right.Add(Input{ID: "Rhidden", Last: "Bekmuradova", First: "Tomiris", Birth: MakeDate(2014, 3, 11),
		Sex: SexFemale, Region: "Almaty"})
	left.Add(Input{ID: "Lalone", Last: "Сейітова", First: "Жанна", Birth: MakeDate(2012, 5, 5), Region: "Astana"})
	res := LinkLists(left, right)
	linked := map[string]string{}
	for _, l := range res.Links {
		linked[left.ID(l.Left)] = right.ID(l.Right)
	}
	if _, ok := linked["Lhidden"]; ok {
		t.Fatal("blocking found the hidden pair: the test proves nothing")
	}
	var rl, rr []int
	restL, restR := NewDataset(lex), NewDataset(lex)
	usedR := map[string]bool{}
	for _, r := range linked {
		usedR[r] = true
	}
	for i := range left.Len() {
		if _, ok := linked[left.ID(i)]; !ok {
			rl = append(rl, i)
			restL.Records, restL.has = append(restL.Records, left.Records[i]), restL.has|left.Records[i].fields()
		}
	}
	for j := range right.Len() {
		if !usedR[right.ID(j)] {
			rr = append(rr, j)
			restR.Records, restR.has = append(restR.Records, right.Records[j]), restR.has|right.Records[j].fields()
		}
	}
	rest := LinkRest(restL, restR, res.Model)
	if len(rest.Links) != 1 || left.ID(rl[rest.Links[0].Left]) != "Lhidden" || right.ID(rr[rest.Links[0].Right]) != "Rhidden" {
		t.Fatalf("rest of %d × %d linked %v", len(rl), len(rr), rest.Links)
	}
}
