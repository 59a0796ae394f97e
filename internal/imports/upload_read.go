package imports

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Upload returns upload id with its preview, if p may import for its
// organisation. Anyone else gets NotFound, so ids do not tell what
// exists.
func (s *Service) Upload(ctx context.Context, p access.Principal, id int64) (Upload, error) {
	up, err := s.upload(ctx, id)
	if err != nil {
		return Upload{}, err
	}
	if canImport(p, up.OrgPath) != nil {
		return Upload{}, errs.ErrNotFound
	}
	return up, nil
}

// upload reads an upload without an access check.
func (s *Service) upload(ctx context.Context, id int64) (Upload, error) {
	var up Upload
	var preview string
	err := s.db.R.QueryRowContext(ctx, s.q.Upload, id).Scan(&up.ID, &up.OrgID, &up.OrgName, &up.OrgPath, &up.Name,
		&up.Size, &up.Purged, &up.CreatedByName, &up.CreatedAt, &preview, &up.Target)
	if err != nil {
		return Upload{}, store.NotFound(err)
	}
	if !up.Purged {
		if err := json.Unmarshal([]byte(preview), &up.Preview); err != nil {
			return Upload{}, fmt.Errorf("imports: upload %d: preview: %w", id, err)
		}
	}
	return up, nil
}

// CountUploads is how many uploads Uploads pages through for p and
// orgID, up to store.CountCap.
func (s *Service) CountUploads(ctx context.Context, p access.Principal, orgID int64) (store.Count, error) {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return store.Count{}, err
	}
	var n int
	if err := s.db.R.QueryRowContext(ctx, s.q.CountUploads, p.OrgPath+"%", orgID, store.CountArg()).Scan(&n); err != nil {
		return store.Count{}, fmt.Errorf("count uploads: %w", err)
	}
	return store.Counted(n), nil
}

// Uploads lists, newest first, the uploads of the organisations p may
// import for, each with its last run; orgID > 0 keeps one organisation's.
func (s *Service) Uploads(ctx context.Context, p access.Principal, orgID int64, pg store.Page) ([]Upload, string, error) {
	if err := access.Can(p, access.EditChild, p.Scope()); err != nil {
		return nil, "", err
	}
	rows, err := s.db.R.QueryContext(ctx, s.q.Uploads, pg.BeforeArg(), p.OrgPath+"%", orgID, pg.LimitArg(), pg.SkipArg())
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var out []Upload
	for rows.Next() {
		var up Upload
		var run sql.NullInt64
		var dry sql.NullBool
		var status sql.NullString
		var read, created, updated, unchanged, rejected sql.NullInt64
		if err := rows.Scan(&up.ID, &up.OrgID, &up.OrgName, &up.OrgPath, &up.Name, &up.Size, &up.Purged,
			&up.CreatedByName, &up.CreatedAt, &run, &dry, &status, &read, &created, &updated, &unchanged, &rejected, &up.Target); err != nil {
			return nil, "", err
		}
		if run.Valid {
			up.Latest = &RunRecord{ID: run.Int64, UploadID: up.ID, DryRun: dry.Bool, Status: status.String,
				Result: Result{Read: int(read.Int64), Created: int(created.Int64), Updated: int(updated.Int64),
					Unchanged: int(unchanged.Int64), Rejected: int(rejected.Int64)}}
		}
		out = append(out, up)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(u Upload) int64 { return u.ID })
	return out, next, nil
}

// errPurged is the answer about the file of an upload older than
// Retention.
var errPurged = errs.New(errs.NotFound, "imports.purged")
