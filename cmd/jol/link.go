package main

import (
	"context"
	"fmt"
	"os"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/linkage"
)

// cmdLink links two lists of people held in plain CSV files, for lists
// that never enter the registry: it writes the linked pairs, the left
// records with no partner and, if asked, the pairs for clerical review.
// A left record with a pair for review is not written as without
// partner: someone has to look first. Decisions taken on earlier review
// pairs are applied and those pairs are not put up again.
func cmdLink(_ context.Context, e env, args []string) error {
	f := newFlags(e, "link", "link --left A.csv --right B.csv --pairs PAIRS.csv --unmatched-left LEFT_ONLY.csv [--review REVIEW.csv] [--decisions DECISIONS.csv]")
	leftName := f.FlagSet.String("left", "", "the left list, e.g. the population (CSV)")
	rightName := f.FlagSet.String("right", "", "the right list, e.g. the enrolments (CSV)")
	pairsName := f.FlagSet.String("pairs", "", "write the linked pairs here: right_id,left_id,weight")
	leftOnly := f.FlagSet.String("unmatched-left", "", "write the left records with no partner here: left_id (a record with a pair for review is not one)")
	reviewName := f.FlagSet.String("review", "", "write the pairs for clerical review here: right_id,left_id,weight")
	decisionsName := f.FlagSet.String("decisions", "", "apply the decisions on review pairs in this file: right_id,left_id,decision (match or nonmatch)")
	if err := f.parse(args); err != nil {
		return err
	}
	if *leftName == "" || *rightName == "" || *pairsName == "" || *leftOnly == "" || f.NArg() != 0 {
		return fmt.Errorf("%w: give --left, --right, --pairs and --unmatched-left (jol link --help)", errUsage)
	}
	cat, err := i18n.New()
	if err != nil {
		return err
	}
	lex := linkage.NewLexicon()
	left, right := linkage.NewDataset(lex), linkage.NewDataset(lex)
	for _, in := range []struct {
		name string
		d    *linkage.Dataset
	}{{*leftName, left}, {*rightName, right}} {
		if err := readList(in.name, in.d); err != nil {
			return fmt.Errorf("%s: %w", in.name, describeIn(cat, e, err))
		}
	}
	var dec *linkage.Decisions
	if *decisionsName != "" {
		if dec, err = readDecisions(*decisionsName, left, right); err != nil {
			return fmt.Errorf("%s: %w", *decisionsName, describeIn(cat, e, err))
		}
	}
	res := linkage.LinkDecided(left, right, dec)
	if err := writeFile(*pairsName, func(w *os.File) error {
		return linkage.WritePairs(w, left, right, res.Links)
	}); err != nil {
		return err
	}
	if err := writeFile(*leftOnly, func(w *os.File) error {
		return linkage.WriteLeftOnly(w, left, res.Links, res.Review)
	}); err != nil {
		return err
	}
	if *reviewName != "" {
		if err := writeFile(*reviewName, func(w *os.File) error {
			return linkage.WritePairs(w, left, right, res.Review)
		}); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "left %d, right %d: linked %d, left only %d, for review %d (match weight %.2f, review from %.2f)\n",
		left.Len(), right.Len(), len(res.Links), res.LeftOnly(left.Len()), len(res.Review), res.Model.Match, res.Model.Review)
	if dec != nil && dec.Unknown > 0 {
		fmt.Fprintf(e.stdout, "%d decisions name records in neither list and were not used\n", dec.Unknown)
	}
	if res.Greedy > 0 {
		fmt.Fprintf(e.stdout, "%d groups of competing pairs were too big to assign exactly and were assigned greedily by weight\n", res.Greedy)
	}
	return nil
}

func readList(name string, d *linkage.Dataset) error {
	file, err := os.Open(name)
	if err != nil {
		return err
	}
	defer file.Close()
	return linkage.ReadCSV(file, linkage.LinkColumns, d)
}

func readDecisions(name string, left, right *linkage.Dataset) (*linkage.Decisions, error) {
	file, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return linkage.ReadDecisions(file, left, right)
}

// writeFile creates name, lets write fill it and closes it, reporting
// the first error.
func writeFile(name string, write func(*os.File) error) error {
	file, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(file); err != nil {
		file.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	return file.Close()
}
