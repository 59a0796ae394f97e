package distribution

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

// SubjectPhoto is the access log's kind for a photo of a signed list: it
// shows children's names and their guardians' signatures.
const SubjectPhoto = "distribution_photo"

// photoTypes are the types a list's photo may be, as its content says: a
// phone's photo or a scan.
var photoTypes = map[string]bool{"image/jpeg": true, "image/png": true, "application/pdf": true}

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
	if len(data) > MaxPhoto {
		return Photo{}, errs.New(errs.TooLarge, "error.document_too_large", "Max", "5 MB")
	}
	if len(data) == 0 {
		return Photo{}, errs.New(errs.Invalid, "error.document_empty")
	}
	typ := http.DetectContentType(data)
	if !photoTypes[typ] {
		return Photo{}, errs.New(errs.Invalid, "error.document_type")
	}
	name = strings.TrimSpace(path.Base(strings.ReplaceAll(name, `\`, "/")))
	if name == "" || name == "." || name == "/" {
		name = "list"
	}
	ph := Photo{EventID: id, Name: name, ContentType: typ, Size: len(data), UploadedBy: p.UserID,
		UploadedAt: s.now().UTC()}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
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
	return store.Select(ctx, q, func(sc store.Scanner) (Photo, error) {
		var ph Photo
		err := sc.Scan(&ph.ID, &ph.EventID, &ph.Name, &ph.ContentType, &ph.Size, &ph.UploadedBy, &ph.UploadedAt)
		ph.UploadedAt = ph.UploadedAt.UTC()
		return ph, err
	}, s.q.Photos, id)
}

// PhotoData returns photo photoID of event id with its content and
// writes to the access log that p opened it through via.
func (s *Service) PhotoData(ctx context.Context, p access.Principal, id, photoID int64, via string) (Photo, error) {
	e, err := s.Event(ctx, p, id)
	if err != nil {
		return Photo{}, err
	}
	var ph Photo
	err = s.db.R.QueryRowContext(ctx, s.q.PhotoData, photoID, id).Scan(&ph.ID, &ph.EventID, &ph.Name, &ph.ContentType,
		&ph.Size, &ph.UploadedBy, &ph.UploadedAt, &ph.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return Photo{}, errs.ErrNotFound
	}
	if err != nil {
		return Photo{}, err
	}
	return ph, s.log.ViewedIn(ctx, p, SubjectPhoto, itoa(photoID), e.Target(), via)
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
