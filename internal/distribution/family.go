package distribution

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
)

// Family is one request at an event, as the handover screen shows it:
// every line of the request (those on the event's list marked OnList),
// how many are handed over, the code pending for it and the event's list
// photos.
type Family struct {
	Event     Event      `json:"event"`
	RequestID int64      `json:"request_id"`
	Reference string     `json:"reference"`
	Status    string     `json:"status"`
	Child     string     `json:"child,omitempty"` // only for a reader who may see the child
	Lines     []Row      `json:"lines"`
	Handed    int        `json:"handed"`
	Total     int        `json:"total"`
	Code      *CodeState `json:"code,omitempty"`
	Photos    []Photo    `json:"photos"`
}

// Family returns request id (or, when id is 0, the request of reference)
// at event, if p may see the event and the request has a line on its
// list; any other request is error.handover_not_on_list, whoever asks.
// Opening it writes to the access log that p saw the request through via.
func (s *Service) Family(ctx context.Context, p access.Principal, event, id int64, reference, via string) (Family, error) {
	e, err := s.Event(ctx, p, event)
	if err != nil {
		return Family{}, err
	}
	if id == 0 {
		ref, err := requests.ParseReference(reference)
		if err != nil {
			return Family{}, errs.Validation(errs.Field("reference", "error.reference_invalid"))
		}
		var campaign int64
		err = s.db.R.QueryRowContext(ctx, s.q.RequestByReference, ref).Scan(&id, &campaign)
		if errors.Is(err, sql.ErrNoRows) {
			return Family{}, errs.New(errs.NotFound, "error.handover_not_on_list")
		}
		if err != nil {
			return Family{}, err
		}
	}
	onList, err := s.listRows(ctx, s.db.R, event, id)
	if err != nil {
		return Family{}, err
	}
	if len(onList) == 0 {
		return Family{}, errs.New(errs.NotFound, "error.handover_not_on_list")
	}
	lines, err := store.Select(ctx, s.db.R, scanRow, s.q.RequestLines, id)
	if err != nil {
		return Family{}, err
	}
	f := Family{Event: e, RequestID: id, Reference: lines[0].Reference, Status: lines[0].RequestStatus, Lines: lines,
		Total: len(lines)}
	for i := range f.Lines {
		f.Lines[i].OnList = slices.ContainsFunc(onList, func(r Row) bool { return r.Line == f.Lines[i].Line })
		if f.Lines[i].Handed() {
			f.Handed++
		}
	}
	t := lines[0].Target()
	if access.Can(p, access.ViewChild, t) == nil {
		f.Child = lines[0].child
	}
	if f.Code, err = s.pendingCode(ctx, s.db.R, event, id); err != nil {
		return Family{}, err
	}
	if f.Photos, err = s.photos(ctx, s.db.R, event); err != nil {
		return Family{}, err
	}
	return f, s.log.ViewedIn(ctx, p, "request", itoa(id), t, via)
}
