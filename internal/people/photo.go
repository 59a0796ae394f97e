package people

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
)

// MaxPhoto is the largest photo stored, in bytes.
const MaxPhoto = 1 << 20

// photoTypes are the image formats a photo may have, as sniffed.
var photoTypes = []string{"image/jpeg", "image/png", "image/webp"}

// SetPhoto stores a person's photo (JPEG, PNG or WebP), or deletes it when
// data is empty. A photo is stored only while a consent to photos is in
// force; withdrawing it deletes the photo. The change log records the
// size, never the image.
func (s *Service) SetPhoto(ctx context.Context, p access.Principal, personID int64, data []byte) error {
	if len(data) > MaxPhoto {
		return errs.New(errs.TooLarge, "error.too_large")
	}
	if len(data) > 0 && !slices.Contains(photoTypes, http.DetectContentType(data)) {
		return errs.Validation(errs.Field("photo", "error.photo_type"))
	}
	return s.EditChild(ctx, p, personID, func(tx *sql.Tx, per Person) error {
		var stored any
		if len(data) > 0 {
			c, err := s.latest(ctx, tx, per.ID, Photos)
			if err != nil {
				return err
			}
			if c.ID == 0 || !c.Active() {
				return errs.Validation(errs.Field("photo", "error.photo_consent"))
			}
			stored = data
		}
		if _, err := tx.ExecContext(ctx, s.q.SetPhoto, stored, s.now().UTC(), per.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "photo", Entity: "person", EntityID: itoa(per.ID),
			OrgPath: per.OrgPath, RegionPath: per.RegionPath, Before: map[string]bool{"photo": per.HasPhoto},
			After: map[string]any{"photo": len(data) > 0, "bytes": len(data)}})
	})
}

// Photo returns a person's photo, not found when there is none or the
// consent to photos is no longer in force.
func (s *Service) Photo(ctx context.Context, p access.Principal, personID int64) ([]byte, error) {
	if _, err := s.ViewChild(ctx, p, personID); err != nil {
		return nil, err
	}
	notFound := errs.ErrNotFound
	if ok, err := s.HasConsent(ctx, personID, Photos); err != nil {
		return nil, err
	} else if !ok {
		return nil, notFound
	}
	var data []byte
	err := s.db.R.QueryRowContext(ctx, s.q.Photo, personID).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound
	}
	return data, err
}
