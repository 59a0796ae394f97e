package distribution

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// HandoverInput hands some lines of one request over at an event with
// one proof: Signature (a PNG), Code (typed back) or the event's list
// photo PhotoID (its latest when 0).
type HandoverInput struct {
	EventID   int64
	RequestID int64
	Lines     []LineInput
	Proof     Proof
	Signature []byte
	Code      string
	PhotoID   int64
	Note      string
	Locale    string // the reader's language, for the items named in a refusal
	Via       string // "web", "api"
}

// LineInput is one line handed over; a device's names its serial number.
type LineInput struct {
	Line    int      `json:"line"`
	Serials []string `json:"serials,omitempty"`
}

// Handover is a handover as recorded.
type Handover struct {
	ID        int64        `json:"id"`
	EventID   int64        `json:"event_id"`
	RequestID int64        `json:"request_id"`
	Reference string       `json:"reference"`
	Proof     Proof        `json:"proof"`
	CodeID    int64        `json:"code_id,omitempty"`
	PhotoID   int64        `json:"photo_id,omitempty"`
	Note      string       `json:"note,omitempty"`
	GivenBy   int64        `json:"given_by,omitempty"`
	GivenName string       `json:"given_name"`
	GivenAt   time.Time    `json:"given_at"`
	Lines     []HandedLine `json:"lines"`
	Handed    int          `json:"handed"` // the request's lines handed over now, of Total
	Total     int          `json:"total"`
	Delivered bool         `json:"delivered"` // this handover completed the request
}

// HandedLine is one line of a handover and the stock document that
// issued it.
type HandedLine struct {
	Line     int      `json:"line"`
	DocID    int64    `json:"doc_id"`
	Quantity int64    `json:"quantity"`
	Serials  []string `json:"serials,omitempty"`
}

// HandOver records a handover in one transaction: the proof, each line
// issued from its hold (stock.IssueReserved, its moves in the ledger),
// and, when it was the request's last line, the request delivered. The
// event must be open, the request allocated and each line on the event's
// list, held at its point and not handed over yet (error.handover_done,
// also when another handover of it wins a race); a device line names
// its serial number, which must be in stock there. A wrong code is
// refused and counted; nothing else is written.
func (s *Service) HandOver(ctx context.Context, p access.Principal, in HandoverInput) (Handover, error) {
	if err := access.Can(p, access.RunDistribution, p.Scope()); err != nil {
		return Handover{}, err
	}
	if err := in.check(); err != nil {
		return Handover{}, err
	}
	var h Handover
	var refusal error
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		e, err := s.runnable(ctx, tx, p, in.EventID)
		if err != nil {
			return err
		}
		if e.Status != Open {
			return errs.New(errs.Conflict, "error.event_not_open")
		}
		r, err := s.lockRequest(ctx, tx, e, in.RequestID)
		if err != nil {
			return err
		}
		order, err := s.checkLines(ctx, tx, e, r, in)
		if err != nil {
			return err
		}
		h = Handover{EventID: e.ID, RequestID: r.id, Reference: r.reference, Proof: in.Proof, Note: in.Note,
			GivenBy: p.UserID, GivenName: p.Name, GivenAt: s.now().UTC()}
		switch in.Proof {
		case Code:
			if h.CodeID, refusal, err = s.takeCode(ctx, tx, e.ID, r.id, in.Code); err != nil || refusal != nil {
				return err // a wrong code: commit the attempt alone
			}
		case ListPhoto:
			if h.PhotoID, err = s.listPhoto(ctx, tx, e.ID, in.PhotoID); err != nil {
				return err
			}
		}
		var sig []byte
		if in.Proof == Signature {
			sig = in.Signature
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertHandover, e.ID, r.id, string(in.Proof), sig, store.NullID(h.CodeID),
			store.NullID(h.PhotoID), h.Note, store.NullID(p.UserID), p.Name, h.GivenAt).Scan(&h.ID); err != nil {
			return err
		}
		for _, i := range order {
			hl, err := s.issue(ctx, tx, p, h, in.Lines[i], in.Locale)
			if err != nil {
				return lineErr(err, i)
			}
			h.Lines = append(h.Lines, hl)
		}
		slices.SortFunc(h.Lines, func(a, b HandedLine) int { return a.Line - b.Line })
		if err := tx.QueryRowContext(ctx, s.q.LineCounts, r.id).Scan(&h.Total, &h.Handed); err != nil {
			return err
		}
		if h.Handed == h.Total {
			if _, err := s.requests.Deliver(ctx, tx, p, r.id, in.Via); err != nil {
				return err
			}
			h.Delivered = true
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "hand_over", Entity: "handover", EntityID: itoa(h.ID),
			OrgPath: r.orgPath, RegionPath: r.regionPath, After: h})
	})
	if err != nil {
		return Handover{}, err
	}
	if refusal != nil {
		return Handover{}, refusal
	}
	return h, nil
}

// issue hands line ln of h's request over from its hold and records it.
func (s *Service) issue(ctx context.Context, tx *sql.Tx, p access.Principal, h Handover, ln LineInput, locale string) (HandedLine, error) {
	d, err := s.stock.IssueReserved(ctx, tx, p, stock.Handover{RequestID: h.RequestID, Line: ln.Line,
		Serials: ln.Serials, Note: h.Note, Locale: locale})
	if err != nil {
		return HandedLine{}, err
	}
	hl := HandedLine{Line: ln.Line, DocID: d.ID}
	for _, m := range d.Moves {
		hl.Quantity -= m.Quantity
		if m.Serial != "" {
			hl.Serials = append(hl.Serials, m.Serial)
		}
	}
	_, err = tx.ExecContext(ctx, s.q.InsertHandoverLine, h.ID, h.RequestID, ln.Line, d.ID, hl.Quantity,
		strings.Join(hl.Serials, ","))
	if store.IsUniqueViolation(err) {
		return HandedLine{}, errs.New(errs.Conflict, "error.handover_done", "Line", ln.Line, "Reference", h.Reference)
	}
	return hl, err
}
