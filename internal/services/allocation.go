package services

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/i18n"
)

// AllocationLine is a request line's latest allocation outcome, with its
// explanation rendered for a reader: "School uniform: allocated from
// Karaganda central warehouse", or why it waits.
type AllocationLine struct {
	allocation.LineOutcome
	Explanation string `json:"explanation"`
}

// ExplainAllocation returns the latest allocation outcome of each line of
// request id that a committed run decided, explained in l's language;
// none before the first run. p must be allowed to see the child (the
// family's status page reads it as access.System, having shown the
// reference and the phone).
func (s *Services) ExplainAllocation(ctx context.Context, l *i18n.Localizer, p access.Principal, id int64) ([]AllocationLine, error) {
	out, err := s.Allocation.Outcomes(ctx, p, id)
	if err != nil || len(out) == 0 {
		return nil, err
	}
	n, err := s.ExplainNames(ctx, string(l.Locale()))
	if err != nil {
		return nil, err
	}
	lines := make([]AllocationLine, len(out))
	for i, o := range out {
		lines[i] = AllocationLine{LineOutcome: o, Explanation: eligibility.Render(l, n, o.Explain())}
	}
	return lines, nil
}
