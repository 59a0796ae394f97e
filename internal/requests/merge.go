package requests

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
// record kept takes the requests of the record dropped. In a campaign
// where both have a request — one request per child and campaign, the
// unique index says — each keeps its own: the record kept's request takes
// the status further on (rank: delivered over allocated over approved …,
// a refusal or a withdrawal lowest) with its reason and reviewer, so the
// child's one live request stands where the further one stood, and the
// dropped record's request stays with it, out of the campaign's lists
// (they leave out records merged into another) and closed to decisions.
// Its lines, history, comments and documents stay where they are. Undoing
// the merge moves the requests back and writes back what the record
// kept's request held before, where it still holds what the merge gave.
// The same rule as placements (internal/guidance/merge.go).

// MergeHook is the name the registry keeps this hook's moves under.
const MergeHook = "requests"

// Moves is the merge hook that moves a child's requests.
func (s *Service) Moves() people.MergeHook { return mergeHook{s} }

// movedRequests is what the hook did: the requests that changed hands,
// and the record kept's requests it overwrote, as they stood.
type movedRequests struct {
	Moved    []int64      `json:"moved,omitempty"`
	Replaced []RequestRow `json:"replaced,omitempty"`
}

// RequestRow is where a request stands, as the merge hook keeps it.
type RequestRow struct {
	ID         int64     `json:"id"`
	CampaignID int64     `json:"campaign_id"`
	Status     Status    `json:"status"`
	Reason     Reason    `json:"reason,omitempty"`
	ReasonNote string    `json:"reason_note,omitempty"`
	ReviewerID int64     `json:"reviewer_id,omitempty"`
	Version    int       `json:"version"`
	UpdatedAt  time.Time `json:"updated_at"`
}

type mergeHook struct{ s *Service }

func (h mergeHook) Move(ctx context.Context, tx *sql.Tx, m people.MergePair) (any, error) {
	s := h.s
	kept, err := s.requestRows(ctx, tx, m.KeepID)
	if err != nil {
		return nil, err
	}
	dropped, err := s.requestRows(ctx, tx, m.DropID)
	if err != nil {
		return nil, err
	}
	var mv movedRequests
	for campaign, d := range dropped {
		k, both := kept[campaign]
		if !both {
			if _, err := tx.ExecContext(ctx, s.q.MoveRequest, d.ID, m.KeepID); err != nil {
				return nil, err
			}
			mv.Moved = append(mv.Moved, d.ID)
			continue
		}
		if rank[d.Status] <= rank[k.Status] {
			continue
		}
		w := RequestRow{ID: k.ID, CampaignID: campaign, Status: d.Status, Reason: d.Reason, ReasonNote: d.ReasonNote,
			ReviewerID: d.ReviewerID, Version: k.Version + 1, UpdatedAt: m.At}
		if err := s.writeRequestRow(ctx, tx, w); err != nil {
			return nil, err
		}
		mv.Replaced = append(mv.Replaced, k)
	}
	if len(mv.Moved) == 0 && len(mv.Replaced) == 0 {
		return nil, nil
	}
	// Maps are read in any order; the record of the merge lists by id.
	slices.Sort(mv.Moved)
	slices.SortFunc(mv.Replaced, func(a, b RequestRow) int { return cmp.Compare(a.ID, b.ID) })
	return mv, nil
}

// Undo moves the requests back and writes back the record kept's requests
// the merge overwrote, where they still stand as the merge left them: a
// decision taken since stays.
func (h mergeHook) Undo(ctx context.Context, tx *sql.Tx, m people.MergePair, moved json.RawMessage) error {
	s := h.s
	var mv movedRequests
	if err := json.Unmarshal(moved, &mv); err != nil {
		return err
	}
	for _, id := range mv.Moved {
		if _, err := tx.ExecContext(ctx, s.q.MoveRequest, id, m.DropID); err != nil {
			return err
		}
	}
	kept, err := s.requestRows(ctx, tx, m.KeepID)
	if err != nil {
		return err
	}
	for _, r := range mv.Replaced {
		if k := kept[r.CampaignID]; k.ID == r.ID && k.Version == r.Version+1 {
			r.Version = k.Version + 1 // a change all the same: a reviewer's stale page must not pass
			if err := s.writeRequestRow(ctx, tx, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// requestRows reads the requests of person id, by campaign.
func (s *Service) requestRows(ctx context.Context, tx *sql.Tx, id int64) (map[int64]RequestRow, error) {
	rs, err := store.Select(ctx, tx, func(sc store.Scanner) (RequestRow, error) {
		var r RequestRow
		err := sc.Scan(&r.ID, &r.CampaignID, &r.Status, &r.Reason, &r.ReasonNote, &r.ReviewerID, &r.Version, &r.UpdatedAt)
		r.UpdatedAt = r.UpdatedAt.UTC()
		return r, err
	}, s.q.RequestRows, id)
	out := map[int64]RequestRow{}
	for _, r := range rs {
		out[r.CampaignID] = r
	}
	return out, err
}

func (s *Service) writeRequestRow(ctx context.Context, tx *sql.Tx, r RequestRow) error {
	_, err := tx.ExecContext(ctx, s.q.SetRequestRow, r.ID, r.Status, r.Reason, r.ReasonNote, store.NullID(r.ReviewerID),
		r.Version, r.UpdatedAt)
	return err
}
