package requests_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestListPagesFiltersAndScopes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		w.exec(t, `INSERT INTO campaign_regions (campaign_id, region_id, region_path)
			SELECT $1, id, path FROM regions WHERE code = 'KZ-75'`, w.campaign)
		var ids []int64
		for i := range 7 {
			org, region := w.k, "KZ-35"
			if i >= 5 {
				org, region = w.a, "KZ-75"
			}
			r, err := w.s.Submit(ctx, admin, w.input(w.child(t, org, region, "Child", string(rune('A'+i))).ID))
			must(t, err)
			ids = append(ids, r.ID)
		}
		_, err := w.s.Transition(ctx, admin, ids[1], requests.Move{To: requests.UnderReview, Version: 1})
		must(t, err)
		var seen []int64
		pg := store.Page{Limit: 3}
		for {
			rs, next, err := w.s.List(ctx, w.coord, requests.Filter{CampaignID: w.campaign}, pg)
			must(t, err)
			for _, r := range rs {
				seen = append(seen, r.ID)
			}
			if next == "" {
				break
			}
			pg = store.ParsePage(next, "3")
		}
		if len(seen) != 7 || seen[0] != ids[6] || seen[6] != ids[0] {
			t.Fatalf("pages gave %v, want %v newest first", seen, ids)
		}
		rs, _, err := w.s.List(ctx, w.opK, requests.Filter{CampaignID: w.campaign}, store.Page{Limit: 50})
		must(t, err)
		if len(rs) != 5 {
			t.Fatalf("school K's operator sees %d requests, want 5", len(rs))
		}
		rs, _, err = w.s.List(ctx, w.coord, requests.Filter{CampaignID: w.campaign, Status: requests.UnderReview}, store.Page{Limit: 50})
		must(t, err)
		if len(rs) != 1 || rs[0].ID != ids[1] {
			t.Fatalf("under review: %+v", rs)
		}
		if _, err := w.s.Get(ctx, w.opK, ids[6], "web"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("operator of school K opened a request of school A: %v", err)
		}
		for _, role := range []access.Role{access.Sponsor, access.Volunteer, access.Warehouse, access.Mentor} {
			p := access.Principal{UserID: 9, Role: role}
			if _, _, err := w.s.List(ctx, p, requests.Filter{CampaignID: w.campaign}, store.Page{}); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s listed requests: %v", role, err)
			}
			if _, err := w.s.Get(ctx, p, ids[0], "web"); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s opened a request: %v", role, err)
			}
		}
		var logged int
		must(t, db.R.QueryRowContext(context.Background(), "SELECT count(*) FROM access_log WHERE subject_kind = 'request'").Scan(&logged))
		if logged != 0 {
			t.Fatalf("refused reads wrote %d access-log entries", logged)
		}
	})
}

type failing struct{ n int }

func (f *failing) Channel() requests.OutboxChannel { return requests.StatusPage }
func (f *failing) Send(context.Context, requests.Message) error {
	f.n++
	return errors.New("unreachable")
}

func TestDispatchMarksSentOrRetries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		r, err := w.s.Submit(ctx, w.opK, w.input(w.child(t, w.k, "KZ-35", "Sadykov", "Arman").ID))
		must(t, err)
		f := &failing{}
		for range 5 {
			n, err := w.s.Dispatch(ctx, f, 10)
			must(t, err)
			if n != 0 {
				t.Fatal("failing sender sent")
			}
		}
		ms, err := w.s.Messages(ctx, r.ID)
		must(t, err)
		if f.n != 5 || ms[0].State != "failed" || ms[0].Attempts != 5 || ms[0].LastError != "unreachable" {
			t.Fatalf("after 5 failures: %d sends, %+v", f.n, ms[0])
		}
		_, err = w.s.Transition(ctx, w.opK, r.ID, requests.Move{To: requests.UnderReview, Version: 1})
		must(t, err)
		n, err := w.s.Dispatch(ctx, requests.StatusPageSender{}, 10)
		must(t, err)
		ms, err = w.s.Messages(ctx, r.ID)
		must(t, err)
		if n != 1 || ms[1].State != "sent" || ms[1].Key != "requestnotice.under_review" {
			t.Fatalf("sent %d, %+v", n, ms)
		}
	})
}
