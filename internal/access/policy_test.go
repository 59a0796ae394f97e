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
