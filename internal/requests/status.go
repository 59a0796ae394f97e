package requests

import "slices"

// Status is where a request stands in its lifecycle.
type Status string

// The statuses of a request. A request starts submitted; delivered,
// rejected and withdrawn are final for reviewers (a line taken back at a
// distribution day moves a delivered request back to allocated, see
// Undeliver).
const (
	Submitted   Status = "submitted"
	UnderReview Status = "under_review"
	Verified    Status = "verified" // the documents and the child's details checked
	Approved    Status = "approved"
	Allocated   Status = "allocated" // the items set aside for the child
	Delivered   Status = "delivered"
	Rejected    Status = "rejected"  // with a reason from Reasons and free text
	Withdrawn   Status = "withdrawn" // by the applicant, or on their behalf
	Waitlisted  Status = "waitlisted"
)

// Statuses lists every status in lifecycle order.
func Statuses() []Status {
	return []Status{Submitted, UnderReview, Verified, Approved, Allocated, Delivered, Rejected, Withdrawn, Waitlisted}
}

// Valid reports whether st is a known status.
func (st Status) Valid() bool { return slices.Contains(Statuses(), st) }

// Final reports whether nothing may follow st.
func (st Status) Final() bool { return len(moves[st]) == 0 }

// moves is the lifecycle: the statuses each status may move to. It is the
// table of docs/user-guide.md ("Requests"); change both together.
//
// A request is looked at (under_review), its documents checked
// (verified), decided (approved), given its items from stock (allocated)
// and handed over (delivered). Until it is delivered the applicant may
// withdraw it. It may be rejected at any step before approval; once
// approved it is not rejected but, when stock runs out, waitlisted. A
// waitlisted request comes back for review or is approved when items free
// up, or is allocated straight away when an allocation run finds it
// stock. Approving a rejected request or delivering one not allocated is
// refused: the reviewer goes through the steps.
var moves = map[Status][]Status{
	Submitted:   {UnderReview, Rejected, Withdrawn, Waitlisted},
	UnderReview: {Verified, Rejected, Withdrawn, Waitlisted},
	Verified:    {Approved, Rejected, Withdrawn, Waitlisted},
	Approved:    {Allocated, Withdrawn, Waitlisted},
	Allocated:   {Delivered, Withdrawn},
	Waitlisted:  {UnderReview, Approved, Allocated, Rejected, Withdrawn},
	Delivered:   nil,
	Rejected:    nil,
	Withdrawn:   nil,
}

// Next lists the statuses a request in st may move to, in lifecycle order.
func (st Status) Next() []Status { return slices.Clone(moves[st]) }

// CanMove reports whether a request in from may move to to.
func CanMove(from, to Status) bool { return slices.Contains(moves[from], to) }

// rank orders statuses by how far on a request is, for the merge of two
// records that both have a request in one campaign: the one further on is
// kept. Final refusals rank lowest, below a fresh submission.
var rank = map[Status]int{
	Withdrawn: 0, Rejected: 1, Submitted: 2, Waitlisted: 3, UnderReview: 4,
	Verified: 5, Approved: 6, Allocated: 7, Delivered: 8,
}

// Reason is why a request was rejected.
type Reason string

// The reasons of a rejection; Other needs a note.
const (
	NotEligible   Reason = "not_eligible"
	OutsideRegion Reason = "outside_region"
	Duplicate     Reason = "duplicate"
	Incomplete    Reason = "incomplete"
	NoStock       Reason = "no_stock"
	Unreachable   Reason = "unreachable"
	Other         Reason = "other"
)

// Reasons lists every rejection reason in the order forms offer them.
func Reasons() []Reason {
	return []Reason{NotEligible, OutsideRegion, Duplicate, Incomplete, NoStock, Unreachable, Other}
}

// Channel is how a request reached the programme. It is data: a new
// channel (the Telegram bot) is one more value here and a surface that
// calls Submit with it.
type Channel string

// The channels of a request.
const (
	Centre     Channel = "centre" // walk-in at a support centre
	Hotline    Channel = "hotline"
	Reception  Channel = "reception" // a public reception
	Web        Channel = "web"       // the public application form
	SchoolList Channel = "school_list"
	Telegram   Channel = "telegram"
)

// Channels lists every channel.
func Channels() []Channel { return []Channel{Centre, Hotline, Reception, Web, SchoolList, Telegram} }

// ApplicantKind is who asks on the child's behalf.
type ApplicantKind string

// The kinds of applicant.
const (
	ByParent   ApplicantKind = "parent"
	ByGuardian ApplicantKind = "guardian"
	BySchool   ApplicantKind = "school"
	ByCentre   ApplicantKind = "centre"
	BySelf     ApplicantKind = "self" // the young person
)

// ApplicantKinds lists every kind of applicant.
func ApplicantKinds() []ApplicantKind {
	return []ApplicantKind{ByParent, ByGuardian, BySchool, ByCentre, BySelf}
}
