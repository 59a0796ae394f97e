// Command linkgen makes and scores the generated cross-script lists the
// record-linkage engine is measured on.
//
//	go run ./bench/linkgen gen -n 100000 -m 96000 -seed 1 -out DIR
//	jol link --left DIR/left.csv --right DIR/right.csv --pairs PAIRS.csv --unmatched-left LEFT_ONLY.csv
//	go run ./bench/linkgen score --truth DIR/truth.csv --pairs PAIRS.csv --unmatched-left LEFT_ONLY.csv --left DIR/left.csv
//	go run ./bench/linkgen exactid --left DIR/left.csv --right DIR/right.csv --pairs P.csv --unmatched-left U.csv
//
// gen writes a population list (left.csv, like a civil register) and
// school enrolment lists (right.csv) in the `jol link` format, and
// truth.csv: a row right_id,left_id for every right row (left_id empty
// when the child moved in and has no one on the left) and a row
// ,left_id for every left row with no partner (out of school, or not of
// school age). The children are from Kazakhstan (Kazakh and Russian
// names, in Cyrillic on one side and often in one of six Latin
// romanisations on the other, with 12-digit IINs) and from Iran (Persian
// names in Persian script on one side and in one of their common Latin
// spellings on the other, Solar Hijri birth dates on the Persian side,
// 10-digit national codes). The lists have the mistakes real lists have:
// typos, day and month swapped, the year one off, missing and mistyped
// identifiers, swapped names, missing patronymics, masculine surnames on
// girls, nicknames; and the children real lists have: siblings and twins
// sharing a surname, father, region and sometimes birth date, and many
// children with the same common names. The same seed gives the same
// files; a million rows a side take a few tens of seconds.
//
// score prints pair precision, recall and F1 of PAIRS.csv against the
// truth, and the same for the out-of-school children: the left records
// with no partner, which LEFT_ONLY.csv should list. With --left, the
// out-of-school figures count only children 6 to 17 years old on
// 1 September 2026 by their birth date on the left list.
//
// exactid is the baseline: it links records with the same national
// identifier (digits of any script, nothing else normalised) and nothing
// else, in the `jol link` output format, to score beside the engine.
//
// The generator is written apart from the engine (it imports nothing of
// internal/linkage): its spellings come from how names are written, not
// from the engine's keys, so a score on these lists says something.
package main

import (
	"fmt"
	"os"
)

const usage = "usage: linkgen gen|score|exactid [flags] (see go doc ./bench/linkgen)"

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = runGen(os.Args[2:])
	case "score":
		err = runScore(os.Args[2:], os.Stdout)
	case "exactid":
		err = runExactID(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q; %s", os.Args[1], usage)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "linkgen:", err)
		os.Exit(1)
	}
}
