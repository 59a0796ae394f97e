package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"strings"
)

// asciiDigits returns the digits of s, of any of the scripts lists use,
// as ASCII, dropping everything else.
func asciiDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '۰' && r <= '۹':
			b.WriteRune('0' + r - '۰')
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + r - '٠')
		}
	}
	return b.String()
}

// exactID links each right record to the left record with the same
// national identifier, when neither has been linked already. It returns
// the pairs (right, left) and the left ids left without a partner, in
// file order.
func exactID(leftPath, rightPath string) (pairs [][2]string, unmatched []string, err error) {
	byID := map[string]string{}
	var lefts []string
	err = eachRow(leftPath, []string{"id", "national_id"}, func(get func(string) string) error {
		id := get("id")
		lefts = append(lefts, id)
		if n := asciiDigits(get("national_id")); n != "" && byID[n] == "" {
			byID[n] = id
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	linked := map[string]bool{}
	err = eachRow(rightPath, []string{"id", "national_id"}, func(get func(string) string) error {
		n := asciiDigits(get("national_id"))
		if l := byID[n]; n != "" && l != "" && !linked[l] {
			linked[l] = true
			pairs = append(pairs, [2]string{get("id"), l})
		}
		return nil
	})
	for _, l := range lefts {
		if !linked[l] {
			unmatched = append(unmatched, l)
		}
	}
	return pairs, unmatched, err
}

func runExactID(args []string) error {
	fs := flag.NewFlagSet("exactid", flag.ContinueOnError)
	left := fs.String("left", "", "left list")
	right := fs.String("right", "", "right list")
	pairsPath := fs.String("pairs", "", "pairs to write: right_id,left_id,weight")
	unmatchedPath := fs.String("unmatched-left", "", "left ids with no partner to write: left_id")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *left == "" || *right == "" || *pairsPath == "" || *unmatchedPath == "" {
		return errors.New("exactid needs --left, --right, --pairs and --unmatched-left")
	}
	pairs, unmatched, err := exactID(*left, *right)
	if err != nil {
		return err
	}
	err = writeCSV(*pairsPath, []string{"right_id", "left_id", "weight"}, func(w *csv.Writer) error {
		for _, p := range pairs {
			if err := w.Write([]string{p[0], p[1], "1"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeCSV(*unmatchedPath, []string{"left_id"}, func(w *csv.Writer) error {
		for _, l := range unmatched {
			if err := w.Write([]string{l}); err != nil {
				return err
			}
		}
		return nil
	})
}
