package imports

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tabular"
)

// Upload is a list uploaded for import into an organisation.
type Upload struct {
	ID            int64
	OrgID         int64
	OrgName       string
	OrgPath       string
	Name          string // the file's name as sent
	Target        string // the name of the target the list is for
	Size          int64
	Purged        bool // the file is deleted (see Retention); the history stays
	CreatedByName string
	CreatedAt     time.Time
	Preview       Preview
	Latest        *RunRecord // in lists: the upload's last run, nil before the first
}

// Preview is what an upload's preview needs of the file, read once when
// it arrives: the format detected, the header and the first rows.
type Preview struct {
	Format    string      `json:"format"`
	Encoding  string      `json:"encoding,omitempty"`
	Separator string      `json:"separator,omitempty"`
	Sheet     string      `json:"sheet,omitempty"`
	Header    []string    `json:"header"`
	Rows      []SampleRow `json:"rows"`
	More      bool        `json:"more,omitempty"` // rows follow those shown
	// Campaign is the campaign a school's list files its requests in, as
	// chosen on the preview (see SetCampaign); 0 until chosen.
	Campaign int64 `json:"campaign,omitempty"`
}

// SampleRow is one of the first rows of a file.
type SampleRow struct {
	Line     int      `json:"line"`
	Cells    []string `json:"cells"`
	Formulas []int    `json:"formulas,omitempty"`
	Bad      string   `json:"bad,omitempty"` // the i18n key when the row could not be read
}

// Save checks that name is a list Jol can read, then stores it as a list
// of target for organisation orgID: its preview and the file itself in chunks, in one
// transaction. A file Jol cannot read is refused with the reason
// (tabular's errors, or "imports.no_rows" for a header without rows), and
// nothing is stored. Uploads older than Retention are purged first.
func (s *Service) Save(ctx context.Context, p access.Principal, target string, orgID int64, name string, f io.ReaderAt, size int64) (Upload, error) {
	if _, err := s.Target(target); err != nil {
		return Upload{}, err
	}
	o, err := s.orgTarget(ctx, p, orgID)
	if err != nil {
		return Upload{}, err
	}
	if size > MaxUploadBytes {
		return Upload{}, errs.New(errs.TooLarge, "imports.too_large", "Max", int64(MaxUploadBytes>>20))
	}
	name = cleanName(name)
	pv, err := readPreview(s.TempDir, name, f, size)
	if err != nil {
		return Upload{}, err
	}
	if _, err := s.Purge(ctx, s.clock().Add(-Retention)); err != nil {
		return Upload{}, err
	}
	body, err := json.Marshal(pv)
	if err != nil {
		return Upload{}, err
	}
	up := Upload{OrgID: o.ID, OrgName: o.Name, OrgPath: o.Path, Name: name, Target: target, Size: size, CreatedByName: p.Name,
		CreatedAt: s.clock(), Preview: pv}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertUpload, o.ID, o.Path, name, size, string(body),
			store.NullID(p.UserID), p.Name, up.CreatedAt, target).Scan(&up.ID)
		if err != nil {
			return err
		}
		if err := s.storeChunks(ctx, tx, up.ID, io.NewSectionReader(f, 0, size)); err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "upload", Entity: "import_upload",
			EntityID: strconv.FormatInt(up.ID, 10), OrgPath: o.Path,
			After: map[string]any{"name": name, "size": size, "org_id": o.ID, "target": target}})
	})
	return up, err
}

// storeChunks writes the file in ChunkSize pieces, one buffer reused.
func (s *Service) storeChunks(ctx context.Context, tx *sql.Tx, id int64, r io.Reader) error {
	buf := make([]byte, ChunkSize)
	for seq := 0; ; seq++ {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			if _, werr := tx.ExecContext(ctx, s.q.InsertChunk, id, seq, buf[:n]); werr != nil {
				return werr
			}
		}
		switch {
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			return nil
		case err != nil:
			return err
		}
	}
}

// readPreview opens the file as the import will and keeps its header and
// first rows.
func readPreview(dir, name string, f io.ReaderAt, size int64) (Preview, error) {
	rd, err := tabular.OpenIn(dir, name, f, size)
	if err != nil {
		return Preview{}, err
	}
	defer rd.Close()
	info := rd.Info()
	pv := Preview{Format: info.Format, Encoding: info.Encoding, Sheet: info.Sheet, Header: rd.Header(), Rows: []SampleRow{}}
	if info.Separator != 0 {
		pv.Separator = string(info.Separator)
	}
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if len(pv.Rows) == PreviewRows {
			pv.More = true
			break
		}
		sample := SampleRow{Line: row.Line, Cells: shorten(row.Cells), Formulas: row.Formulas}
		if errors.Is(err, tabular.ErrBadRow) {
			sample.Bad = tabular.KeyQuote
			if e := errs.As(err); e != nil {
				sample.Bad = e.Key
			}
		} else if err != nil {
			return Preview{}, err
		}
		pv.Rows = append(pv.Rows, sample)
	}
	if len(pv.Rows) == 0 {
		return Preview{}, errs.New(errs.Invalid, "imports.no_rows")
	}
	return pv, nil
}

// maxPreviewCell bounds a cell of the preview, in characters: the
// preview is stored, and a cell that long is rejected by the import anyway.
const maxPreviewCell = 500

// shorten cuts the cells of a preview row to maxPreviewCell characters.
func shorten(cells []string) []string {
	for i, c := range cells {
		if len(c) > maxPreviewCell {
			if r := []rune(c); len(r) > maxPreviewCell {
				cells[i] = string(r[:maxPreviewCell]) + "…"
			}
		}
	}
	return cells
}

// cleanName keeps the base name of an uploaded file, printable and at
// most 200 characters.
func cleanName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, strings.TrimSpace(name))
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	if name == "" {
		name = "list"
	}
	return name
}
