package distribution_test

import (
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// A device handed over and brought back: it returns to the point's
// stock, is held again for the same line, the delivered request goes
// back to allocated with the line on the list again, and it can be
// handed over anew; a second return of the same handover is refused,
// and operators, who hand over, do not take stock back.
func TestReturnHoldsTheLineAgain(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.computer())
		h, err := f.handOver(id, distribution.LineInput{Line: 1, Serials: []string{"PC-3"}})
		must(t, err)
		in := distribution.ReturnInput{HandoverID: h.ID, Line: 1, Note: "Screen cracked in the box", Via: "web"}
		if _, err := f.d.Return(f.ctx, f.op, in); key(err) != "error.forbidden" {
			t.Fatalf("an operator took stock back: %v", err)
		}
		if _, err := f.d.Return(f.ctx, w.Stranger.Principal(), in); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("a stranger took stock back: %v", err)
		}
		ret, err := f.d.Return(f.ctx, f.wh, in)
		must(t, err)
		if !ret.Undelivered || ret.DocID == 0 || f.status(t, id) != requests.Allocated {
			t.Fatalf("return %+v, request %s", ret, f.status(t, id))
		}
		if _, err := f.d.Return(f.ctx, f.wh, in); key(err) != "error.handover_returned" {
			t.Fatalf("a second return: %v", err)
		}
		units, err := w.Services.Stock.Units(f.ctx, f.admin, f.point.ID, stock.UnitInStock)
		must(t, err)
		if len(units) != 3 {
			t.Fatalf("%d computers in stock after the return, want 3", len(units))
		}
		holds, err := w.Services.Stock.Holds(f.ctx, f.DB.R, id)
		must(t, err)
		if len(holds) != 1 || holds[0].WarehouseID != f.point.ID {
			t.Fatalf("holds after the return %+v", holds)
		}
		fam, err := f.d.Family(f.ctx, f.wh, f.event.ID, id, "", "web")
		must(t, err)
		if fam.Handed != 0 || !fam.Lines[0].OnList || fam.Lines[0].HeldAt != f.point.ID {
			t.Fatalf("after the return %+v", fam)
		}
		h, err = f.handOver(id, distribution.LineInput{Line: 1, Serials: []string{"PC-1"}})
		must(t, err)
		recs, pr, err := f.d.Handovers(f.ctx, f.coord, id)
		must(t, err)
		if !h.Delivered || len(recs) != 2 || recs[0].ReturnedAt.IsZero() || !recs[1].ReturnedAt.IsZero() || pr.Handed != 1 {
			t.Fatalf("records %+v", recs)
		}
		if _, _, err := f.d.Handovers(f.ctx, w.Principal(access.Warehouse), id); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("the warehouse keeper read a request's handovers: %v", err)
		}
		f.verify(t)
	})
}

// A photo of the signed paper list: refused when it is not one, then
// the proof of the handovers that name it; opening it is logged.
func TestListPhotoProof(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.kit())
		if _, err := f.d.AttachPhoto(f.ctx, f.wh, f.event.ID, "list.txt", []byte("just text")); key(err) != "error.document_type" {
			t.Fatalf("a text as a photo: %v", err)
		}
		big := make([]byte, distribution.MaxPhoto+1)
		copy(big, signature())
		if _, err := f.d.AttachPhoto(f.ctx, f.wh, f.event.ID, "list.png", big); key(err) != "error.document_too_large" {
			t.Fatalf("a photo too large: %v", err)
		}
		ph, err := f.d.AttachPhoto(f.ctx, f.wh, f.event.ID, `C:\phone\list.png`, signature())
		must(t, err)
		if ph.Name != "list.png" || ph.ContentType != "image/png" {
			t.Fatalf("photo %+v", ph)
		}
		h, err := f.d.HandOver(f.ctx, f.wh, distribution.HandoverInput{EventID: f.event.ID, RequestID: id,
			Proof: distribution.ListPhoto, Lines: []distribution.LineInput{{Line: 1}}})
		must(t, err)
		if h.PhotoID != ph.ID || !h.Delivered {
			t.Fatalf("handover by the list's photo %+v", h)
		}
		got, err := f.d.PhotoData(f.ctx, w.Principal(access.Auditor), f.event.ID, ph.ID, "web")
		must(t, err)
		if len(got.Data) != ph.Size {
			t.Fatal("the photo's bytes")
		}
		if n := f.scalar(t, "SELECT count(*) FROM access_log WHERE subject_kind = 'distribution_photo'"); n != 1 {
			t.Fatalf("%d photo openings logged", n)
		}
		if _, err := f.d.Signature(f.ctx, f.coord, h.ID, "web"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("a signature of a handover by photo: %v", err)
		}
	})
}

// An operator hands over at a point of their school, and reads the
// guardian's signature from the request, which is logged.
func TestOperatorHandsOverAtTheirPoint(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		point, err := w.Services.Stock.CreateWarehouse(f.ctx, f.admin, stock.WarehouseInput{Code: "SCH-1",
			Name: "School №1 point", Kind: stock.DistributionPoint, OrgID: w.School.ID, Active: true})
		must(t, err)
		d, err := w.Services.Stock.Dispatch(f.ctx, f.admin, stock.TransferInput{FromID: f.point.ID, ToID: point.ID,
			Lines: []stock.Line{{ItemID: f.campaign.Kit, Quantity: 5}}})
		must(t, err)
		f.point = point
		_, err = w.Services.Stock.ReceiveTransfer(f.ctx, f.admin, stock.ArrivalInput{DocID: d.ID})
		must(t, err)
		e, err := f.d.CreateEvent(f.ctx, f.op, distribution.EventInput{CampaignID: f.campaign.ID, WarehouseID: point.ID,
			Place: "Hall", StartsAt: testworld.Epoch(), WholePoint: true})
		must(t, err)
		e, err = f.d.SetStatus(f.ctx, f.op, e.ID, e.Version, distribution.Open)
		must(t, err)
		f.event = e
		id := f.request(t, "Aigerim", f.kit())
		h, err := f.d.HandOver(f.ctx, f.op, distribution.HandoverInput{EventID: e.ID, RequestID: id,
			Proof: distribution.Signature, Signature: signature(), Lines: []distribution.LineInput{{Line: 1}}})
		must(t, err)
		png, err := f.d.Signature(f.ctx, f.op, h.ID, "web")
		must(t, err)
		if len(png) == 0 || f.scalar(t, "SELECT count(*) FROM access_log WHERE subject_kind = 'handover_signature'") != 1 {
			t.Fatal("the signature was not read, or not logged")
		}
		f.verify(t)
	})
}
