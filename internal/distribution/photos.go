package distribution

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/files"
)

// SubjectPhoto is the access log's kind for a photo of a signed list: it
// shows children's names and their guardians' signatures.
const SubjectPhoto = "distribution_photo"

// photoKind is what a list's photo may be, as its content says: a phone's
// photo or a scan, of at most MaxPhoto.
var photoKind = files.Kind{Max: MaxPhoto, MaxLabel: "5 MB", Unnamed: "list", Subject: SubjectPhoto,
	Types: map[string]bool{"image/jpeg": true, "image/png": true, "application/pdf": true}}

// Photo is a photo (or scan) of an event's signed paper list; Data is
// read only by PhotoData.
type Photo struct {
	ID          int64     `json:"id"`
	EventID     int64     `json:"event_id"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int       `json:"size"`
	UploadedBy  int64     `json:"uploaded_by,omitempty"`
	UploadedAt  time.Time `json:"uploaded_at"`
	Data        []byte    `json:"-"`
}

// AttachPhoto attaches the photo of a signed list to event id. It refuses
// an empty file, one over MaxPhoto and one that is not a JPEG, a PNG or a
// PDF by its content, as a request's documents.
func (s *Service) AttachPhoto(ctx context.Context, p access.Principal, id int64, name string, data []byte) (Photo, error) {
	typ, err := photoKind.Check(data)
	if err != nil {
		return Photo{}, err
	}
	ph := Photo{EventID: id, Name: photoKind.Name(name), ContentType: typ, Size: len(data), UploadedBy: p.UserID,
		UploadedAt: s.now().UTC()}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		e, err := s.runnable(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertPhoto, id, ph.Name, ph.ContentType, ph.Size, data,
			store.NullID(p.UserID), ph.UploadedAt).Scan(&ph.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "upload", Entity: "distribution_photo", EntityID: itoa(ph.ID),
			OrgPath: e.orgPath, RegionPath: e.regionPath, After: ph})
	})
	if err != nil {
		return Photo{}, err
	}
	return ph, nil
}

// Photos lists event id's photos, without their content.
func (s *Service) Photos(ctx context.Context, p access.Principal, id int64) ([]Photo, error) {
	if _, err := s.Event(ctx, p, id); err != nil {
		return nil, err
	}
	return s.photos(ctx, s.db.R, id)
}

func (s *Service) photos(ctx context.Context, q store.Querier, id int64) ([]Photo, error) {
	return files.List(ctx, q, s.q.Photos, photoOf, id)
}

// photoOf is the photo f is.
func photoOf(f files.File) Photo {
	return Photo{ID: f.ID, EventID: f.Owner, Name: f.Name, ContentType: f.ContentType, Size: f.Size,
		UploadedBy: f.UploadedBy, UploadedAt: f.UploadedAt, Data: f.Data}
}

// PhotoData returns photo photoID of event id with its content and
// writes to the access log that p opened it through via.
func (s *Service) PhotoData(ctx context.Context, p access.Principal, id, photoID int64, via string) (Photo, error) {
	e, err := s.Event(ctx, p, id)
	if err != nil {
		return Photo{}, err
	}
	f, err := photoKind.Open(ctx, s.db.R, s.q.PhotoData, photoID, id, s.log, p, e.Target(), via)
	return photoOf(f), err
}

// listPhoto is the photo a list-photo handover at event refers to: id,
// or the event's latest when 0. An event without one refuses it.
func (s *Service) listPhoto(ctx context.Context, tx *sql.Tx, event, id int64) (int64, error) {
	phs, err := s.photos(ctx, tx, event)
	if err != nil {
		return 0, err
	}
	for i := len(phs) - 1; i >= 0; i-- {
		if id == 0 || phs[i].ID == id {
			return phs[i].ID, nil
		}
	}
	return 0, errs.Validation(errs.Field("photo_id", "error.handover_no_photo"))
}
