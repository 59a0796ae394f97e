package letters

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Letterhead is how an organisation heads and signs its letters. One
// never saved (Version 0) is the organisation's name and no signatory.
type Letterhead struct {
	OrgID             int64     `json:"org_id"`
	Name              string    `json:"name"`
	Lines             []string  `json:"lines"` // address, phone, e-mail
	SignatoryName     string    `json:"signatory_name"`
	SignatoryPosition string    `json:"signatory_position"`
	Version           int       `json:"version"`
	UpdatedAt         time.Time `json:"updated_at,omitzero"`
}

// Bounds of a letterhead.
const (
	MaxLines = 6
	MaxLine  = 200
)

// Letterhead returns organisation org's letterhead.
func (s *Service) Letterhead(ctx context.Context, p access.Principal, org int64) (Letterhead, error) {
	o, err := s.orgFor(ctx, p, org, access.ViewLetters)
	if err != nil {
		return Letterhead{}, err
	}
	return s.letterhead(ctx, s.db.R, o)
}

func (s *Service) letterhead(ctx context.Context, q store.Querier, o orgs.Organisation) (Letterhead, error) {
	h := Letterhead{OrgID: o.ID, Lines: []string{}}
	var lines string
	err := q.QueryRowContext(ctx, s.q.Letterhead, o.ID).Scan(&h.Name, &lines, &h.SignatoryName,
		&h.SignatoryPosition, &h.Version, &h.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		h.Name = o.Name
		return h, nil
	}
	if lines != "" {
		h.Lines = strings.Split(lines, "\n")
	}
	h.UpdatedAt = h.UpdatedAt.UTC()
	return h, err
}

// SaveLetterhead writes organisation org's letterhead; in.Version is the
// version read.
func (s *Service) SaveLetterhead(ctx context.Context, p access.Principal, org int64, in Letterhead) (Letterhead, error) {
	o, err := s.orgFor(ctx, p, org, access.ManageLetters)
	if err != nil {
		return Letterhead{}, err
	}
	in.OrgID, in.Name = org, strings.TrimSpace(in.Name)
	in.SignatoryName, in.SignatoryPosition = strings.TrimSpace(in.SignatoryName), strings.TrimSpace(in.SignatoryPosition)
	var lines []string
	for _, l := range in.Lines {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	in.Lines = lines
	if err := checkLetterhead(in); err != nil {
		return Letterhead{}, err
	}
	var out Letterhead
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.UpsertLetterhead, org, in.Name, strings.Join(in.Lines, "\n"),
			in.SignatoryName, in.SignatoryPosition, in.Version, store.NullID(p.UserID), s.Now().UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				err = errs.New(errs.Conflict, "error.letterhead_changed")
			}
			return err
		}
		if out, err = s.letterhead(ctx, tx, o); err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "save", Entity: "letterhead", EntityID: itoa(org),
			OrgPath: o.Path, After: out})
	})
	return out, err
}

func checkLetterhead(in Letterhead) error {
	var fs []errs.FieldError
	fs = valid.Name(fs, "name", in.Name, MaxLine)
	if len(in.Lines) > MaxLines {
		fs = append(fs, errs.Field("lines", "error.too_many", "Max", MaxLines))
	}
	for _, l := range in.Lines {
		if f := valid.Line(nil, "lines", l, MaxLine); f != nil {
			fs = append(fs, f...)
			break
		}
	}
	fs = valid.Line(fs, "signatory_name", in.SignatoryName, MaxLine)
	fs = valid.Line(fs, "signatory_position", in.SignatoryPosition, MaxLine)
	return errs.Validation(fs...)
}

// orgFor returns organisation id when p may do a on its letters: staff of
// its subtree. Anyone else is told it does not exist.
func (s *Service) orgFor(ctx context.Context, p access.Principal, id int64, a access.Action) (orgs.Organisation, error) {
	if err := access.Can(p, a, p.Scope()); err != nil {
		return orgs.Organisation{}, err
	}
	o, err := s.Orgs.Get(ctx, access.System, id)
	if err != nil {
		return orgs.Organisation{}, err
	}
	if access.Can(p, a, access.Target{OrgPath: o.Path, RegionPath: p.RegionPath}) != nil {
		return orgs.Organisation{}, errs.ErrNotFound
	}
	return o, nil
}
