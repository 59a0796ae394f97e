package requests

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// MaxDocument is the largest document a request takes: a phone's photo
// of a certificate or a scanned page fits well within it.
const MaxDocument = 5 << 20

// documentTypes are the types a document may be, as its content says
// (never as its name or the browser claims).
var documentTypes = map[string]bool{"application/pdf": true, "image/jpeg": true, "image/png": true}

// Document is a scan or photo attached to a request; Data is read only by
// DocumentData.
type Document struct {
	ID          int64     `json:"id"`
	RequestID   int64     `json:"request_id"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int       `json:"size"`
	UploadedBy  int64     `json:"uploaded_by,omitempty"`
	UploadedAt  time.Time `json:"uploaded_at"`
	Data        []byte    `json:"-"`
}

// Attach attaches a document to request id. It refuses one over
// MaxDocument (saying the limit) and one whose content is not a PDF, a
// JPEG or a PNG.
func (s *Service) Attach(ctx context.Context, p access.Principal, id int64, name string, data []byte) (Document, error) {
	if len(data) > MaxDocument {
		return Document{}, errs.New(errs.TooLarge, "error.document_too_large", "Max", "5 MB")
	}
	typ := http.DetectContentType(data)
	if !documentTypes[typ] {
		return Document{}, errs.New(errs.Invalid, "error.document_type")
	}
	r, err := s.visible(ctx, p, id)
	if err != nil {
		return Document{}, err
	}
	if err := access.Can(p, access.SubmitRequests, r.Target()); err != nil {
		return Document{}, err
	}
	name = strings.TrimSpace(path.Base(strings.ReplaceAll(name, `\`, "/")))
	if name == "" || name == "." || name == "/" {
		name = "document"
	}
	d := Document{RequestID: id, Name: name, ContentType: typ, Size: len(data), UploadedBy: p.UserID,
		UploadedAt: s.now().UTC()}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.InsertDocument, id, d.Name, d.ContentType, d.Size, data,
			store.NullID(d.UploadedBy), d.UploadedAt).Scan(&d.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "attach", Entity: "request_document", EntityID: itoa(d.ID),
			OrgPath: r.OrgPath, RegionPath: r.RegionPath, After: d})
	})
	if err != nil {
		return Document{}, err
	}
	return d, nil
}

// Documents lists the documents of request id, without their content.
func (s *Service) Documents(ctx context.Context, p access.Principal, id int64) ([]Document, error) {
	if _, err := s.visible(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Document, error) {
		var d Document
		err := sc.Scan(&d.ID, &d.RequestID, &d.Name, &d.ContentType, &d.Size, &d.UploadedBy, &d.UploadedAt)
		d.UploadedAt = d.UploadedAt.UTC()
		return d, err
	}, s.q.Documents, id)
}

// DocumentData returns document docID of request id with its content and
// writes to the access log that p opened it through via: a certificate
// shows a child as much as the record does.
func (s *Service) DocumentData(ctx context.Context, p access.Principal, id, docID int64, via string) (Document, error) {
	r, err := s.visible(ctx, p, id)
	if err != nil {
		return Document{}, err
	}
	var d Document
	err = s.db.R.QueryRowContext(ctx, s.q.Document, docID, id).Scan(&d.ID, &d.RequestID, &d.Name, &d.ContentType,
		&d.Size, &d.UploadedBy, &d.UploadedAt, &d.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, errs.ErrNotFound
	}
	if err != nil {
		return Document{}, err
	}
	if err := s.log.ViewedIn(ctx, p, "request_document", itoa(docID), r.Target(), via); err != nil {
		return Document{}, err
	}
	return d, nil
}
