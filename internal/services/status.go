package services

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
)

// StatusText is what a family is told of a request found for them, on the
// status page and in the bot's /status alike, in the reader's language:
// never anything of the household.
type StatusText struct {
	Label   string // the status's name: "Approved"
	Meaning string // what the status means for the family
	// Handover says when the items were handed over, or how many of them
	// are so far; "" before any is.
	Handover string
	// Eligibility is the eligibility result in one sentence, "" before
	// the request is evaluated.
	Eligibility string
	// Allocation says, line by line, where the items come from or why
	// they wait.
	Allocation []string
	// Reason is a rejection's reason ("Reason: …"), "" for any other
	// status.
	Reason string
}

// ExplainStatus words st, a request the family has shown to be theirs
// (a reference with its phone, or the chat that applied), in l's
// language; date writes a day as the reader reads dates. It is read as
// the installation: the family sees its own request.
func (s *Services) ExplainStatus(ctx context.Context, l *i18n.Localizer, date func(time.Time) string, st public.Status) (StatusText, error) {
	out := StatusText{Label: l.T("public.status." + string(st.Status)), Meaning: l.T("public.explain." + string(st.Status))}
	if st.Status == requests.Rejected && st.Reason != "" {
		out.Reason = l.T("public.reason_is") + " " + l.T("public.reason."+string(st.Reason))
	}
	ev, err := s.Eligibility.Current(ctx, access.System, st.RequestID)
	switch {
	case err == nil:
		ex, err := s.Explain(ctx, l, ev)
		if err != nil {
			return StatusText{}, err
		}
		out.Eligibility = ex.Short
	case errs.CodeOf(err) != errs.NotFound:
		return StatusText{}, err
	}
	lines, err := s.ExplainAllocation(ctx, l, access.System, st.RequestID)
	if err != nil {
		return StatusText{}, err
	}
	for _, x := range lines {
		out.Allocation = append(out.Allocation, x.Explanation)
	}
	pr, err := s.Distribution.Progress(ctx, st.RequestID)
	switch {
	case err != nil:
		return StatusText{}, err
	case pr.Handed == 0:
	case st.Status == requests.Delivered && pr.Handed == pr.Lines:
		out.Handover = l.T("public.handed_over_on", "Date", date(pr.LastAt))
	default:
		out.Handover = l.T("distribution.progress", "Handed", pr.Handed, "Count", pr.Lines)
	}
	return out, nil
}
