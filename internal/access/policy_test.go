package access

import "testing"

func TestScopeSubtrees(t *testing.T) {
	coord := Principal{Role: Coordinator, OrgPath: "/1/4/", RegionPath: "/KZ-75/"}
	tests := []struct {
		name string
		t    Target
		want bool
	}{
		{"own org, own region", Target{OrgPath: "/1/4/", RegionPath: "/KZ-75/"}, true},
		{"child org, district", Target{OrgPath: "/1/4/9/", RegionPath: "/KZ-75/KZ-75-01/"}, true},
		{"parent org", Target{OrgPath: "/1/", RegionPath: "/KZ-75/"}, false},
		{"sibling org with common prefix digits", Target{OrgPath: "/1/41/", RegionPath: "/KZ-75/"}, false},
		{"other region", Target{OrgPath: "/1/4/", RegionPath: "/KZ-71/"}, false},
		{"unbound record", Target{}, false},
	}
	for _, tc := range tests {
		if got := Can(coord, ManageOrgs, tc.t) == nil; got != tc.want {
			t.Errorf("%s: Can = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestUnscopedAdminReachesEverything(t *testing.T) {
	admin := Principal{Role: Admin}
	if err := Can(admin, ManageUsers, Target{OrgPath: "/3/", RegionPath: "/IR-23/"}); err != nil {
		t.Fatalf("installation admin denied: %v", err)
	}
}

func TestSponsorNeverSeesAChild(t *testing.T) {
	for _, p := range []Principal{{Role: Sponsor}, {Role: Volunteer}, {Role: Mentor}, {Role: Warehouse}} {
		if Can(p, ViewChild, Target{OrgPath: "/1/", RegionPath: "/KZ-75/"}) == nil {
			t.Errorf("%s may view a child", p.Role)
		}
	}
}

func TestUnknownActionDenied(t *testing.T) {
	if Can(Principal{Role: Admin}, Action("launch.rocket"), Target{}) == nil {
		t.Fatal("unknown action allowed")
	}
}

// RolesFor names exactly the roles Can lets do an action within their own
// scope, and none for an action it does not know.
func TestRolesForAgreesWithCan(t *testing.T) {
	for _, a := range Actions() {
		got := RolesFor(a)
		var want []Role
		for _, r := range Roles() {
			if Allowed(Principal{Role: r}, a) {
				want = append(want, r)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("RolesFor(%s) = %v, want %v", a, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("RolesFor(%s) = %v, want %v", a, got, want)
			}
		}
	}
	if got := RolesFor(DecideRequests); len(got) != 3 || got[0] != Admin || got[1] != Coordinator || got[2] != Operator {
		t.Errorf("who decides requests: %v", got)
	}
	if got := RolesFor("no.such"); got != nil {
		t.Errorf("an unknown action: %v", got)
	}
}
