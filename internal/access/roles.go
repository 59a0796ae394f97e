// Package access is the one place that decides whether a user may do an
// action on a record. A decision depends on three things: the user's role,
// the organisation subtree they belong to and the region subtree they work
// in. Every surface (web, API, CLI, bot) asks Can before acting.
package access

// Role is what a user does in a programme.
type Role string

// The roles of Jol, see docs/user-guide.md for what each one does.
const (
	Admin       Role = "admin"
	Coordinator Role = "coordinator"
	Operator    Role = "operator" // hotline, reception, centre intake
	SchoolStaff Role = "school_staff"
	Warehouse   Role = "warehouse"
	Outreach    Role = "outreach"
	Volunteer   Role = "volunteer"
	Mentor      Role = "mentor"
	Sponsor     Role = "sponsor"
	Auditor     Role = "auditor"
	// Charity is the staff of a charity of the benefactors' association:
	// they see only the referrals sent to their charity.
	Charity Role = "charity"
)

// Roles lists every role in a stable order.
func Roles() []Role {
	return []Role{Admin, Coordinator, Operator, SchoolStaff, Warehouse, Outreach, Volunteer, Mentor, Sponsor, Auditor, Charity}
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, k := range Roles() {
		if k == r {
			return true
		}
	}
	return false
}

// Principal is the user on whose behalf something is done, with their scope.
// An empty OrgPath or RegionPath means "everywhere" on that axis.
type Principal struct {
	UserID     int64
	Name       string
	Role       Role
	OrgID      int64
	OrgPath    string // "/1/7/" — the user's organisation and its descendants
	RegionPath string // "/KZ-75/" — the user's region subtree
}

// System is the principal for work the installation does by itself
// (migrations, demo data, background jobs started by the CLI).
var System = Principal{Name: "system", Role: Admin}

// Target is the scope of a record an action touches. A zero Target is
// "no particular record" (a list page, a form to create).
type Target struct {
	OrgPath    string
	RegionPath string
}

// Scope is the principal's own scope as a target: "anything p may reach".
// List pages check an action against it, then filter rows by the same paths.
func (p Principal) Scope() Target {
	return Target{OrgPath: p.OrgPath, RegionPath: p.RegionPath}
}
