package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/dedupe"
)

// scan runs one scan of the registry and scores the pending queue.
func scan(ctx context.Context, path, truth string) error {
	db, err := open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := dedupe.New(dedupe.Deps{DB: db, Now: time.Now})
	if err != nil {
		return err
	}
	began := time.Now()
	sc, err := s.Run(ctx, dedupe.ByRequest, 0)
	if err != nil {
		return err
	}
	fmt.Printf("scan: %d persons, %d pairs (%d new) in %s\n", sc.Persons, sc.Pairs, sc.NewPairs, since(began))
	// Score: the list ids of each pair's records, from the notes.
	want := map[[2]string]bool{}
	if err := each(truth, func(r []string) error {
		if r[0] != "" && r[1] != "" {
			want[[2]string{r[1], r[0]}] = true
		}
		return nil
	}); err != nil {
		return err
	}
	rows, err := db.R.QueryContext(ctx, `SELECT a.notes, b.notes FROM duplicate_pairs d
		JOIN persons a ON a.id = d.person_a JOIN persons b ON b.id = d.person_b WHERE d.status = 'pending'`)
	if err != nil {
		return err
	}
	defer rows.Close()
	got, right := 0, 0
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		got++
		if want[[2]string{a, b}] || want[[2]string{b, a}] {
			right++
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	fmt.Printf("queued %d pairs: %d of the %d true pairs (recall %.3f), precision %.3f\n",
		got, right, len(want), float64(right)/float64(max(1, len(want))), float64(right)/float64(max(1, got)))
	return nil
}
