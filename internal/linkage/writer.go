package linkage

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
)

// WritePairs writes links as CSV with the header right_id,left_id,weight,
// the weight in bits with two decimals. REVIEW files use it too.
func WritePairs(w io.Writer, left, right *Dataset, links []Link) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write([]string{"right_id", "left_id", "weight"}); err != nil {
		return err
	}
	row := make([]string, 3)
	for _, l := range links {
		row[0], row[1] = right.ID(l.Right), left.ID(l.Left)
		row[2] = strconv.FormatFloat(l.Weight, 'f', 2, 64)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteLeftOnly writes, with the header left_id, the left records with
// no partner, in the order of the left list: those that no link names
// and no pair for review names either. A record with a pair waiting for
// review may have its partner there, and is not called unmatched before
// someone has looked.
func WriteLeftOnly(w io.Writer, left *Dataset, links, review []Link) error {
	linked := make([]bool, left.Len())
	for _, set := range [][]Link{links, review} {
		for _, l := range set {
			linked[l.Left] = true
		}
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write([]string{"left_id"}); err != nil {
		return err
	}
	row := make([]string, 1)
	for i, ok := range linked {
		if ok {
			continue
		}
		row[0] = left.ID(i)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
