package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// header is the columns of both lists, the `jol link` format.
var header = []string{"id", "last_name", "first_name", "patronymic", "birth_date", "sex", "national_id", "region"}

// genConfig is what gen is asked to make.
type genConfig struct {
	n, m              int
	seed              uint64
	oos, young, moved float64
}

func runGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	var c genConfig
	fs.IntVar(&c.n, "n", 100_000, "records on the population list (left)")
	fs.IntVar(&c.m, "m", 96_000, "records on the school lists (right)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed: the same seed gives the same files")
	fs.Float64Var(&c.oos, "oos", 0.04, "share of school-age children on the population list who are out of school")
	fs.Float64Var(&c.young, "not-school-age", 0.02, "share of the population list aged 4, 5 or 18")
	fs.Float64Var(&c.moved, "moved-in", 0.005, "least share of school records with no one on the population list")
	out := fs.String("out", ".", "directory for left.csv, right.csv and truth.csv")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	p, err := generate(c, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "linkgen: %d left, %d right: %d matched, %d out of school, %d not of school age, %d moved in\n",
		p.left, p.right, p.matched, p.outOfSchool, p.notSchoolAge, p.movedIn)
	return nil
}

// generate writes left.csv, right.csv and truth.csv into dir. Memory is
// the children (about 100 bytes each) and two orders; rows are written as
// they are made.
func generate(c genConfig, dir string) (plan, error) {
	p, err := makePlan(c.n, c.m, c.oos, c.young, c.moved)
	if err != nil {
		return p, err
	}
	rng := rand.New(rand.NewPCG(c.seed, 0x6c696e6b))
	roles := make([]role, 0, p.left+p.movedIn)
	for _, k := range []struct {
		r role
		n int
	}{{matched, p.matched}, {outOfSchool, p.outOfSchool}, {notSchoolAge, p.notSchoolAge}, {movedIn, p.movedIn}} {
		for range k.n {
			roles = append(roles, k.r)
		}
	}
	rng.Shuffle(len(roles), func(i, j int) { roles[i], roles[j] = roles[j], roles[i] })
	kids := world(rng, roles)

	// Each list is in an order of its own, so that row order tells nothing.
	var leftOrder, rightOrder []int32
	for i := range kids {
		if kids[i].role != movedIn {
			leftOrder = append(leftOrder, int32(i))
		}
		if kids[i].role == matched || kids[i].role == movedIn {
			rightOrder = append(rightOrder, int32(i))
		}
	}
	rng.Shuffle(len(leftOrder), func(i, j int) { leftOrder[i], leftOrder[j] = leftOrder[j], leftOrder[i] })
	rng.Shuffle(len(rightOrder), func(i, j int) { rightOrder[i], rightOrder[j] = rightOrder[j], rightOrder[i] })
	leftRow := make([]int32, len(kids)) // 1-based row on the left, 0 for none
	for row, k := range leftOrder {
		leftRow[k] = int32(row + 1)
	}

	if err := writeList(filepath.Join(dir, "left.csv"), "L", leftOrder, kids, c.seed, leftSide); err != nil {
		return p, err
	}
	if err := writeList(filepath.Join(dir, "right.csv"), "S", rightOrder, kids, c.seed, rightSide); err != nil {
		return p, err
	}
	return p, writeTruth(filepath.Join(dir, "truth.csv"), leftOrder, rightOrder, leftRow, kids)
}

// rowID is the id of row (1-based) of a list.
func rowID(prefix string, row int) string { return fmt.Sprintf("%s%07d", prefix, row) }

// writeList writes the children of order as side s has them. Each row's
// randomness comes from the seed and the child alone, so a row is the
// same whatever else is generated.
func writeList(path, prefix string, order []int32, kids []child, seed uint64, s side) error {
	return writeCSV(path, header, func(w *csv.Writer) error {
		src := rand.NewPCG(0, 0)
		rng := rand.New(src)
		row := make([]string, len(header))
		for i, k := range order {
			src.Seed(seed, uint64(k)<<2|2)
			shared := rng.Uint64()
			src.Seed(seed, uint64(k)<<2|uint64(s))
			rec := render(rng, shared, &kids[k], s)
			row[0] = rowID(prefix, i+1)
			copy(row[1:], rec[:])
			if err := w.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeTruth writes every right row with its left partner or none, then
// every left row that has none: each id of both lists appears once.
func writeTruth(path string, leftOrder, rightOrder, leftRow []int32, kids []child) error {
	return writeCSV(path, []string{"right_id", "left_id"}, func(w *csv.Writer) error {
		for i, k := range rightOrder {
			left := ""
			if leftRow[k] > 0 {
				left = rowID("L", int(leftRow[k]))
			}
			if err := w.Write([]string{rowID("S", i+1), left}); err != nil {
				return err
			}
		}
		for i, k := range leftOrder {
			if kids[k].role != matched {
				if err := w.Write([]string{"", rowID("L", i+1)}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// writeCSV creates path and writes header and what body writes, buffered.
func writeCSV(path string, header []string, body func(*csv.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	if err := w.Write(header); err != nil {
		return err
	}
	if err := body(w); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if w.Flush(); w.Error() != nil {
		return w.Error()
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}
