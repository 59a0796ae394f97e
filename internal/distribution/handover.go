package distribution

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
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

// check checks what needs no database: the lines (one or more, none
// twice), the proof and, for a signature, its image.
func (in *HandoverInput) check() error {
	in.Note = text.Clean(in.Note)
	fs := valid.Note(nil, "note", in.Note)
	if len(in.Lines) == 0 {
		fs = append(fs, errs.Field("lines", "error.handover_no_lines"))
	}
	seen := map[int]bool{}
	for i, l := range in.Lines {
		if seen[l.Line] || l.Line < 1 {
			fs = append(fs, errs.Field("lines."+strconv.Itoa(i)+".line", "error.handover_line_twice"))
		}
		seen[l.Line] = true
	}
	switch in.Proof {
	case Signature:
		if f := checkSignature(in.Signature); f != nil {
			fs = append(fs, *f)
		}
	case Code, ListPhoto:
	default:
		fs = append(fs, valid.Choice("proof", Proofs()...))
	}
	return errs.Validation(fs...)
}

// checkLines checks in's lines against the request and the event: each
// line on the list, not handed over yet and held at the event's point,
// and the request allocated. It returns the order to issue them in: by
// item and size, the order of their balance rows, so two handovers
// touching the same items never wait for each other in a cycle.
func (s *Service) checkLines(ctx context.Context, tx *sql.Tx, e Event, r requestRow, in HandoverInput) ([]int, error) {
	rows, err := s.listRows(ctx, tx, e.ID, r.id)
	if err != nil {
		return nil, err
	}
	order := make([]int, len(in.Lines))
	keys := make([]Row, len(in.Lines))
	for i, l := range in.Lines {
		order[i] = i
		field := "lines." + strconv.Itoa(i) + ".line"
		at := slices.IndexFunc(rows, func(row Row) bool { return row.Line == l.Line })
		var handed sql.NullTime
		err := tx.QueryRowContext(ctx, s.q.LiveHandoverLine, r.id, l.Line).Scan(&handed)
		switch {
		case err == nil:
			return nil, errs.Validation(errs.Field(field, "error.handover_done", "Line", l.Line, "Reference", r.reference))
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		case at < 0:
			return nil, errs.Validation(errs.Field(field, "error.handover_line_not_here", "Line", l.Line))
		case rows[at].HeldAt != e.WarehouseID:
			return nil, errs.Validation(errs.Field(field, "error.handover_not_held", "Line", l.Line,
				"Warehouse", e.WarehouseName))
		}
		keys[i] = rows[at]
	}
	if r.status != string(requests.Allocated) {
		return nil, errs.New(errs.Conflict, "error.handover_request_status", "Status", r.status)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(keys[a].ItemID, keys[b].ItemID), strings.Compare(keys[a].Size, keys[b].Size))
	})
	return order, nil
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

// lineErr names the fields of a refusal of line i as the input's: stock
// names the serials of its one line "serials" or "lines.0.serials".
func lineErr(err error, i int) error {
	e := errs.As(err)
	if e == nil || len(e.Fields) == 0 {
		return err
	}
	out := *e
	out.Fields = slices.Clone(e.Fields)
	for k, f := range out.Fields {
		leaf := f.Field[strings.LastIndex(f.Field, ".")+1:]
		out.Fields[k].Field = "lines." + strconv.Itoa(i) + "." + leaf
	}
	return &out
}
