package distribution

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
)

// requestsOf is the request of each reference raw of refs, in their
// order, with the references as parsed: each must be a request of event
// e's campaign, else the first that is not is refused. The requests'
// rows are then locked (PostgreSQL) in the order of their IDs, before an
// assignment writes anything: two assignments of the same requests in
// other orders take turns instead of each holding what the other waits
// for, and the second finds the first's invitations.
func (s *Service) requestsOf(ctx context.Context, tx *sql.Tx, e Event, refs []string) ([]int64, []string, error) {
	reqs, parsed := make([]int64, 0, len(refs)), make([]string, 0, len(refs))
	for _, raw := range refs {
		ref, err := requests.ParseReference(raw)
		var req, campaign int64
		if err == nil {
			err = tx.QueryRowContext(ctx, s.q.RequestByReference, ref).Scan(&req, &campaign)
		}
		switch {
		case err == nil && campaign == e.CampaignID:
		case err == nil || errors.Is(err, sql.ErrNoRows) || errs.As(err) != nil:
			// Unknown, mistyped, or of another campaign: alike.
			return nil, nil, errs.Validation(errs.Field("references", "error.event_reference_unknown", "Reference", raw))
		default:
			return nil, nil, err
		}
		reqs, parsed = append(reqs, req), append(parsed, ref)
	}
	order := slices.Clone(reqs)
	slices.Sort(order)
	for _, id := range slices.Compact(order) {
		var r requestRow
		if err := tx.QueryRowContext(ctx, s.q.RequestForHandover, id).Scan(&r.id, &r.reference, &r.status, &r.campaign,
			&r.locale, &r.phone, &r.orgPath, &r.regionPath); err != nil {
			return nil, nil, err
		}
	}
	return reqs, parsed, nil
}
