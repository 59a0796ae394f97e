package distribution

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// check checks what needs no database: the lines (one or more, none
// twice, none numbered below 1), the proof and, for a signature, its image.
func (in *HandoverInput) check() error {
	in.Note = text.Clean(in.Note)
	fs := valid.Note(nil, "note", in.Note)
	if len(in.Lines) == 0 {
		fs = append(fs, errs.Field("lines", "error.handover_no_lines"))
	}
	seen := map[int]bool{}
	for i, l := range in.Lines {
		switch field := "lines." + strconv.Itoa(i) + ".line"; {
		case l.Line < 1:
			fs = append(fs, errs.Field(field, "error.handover_line_not_here", "Line", l.Line))
		case seen[l.Line]:
			fs = append(fs, errs.Field(field, "error.handover_line_twice"))
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
