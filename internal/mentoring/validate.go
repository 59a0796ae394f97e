package mentoring

import "context"

// Check checks a profile as Apply would, storing nothing: a form that
// found a problem of its own (a date it could not read) still shows
// every other one at once.
func (s *Service) Check(ctx context.Context, in Input) error {
	_, err := s.check(ctx, s.db.R, in)
	return err
}
