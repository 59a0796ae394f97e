package requests

import (
	"database/sql"
	"math"
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Request is a request for aid for one person in one campaign.
type Request struct {
	ID                int64         `json:"id"`
	Reference         string        `json:"reference"`
	CampaignID        int64         `json:"campaign_id"`
	PersonID          int64         `json:"person_id"`
	PersonName        string        `json:"person_name"`
	ApplicantKind     ApplicantKind `json:"applicant_kind"`
	ApplicantPersonID int64         `json:"applicant_person_id,omitempty"`
	ApplicantOrgID    int64         `json:"applicant_org_id,omitempty"`
	ApplicantName     string        `json:"applicant_name,omitempty"`
	ApplicantPhone    string        `json:"applicant_phone,omitempty"`
	Channel           Channel       `json:"channel"`
	Locale            string        `json:"locale"`
	Status            Status        `json:"status"`
	Reason            Reason        `json:"reason,omitempty"`
	ReasonNote        string        `json:"reason_note,omitempty"`
	ReviewerID        int64         `json:"reviewer_id,omitempty"`
	ReviewerName      string        `json:"reviewer_name,omitempty"`
	OrgID             int64         `json:"org_id,omitempty"`
	OrgPath           string        `json:"org_path"`
	RegionID          int64         `json:"region_id"`
	RegionPath        string        `json:"region_path"`
	Version           int           `json:"version"`
	CreatedBy         int64         `json:"created_by,omitempty"`
	SubmittedAt       time.Time     `json:"submitted_at"`
	UpdatedAt         time.Time     `json:"updated_at"`
	Lines             []Line        `json:"lines,omitempty"`
	// DistanceKm is how far the person lives from school, when known.
	DistanceKm *float64 `json:"distance_km,omitempty"`

	// MergedInto is set when the request's person was merged into
	// another record and the request stayed with the dropped record,
	// the record kept having its own request in the campaign (merge.go).
	MergedInto int64 `json:"merged_into,omitempty"`

	// Linked is set when Submit found the person's request in the campaign
	// and returned it instead of making another.
	Linked bool `json:"linked,omitempty"`
}

// Target is the request's scope, for access.Can.
func (r Request) Target() access.Target {
	return access.Target{OrgPath: r.OrgPath, RegionPath: r.RegionPath}
}

// Line is one thing a request asks for.
type Line struct {
	Line     int    `json:"line"`
	ItemID   int64  `json:"item_id"`
	ItemCode string `json:"item_code,omitempty"`
	ItemName string `json:"item_name,omitempty"` // as read, in English; pages and the API show Name in the reader's
	Quantity int    `json:"quantity"`
	Size     string `json:"size,omitempty"`
	// Names are the item's names in the catalogue by locale, when read.
	Names map[string]string `json:"-"`
}

// Name is the line's item's name in locale, in English when the catalogue
// has none there.
func (l Line) Name(locale string) string {
	if n := l.Names[locale]; n != "" {
		return n
	}
	return l.ItemName
}

// Input is a request as any channel hands it in: a form at a centre, the
// hotline desk, the public form, a school's list or, later, the bot.
type Input struct {
	CampaignID        int64
	PersonID          int64
	ApplicantKind     ApplicantKind
	ApplicantPersonID int64 // the parent or guardian in the registry, when known
	ApplicantOrgID    int64 // the school or centre applying
	ApplicantName     string
	ApplicantPhone    string
	Channel           Channel
	Locale            string // the applicant's language for messages: en, ru, kk, fr, fa
	Lines             []LineInput
	Via               string   // the surface: "web", "api", "import"
	DistanceKm        *float64 // from home to school, when the family or the school says
	// Chat is the Telegram chat the applicant applied from (Channel
	// Telegram only): the new request's messages go there too (chat.go).
	Chat int64
}

// LineInput is one thing asked for.
type LineInput struct {
	ItemID   int64
	Quantity int    // 0 is 1
	Size     string // required for an item that comes in sizes
}

// Event is one step of a request's history; the first is the submission.
type Event struct {
	ID        int64     `json:"id"`
	From      Status    `json:"from,omitempty"`
	To        Status    `json:"to"`
	Reason    Reason    `json:"reason,omitempty"`
	Note      string    `json:"note,omitempty"`
	ActorID   int64     `json:"actor_id,omitempty"`
	ActorName string    `json:"actor_name"`
	Via       string    `json:"via,omitempty"`
	At        time.Time `json:"at"`
}

// MaxDistanceKm is the farthest a home may be from school: further is a
// typing error.
const MaxDistanceKm = 300.0

// metres is d in whole metres for the database, NULL when not known.
func metres(d *float64) sql.NullInt64 {
	if d == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: int64(math.Round(*d * 1000)), Valid: true}
}
