package sponsors

import (
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
)

// Sponsor is a benefactor: a donor of the ledger (ID is the donor's id)
// with its contacts, language, consent to be named and campaigns.
type Sponsor struct {
	ID   int64           `json:"id"`
	Name string          `json:"name"`
	Kind stock.DonorKind `json:"kind"`
	// OrgID is the organisation that recorded the sponsor: its scope.
	OrgID   int64  `json:"org_id"`
	OrgName string `json:"org_name"`
	// Language is the sponsor's own ("" when not given); Locale falls back
	// to the organisation's, then the installation's.
	Language  string `json:"language,omitempty"`
	orgLocale string
	// Consent to be named in public: when it was recorded and by whom.
	Consent     bool      `json:"consent"`
	ConsentAt   time.Time `json:"consent_at,omitzero"`
	ConsentBy   int64     `json:"consent_by,omitempty"`
	ConsentName string    `json:"consent_name,omitempty"`
	Notes       string    `json:"notes,omitempty"`
	// UserID is the sponsor's portal login (role sponsor), 0 when none.
	UserID      int64     `json:"user_id,omitempty"`
	Contacts    []Contact `json:"contacts"`
	CampaignIDs []int64   `json:"campaign_ids"`
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	orgPath     string
}

// Target is the sponsor's scope: its recording organisation. A sponsor
// stands in no region, so the region axis is the reader's own.
func (sp Sponsor) Target(p access.Principal) access.Target {
	return access.Target{OrgPath: sp.orgPath, RegionPath: p.RegionPath}
}

// Locale is the language to write to the sponsor in: its own, else its
// organisation's, else def (the installation's).
func (sp Sponsor) Locale(def string) string {
	switch {
	case sp.Language != "":
		return sp.Language
	case sp.orgLocale != "":
		return sp.orgLocale
	}
	return def
}

// ContactKind is a way to reach a sponsor.
type ContactKind string

// The kinds of contact.
const (
	Phone   ContactKind = "phone"
	Email   ContactKind = "email"
	Address ContactKind = "address"
	Person  ContactKind = "person" // a company's contact person
)

// ContactKinds lists the kinds of contact.
func ContactKinds() []ContactKind { return []ContactKind{Phone, Email, Address, Person} }

// Contact is one way to reach a sponsor.
type Contact struct {
	Kind  ContactKind `json:"kind"`
	Value string      `json:"value"`
}

// Input creates or edits a sponsor. Version is the version read, for an
// edit. UserID links a login of role sponsor (0: none).
type Input struct {
	Name        string          `json:"name"`
	Kind        stock.DonorKind `json:"kind"`
	OrgID       int64           `json:"org_id"`
	Language    string          `json:"language"`
	Consent     bool            `json:"consent"`
	Notes       string          `json:"notes"`
	UserID      int64           `json:"user_id"`
	Contacts    []Contact       `json:"contacts"`
	CampaignIDs []int64         `json:"campaign_ids"`
	Version     int             `json:"version"`
}

// Bounds of a sponsor's record.
const (
	MaxContacts  = 20
	MaxCampaigns = 100
	MaxText      = 300
	MaxNotes     = 4000
)
