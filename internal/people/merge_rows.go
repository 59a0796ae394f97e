package people

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// The rows a merge compares and writes back exactly, as stored: a
// person's evidence in a category and their photo.

// CategoryRow is a person's place in a category as stored: its evidence
// and who assigned it.
type CategoryRow struct {
	CategoryID int64     `json:"category_id"`
	DocType    string    `json:"doc_type,omitempty"`
	DocNumber  string    `json:"doc_number,omitempty"`
	IssuedOn   time.Time `json:"issued_on,omitzero"`
	ExpiresOn  time.Time `json:"expires_on,omitzero"`
	VerifiedBy int64     `json:"verified_by,omitempty"`
	VerifiedAt time.Time `json:"verified_at,omitzero"`
	AssignedBy int64     `json:"assigned_by,omitempty"`
	AssignedAt time.Time `json:"assigned_at"`
}

// better reports whether evidence r is better than k on day today: in
// force where k has expired, else seen by the one who assigned it where k
// was not, else with a document where k has none, else expiring later.
func (r CategoryRow) better(k CategoryRow, today time.Time) bool {
	if re, ke := r.expired(today), k.expired(today); re != ke {
		return ke
	}
	if rv, kv := !r.VerifiedAt.IsZero(), !k.VerifiedAt.IsZero(); rv != kv {
		return rv
	}
	if rd, kd := r.DocType != "" || r.DocNumber != "", k.DocType != "" || k.DocNumber != ""; rd != kd {
		return rd
	}
	// Evidence that does not expire outlasts any that does.
	return !k.ExpiresOn.IsZero() && (r.ExpiresOn.IsZero() || r.ExpiresOn.After(k.ExpiresOn))
}

func (r CategoryRow) expired(today time.Time) bool {
	return !r.ExpiresOn.IsZero() && r.ExpiresOn.Before(today)
}

// same reports whether r and k hold the same evidence.
func (r CategoryRow) same(k CategoryRow) bool {
	return r.CategoryID == k.CategoryID && r.DocType == k.DocType && r.DocNumber == k.DocNumber &&
		r.IssuedOn.Equal(k.IssuedOn) && r.ExpiresOn.Equal(k.ExpiresOn) && r.VerifiedBy == k.VerifiedBy &&
		r.VerifiedAt.Equal(k.VerifiedAt) && r.AssignedBy == k.AssignedBy && r.AssignedAt.Equal(k.AssignedAt)
}

// categoryRows reads the categories of person id, by category.
func (s *Service) categoryRows(ctx context.Context, tx *sql.Tx, id int64) (map[int64]CategoryRow, error) {
	rows, err := tx.QueryContext(ctx, s.q.CategoryRows, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]CategoryRow{}
	for rows.Next() {
		var r CategoryRow
		var issued, expires, verified sql.NullTime
		if err := rows.Scan(&r.CategoryID, &r.DocType, &r.DocNumber, &issued, &expires, &r.VerifiedBy, &verified,
			&r.AssignedBy, &r.AssignedAt); err != nil {
			return nil, err
		}
		r.IssuedOn, r.ExpiresOn, r.VerifiedAt = store.TimeOf(issued), store.TimeOf(expires), store.TimeOf(verified)
		r.AssignedAt = r.AssignedAt.UTC()
		out[r.CategoryID] = r
	}
	return out, rows.Err()
}

// writeCategoryRow puts person id in category r.CategoryID with exactly
// the evidence of r.
func (s *Service) writeCategoryRow(ctx context.Context, tx *sql.Tx, id int64, r CategoryRow) error {
	_, err := tx.ExecContext(ctx, s.q.Assign, id, r.CategoryID, r.DocType, r.DocNumber, store.NullDate(r.IssuedOn),
		store.NullDate(r.ExpiresOn), store.NullID(r.VerifiedBy), sql.NullTime{Time: r.VerifiedAt, Valid: !r.VerifiedAt.IsZero()},
		store.NullID(r.AssignedBy), r.AssignedAt)
	return err
}

// photo reads the photo of person id, nil when there is none.
func (s *Service) photo(ctx context.Context, tx *sql.Tx, id int64) ([]byte, error) {
	var data []byte
	err := tx.QueryRowContext(ctx, s.q.Photo, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return data, err
}
