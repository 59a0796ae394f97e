// Package letterhead keeps how each organisation heads and signs what it
// sends — the thank-you letters of its campaigns and the receipts of its
// sponsors' gifts: the name printed at the top, the lines under it
// (address, phone, e-mail) and the signatory's name and position.
//
// It only reads and writes the table letterheads; who may do either is
// the business of the packages that use it (letters checks its own
// permissions before saving), so that it imports no domain and every
// domain can import it.
package letterhead

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct{ Letterhead, Upsert string }

// Letterhead is how an organisation heads and signs its letters and
// receipts. One never saved (Version 0) is the organisation's name and no
// signatory.
type Letterhead struct {
	OrgID             int64     `json:"org_id"`
	Name              string    `json:"name"`
	Lines             []string  `json:"lines"` // address, phone, e-mail
	SignatoryName     string    `json:"signatory_name"`
	SignatoryPosition string    `json:"signatory_position"`
	Version           int       `json:"version"`
	UpdatedAt         time.Time `json:"updated_at,omitzero"`
}

// Signed reports whether h names somebody who signs.
func (h Letterhead) Signed() bool { return h.SignatoryName != "" || h.SignatoryPosition != "" }

// Bounds of a letterhead.
const (
	MaxLines = 6
	MaxLine  = 200
)

// Book reads and writes the letterheads of a database.
type Book struct {
	q queries
}

// New returns the book of the letterheads on an engine e database.
func New(e store.Engine) (*Book, error) {
	b := &Book{}
	if err := store.BindQueries(&b.q, queryFS, e); err != nil {
		return nil, fmt.Errorf("letterhead: %w", err)
	}
	return b, nil
}

// Of returns organisation org's letterhead read with q; name is the
// organisation's own, the letterhead's name when it has saved none.
func (b *Book) Of(ctx context.Context, q store.Querier, org int64, name string) (Letterhead, error) {
	h := Letterhead{OrgID: org, Lines: []string{}}
	var lines string
	err := q.QueryRowContext(ctx, b.q.Letterhead, org).Scan(&h.Name, &lines, &h.SignatoryName,
		&h.SignatoryPosition, &h.Version, &h.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		h.Name = name
		return h, nil
	}
	if lines != "" {
		h.Lines = strings.Split(lines, "\n")
	}
	h.UpdatedAt = h.UpdatedAt.UTC()
	return h, err
}

// Clean trims in's fields, drops its empty lines and checks it: the
// letterhead to save, or the fields' errors.
func Clean(in Letterhead) (Letterhead, error) {
	in.Name = strings.TrimSpace(in.Name)
	in.SignatoryName, in.SignatoryPosition = strings.TrimSpace(in.SignatoryName), strings.TrimSpace(in.SignatoryPosition)
	var lines []string
	for _, l := range in.Lines {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	in.Lines = lines
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
	return in, errs.Validation(fs...)
}

// Save writes in, cleaned, as organisation in.OrgID's letterhead in tx
// when its version is still in.Version (0: none saved yet), by user by
// (0: nobody) at at; a version moved on since is error.letterhead_changed.
func (b *Book) Save(ctx context.Context, tx *sql.Tx, in Letterhead, by int64, at time.Time) error {
	res, err := tx.ExecContext(ctx, b.q.Upsert, in.OrgID, in.Name, strings.Join(in.Lines, "\n"),
		in.SignatoryName, in.SignatoryPosition, in.Version, store.NullID(by), at.UTC())
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err == nil && n == 0 {
		err = errs.New(errs.Conflict, "error.letterhead_changed")
	}
	return err
}
