package appeals

import "github.com/jolproject/jol/internal/people"

// CallerHook is the name under which the registry keeps what the caller
// merge hook moved.
const CallerHook = "appeal_callers"

// CallerMoves is the merge hook that moves the appeals a person made to
// the record kept when two records of them are merged. The persons an
// appeal links stay linked to the record they named, which the registry
// keeps (merged into the other) and names.
func (s *Service) CallerMoves() people.MergeHook {
	return people.RowMoves(s.q.MergeCallers, s.q.MoveCaller)
}
