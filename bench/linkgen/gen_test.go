package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/text"
)

var small = genConfig{n: 3000, m: 2900, seed: 7, oos: 0.04, young: 0.02, moved: 0.005}

func gen(t *testing.T, c genConfig) (string, plan) {
	t.Helper()
	dir := t.TempDir()
	p, err := generate(c, dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, p
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, _ := gen(t, small)
	b, _ := gen(t, small)
	other := small
	other.seed++
	c, _ := gen(t, other)
	for _, f := range []string{"left.csv", "right.csv", "truth.csv"} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		z, _ := os.ReadFile(filepath.Join(c, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with seed %d", f, small.seed)
		}
		if bytes.Equal(x, z) {
			t.Errorf("%s is the same for seeds %d and %d", f, small.seed, other.seed)
		}
	}
}

// readIDs returns the ids of a list, failing on a repeat.
func readIDs(t *testing.T, path string) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	err := eachRow(path, header, func(get func(string) string) error {
		if ids[get("id")] {
			t.Errorf("%s: id %s twice", path, get("id"))
		}
		ids[get("id")] = true
		if _, err := text.ParseDate(get("birth_date")); err != nil {
			t.Errorf("%s: %s: birth date %q: %v", path, get("id"), get("birth_date"), err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestTruthIsConsistent(t *testing.T) {
	dir, p := gen(t, small)
	left, right := readIDs(t, filepath.Join(dir, "left.csv")), readIDs(t, filepath.Join(dir, "right.csv"))
	if len(left) != small.n || len(right) != small.m {
		t.Fatalf("%d left and %d right rows, want %d and %d", len(left), len(right), small.n, small.m)
	}
	seenLeft, seenRight := map[string]bool{}, map[string]bool{}
	pairs, leftOnly, rightOnly := 0, 0, 0
	err := eachRow(filepath.Join(dir, "truth.csv"), []string{"right_id", "left_id"}, func(get func(string) string) error {
		r, l := get("right_id"), get("left_id")
		if r != "" {
			if !right[r] || seenRight[r] {
				t.Errorf("truth: right id %q unknown or twice", r)
			}
			seenRight[r] = true
		}
		if l != "" {
			if !left[l] || seenLeft[l] {
				t.Errorf("truth: left id %q unknown or twice", l)
			}
			seenLeft[l] = true
		}
		switch {
		case r != "" && l != "":
			pairs++
		case r == "":
			leftOnly++
		default:
			rightOnly++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seenLeft) != len(left) || len(seenRight) != len(right) {
		t.Errorf("truth names %d of %d left and %d of %d right ids", len(seenLeft), len(left), len(seenRight), len(right))
	}
	if pairs != p.matched || leftOnly != p.outOfSchool+p.notSchoolAge || rightOnly != p.movedIn {
		t.Errorf("truth has %d pairs, %d left only, %d right only; plan %+v", pairs, leftOnly, rightOnly, p)
	}
	if p.matched+p.outOfSchool+p.notSchoolAge != small.n || p.matched+p.movedIn != small.m || p.outOfSchool == 0 || p.movedIn == 0 {
		t.Errorf("plan %+v does not add up to %d × %d", p, small.n, small.m)
	}
}

// Before any noise, every child has an identifier of their own that its
// check digit accepts, and an IIN agrees with the birth date and sex.
func TestIdentifiersAreValid(t *testing.T) {
	p, _ := makePlan(20000, 19000, 0.04, 0.02, 0.005)
	roles := make([]role, p.left+p.movedIn)
	kids := world(rand.New(rand.NewPCG(3, 4)), roles)
	seen := map[string]bool{}
	var iins, codes int
	for i := range kids {
		c := &kids[i]
		if seen[c.id] {
			t.Errorf("identifier %s twice", c.id)
		}
		seen[c.id] = true
		if c.iranian() {
			codes++
			if n, err := natid.ParseIranCode(c.id); err != nil || n != c.id {
				t.Errorf("national code %s: %v", c.id, err)
			}
			continue
		}
		iins++
		id, err := natid.ParseIIN(c.id)
		if err != nil {
			t.Errorf("IIN %s: %v", c.id, err)
			continue
		}
		sex := natid.Female
		if c.male {
			sex = natid.Male
		}
		if err := id.Consistent(c.birth, sex); err != nil {
			t.Errorf("IIN %s of a child born %s, male %v: %v", c.id, c.birth.Format("2006-01-02"), c.male, err)
		}
	}
	if iins < 5000 || codes < 5000 {
		t.Errorf("%d IINs and %d national codes: the mix is off", iins, codes)
	}
}

func TestIINByHand(t *testing.T) {
	// The worked examples of internal/natid: 150307600424 (first weights)
	// and 080615500107 (second weights).
	girl, _ := text.ParseDate("2015-03-07")
	boy, _ := text.ParseDate("2008-06-15")
	if got, ok := iin(girl, false, 42); !ok || got != "150307600424" {
		t.Errorf("iin(2015-03-07, girl, 42) = %q, %v", got, ok)
	}
	if got, ok := iin(boy, true, 10); !ok || got != "080615500107" {
		t.Errorf("iin(2008-06-15, boy, 10) = %q, %v", got, ok)
	}
	if _, ok := iin(boy, true, 17); ok {
		t.Error("iin(2008-06-15, boy, 17) has a check digit; none is issued")
	}
	if got := iranCode(1234567); got != "0012345679" {
		t.Errorf("iranCode(001234567) = %q", got)
	}
}
