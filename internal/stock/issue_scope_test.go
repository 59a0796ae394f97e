package stock_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// At a warehouse's counter a request is handed over only to the staff
// whose organisation and region hold its child: the Support centre's
// keeper is refused a child of School №1, by reference or by id, with a
// field error and nothing written; the Foundation's coordinator hands it
// over at the same point.
func TestIssueKeepsToTheUsersScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.point, stock.Line{ItemID: f.uniform, Size: "134", Quantity: 3})
		child := f.Person(t, f.Child("Test", "Aruzhan", testworld.Day(2018, 3, 1))) // School №1's
		coord := f.Principal(access.Coordinator)
		r, err := f.Services.Requests.Submit(f.ctx, coord, requests.Input{CampaignID: f.campaign, PersonID: child.ID,
			ApplicantKind: requests.ByParent, ApplicantName: "Parent", Channel: requests.Centre, Locale: "en",
			Lines: []requests.LineInput{{ItemID: f.uniform, Size: "134"}}, Via: "web"})
		must(t, err)
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			r, err = f.Services.Requests.Transition(f.ctx, coord, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"})
			must(t, err)
		}
		before := f.state(t)
		_, err = f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, Reference: r.Reference, Line: 1})
		e := errs.As(err)
		if e == nil || len(e.Fields) != 1 || e.Fields[0].Field != "reference" ||
			e.Fields[0].Key != "error.stock_request_out_of_scope" {
			t.Fatalf("by reference: %v", err)
		}
		_, err = f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r.ID, Line: 1})
		wantKey(t, err, "error.stock_request_out_of_scope")
		if after := f.state(t); after != before {
			t.Fatalf("a refused handover changed the ledger:\n%s\n%s", before, after)
		}
		d, err := f.s.Issue(f.ctx, coord, stock.IssueInput{WarehouseID: f.point.ID, Reference: r.Reference, Line: 1})
		must(t, err)
		if d.RequestID != r.ID || len(d.Moves) != 1 || d.Moves[0].Quantity != -1 {
			t.Fatalf("the coordinator's handover %+v", d)
		}
		if on, _ := f.balance(t, f.point, f.uniform, "134"); on != 2 {
			t.Fatalf("%d uniforms left, want 2", on)
		}
	})
}
