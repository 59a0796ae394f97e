package campaign

import "context"

// Compared returns the campaign c compares with (see Progress) and, when
// it is reported, its frozen results; nil when there is none. The caller
// has read c for its principal; like Progress, it shows aggregates only.
func (s *Service) Compared(ctx context.Context, c Campaign) (*Previous, []Result, error) {
	prev, err := s.previous(ctx, c)
	if err != nil || prev == nil || !prev.Reported {
		return prev, nil, err
	}
	rs, err := s.results(ctx, s.db.R, prev.ID)
	return prev, rs, err
}
