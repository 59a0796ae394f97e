package people

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Purpose is what a consent allows.
type Purpose string

// The purposes of consent.
const (
	Processing Purpose = "processing" // keeping the record at all
	Sharing    Purpose = "sharing"    // sharing it with partner organisations
	Photos     Purpose = "photos"     // keeping a photo
	Messenger  Purpose = "messenger"  // contacting the family by messenger
)

// Purposes lists every purpose in a stable order.
func Purposes() []Purpose { return []Purpose{Processing, Sharing, Photos, Messenger} }

// Method is how a consent was given.
type Method string

// The ways a consent is given.
const (
	OnPaper     Method = "paper"
	Verbally    Method = "verbal"
	Online      Method = "online"
	ByMessenger Method = "messenger"
)

// Methods lists every method in a stable order.
func Methods() []Method { return []Method{OnPaper, Verbally, Online, ByMessenger} }

// Consent is one consent given for a person. The active consent for a
// purpose is the latest one given, unless it was withdrawn.
type Consent struct {
	ID          int64     `json:"id"`
	PersonID    int64     `json:"person_id"`
	Purpose     Purpose   `json:"purpose"`
	GivenByID   int64     `json:"given_by_id,omitempty"` // the guardian (or the person) who gave it
	GivenByName string    `json:"given_by_name,omitempty"`
	ChildAssent bool      `json:"child_assent"` // the child agreed too
	Method      Method    `json:"method"`
	RecordedBy  int64     `json:"recorded_by,omitempty"`
	RecordedAt  time.Time `json:"recorded_at"`
	WithdrawnAt time.Time `json:"withdrawn_at,omitzero"`
	WithdrawnBy int64     `json:"withdrawn_by,omitempty"`
}

// Active reports whether the consent still holds.
func (c Consent) Active() bool { return c.WithdrawnAt.IsZero() }

// ConsentInput records a consent. Who gave it is a registered person
// (GivenByID) or a name; from AssentAge (14) to 18 the child's own assent
// is required as well.
type ConsentInput struct {
	Purpose     Purpose
	GivenByID   int64
	GivenByName string
	ChildAssent bool
	Method      Method
}

// HasConsent reports whether person id has an active consent for purpose:
// what other code asks before sharing, storing a photo or writing to a
// family. It checks no principal; showing the answer to a user is the
// caller's to allow.
func (s *Service) HasConsent(ctx context.Context, personID int64, purpose Purpose) (bool, error) {
	c, err := s.latest(ctx, s.db.R, personID, purpose)
	return err == nil && c.ID != 0 && c.Active(), err
}

// ActiveConsents returns the consents of a person in force, by purpose.
func (s *Service) ActiveConsents(ctx context.Context, p access.Principal, personID int64) (map[Purpose]Consent, error) {
	if _, err := s.ViewChild(ctx, p, personID); err != nil {
		return nil, err
	}
	cs, err := s.consents(ctx, s.db.R, personID, "")
	out := map[Purpose]Consent{}
	for _, c := range cs {
		if c.Active() {
			out[c.Purpose] = c
		}
	}
	return out, err
}

// latest returns the latest consent of a person for purpose, zero when
// none was ever given.
func (s *Service) latest(ctx context.Context, q store.Querier, personID int64, purpose Purpose) (Consent, error) {
	cs, err := s.consents(ctx, q, personID, purpose)
	if err != nil || len(cs) == 0 {
		return Consent{}, err
	}
	return cs[0], nil
}

// consents reads the latest consent of a person for each purpose, or for
// purpose only when it is not "".
func (s *Service) consents(ctx context.Context, q store.Querier, personID int64, purpose Purpose) ([]Consent, error) {
	rows, err := q.QueryContext(ctx, s.q.Consents, personID, string(purpose))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Consent
	for rows.Next() {
		var c Consent
		var withdrawn sql.NullTime
		if err := rows.Scan(&c.ID, &c.PersonID, &c.Purpose, &c.GivenByID, &c.GivenByName, &c.ChildAssent,
			&c.Method, &c.RecordedBy, &c.RecordedAt, &withdrawn, &c.WithdrawnBy); err != nil {
			return nil, err
		}
		c.RecordedAt = c.RecordedAt.UTC()
		if withdrawn.Valid {
			c.WithdrawnAt = withdrawn.Time.UTC()
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
