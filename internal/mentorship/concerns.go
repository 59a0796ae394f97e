package mentorship

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/youth"
)

// ConcernStatus is where a safeguarding concern stands.
type ConcernStatus string

// The concern statuses: open → in progress → closed (with a note).
const (
	ConcernOpen       ConcernStatus = "open"
	ConcernInProgress ConcernStatus = "in_progress"
	ConcernClosed     ConcernStatus = "closed"
)

// ConcernStatuses lists them in order.
func ConcernStatuses() []ConcernStatus {
	return []ConcernStatus{ConcernOpen, ConcernInProgress, ConcernClosed}
}

// Concern is a safeguarding concern about a mentorship.
type Concern struct {
	ID           int64         `json:"id"`
	MentorshipID int64         `json:"mentorship_id"`
	OrgPath      string        `json:"-"`
	RegionPath   string        `json:"-"`
	LeadID       int64         `json:"lead_id,omitempty"` // 0: no lead designated on the way up
	LeadName     string        `json:"lead_name,omitempty"`
	Reporter     string        `json:"reporter"` // the reporter's role, or "youth"
	Body         string        `json:"body"`
	Status       ConcernStatus `json:"status"`
	Note         string        `json:"note,omitempty"`
	ClosedAt     time.Time     `json:"closed_at,omitzero"`
	Version      int           `json:"version"`
	CreatedAt    time.Time     `json:"created_at"`
	UpdatedAt    time.Time     `json:"updated_at"`
	YouthName    string        `json:"youth_name"`
	Minor        bool          `json:"minor"`
}

// Target is the concern's scope, for access.Can.
func (c Concern) Target() access.Target {
	return access.Target{OrgPath: c.OrgPath, RegionPath: c.RegionPath}
}

// ReportConcern records p's safeguarding concern about mentorship id. p is
// its mentor or anyone who may report concerns within its scope. The
// concern reaches the designated lead at once: it is written, with its
// lead, in the same transaction that writes its audit entry, and is on
// the lead's list from the moment it commits.
func (s *Service) ReportConcern(ctx context.Context, p access.Principal, id int64, body string) (Concern, error) {
	return s.report(ctx, p, string(p.Role), body, func(tx *sql.Tx) (Mentorship, error) {
		return s.open(ctx, tx, p, access.ReportConcerns, id)
	})
}

// YouthConcern records young person youthID's concern about mentorship
// id, which must be theirs, as their page or the bot gives it.
func (s *Service) YouthConcern(ctx context.Context, youthID, id int64, body string) (Concern, error) {
	return s.report(ctx, youth.Self(youthID), string(ByYouth), body, func(tx *sql.Tx) (Mentorship, error) {
		return s.ofYouth(ctx, tx, youthID, id)
	})
}

func (s *Service) report(ctx context.Context, p access.Principal, reporter, body string,
	open func(*sql.Tx) (Mentorship, error)) (Concern, error) {
	body = strings.TrimSpace(body)
	var c Concern
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		m, err := open(tx)
		if err != nil {
			return err
		}
		fs := valid.Required(nil, "body", body)
		if err := errs.Validation(valid.Note(fs, "body", body)...); err != nil {
			return err
		}
		lead, err := s.leadFor(ctx, tx, m.OrgPath)
		if err != nil {
			return err
		}
		var cid int64
		if err := tx.QueryRowContext(ctx, s.q.InsertConcern, m.ID, m.OrgPath, m.RegionPath, store.NullID(lead),
			reporter, store.NullID(p.UserID), body, s.now().UTC()).Scan(&cid); err != nil {
			return err
		}
		if c, err = s.concern(ctx, tx, cid); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "report", Entity: "safeguarding_concern",
			EntityID: itoa(cid), OrgPath: m.OrgPath, RegionPath: m.RegionPath,
			After: map[string]any{"mentorship_id": m.ID, "lead_id": lead, "reporter": reporter}})
	})
	return c, err
}

func (s *Service) concern(ctx context.Context, q store.Querier, id int64) (Concern, error) {
	c, err := scanConcern(q.QueryRowContext(ctx, s.q.ConcernColumns+" "+s.q.Concern, id))
	return c, store.NotFound(err)
}

func scanConcern(sc store.Scanner) (Concern, error) {
	var c Concern
	var closed sql.NullTime
	var last, first string
	err := sc.Scan(&c.ID, &c.MentorshipID, &c.OrgPath, &c.RegionPath, &c.LeadID, &c.LeadName, &c.Reporter, &c.Body,
		&c.Status, &c.Note, &closed, &c.Version, &c.CreatedAt, &c.UpdatedAt, &last, &first, &c.Minor)
	c.ClosedAt, c.CreatedAt, c.UpdatedAt = store.TimeOf(closed), c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	if !c.ClosedAt.IsZero() {
		c.ClosedAt = c.ClosedAt.UTC()
	}
	c.YouthName = first + " " + last
	return c, err
}
