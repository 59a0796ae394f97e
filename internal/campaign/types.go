package campaign

import (
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
)

// Programme is the kind of work a campaign does.
type Programme string

// The programmes Jol runs.
const (
	Kits        Programme = "kits"          // back-to-school kits
	Devices     Programme = "devices"       // devices for distance learning
	Delivery    Programme = "delivery"      // deliveries to institutions
	OutOfSchool Programme = "out_of_school" // support for out-of-school children
	Mentoring   Programme = "mentoring"     // youth mentoring
)

// Programmes lists the programmes in the order forms offer them.
func Programmes() []Programme { return []Programme{Kits, Devices, Delivery, OutOfSchool, Mentoring} }

// PartnerRole is what a partner organisation does in a campaign.
type PartnerRole string

// PartnerRoles lists the roles a partner may have.
func PartnerRoles() []PartnerRole {
	return []PartnerRole{"education_department", "city_council", "police", "probation", "school", "sponsor",
		"charity", "party", "other"}
}

// ContactKind is a way families reach a campaign.
type ContactKind string

// The kinds of contact: a hotline number or a public reception.
const (
	Hotline   ContactKind = "hotline"
	Reception ContactKind = "reception"
)

// Campaign is one run of a programme.
type Campaign struct {
	ID          int64     `json:"id"`
	Slug        string    `json:"slug"`
	Programme   Programme `json:"programme"`
	OrganiserID int64     `json:"organiser_id"`
	Organiser   string    `json:"organiser"`
	// Locale is the organiser's language: the text every other falls back to.
	Locale   string    `json:"locale"`
	StartsOn time.Time `json:"starts_on"`
	EndsOn   time.Time `json:"ends_on"`
	// ApplyUntil is the last day applications are taken (EndsOn when not set).
	ApplyUntil time.Time `json:"apply_until"`
	Budget     int64     `json:"budget"` // in minor units of Currency
	Currency   string    `json:"currency,omitempty"`
	Status     Status    `json:"status"`
	PreviousID int64     `json:"previous_id,omitempty"` // set by hand; see Previous
	Version    int       `json:"version"`
	CreatedBy  int64     `json:"created_by,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`

	Texts    []Text         `json:"texts"`
	Regions  []Region       `json:"regions"`
	Partners []Partner      `json:"partners"`
	Contacts []Contact      `json:"contacts"`
	Items    []Offered      `json:"items"`
	Targets  []RegionTarget `json:"region_targets"`

	orgPath, regionPath string
}

// Text is a campaign's name, slogan and who-may-apply in one language.
type Text struct {
	Locale      string `json:"locale"`
	Name        string `json:"name"`
	Slogan      string `json:"slogan,omitempty"`
	WhoMayApply string `json:"who_may_apply,omitempty"`
}

// Region is a region a campaign covers, with its subtree.
type Region struct {
	Code  string            `json:"code"`
	Path  string            `json:"-"`
	Names map[string]string `json:"-"`
}

// Name is the region's name in locale, or its English name.
func (r Region) Name(locale string) string {
	if n := r.Names[locale]; n != "" {
		return n
	}
	return r.Names["en"]
}

// Partner is an organisation taking part and its role.
type Partner struct {
	OrgID int64       `json:"org_id"`
	Name  string      `json:"name"`
	Role  PartnerRole `json:"role"`
	path  string
}

// Contact is a hotline number or a public reception with its opening hours.
type Contact struct {
	Kind       ContactKind `json:"kind"`
	Phone      string      `json:"phone,omitempty"`
	Address    string      `json:"address,omitempty"`
	Hours      string      `json:"hours,omitempty"`
	RegionCode string      `json:"region_code,omitempty"`
}

// Offered is a catalogue entry a campaign offers, with its overall target.
type Offered struct {
	ItemID int64  `json:"item_id"`
	Code   string `json:"code"`
	IsKit  bool   `json:"is_kit"`
	Target int    `json:"target"`
	names  names
}

// Name is the offered entry's name in locale.
func (o Offered) Name(locale string) string { return o.names.get(locale) }

// RegionTarget is how many of an item a campaign aims to give in a region.
type RegionTarget struct {
	ItemID     int64  `json:"item_id"`
	ItemCode   string `json:"item_code,omitempty"` // names the item when ItemID is 0 (input only)
	RegionCode string `json:"region_code"`
	Target     int    `json:"target"`
}

// Target is the campaign's scope: its organiser's.
func (c Campaign) Target() access.Target {
	return access.Target{OrgPath: c.orgPath, RegionPath: c.regionPath}
}

// Text returns the campaign's text in locale, each part that is empty
// there taken from the organiser's language (or, when the organiser has
// none among them, from the first text there is).
func (c Campaign) Text(locale string) Text {
	var own, fallback Text
	for _, t := range c.Texts {
		if t.Locale == locale {
			own = t
		}
		if t.Locale == c.Locale {
			fallback = t
		}
	}
	if fallback.Name == "" && len(c.Texts) > 0 {
		fallback = c.Texts[0]
	}
	if own.Locale == "" {
		return fallback
	}
	if own.Name == "" {
		own.Name = fallback.Name
	}
	if own.Slogan == "" {
		own.Slogan = fallback.Slogan
	}
	if own.WhoMayApply == "" {
		own.WhoMayApply = fallback.WhoMayApply
	}
	return own
}

// LastApplyDay is the last day applications are taken.
func (c Campaign) LastApplyDay() time.Time {
	if c.ApplyUntil.IsZero() {
		return c.EndsOn
	}
	return c.ApplyUntil
}

// Taking reports whether the campaign takes applications on day (a UTC
// midnight): it is open and day lies in its period up to the deadline.
func (c Campaign) Taking(day time.Time) bool {
	return c.Status == Open && !day.Before(c.StartsOn) && !day.After(c.LastApplyDay())
}

// Hotlines are the campaign's hotline numbers, in order.
func (c Campaign) Hotlines() []Contact { return c.contacts(Hotline) }

// Receptions are the campaign's public receptions, in order.
func (c Campaign) Receptions() []Contact { return c.contacts(Reception) }

func (c Campaign) contacts(k ContactKind) []Contact {
	var out []Contact
	for _, x := range c.Contacts {
		if x.Kind == k {
			out = append(out, x)
		}
	}
	return out
}

// names are a catalogue entry's names in the five languages.
type names [5]string

var nameOrder = [5]string{"en", "kk", "ru", "fr", "fa"}

func (n names) get(locale string) string {
	for i, l := range nameOrder {
		if l == locale && n[i] != "" {
			return n[i]
		}
	}
	return n[0]
}

// knownLocale reports whether l is one of Jol's languages, as its code.
func knownLocale(l string) bool { return i18n.Locale(l).Valid() }

// Dial is the contact's phone as a tel: link dials it: its digits, with
// the leading + of an international number.
func (c Contact) Dial() string {
	var b []byte
	for i, r := range c.Phone {
		if (r >= '0' && r <= '9') || (r == '+' && i == 0) {
			b = append(b, byte(r))
		}
	}
	return string(b)
}
