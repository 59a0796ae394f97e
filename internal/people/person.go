package people

import (
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
)

// Sex is a person's sex as recorded: M, F (as the import reads them) or
// unknown. Its message key is "sex." and the value in lower case.
type Sex string

// The sexes Jol records.
const (
	Male       Sex = "M"
	Female     Sex = "F"
	SexUnknown Sex = "unknown"
)

// Ages the registry's rules turn on, in whole years.
const (
	Adult      = 18 // under it a person is a child
	MinHeadAge = 16 // the youngest head of household (see SetHead)
	AssentAge  = 14 // from it a minor's own assent is part of a consent
)

// Status is what a child or young person is doing now.
type Status string

// The statuses of a person; "" is not recorded.
const (
	Pupil       Status = "pupil"
	Preschool   Status = "preschool"
	OutOfSchool Status = "out_of_school"
	NEET        Status = "neet" // not in education, employment or training
	Student     Status = "student"
	Employed    Status = "employed"
)

// Statuses lists every status in a stable order.
func Statuses() []Status {
	return []Status{Pupil, Preschool, OutOfSchool, NEET, Student, Employed}
}

// Valid reports whether st is a known status.
func (st Status) Valid() bool { return slices.Contains(Statuses(), st) }

// Person is a child, a young person or an adult of their family. Names are
// kept as typed; show them escaped. A person merged into another keeps its
// row with MergedInto set and leaves lists and searches.
type Person struct {
	ID           int64     `json:"id"`
	LastName     string    `json:"last_name"`
	FirstName    string    `json:"first_name"`
	Patronymic   string    `json:"patronymic,omitempty"`
	BirthDate    time.Time `json:"birth_date,omitzero"` // UTC midnight; zero when unknown
	Sex          Sex       `json:"sex"`
	IDKind       string    `json:"id_kind,omitempty"`
	NationalID   string    `json:"national_id,omitempty"`
	Phone        string    `json:"phone,omitempty"`
	RegionCode   string    `json:"region_code"` // the most specific place: region, district or settlement
	RegionPath   string    `json:"region_path"`
	Address      string    `json:"address,omitempty"`
	Languages    []string  `json:"languages,omitempty"`
	OrgID        int64     `json:"org_id,omitempty"` // school or institution; owns the record
	OrgName      string    `json:"org_name,omitempty"`
	OrgPath      string    `json:"org_path,omitempty"`
	Grade        int       `json:"grade,omitempty"` // 1–12, 0 when not at school
	Status       Status    `json:"status,omitempty"`
	Disability   bool      `json:"disability"`
	SpecialNeeds string    `json:"special_needs,omitempty"`
	Notes        string    `json:"notes,omitempty"`
	HasPhoto     bool      `json:"has_photo"` // the photo itself is never part of a Person
	HouseholdID  int64     `json:"household_id,omitempty"`
	MergedInto   int64     `json:"merged_into,omitempty"`
	CreatedBy    int64     `json:"created_by,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`

	// HouseholdElsewhere is set, and HouseholdID cleared, when the person
	// lives in a household the reader may not see (see seenBy).
	HouseholdElsewhere bool `json:"household_elsewhere,omitempty"`

	nameKey, phoneDigits string
}

// Target is the scope of the person's record, for access.Can.
func (p Person) Target() access.Target {
	return access.Target{OrgPath: p.OrgPath, RegionPath: p.RegionPath}
}

// FullName is the name as registers list people: last name, first name,
// patronymic.
func (p Person) FullName() string {
	return strings.Join(strings.Fields(p.LastName+" "+p.FirstName+" "+p.Patronymic), " ")
}

// Age returns the person's age in whole years on day now, and false when
// the date of birth is unknown.
func (p Person) Age(now time.Time) (int, bool) {
	if p.BirthDate.IsZero() {
		return 0, false
	}
	return age(p.BirthDate, now), true
}

// Input is what a user sets on a person. Household membership, categories,
// guardians, consents and the photo have their own calls.
type Input struct {
	LastName, FirstName, Patronymic string
	BirthDate                       time.Time // only the day counts; zero when unknown
	Sex                             Sex       // "" is SexUnknown
	IDKind                          string    // "" to detect it from NationalID
	NationalID                      string    // "" when the person has no ID
	Phone                           string
	RegionCode                      string // required: the most specific place known
	Address                         string
	Languages                       []string // ISO 639 codes: "kk", "ru", "fa", …
	OrgID                           int64    // 0 only for a principal bound to no organisation
	Grade                           int
	Status                          Status
	Disability                      bool
	SpecialNeeds                    string
	Notes                           string
}
