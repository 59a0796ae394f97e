package outreach

import "github.com/jolproject/jol/internal/charities"

// Category is the UNICEF/UIS Out-of-School Children Initiative's split of
// out-of-school children by their past.
type Category string

// The categories.
const (
	NeverEnrolled Category = "never_enrolled"
	DroppedOut    Category = "dropped_out"
)

// Categories lists the categories.
func Categories() []Category { return []Category{NeverEnrolled, DroppedOut} }

// Visibility is how the child shows in the lists the run matched: in both
// but not attending, in some only, or in none an education service keeps.
type Visibility string

// The visibilities.
const (
	Visible       Visibility = "visible"        // in both lists, not attending
	SemiInvisible Visibility = "semi_invisible" // in the population list, in no school's
	Invisible     Visibility = "invisible"      // known only from outside the education lists
)

// Visibilities lists the visibilities.
func Visibilities() []Visibility { return []Visibility{Visible, SemiInvisible, Invisible} }

// Step is where a case stands.
type Step string

// The steps, in order.
const (
	Identified Step = "identified"
	Contacted  Step = "contacted"
	Support    Step = "support"
	Enrolled   Step = "enrolled"
	Closed     Step = "closed"
)

// Steps lists the steps in order.
func Steps() []Step { return []Step{Identified, Contacted, Support, Enrolled, Closed} }

// Mode is how a family was contacted.
type Mode string

// The modes of contact.
const (
	Visit Mode = "visit"
	Call  Mode = "call"
)

// Modes lists the modes.
func Modes() []Mode { return []Mode{Visit, Call} }

// Reason is why the family says the child is not at school.
type Reason string

// The reasons, from the fixed list forms offer.
const (
	Poverty    Reason = "poverty"
	Work       Reason = "work"
	Health     Reason = "health"
	Disability Reason = "disability"
	Distance   Reason = "distance"
	Family     Reason = "family"
	Documents  Reason = "documents"
	Language   Reason = "language"
	Other      Reason = "other"
)

// Reasons lists the reasons.
func Reasons() []Reason {
	return []Reason{Poverty, Work, Health, Disability, Distance, Family, Documents, Language, Other}
}

// Need is a kind of support a child needs to return to school.
type Need string

// The needs.
const (
	NeedHealth       Need = "health" // health care or treatment
	NeedInsurance    Need = "insurance"
	NeedSkills       Need = "skills" // skills training
	NeedDevice       Need = "device" // a tablet or a computer
	NeedSummerCourse Need = "summer_courses"
	NeedTeacher      Need = "volunteer_teacher"
)

// Needs lists the needs.
func Needs() []Need {
	return []Need{NeedHealth, NeedInsurance, NeedSkills, NeedDevice, NeedSummerCourse, NeedTeacher}
}

// NeedDomains are the charity domains that cover each need: a need is
// referred only to a charity covering one of them.
func NeedDomains(n Need) []charities.Domain {
	switch n {
	case NeedHealth:
		return []charities.Domain{charities.Health, charities.SpecialIllness}
	case NeedInsurance:
		return []charities.Domain{charities.Insurance, charities.Health}
	case NeedSkills:
		return []charities.Domain{charities.Skills}
	case NeedDevice:
		return []charities.Domain{charities.Devices}
	case NeedSummerCourse, NeedTeacher:
		return []charities.Domain{charities.Skills, charities.OtherDomain}
	}
	return nil
}

// Outcome is how a case ended.
type Outcome string

// The outcomes.
const (
	Retained  Outcome = "retained"   // attending six months after enrolment
	MovedAway Outcome = "moved_away" // the family left the district
	NotFound  Outcome = "not_found"  // nobody could find the child
	// Merged closes a case whose child's record was merged with another
	// record that had an open case further on (see CaseMoves).
	Merged Outcome = "merged"
)

// Outcomes lists the outcomes; Retained is reached by the six-month check.
func Outcomes() []Outcome { return []Outcome{Retained, MovedAway, NotFound} }

// CheckMonths are the months after enrolment at which attendance is
// checked.
func CheckMonths() []int { return []int{1, 3, 6} }

// SharedField is a detail of the child a family may consent to share with
// the charities the case is referred to. Without consent a charity sees
// only the need, the district and the referral's number.
type SharedField string

// The details a family may share.
const (
	ShareName      SharedField = "name"
	ShareBirthDate SharedField = "birth_date"
	ShareAddress   SharedField = "address"
	SharePhone     SharedField = "phone"
	ShareReason    SharedField = "reason"
	ShareNeedNote  SharedField = "need_note"
)

// SharedFields lists the details a family may share.
func SharedFields() []SharedField {
	return []SharedField{ShareName, ShareBirthDate, ShareAddress, SharePhone, ShareReason, ShareNeedNote}
}

// ReferralStatus is where a referral stands.
type ReferralStatus string

// The statuses of a referral.
const (
	Sent      ReferralStatus = "sent"
	Accepted  ReferralStatus = "accepted"
	Declined  ReferralStatus = "declined"
	Completed ReferralStatus = "completed" // the case closed after it was accepted
	Withdrawn ReferralStatus = "withdrawn" // the case closed before it was answered
)

// DeclineReason is why a charity declines a referral.
type DeclineReason string

// The reasons a charity gives.
const (
	NoCapacity     DeclineReason = "no_capacity"
	NotEligible    DeclineReason = "not_eligible"
	OutsideMandate DeclineReason = "outside_mandate"
	AlreadyHelped  DeclineReason = "already_helped"
	OtherDecline   DeclineReason = "other"
)

// DeclineReasons lists the reasons a charity gives.
func DeclineReasons() []DeclineReason {
	return []DeclineReason{NoCapacity, NotEligible, OutsideMandate, AlreadyHelped, OtherDecline}
}
