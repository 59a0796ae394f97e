package guidance

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// When two records of a child are merged (people.Service.Merge), the
// record kept takes the assessments of the record dropped, and its
// placements on offers the record kept is not placed on. On an offer both
// are placed on, each keeps its own placement: the record kept takes the
// outcome further on, and the dropped one's placement no longer takes a
// place of the quota (the queries Offers and OfferByID count live records
// only), so it is counted again when the merge is undone.

// Hook names, what the registry keeps what they moved under: they stay
// the same across versions (migration 0010 moved earlier merges' rows
// under them).
const (
	AssessmentHook = "assessments"
	PlacementHook  = "placements"
)

// AssessmentMoves is the merge hook that moves a child's assessments; what
// it moved is their ids.
func (s *Service) AssessmentMoves() people.MergeHook {
	return people.RowMoves(s.q.MergeAssessments, s.q.MoveAssessment)
}

// PlacementMoves is the merge hook that moves a child's placements and
// settles the offers both records are placed on.
func (s *Service) PlacementMoves() people.MergeHook { return placementMoves{s} }

// movedPlacements is what the placement hook moved: the placements that
// changed hands, and the placements of the record kept on offers both
// were on whose outcome it replaced, as they stood.
type movedPlacements struct {
	Placements []int64        `json:"placements,omitempty"`
	Outcomes   []PlacementRow `json:"outcomes,omitempty"`
}

// PlacementRow is where a placement stands, as stored.
type PlacementRow struct {
	ID        int64            `json:"id"`
	OfferID   int64            `json:"offer_id"`
	Outcome   PlacementOutcome `json:"outcome"`
	DecidedOn time.Time        `json:"decided_on,omitzero"`
	Notes     string           `json:"notes,omitempty"`
	UpdatedAt time.Time        `json:"updated_at"`
}

// outcomeRank orders outcomes from the least to the furthest on.
var outcomeRank = map[PlacementOutcome]int{Declined: 0, Proposed: 1, Admitted: 2, Finished: 3}

type placementMoves struct{ s *Service }

func (h placementMoves) Move(ctx context.Context, tx *sql.Tx, m people.MergePair) (any, error) {
	s := h.s
	var mv movedPlacements
	var err error
	if mv.Placements, err = store.Select(ctx, tx, store.ScanID, s.q.MergePlacements, m.DropID, m.KeepID); err != nil {
		return nil, err
	}
	for _, id := range mv.Placements {
		if _, err := tx.ExecContext(ctx, s.q.MovePlacement, m.KeepID, id); err != nil {
			return nil, err
		}
	}
	keptOn, err := s.placementRows(ctx, tx, m.KeepID)
	if err != nil {
		return nil, err
	}
	droppedOn, err := s.placementRows(ctx, tx, m.DropID)
	if err != nil {
		return nil, err
	}
	for offer, d := range droppedOn {
		k, ok := keptOn[offer]
		if !ok || outcomeRank[d.Outcome] <= outcomeRank[k.Outcome] {
			continue
		}
		w := PlacementRow{ID: k.ID, OfferID: offer, Outcome: d.Outcome, DecidedOn: d.DecidedOn, Notes: k.Notes, UpdatedAt: m.At}
		if w.Notes == "" {
			w.Notes = d.Notes
		}
		if err := s.writePlacementRow(ctx, tx, w); err != nil {
			return nil, err
		}
		mv.Outcomes = append(mv.Outcomes, k)
	}
	if len(mv.Placements) == 0 && len(mv.Outcomes) == 0 {
		return nil, nil
	}
	// Maps are read in any order; the record of the merge lists by id.
	slices.SortFunc(mv.Outcomes, func(a, b PlacementRow) int { return cmp.Compare(a.ID, b.ID) })
	return mv, nil
}

// Undo moves the placements back, and writes back the outcomes of the
// record kept the merge replaced, where they still hold what the dropped
// record gave: an outcome set since the merge stays.
func (h placementMoves) Undo(ctx context.Context, tx *sql.Tx, m people.MergePair, moved json.RawMessage) error {
	s := h.s
	var mv movedPlacements
	if err := json.Unmarshal(moved, &mv); err != nil {
		return err
	}
	for _, id := range mv.Placements {
		if _, err := tx.ExecContext(ctx, s.q.MovePlacement, m.DropID, id); err != nil {
			return err
		}
	}
	keptOn, err := s.placementRows(ctx, tx, m.KeepID)
	if err != nil {
		return err
	}
	droppedOn, err := s.placementRows(ctx, tx, m.DropID)
	if err != nil {
		return err
	}
	for _, r := range mv.Outcomes {
		k, d := keptOn[r.OfferID], droppedOn[r.OfferID]
		if k.ID == r.ID && k.Outcome == d.Outcome && k.DecidedOn.Equal(d.DecidedOn) {
			if err := s.writePlacementRow(ctx, tx, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// placementRows reads the placements of person id, by offer.
func (s *Service) placementRows(ctx context.Context, tx *sql.Tx, id int64) (map[int64]PlacementRow, error) {
	rs, err := store.Select(ctx, tx, func(sc store.Scanner) (PlacementRow, error) {
		var r PlacementRow
		var decided sql.NullTime
		err := sc.Scan(&r.ID, &r.OfferID, &r.Outcome, &decided, &r.Notes, &r.UpdatedAt)
		r.DecidedOn, r.UpdatedAt = store.TimeOf(decided), r.UpdatedAt.UTC()
		return r, err
	}, s.q.PlacementRows, id)
	out := map[int64]PlacementRow{}
	for _, r := range rs {
		out[r.OfferID] = r
	}
	return out, err
}

// writePlacementRow sets placement r.ID to stand exactly as r.
func (s *Service) writePlacementRow(ctx context.Context, tx *sql.Tx, r PlacementRow) error {
	_, err := tx.ExecContext(ctx, s.q.SetPlacementRow, r.Outcome, store.NullDate(r.DecidedOn), r.Notes, r.UpdatedAt, r.ID)
	return err
}
