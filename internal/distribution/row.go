package distribution

import (
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Row is a request line as an event's list and its handover screen show
// it: the request's reference, what it asks for, the school or centre and
// grade of the child, where it is held and whether it is handed over.
type Row struct {
	RequestID     int64     `json:"request_id"`
	Reference     string    `json:"reference"`
	RequestStatus string    `json:"request_status"`
	Line          int       `json:"line"`
	ItemID        int64     `json:"item_id"`
	ItemCode      string    `json:"item_code"`
	ItemName      string    `json:"item_name"` // in English; pages show Name in the reader's language
	SerialTracked bool      `json:"serial_tracked"`
	Size          string    `json:"size,omitempty"`
	Quantity      int       `json:"quantity"`
	OrgID         int64     `json:"org_id,omitempty"`
	OrgName       string    `json:"org_name,omitempty"`
	Grade         int       `json:"grade,omitempty"`
	Child         string    `json:"child,omitempty"`   // only for a reader who may see the child
	HeldAt        int64     `json:"held_at,omitempty"` // the warehouse holding it
	HandoverID    int64     `json:"handover_id,omitempty"`
	HandedAt      time.Time `json:"handed_at,omitzero"`
	HandedEvent   int64     `json:"handed_event,omitempty"`
	Proof         Proof     `json:"proof,omitempty"`
	Serials       []string  `json:"serials,omitempty"`
	OnList        bool      `json:"on_list"`
	AssignedTo    int64     `json:"assigned_to,omitempty"` // the day it was assigned to by hand
	names         [5]string // en, kk, ru, fr, fa
	child         string
	orgPath       string
	regionPath    string
}

// Handed reports whether the line is handed over (and not returned).
func (r Row) Handed() bool { return r.HandoverID != 0 }

// Name is the line's item in locale, in English when the catalogue has
// no name there.
func (r Row) Name(locale string) string { return itemName(r.names, locale) }

// Target is the request's scope.
func (r Row) Target() access.Target {
	return access.Target{OrgPath: r.orgPath, RegionPath: r.regionPath}
}

// itemName picks names' entry for locale (en, kk, ru, fr, fa).
func itemName(names [5]string, locale string) string {
	for i, l := range []string{"en", "kk", "ru", "fr", "fa"} {
		if l == locale && names[i] != "" {
			return names[i]
		}
	}
	return names[0]
}

func scanRow(sc store.Scanner) (Row, error) {
	var r Row
	var last, first, patronymic, serials string
	var at sql.NullTime
	err := sc.Scan(&r.RequestID, &r.Reference, &r.RequestStatus, &r.Line, &r.ItemID, &r.ItemCode, &r.names[0],
		&r.names[1], &r.names[2], &r.names[3], &r.names[4], &r.SerialTracked, &r.Size, &r.Quantity, &r.OrgID,
		&r.OrgName, &r.Grade, &last, &first, &patronymic, &r.orgPath, &r.regionPath, &r.HeldAt, &r.HandoverID, &at,
		&r.Proof, &serials, &r.HandedEvent, &r.AssignedTo)
	r.ItemName, r.HandedAt = r.names[0], store.TimeOf(at)
	r.child = strings.Join(strings.Fields(last+" "+first+" "+patronymic), " ")
	if serials != "" {
		r.Serials = strings.Split(serials, ",")
	}
	return r, err
}
