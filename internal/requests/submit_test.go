package requests_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestSubmitWritesRequestLinesEventAndMessage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		per := w.child(t, w.k, "KZ-35", "Sadykov", "Arman")
		in := w.input(per.ID)
		in.Lines = append(in.Lines, requests.LineInput{ItemID: w.uniform, Size: "128"},
			requests.LineInput{ItemID: w.shoes, Size: "33.5"})
		in.DistanceKm = ptr(7.25)
		r, err := w.s.Submit(ctx, w.opK, in)
		must(t, err)
		if r.Status != requests.Submitted || r.Version != 1 || r.Linked || r.PersonName != "Sadykov Arman" {
			t.Fatalf("submitted = %+v", r)
		}
		if _, err := requests.ParseReference(r.Reference); err != nil {
			t.Fatalf("reference %q does not parse: %v", r.Reference, err)
		}
		got, err := w.s.Get(ctx, w.opK, r.ID, "web")
		must(t, err)
		if got.Reference != r.Reference || len(got.Lines) != 3 || got.Lines[1].Size != "128" || got.Lines[2].ItemCode != "shoes" {
			t.Fatalf("read back = %+v", got)
		}
		if got.DistanceKm == nil || *got.DistanceKm != 7.25 {
			t.Fatalf("distance read back = %v, want 7.25", got.DistanceKm)
		}
		if got.RegionPath != per.RegionPath || got.OrgPath != per.OrgPath || got.Locale != "kk" {
			t.Fatalf("scope or locale = %q %q %q", got.RegionPath, got.OrgPath, got.Locale)
		}
		ev, err := w.s.Events(ctx, w.opK, r.ID)
		must(t, err)
		if len(ev) != 1 || ev[0].To != requests.Submitted || ev[0].ActorName != "Operator K" || ev[0].Via != "web" {
			t.Fatalf("events = %+v", ev)
		}
		ms, err := w.s.Messages(ctx, r.ID)
		must(t, err)
		if len(ms) != 1 || ms[0].Key != "requestnotice.submitted" || ms[0].Locale != "kk" || ms[0].State != "pending" ||
			ms[0].Args["Reference"] != r.Reference {
			t.Fatalf("messages = %+v", ms)
		}
	})
}

func TestSubmitRefusesWithTheReason(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		per := w.child(t, w.k, "KZ-35", "Sadykov", "Arman")
		almaty := w.child(t, w.a, "KZ-75", "Omarov", "Timur")
		closed := w.mkCampaign(t, "closed", "closed", "KZ-35")
		cases := []struct {
			name string
			edit func(*requests.Input)
			want string
		}{
			{"outside the regions", func(in *requests.Input) { in.PersonID = almaty.ID }, "invalid error.request_outside_region"},
			{"campaign closed", func(in *requests.Input) { in.CampaignID = closed }, "conflict error.campaign_not_open"},
			{"item not offered", func(in *requests.Input) { in.Lines[0].ItemID = w.laptop },
				"invalid error.invalid; lines.0.item error.item_not_offered"},
			{"size missing", func(in *requests.Input) { in.Lines[0] = requests.LineInput{ItemID: w.uniform} },
				"invalid error.invalid; lines.0.size error.size_required"},
			{"shoe size off", func(in *requests.Input) { in.Lines[0] = requests.LineInput{ItemID: w.shoes, Size: "33.3"} },
				"invalid error.invalid; lines.0.size error.size_invalid"},
			{"size on a kit", func(in *requests.Input) { in.Lines[0].Size = "M" },
				"invalid error.invalid; lines.0.size error.size_not_applicable"},
			{"no lines", func(in *requests.Input) { in.Lines = nil }, "invalid error.invalid; lines error.required"},
			{"bad channel", func(in *requests.Input) { in.Channel = "fax" }, "invalid error.invalid; channel error.invalid_choice"},
			{"unknown person", func(in *requests.Input) { in.PersonID = 999999 }, "not_found error.not_found"},
			{"distance too far", func(in *requests.Input) { in.DistanceKm = ptr(301.0) },
				"invalid error.invalid; distance_km error.distance_range"},
			{"distance negative", func(in *requests.Input) { in.DistanceKm = ptr(-1.0) },
				"invalid error.invalid; distance_km error.distance_range"},
		}
		for _, c := range cases {
			in := w.input(per.ID)
			c.edit(&in)
			op := w.opK
			if in.PersonID == almaty.ID {
				op = w.coord
			}
			_, err := w.s.Submit(ctx, op, in)
			if got := keyOf(err); got != c.want {
				t.Errorf("%s: %s, want %s", c.name, got, c.want)
			}
		}
		if _, err := w.s.Submit(ctx, w.opA, w.input(per.ID)); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("operator of another school submitted: %v", err)
		}
		page, _, err := w.s.List(ctx, admin, requests.Filter{CampaignID: w.campaign}, store.Page{Limit: 10})
		must(t, err)
		if len(page) != 0 {
			t.Fatalf("refused submissions left %d requests", len(page))
		}
	})
}

// The same child applying twice, even at once, gets one request.
func TestSubmitTwiceLinksToTheFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		per := w.child(t, w.k, "KZ-35", "Sadykov", "Arman")
		var wg sync.WaitGroup
		got := make([]requests.Request, 20)
		fails := make([]error, 20)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i], fails[i] = w.s.Submit(ctx, w.opK, w.input(per.ID))
			}()
		}
		wg.Wait()
		linked := 0
		for i, r := range got {
			must(t, fails[i])
			if r.ID != got[0].ID || r.Reference != got[0].Reference {
				t.Fatalf("submission %d made request %d, another made %d", i, r.ID, got[0].ID)
			}
			if r.Linked {
				linked++
			}
		}
		if linked != len(got)-1 {
			t.Fatalf("%d of %d linked, want all but one", linked, len(got))
		}
		var n int
		must(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM request_events").Scan(&n))
		if n != 1 {
			t.Fatalf("%d events, want 1", n)
		}
	})
}

func TestSubmitRefusesMergedRecord(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		keep := w.child(t, w.k, "KZ-35", "Sadykov", "Arman")
		drop := w.child(t, w.k, "KZ-35", "Sadykov", "Arman")
		_, err := w.reg.Merge(ctx, admin, keep.ID, drop.ID)
		must(t, err)
		_, err = w.s.Submit(ctx, w.opK, w.input(drop.ID))
		if e := errs.As(err); e == nil || e.Key != "error.merged" {
			t.Fatalf("submit for merged record: %v", err)
		}
		if errors.Is(err, errs.ErrNotFound) {
			t.Fatal("merged is not not-found")
		}
	})
}

func ptr[T any](v T) *T { return &v }
