package appeals

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Bounds of what an appeal holds.
const (
	MaxName  = 200 // the caller's name as given
	MaxLinks = 20  // persons or requests one appeal links
)

// Input records an appeal. PersonID names the caller in the registry; an
// unknown caller is CallerName (and CallerPhone). RegionCode is the place
// it concerns, the caller's region when "" and a caller is named.
// AssigneeID is who answers it: the recording user when 0. ReceivedAt is
// when the call came, for a contact written down later (a reception's
// paper log): now when zero, never in the future nor more than
// MaxBackdate ago.
type Input struct {
	Kind        Kind
	Channel     Channel
	PersonID    int64
	CallerName  string
	CallerPhone string
	Subject     string
	RegionCode  string
	CampaignID  int64
	AssigneeID  int64
	PersonIDs   []int64
	RequestIDs  []int64
	ReceivedAt  time.Time
}

// MaxBackdate is how long ago a call may have come when it is recorded.
const MaxBackdate = 31 * 24 * time.Hour

// Create records an appeal for p, who needs RecordAppeals within the
// place it concerns; its deadline is the kind's working days after the
// day it is received, in the installation's calendar.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Appeal, error) {
	if err := access.Can(p, access.RecordAppeals, p.Scope()); err != nil {
		return Appeal{}, err
	}
	fs := s.check(&in)
	a := Appeal{Kind: in.Kind, Channel: in.Channel, Status: Open, PersonID: in.PersonID, CallerName: in.CallerName,
		CallerPhone: in.CallerPhone, Subject: in.Subject, OrgID: p.OrgID, OrgPath: p.OrgPath, CampaignID: in.CampaignID,
		AssigneeID: in.AssigneeID, Version: 1, CreatedBy: p.UserID}
	if a.AssigneeID == 0 {
		a.AssigneeID = p.UserID
	}
	if in.PersonID != 0 {
		per, err := s.people.ViewChild(ctx, p, in.PersonID)
		switch {
		case err == nil:
			a.PersonName = per.FullName()
			if in.RegionCode == "" {
				in.RegionCode = per.RegionCode
			}
		case errors.Is(err, errs.ErrNotFound) || errs.CodeOf(err) == errs.Forbidden:
			fs = append(fs, errs.Field("person", "error.not_found"))
		default:
			return Appeal{}, err
		}
	}
	region, rfs, err := s.region(ctx, p, in.RegionCode)
	if err != nil {
		return Appeal{}, err
	}
	fs = append(fs, rfs...)
	links, lfs, err := s.checkLinks(ctx, p, in.PersonIDs, in.RequestIDs)
	if err != nil {
		return Appeal{}, err
	}
	fs = append(fs, lfs...)
	if now := s.now(); in.ReceivedAt.After(now) || (!in.ReceivedAt.IsZero() && now.Sub(in.ReceivedAt) > MaxBackdate) {
		fs = append(fs, errs.Field("received_at", "error.received_at", "Days", int(MaxBackdate/(24*time.Hour))))
	}
	if err := errs.Validation(fs...); err != nil {
		return Appeal{}, err
	}
	a.RegionID, a.RegionCode, a.RegionPath = region.ID, region.Code, region.Path
	a.UpdatedAt = s.now().UTC()
	a.ReceivedAt = a.UpdatedAt
	if !in.ReceivedAt.IsZero() {
		a.ReceivedAt = in.ReceivedAt.UTC()
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if in.CampaignID != 0 {
			err := tx.QueryRowContext(ctx, s.q.CampaignExists, in.CampaignID).Scan(new(int64))
			if errors.Is(err, sql.ErrNoRows) {
				return errs.Validation(errs.Field("campaign", "error.not_found"))
			} else if err != nil {
				return err
			}
		}
		if a.AssigneeID != p.UserID && a.AssigneeID != 0 {
			if err := s.checkAssignee(ctx, tx, a.AssigneeID, a.Target()); err != nil {
				return err
			}
		}
		due, err := s.deadline(ctx, tx, a.Kind, region.Country, a.ReceivedAt)
		if err != nil {
			return err
		}
		a.WorkingDays, a.DueOn = due.days, due.on
		if err := tx.QueryRowContext(ctx, s.q.Insert, a.Kind, a.Channel, a.Status, store.NullID(a.PersonID), a.CallerName,
			a.CallerPhone, a.Subject, a.RegionID, a.RegionPath, store.NullID(a.OrgID), a.OrgPath, store.NullID(a.CampaignID),
			store.NullID(a.AssigneeID), a.ReceivedAt, a.WorkingDays, a.DueOn, store.NullID(a.CreatedBy), a.UpdatedAt).Scan(&a.ID); err != nil {
			return err
		}
		if err := s.insertLinks(ctx, tx, a.ID, links); err != nil {
			return err
		}
		a.People, a.Requests = links.people, links.requests
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "appeal", EntityID: itoa(a.ID),
			OrgPath: a.OrgPath, RegionPath: a.RegionPath, After: a})
	})
	if err != nil {
		return Appeal{}, err
	}
	return a, nil
}

