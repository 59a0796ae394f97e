package requests

import (
	"context"
	"time"
)

// messageRow is one message of the outbox to the applicant, as the
// request's page lists it: its text in the reader's language, with a
// one-time code masked (the handover staff read it on the guardian's
// phone, or, in the demo only, on the handover screen).
type messageRow struct {
	At                 time.Time
	Channel, To, State string
	Text, StateCode    string
}

// messages lists what was queued for request id's applicant, newest
// first.
func (s *Server) messages(ctx context.Context, rq *request, id int64) ([]messageRow, error) {
	ms, err := s.svc.Requests.Messages(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]messageRow, 0, len(ms))
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i].Masked()
		out = append(out, messageRow{At: m.CreatedAt, Channel: rq.L.T("outboxchannel." + string(m.Channel)),
			To: m.Address, State: rq.L.T("outboxstate." + m.State), StateCode: m.State, Text: rq.L.T(m.Key, m.Args)})
	}
	return out, nil
}
