package eligibility

import "time"

// Held is a category an applicant is in, with the expiry of its evidence
// (zero: the evidence does not expire).
type Held struct {
	Code    string    `json:"code"`
	Expires time.Time `json:"expires,omitzero"`
}

// ValidOn reports whether the evidence is still valid on day: it is valid
// through its expiry date.
func (h Held) ValidOn(day time.Time) bool {
	return h.Expires.IsZero() || !dayOf(h.Expires).Before(day)
}

// Facts are what the caller knows about an applicant and their household.
// A zero value means "not recorded" where the field says so; a rule that
// needs an unrecorded fact is unknown, neither passed nor failed.
type Facts struct {
	BirthDate   time.Time // zero: not recorded
	Grade       int       // 1–12; 0: not at school or not recorded
	Categories  []Held
	RegionPath  string // "/KZ/KZ-35/KZ-35-01/"; "": not recorded
	Institution int64  // the school or centre attended; 0: none recorded
	Income      string // household income category; "": not recorded
	Children    int    // children of the household
	Disability  bool
	// SingleGuardian: the child is raised by one parent or guardian.
	SingleGuardian bool
	DistanceKm     float64 // from home to school
	DistanceKnown  bool
	// Received are the catalogue items the applicant received in the
	// decision date's year, in any campaign.
	Received    []int64
	RequestDate time.Time
}

// AgeOn returns the years completed on day, and false when the birth
// date is not recorded or lies after day. A birthday on 29 February is
// reached on 1 March in other years.
func (f Facts) AgeOn(day time.Time) (int, bool) {
	if f.BirthDate.IsZero() {
		return 0, false
	}
	b, d := dayOf(f.BirthDate), dayOf(day)
	if b.After(d) {
		return 0, false
	}
	age := d.Year() - b.Year()
	if d.Month() < b.Month() || (d.Month() == b.Month() && d.Day() < b.Day()) {
		age--
	}
	return age, true
}

// dayOf is the UTC calendar day of t.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
