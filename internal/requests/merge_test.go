package requests_test

import (
	"testing"

	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// Merging two records of a child: requests in campaigns only the dropped
// record applied to move to the record kept; where both applied, the
// record kept's takes the status further on; undo restores all.
func TestMergeMovesRequestsAndKeepsTheFurtherOn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		other := w.mkCampaign(t, "other", "open", "KZ-35")
		w.exec(t, "INSERT INTO campaign_items (campaign_id, item_id, target, position) VALUES ($1, $2, 10, 0)", other, w.kit)
		keep := w.child(t, w.k, "KZ-35", "Sadykov", "Arman")
		drop := w.child(t, w.k, "KZ-35", "Sadykov", "Arman")
		rk, err := w.s.Submit(ctx, w.opK, w.input(keep.ID))
		must(t, err)
		rd, err := w.s.Submit(ctx, w.opK, w.input(drop.ID))
		must(t, err)
		in := w.input(drop.ID)
		in.CampaignID = other
		ro, err := w.s.Submit(ctx, w.opK, in)
		must(t, err)
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			rd, err = w.s.Transition(ctx, w.opK, rd.ID, requests.Move{To: to, Version: rd.Version})
			must(t, err)
		}
		m, err := w.reg.Merge(ctx, admin, keep.ID, drop.ID)
		must(t, err)
		get := func(id int64) requests.Request {
			r, err := w.s.Get(ctx, admin, id, "web")
			must(t, err)
			return r
		}
		if r := get(rk.ID); r.PersonID != keep.ID || r.Status != requests.Approved || r.Version != 2 || r.MergedInto != 0 {
			t.Fatalf("the kept record's request: person %d, %s v%d, merged %d", r.PersonID, r.Status, r.Version, r.MergedInto)
		}
		if r := get(rd.ID); r.PersonID != drop.ID || r.MergedInto != keep.ID {
			t.Fatalf("the dropped record's request: person %d, merged into %d", r.PersonID, r.MergedInto)
		}
		if r := get(ro.ID); r.PersonID != keep.ID {
			t.Fatalf("the other campaign's request stayed with person %d", r.PersonID)
		}
		rows, _, err := w.s.List(ctx, admin, requests.Filter{CampaignID: w.campaign}, store.Page{Limit: 10})
		must(t, err)
		if len(rows) != 1 || rows[0].ID != rk.ID {
			t.Fatalf("the campaign lists %d requests, want the kept record's alone", len(rows))
		}
		if _, err := w.s.Transition(ctx, admin, rd.ID, requests.Move{To: requests.Allocated, Version: rd.Version}); keyOf(err) != "conflict error.merged" {
			t.Fatalf("decide the dropped record's request: %s", keyOf(err))
		}
		must(t, w.reg.Unmerge(ctx, admin, m.ID))
		if r := get(rk.ID); r.Status != requests.Submitted || r.Version != 3 {
			t.Fatalf("after undo the kept record's request is %s v%d, want submitted v3", r.Status, r.Version)
		}
		if r := get(ro.ID); r.PersonID != drop.ID {
			t.Fatalf("after undo the other campaign's request is with person %d", r.PersonID)
		}
		if r := get(rd.ID); r.MergedInto != 0 || r.Status != requests.Approved {
			t.Fatalf("after undo the dropped record's request: merged %d, %s", r.MergedInto, r.Status)
		}
	})
}
