package people

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"slices"
	"time"
)

// This file settles what both records of a merge have: a category both
// are in, a photo. The record kept keeps the better of the two rows, and
// the row it had is recorded in the merge, so the undo writes it back. The
// dropped record keeps its own rows. (Domains with rows of the same kind,
// such as placements on the same offer, settle theirs in their merge
// hook.)

// mergeOverlaps gives the record kept the better of the rows both records
// have, after moveRefs moved every row the record dropped had alone (and
// its consents, which decide whether the photo may come over).
func (s *Service) mergeOverlaps(ctx context.Context, tx *sql.Tx, keep, drop Person, now time.Time, mv *Moved) error {
	kept, err := s.categoryRows(ctx, tx, keep.ID)
	if err != nil {
		return err
	}
	dropped, err := s.categoryRows(ctx, tx, drop.ID)
	if err != nil {
		return err
	}
	for id, d := range dropped {
		if k, ok := kept[id]; ok && d.better(k, date(now)) {
			if err := s.writeCategoryRow(ctx, tx, keep.ID, d); err != nil {
				return err
			}
			mv.Evidence = append(mv.Evidence, k)
		}
	}
	// Maps are read in any order; the record of the merge lists by id.
	slices.SortFunc(mv.Evidence, func(a, b CategoryRow) int { return cmp.Compare(a.CategoryID, b.CategoryID) })
	return s.mergePhoto(ctx, tx, keep, drop, now, mv)
}

// mergePhoto copies the dropped record's photo to the record kept when it
// has none and a consent to photos is in force for it.
func (s *Service) mergePhoto(ctx context.Context, tx *sql.Tx, keep, drop Person, now time.Time, mv *Moved) error {
	if !drop.HasPhoto || keep.HasPhoto {
		return nil
	}
	c, err := s.latest(ctx, tx, keep.ID, Photos)
	if err != nil || c.ID == 0 || !c.Active() {
		return err
	}
	photo, err := s.photo(ctx, tx, drop.ID)
	if err != nil || photo == nil {
		return err
	}
	mv.Photo = true
	_, err = tx.ExecContext(ctx, s.q.SetPhoto, photo, now, keep.ID)
	return err
}

// unmergeOverlaps writes back the rows of the record kept a merge
// replaced, where they still hold what the dropped record gave.
func (s *Service) unmergeOverlaps(ctx context.Context, tx *sql.Tx, m Merge, now time.Time) error {
	kept, err := s.categoryRows(ctx, tx, m.KeepID)
	if err != nil {
		return err
	}
	dropped, err := s.categoryRows(ctx, tx, m.DropID)
	if err != nil {
		return err
	}
	for _, r := range m.Moved.Evidence {
		if k, ok := kept[r.CategoryID]; ok && k.same(dropped[r.CategoryID]) {
			if err := s.writeCategoryRow(ctx, tx, m.KeepID, r); err != nil {
				return err
			}
		}
	}
	return s.unmergePhoto(ctx, tx, m, now)
}

// unmergePhoto takes the photo a merge copied off the record kept, unless
// another one was set since.
func (s *Service) unmergePhoto(ctx context.Context, tx *sql.Tx, m Merge, now time.Time) error {
	if !m.Moved.Photo {
		return nil
	}
	k, err := s.photo(ctx, tx, m.KeepID)
	if err != nil {
		return err
	}
	d, err := s.photo(ctx, tx, m.DropID)
	if err != nil || k == nil || !bytes.Equal(k, d) {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q.SetPhoto, nil, now, m.KeepID)
	return err
}
