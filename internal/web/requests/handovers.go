package requests

import (
	"context"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests"
)

// handoversView is what of a request was handed over: each line with
// when, where, the proof and a device's serial, and how far it is.
type handoversView struct {
	Records  []handoverRecord
	Progress string
}

// handoverRecord is one line handed over, its item in the reader's
// language.
type handoverRecord struct {
	distribution.Record
	Item string
}

// handovers reads what of request x was handed over; nothing before
// anything was.
func (s *Server) handovers(ctx context.Context, rq *request, x requests.Request) (handoversView, error) {
	recs, pr, err := s.svc.Distribution.Handovers(ctx, rq.P, x.ID)
	if err != nil || len(recs) == 0 {
		return handoversView{}, err
	}
	v := handoversView{Progress: rq.L.T("distribution.progress", "Handed", pr.Handed, "Count", pr.Lines)}
	for _, r := range recs {
		v.Records = append(v.Records, handoverRecord{r, r.Name(string(rq.L.Locale()))})
	}
	return v, nil
}
