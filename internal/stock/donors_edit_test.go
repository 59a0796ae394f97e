package stock_test

import (
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// A donor is edited in place: its gifts stay its own, the change log
// has the edit, and only a mover of stock whose subtree holds the
// donor's recording organisation may edit it; bad input changes nothing.
func TestEditDonor(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		_, err := f.s.Receive(f.ctx, f.admin, stock.ReceiptInput{WarehouseID: f.central.ID, Kind: stock.Donation,
			DonorID: f.donor.ID, Lines: []stock.Line{{ItemID: f.backpack, Quantity: 7}}})
		must(t, err)
		coord := f.Principal(access.Coordinator)
		in := stock.DonorInput{Name: "  Steel   Company JSC ", Kind: stock.DonorOrganisation, Contact: "+7 701 000 00 01",
			DonorOrgID: f.School.ID}
		d, err := f.s.EditDonor(f.ctx, coord, f.donor.ID, in)
		must(t, err)
		if d.ID != f.donor.ID || d.Name != "Steel Company JSC" || d.Kind != stock.DonorOrganisation ||
			d.Contact != "+7 701 000 00 01" || d.DonorOrgID != f.School.ID || d.OrgID != f.Foundation.ID {
			t.Fatalf("edited %+v", d)
		}
		if got, err := f.s.Donor(f.ctx, f.op, f.donor.ID); err != nil || got.Name != d.Name || got.DonorOrgID != f.School.ID {
			t.Fatalf("read back %+v, %v", got, err)
		}
		tr, err := f.s.Trace(f.ctx, f.admin, f.donor.ID)
		must(t, err)
		if tr.Donor.Name != d.Name || tr.InStock[f.backpack] != 7 {
			t.Fatalf("the gifts after the edit: %+v", tr)
		}
		if n := f.scalar(t, `SELECT count(*) FROM audit_log WHERE entity = 'donor' AND entity_id = $1 AND action = 'update'
			AND before LIKE '%Steel Co%' AND after LIKE '%Steel Company JSC%'`, strconv.FormatInt(f.donor.ID, 10)); n != 1 {
			t.Fatalf("%d change-log entries of the edit", n)
		}

		// Refusals change nothing.
		before := f.scalar(t, "SELECT count(*) FROM audit_log")
		for name, c := range map[string]struct {
			p    access.Principal
			in   stock.DonorInput
			code errs.Code
		}{
			"no name":               {coord, stock.DonorInput{Name: " ", Kind: stock.DonorCompany}, errs.Invalid},
			"no kind":               {coord, stock.DonorInput{Name: "X", Kind: "bank"}, errs.Invalid},
			"unknown registry org":  {coord, stock.DonorInput{Name: "X", Kind: stock.DonorCompany, DonorOrgID: 999999}, errs.Invalid},
			"recorded above keeper": {f.wh, stock.DonorInput{Name: "X", Kind: stock.DonorCompany}, errs.Forbidden},
			"an operator":           {f.op, stock.DonorInput{Name: "X", Kind: stock.DonorCompany}, errs.Forbidden},
			"another organisation":  {w.Stranger.Principal(), stock.DonorInput{Name: "X", Kind: stock.DonorCompany}, errs.NotFound},
		} {
			if _, err := f.s.EditDonor(f.ctx, c.p, f.donor.ID, c.in); errs.CodeOf(err) != c.code {
				t.Errorf("%s: %v, want %s", name, err, c.code)
			}
		}
		if got, _ := f.s.Donor(f.ctx, f.admin, f.donor.ID); got != d || f.scalar(t, "SELECT count(*) FROM audit_log") != before {
			t.Fatalf("a refused edit changed %+v", got)
		}
		// The warehouse keeper edits a donor of their own centre.
		own, err := f.s.CreateDonor(f.ctx, f.wh, stock.DonorInput{Name: "Neighbour", Kind: stock.DonorPerson})
		must(t, err)
		if _, err := f.s.EditDonor(f.ctx, f.wh, own.ID, stock.DonorInput{Name: "Neighbour Aliya", Kind: stock.DonorPerson}); err != nil {
			t.Fatal(err)
		}
	})
}

// A sponsor's donor edited on the stock's page brings the sponsor along:
// its name is the new one, and an edit of the sponsor begun before is
// refused rather than undoing it.
func TestEditSponsorsDonor(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		coord := f.Principal(access.Coordinator)
		sp, err := w.Services.Sponsors.Create(f.ctx, coord, sponsors.Input{Name: "Acme", Kind: stock.DonorCompany,
			OrgID: w.Foundation.ID})
		must(t, err)
		_, err = f.s.EditDonor(f.ctx, coord, sp.ID, stock.DonorInput{Name: "Acme Group", Kind: stock.DonorCompany})
		must(t, err)
		got, err := w.Services.Sponsors.Get(f.ctx, coord, sp.ID)
		must(t, err)
		if got.Name != "Acme Group" || got.Version != sp.Version+1 {
			t.Fatalf("the sponsor after its donor's edit: %+v", got)
		}
		list, _, err := w.Services.Sponsors.List(f.ctx, coord, sponsors.Filter{Query: "group"}, store.Page{})
		if err != nil || len(list) != 1 {
			t.Fatalf("search by the new name: %d, %v", len(list), err)
		}
		_, err = w.Services.Sponsors.Update(f.ctx, coord, sp.ID, sponsors.Input{Name: "Acme", Kind: stock.DonorCompany,
			Version: sp.Version})
		if errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("a stale edit of the sponsor: %v", err)
		}
	})
}