// check cleans in and returns what is wrong with the fields that need
// no database.
func (s *Service) check(in *Input) []errs.FieldError {
	in.CallerName = text.Clean(in.CallerName)
	in.Subject = strings.TrimSpace(in.Subject)
	in.RegionCode = strings.ToUpper(strings.TrimSpace(in.RegionCode))
	var fs []errs.FieldError
	if !oneOf(in.Kind, Kinds()) {
		fs = append(fs, valid.Choice("kind", Kinds()...))
	}
	if !oneOf(in.Channel, Channels()) {
		fs = append(fs, valid.Choice("channel", Channels()...))
	}
	if in.PersonID == 0 && in.CallerName == "" {
		fs = append(fs, errs.Field("caller_name", "error.appeal_caller"))
	}
	fs = valid.Line(fs, "caller_name", in.CallerName, MaxName)
	phone, ok := cleanPhone(in.CallerPhone)
	if !ok {
		fs = append(fs, errs.Field("caller_phone", "error.invalid_phone"))
	}
	in.CallerPhone = phone
	fs = valid.Required(fs, "subject", in.Subject)
	fs = valid.Note(fs, "subject", in.Subject)
	if len(in.PersonIDs) > MaxLinks || len(in.RequestIDs) > MaxLinks {
		fs = append(fs, errs.Field("links", "error.too_many_links", "Max", MaxLinks))
	}
	return fs
}

// region resolves the place an appeal concerns; it must lie within p's
// region subtree.
func (s *Service) region(ctx context.Context, p access.Principal, code string) (geo.Region, []errs.FieldError, error) {
	if code == "" {
		return geo.Region{}, []errs.FieldError{errs.Field("region", "error.required", "Field", "region")}, nil
	}
	r, err := s.geo.Lookup(ctx, code)
	if errors.Is(err, errs.ErrNotFound) {
		return r, []errs.FieldError{errs.Field("region", "error.unknown_region", "Code", code)}, nil
	} else if err != nil {
		return r, nil, err
	}
	if !access.Within(p, access.Target{OrgPath: p.OrgPath, RegionPath: r.Path}) {
		return r, []errs.FieldError{errs.Field("region", "error.region_out_of_scope")}, nil
	}
	return r, nil, nil
}

// cleanPhone returns a phone as stored (trimmed, ASCII digits), or ok
// false when it holds anything but digits, "+", spaces, dashes and
// brackets, or not 7 to 15 digits. An empty phone is fine.
func cleanPhone(s string) (string, bool) {
	s = strings.TrimSpace(text.NormalizeDigits(s))
	if s == "" {
		return "", true
	}
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case !slices.Contains([]rune("+ -()"), r):
			return s, false
		}
	}
	return s, n >= 7 && n <= 15
}
