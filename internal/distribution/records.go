package distribution

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// SubjectSignature is the access log's kind for a guardian's signature
// opened.
const SubjectSignature = "handover_signature"

// Record is one line of a request handed over, as the request's page
// shows it: when, where, by whom, with what proof, which device.
type Record struct {
	HandoverID   int64     `json:"handover_id"`
	EventID      int64     `json:"event_id"`
	Place        string    `json:"place"`
	Warehouse    string    `json:"warehouse"`
	Proof        Proof     `json:"proof"`
	By           string    `json:"by"`
	At           time.Time `json:"at"`
	HasSignature bool      `json:"has_signature"`
	Line         int       `json:"line"`
	ItemID       int64     `json:"item_id"`
	Size         string    `json:"size,omitempty"`
	Quantity     int64     `json:"quantity"`
	Serials      []string  `json:"serials,omitempty"`
	ReturnedAt   time.Time `json:"returned_at,omitzero"`
	names        [5]string
}

// Name is the line's item in locale.
func (r Record) Name(locale string) string { return itemName(r.names, locale) }

// Progress is how far a request's handover is: Handed of its Lines given
// (and not returned), the last on LastAt.
type Progress struct {
	Lines  int       `json:"lines"`
	Handed int       `json:"handed"`
	LastAt time.Time `json:"last_at,omitzero"`
}

// Handovers returns what of request id was handed over (returned lines
// included, marked) and its progress, if p may see the request.
func (s *Service) Handovers(ctx context.Context, p access.Principal, id int64) ([]Record, Progress, error) {
	t, err := s.requestTarget(ctx, id)
	if err != nil {
		return nil, Progress{}, err
	}
	if access.Can(p, access.ViewRequests, t) != nil {
		return nil, Progress{}, errs.ErrNotFound
	}
	recs, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (Record, error) {
		var r Record
		var serials string
		var back sql.NullTime
		err := sc.Scan(&r.HandoverID, &r.EventID, &r.Place, &r.Warehouse, &r.Proof, &r.By, &r.At, &r.HasSignature,
			&r.Line, &r.ItemID, &r.names[0], &r.names[1], &r.names[2], &r.names[3], &r.names[4], &r.Size, &r.Quantity,
			&serials, &back)
		r.At, r.ReturnedAt = r.At.UTC(), store.TimeOf(back)
		if serials != "" {
			r.Serials = strings.Split(serials, ",")
		}
		return r, err
	}, s.q.HandoversOfRequest, id)
	if err != nil {
		return nil, Progress{}, err
	}
	pr, err := s.Progress(ctx, id)
	return recs, pr, err
}

// Progress is request id's handover progress. It reads no principal and
// names nothing: the status page shows it to a family that gave the
// reference and the phone.
func (s *Service) Progress(ctx context.Context, id int64) (Progress, error) {
	var pr Progress
	if err := s.db.R.QueryRowContext(ctx, s.q.LineCounts, id).Scan(&pr.Lines, &pr.Handed); err != nil {
		return pr, err
	}
	var last sql.NullTime
	err := s.db.R.QueryRowContext(ctx, s.q.LastHandedAt, id).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return pr, err
	}
	pr.LastAt = store.TimeOf(last)
	return pr, nil
}

// Signature returns the PNG the guardian signed handover id with, for a
// reader who may see its event or its request, and writes to the access
// log that p opened it through via.
func (s *Service) Signature(ctx context.Context, p access.Principal, id int64, via string) ([]byte, error) {
	var sig []byte
	var request, event int64
	err := s.db.R.QueryRowContext(ctx, s.q.SignatureOf, id).Scan(&sig, &request, &event)
	if errors.Is(err, sql.ErrNoRows) || err == nil && len(sig) == 0 {
		return nil, errs.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	t, err := s.requestTarget(ctx, request)
	if err != nil {
		return nil, err
	}
	if access.Can(p, access.ViewRequests, t) != nil {
		if _, err := s.Event(ctx, p, event); err != nil {
			return nil, errs.ErrNotFound
		}
	}
	return sig, s.log.ViewedIn(ctx, p, SubjectSignature, itoa(id), t, via)
}

// requestTarget is request id's scope.
func (s *Service) requestTarget(ctx context.Context, id int64) (access.Target, error) {
	var t access.Target
	err := s.db.R.QueryRowContext(ctx, s.q.RequestScope, id).Scan(&t.OrgPath, &t.RegionPath)
	if errors.Is(err, sql.ErrNoRows) {
		return t, errs.ErrNotFound
	}
	return t, err
}

// HandoverProof is the proof of the handover whose line stock document
// docID recorded; "" when no handover of an event recorded it (an issue
// recorded at a warehouse's counter). A device's page names it.
func (s *Service) HandoverProof(ctx context.Context, docID int64) (Proof, error) {
	var p Proof
	err := s.db.R.QueryRowContext(ctx, s.q.ProofOfDoc, docID).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return p, err
}
