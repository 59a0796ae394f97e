package requests

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/files"
)

// MaxDocument is the largest document a request takes: a phone's photo
// of a certificate or a scanned page fits well within it.
const MaxDocument = 5 << 20

// documentKind is what a document may be, as its content says: a PDF, a
// JPEG or a PNG of at most MaxDocument. Reading one is in the access log:
// a certificate shows a child as much as the record does.
var documentKind = files.Kind{Max: MaxDocument, MaxLabel: "5 MB", Unnamed: "document", Subject: "request_document",
	Types: map[string]bool{"application/pdf": true, "image/jpeg": true, "image/png": true}}

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
	typ, err := documentKind.Check(data)
	if err != nil {
		return Document{}, err
	}
	r, err := s.visible(ctx, p, id)
	if err != nil {
		return Document{}, err
	}
	if err := access.Can(p, access.SubmitRequests, r.Target()); err != nil {
		return Document{}, err
	}
	d := Document{RequestID: id, Name: documentKind.Name(name), ContentType: typ, Size: len(data), UploadedBy: p.UserID,
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
	return files.List(ctx, s.db.R, s.q.Documents, documentOf, id)
}

// documentOf is the document f is.
func documentOf(f files.File) Document {
	return Document{ID: f.ID, RequestID: f.Owner, Name: f.Name, ContentType: f.ContentType, Size: f.Size,
		UploadedBy: f.UploadedBy, UploadedAt: f.UploadedAt, Data: f.Data}
}

// DocumentData returns document docID of request id with its content and
// writes to the access log that p opened it through via: a certificate
// shows a child as much as the record does.
func (s *Service) DocumentData(ctx context.Context, p access.Principal, id, docID int64, via string) (Document, error) {
	r, err := s.visible(ctx, p, id)
	if err != nil {
		return Document{}, err
	}
	f, err := documentKind.Open(ctx, s.db.R, s.q.Document, docID, id, s.log, p, r.Target(), via)
	if err != nil {
		return Document{}, err
	}
	return documentOf(f), nil
}
