package demo

import (
	"context"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestTheHotlineWeekIsSeededOnce(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 9, 3, 12, 0, 0, 0, time.UTC) // Thursday
	svc, err := services.New(ctx, storetest.SQLite(t), services.Options{Now: func() time.Time { return now },
		Hasher: accounts.NewHasher(accounts.Params{Memory: 64, Time: 1, Threads: 1}, 2)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Seed(ctx, svc, Options{Now: func() time.Time { return now }, NoRegistry: true}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := seedAppeals(ctx, svc, now); err != nil {
			t.Fatal(err)
		}
	}
	st, err := svc.Appeals.Stats(ctx, access.System, now.AddDate(0, 0, -10), now)
	if err != nil {
		t.Fatal(err)
	}
	if st.Total.Received != len(hotlineWeek) || st.Total.Overdue == 0 || st.Total.Answered == 0 || st.Total.OnTime == 0 ||
		len(st.ByRegion) != 1 || st.ByRegion[0].Key != "KZ-35" {
		t.Fatalf("after seeding twice: %+v", st.Total)
	}
	u, err := svc.Accounts.LookupEmail(ctx, Email("hotline"))
	if err != nil {
		t.Fatal(err)
	}
	list, _, err := svc.Appeals.Queue(ctx, u.Principal(), appeals.Filter{}, appeals.Page{})
	today, _ := svc.Appeals.Today(ctx)
	if err != nil || len(list) == 0 || !list[0].Overdue(today) {
		t.Fatalf("the hotline's queue does not start overdue: %v", err)
	}
}
