package accounts_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// Able offers exactly the active users whose role may decide requests
// and whose organisation and region hold the request's: above it or at
// it, never beside it, in another region or in another role; and only to
// someone who may decide it.
func TestAbleListsWhoMayDoItThere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := testworld.New(t, db)
		ctx := t.Context()
		mk := func(name string, role access.Role, org int64, region string) accounts.User {
			return w.User(t, accounts.NewUser{Email: name + "@example.org", Name: name, Role: role, OrgID: org, Region: region})
		}
		mk("Beside", access.Operator, w.Centre.ID, "KZ-75")    // a sibling organisation
		mk("Elsewhere", access.Operator, w.School.ID, "KZ-35") // the school, another region
		mk("Countrywide", access.Operator, w.School.ID, "")    // the school, every region
		gone := mk("Gone", access.Coordinator, w.Foundation.ID, "")
		if _, err := w.Services.Accounts.Update(ctx, access.System, gone.ID, accounts.Changes{Name: gone.Name,
			Role: gone.Role, OrgID: gone.OrgID, Active: false}); err != nil {
			t.Fatal(err)
		}
		request := access.Target{OrgPath: w.School.Path, RegionPath: "/KZ/KZ-75/"}
		got, err := w.Services.Accounts.Able(ctx, w.Users[access.Operator].Principal(), access.DecideRequests, request)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range got {
			names = append(names, c.Name)
		}
		// The admin (everywhere), the Foundation's coordinator and the
		// school's operators; not the school staff (role), the Tehran
		// coordinator, the centre's operator, the one of Karaganda or the
		// inactive coordinator.
		if want := []string{"Admin", "Coordinator", "Countrywide", "Operator"}; !slices.Equal(names, want) {
			t.Fatalf("may decide the request: %v, want %v", names, want)
		}
		if got[1].OrgName != "Foundation" || got[1].Role != access.Coordinator {
			t.Errorf("the coordinator as offered: %+v", got[1])
		}
		// Who may answer an appeal there: outreach too, but not beside.
		got, _ = w.Services.Accounts.Able(ctx, access.System, access.RecordAppeals,
			access.Target{OrgPath: w.Centre.Path, RegionPath: "/KZ/KZ-75/"})
		names = names[:0]
		for _, c := range got {
			names = append(names, c.Name)
		}
		if want := []string{"Admin", "Beside", "Coordinator", "Outreach"}; !slices.Equal(names, want) {
			t.Fatalf("may answer an appeal of the centre: %v, want %v", names, want)
		}
		for _, p := range []access.Principal{w.Users[access.SchoolStaff].Principal(), w.Stranger.Principal()} {
			if _, err := w.Services.Accounts.Able(ctx, p, access.DecideRequests, request); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s learns who may decide: %v", p.Name, err)
			}
		}
	})
}
