package oosrun

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/store"
)

// flagBatch is how many children one call of outreach's Flag gets.
const flagBatch = 500

// do does run id as p: reads the lists, classifies the children, flags
// them into outreach and records what it found.
func (s *Service) do(ctx context.Context, id int64, p access.Principal) error {
	run, err := s.runByID(ctx, id)
	if err != nil {
		return err
	}
	if run.Finished() {
		return nil
	}
	if _, err := s.d.DB.W.ExecContext(ctx, s.q.StartRun, id); err != nil {
		return err
	}
	popList, err := scanList(s.d.DB.R.QueryRowContext(ctx, s.q.ListByID, run.PopulationID))
	if err != nil {
		return err
	}
	cat, err := s.catalog()
	if err != nil {
		return err
	}
	loc, _ := i18n.Parse(run.Locale)
	l := Lists{Year: run.SchoolYear, MinAge: run.MinAge, MaxAge: run.MaxAge, L: cat.Localizer(loc)}
	pop, err := s.rows(ctx, run.PopulationID)
	if err != nil {
		return err
	}
	for _, r := range pop {
		if r.RegionPath == "" || strings.HasPrefix(r.RegionPath, p.RegionPath) {
			l.Population = append(l.Population, r)
		}
	}
	for _, lid := range run.EnrolmentIDs {
		rows, err := s.rows(ctx, lid)
		if err != nil {
			return err
		}
		for _, r := range rows {
			switch {
			case r.SchoolYear == run.SchoolYear:
				l.Current = append(l.Current, r)
			case r.SchoolYear < run.SchoolYear:
				l.Older = append(l.Older, r)
			}
		}
	}
	found, counts := Classify(l)
	res := Result{Counts: counts, Current: len(l.Current), Older: len(l.Older), Flagged: len(found),
		ByCategory: map[string]int{}, ByVisibility: map[string]int{}}
	if res.NowAttending, err = s.nowAttending(ctx, counts.Attending); err != nil {
		return err
	}
	refused := map[int]bool{}
	for start := 0; start < len(found); start += flagBatch {
		part := found[start:min(start+flagBatch, len(found))]
		list := make([]outreach.Flagged, len(part))
		for i, f := range part {
			list[i] = outreach.Flagged{PersonID: f.Child.PersonID, Category: f.Category, Visibility: f.Visibility,
				Confidence: f.Confidence, Why: f.Why, RegionCode: f.Child.RegionCode, OrgID: popList.OrgID, SchoolID: f.School}
		}
		fr, err := s.d.Outreach.Flag(ctx, p, list)
		if err != nil {
			return fmt.Errorf("flag the children of run %d: %w", id, err)
		}
		res.Created += fr.Created
		res.Updated += fr.Updated
		res.Unchanged += fr.Unchanged
		res.Skipped += fr.Skipped
		res.Refused += len(fr.Refused)
		for _, r := range fr.Refused {
			refused[start+r.Index] = true
		}
	}
	err = s.d.DB.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, s.q.InsertFlag)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, f := range found {
			outcome := ""
			if refused[i] {
				outcome = "refused"
			}
			res.ByCategory[string(f.Category)]++
			res.ByVisibility[string(f.Visibility)]++
			if _, err := st.ExecContext(ctx, id, f.Child.PersonID, f.Child.Line, f.Category, f.Visibility,
				f.Confidence, f.Why, f.Child.RegionCode, f.Child.RegionPath, run.OrgPath, store.NullID(f.School),
				outcome); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record the children of run %d: %w", id, err)
	}
	return s.finish(ctx, id, res)
}

// nowAttending counts the children of ids who have an open case.
func (s *Service) nowAttending(ctx context.Context, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	rows, err := s.d.DB.R.QueryContext(ctx, s.q.OpenCases)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	open := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		open[id] = true
	}
	n := 0
	for _, id := range ids {
		if open[id] {
			n++
		}
	}
	return n, rows.Err()
}
