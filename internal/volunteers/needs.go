package volunteers

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// NeedInput creates or changes a need: the role (a skill), a title and a
// place, the day, how many people, the region, the organisation asking,
// and the campaign it serves (0 for none).
type NeedInput struct {
	CampaignID int64           `json:"campaign_id"`
	Role       aftercare.Skill `json:"role"`
	Title      string          `json:"title"`
	Place      string          `json:"place"`
	OnDate     time.Time       `json:"on_date"`
	Wanted     int             `json:"wanted"`
	Note       string          `json:"note"`
	RegionCode string          `json:"region_code"`
	OrgID      int64           `json:"org_id"`
}

// CreateNeed records a need within p's scope.
func (s *Service) CreateNeed(ctx context.Context, p access.Principal, in NeedInput) (Need, error) {
	return s.saveNeed(ctx, p, 0, 0, in)
}

// UpdateNeed changes need id, read at version. Its places never drop
// below the volunteers signed up.
func (s *Service) UpdateNeed(ctx context.Context, p access.Principal, id int64, version int, in NeedInput) (Need, error) {
	return s.saveNeed(ctx, p, id, version, in)
}

func (s *Service) saveNeed(ctx context.Context, p access.Principal, id int64, version int, in NeedInput) (Need, error) {
	if err := access.Can(p, access.ManageVolunteers, p.Scope()); err != nil {
		return Need{}, err
	}
	fs := s.cleanNeed(ctx, &in, id == 0)
	var out Need
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var before *Need
		if id != 0 {
			n, err := s.managedNeed(ctx, tx, p, id)
			if err != nil {
				return err
			}
			if in.Wanted < n.Taken {
				fs = append(fs, errs.Field("wanted", "error.need_below_taken", "Taken", n.Taken))
			}
			before = &n
		}
		n, fs, err := s.placeNeed(ctx, tx, p, in, fs)
		if err != nil {
			return err
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		now := s.now().UTC()
		if before == nil {
			err = tx.QueryRowContext(ctx, s.q.InsertNeed, store.NullID(in.CampaignID), string(in.Role), in.Title, in.Place,
				in.OnDate, in.Wanted, in.Note, n.RegionID, n.regionPath, n.OrgID, n.orgPath, store.NullID(p.UserID),
				now).Scan(&id)
		} else {
			err = exec(ctx, tx, "error.need_changed", s.q.UpdateNeed, id, version, store.NullID(in.CampaignID),
				string(in.Role), in.Title, in.Place, in.OnDate, in.Wanted, in.Note, n.RegionID, n.regionPath, n.OrgID,
				n.orgPath, now)
		}
		if err != nil {
			return err
		}
		if out, err = s.need(ctx, tx, 0, id); err != nil {
			return err
		}
		action := "create"
		if before != nil {
			action = "update"
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "volunteer_need", EntityID: itoa(id),
			OrgPath: out.orgPath, RegionPath: out.regionPath, Before: before, After: out})
	})
	return out, err
}

// cleanNeed trims in and checks what needs no database; a new need may
// not be for a day gone.
func (s *Service) cleanNeed(ctx context.Context, in *NeedInput, isNew bool) []errs.FieldError {
	in.Title, in.Place = text.Clean(in.Title), text.Clean(in.Place)
	in.Note, in.RegionCode = strings.TrimSpace(in.Note), strings.ToUpper(strings.TrimSpace(in.RegionCode))
	in.OnDate = store.Day(in.OnDate)
	fs := valid.Line(nil, "title", in.Title, MaxTitle)
	fs = valid.Required(fs, "title", in.Title)
	fs = valid.Line(fs, "place", in.Place, MaxTitle)
	fs = valid.Note(fs, "note", in.Note)
	if !slices.Contains(aftercare.Skills(), in.Role) {
		fs = append(fs, valid.Choice("role", aftercare.Skills()...))
	}
	switch {
	case in.OnDate.IsZero():
		fs = append(fs, errs.Field("on_date", "error.required_date"))
	case isNew && in.OnDate.Before(s.today(ctx)):
		fs = append(fs, errs.Field("on_date", "error.need_in_past"))
	}
	if in.Wanted < 1 || in.Wanted > MaxWanted {
		fs = append(fs, errs.Field("wanted", "error.need_wanted_range", "Max", MaxWanted))
	}
	return fs
}

// placeNeed resolves in's region, organisation and campaign: the region
// and the organisation within p's scope.
func (s *Service) placeNeed(ctx context.Context, tx *sql.Tx, p access.Principal, in NeedInput,
	fs []errs.FieldError) (Need, []errs.FieldError, error) {
	h, fs, err := s.home.Resolve(ctx, tx, p, in.RegionCode, in.OrgID, in.CampaignID, fs)
	return Need{RegionID: h.RegionID, regionPath: h.RegionPath, OrgID: h.OrgID, OrgName: h.OrgName,
		orgPath: h.OrgPath}, fs, err
}

// CancelNeed cancels need id, read at version; its sign-ups stay as a
// record of who was coming.
func (s *Service) CancelNeed(ctx context.Context, p access.Principal, id int64, version int) (Need, error) {
	var out Need
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.managedNeed(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := exec(ctx, tx, "error.need_changed", s.q.CancelNeed, id, version, s.now().UTC()); err != nil {
			return err
		}
		if out, err = s.need(ctx, tx, 0, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "cancel", Entity: "volunteer_need", EntityID: itoa(id),
			OrgPath: out.orgPath, RegionPath: out.regionPath, Before: before, After: out})
	})
	return out, err
}

// managedNeed reads need id in tx once p may manage it.
func (s *Service) managedNeed(ctx context.Context, tx *sql.Tx, p access.Principal, id int64) (Need, error) {
	n, err := s.need(ctx, tx, 0, id)
	if err == nil && access.Can(p, access.ManageVolunteers, n.Target()) != nil {
		return Need{}, errs.ErrNotFound
	}
	return n, err
}

// exec runs a conditional update that must change one row: none means
// someone changed the record meanwhile (key says so).
func exec(ctx context.Context, tx *sql.Tx, key, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return errs.New(errs.Conflict, key)
	}
	return nil
}
