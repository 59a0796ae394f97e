package distribution_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/testworld"
)

// A request of three lines handed over in two goes: two lines with a
// signature leave it allocated ("2 of 3"), the third delivers it; every
// line has its stock document, and the ledger agrees with the counters.
func TestHandoverPartialThenDelivered(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.kit(), f.uniform(), f.computer())
		h, err := f.handOver(id, distribution.LineInput{Line: 2}, distribution.LineInput{Line: 1})
		must(t, err)
		if h.Handed != 2 || h.Total != 3 || h.Delivered || len(h.Lines) != 2 || h.Lines[0].Line != 1 || h.Lines[0].DocID == 0 {
			t.Fatalf("first handover %+v", h)
		}
		if st := f.status(t, id); st != requests.Allocated {
			t.Fatalf("after two of three lines the request is %s", st)
		}
		h, err = f.handOver(id, distribution.LineInput{Line: 3, Serials: []string{"pc-2"}})
		must(t, err)
		if !h.Delivered || h.Handed != 3 || len(h.Lines[0].Serials) != 1 || h.Lines[0].Serials[0] != "PC-2" {
			t.Fatalf("second handover %+v", h)
		}
		if st := f.status(t, id); st != requests.Delivered {
			t.Fatalf("after the last line the request is %s", st)
		}
		recs, pr, err := f.d.Handovers(f.ctx, f.coord, id)
		must(t, err)
		if len(recs) != 3 || pr.Handed != 3 || pr.Lines != 3 || recs[2].Serials[0] != "PC-2" || !recs[0].HasSignature ||
			recs[0].Proof != distribution.Signature || recs[0].Place != "School №1, gym" {
			t.Fatalf("records %+v, progress %+v", recs, pr)
		}
		// A device's page names the proof of the handover that issued it;
		// an issue at a counter had none.
		proof, err := f.d.HandoverProof(f.ctx, h.Lines[0].DocID)
		must(t, err)
		if none, err := f.d.HandoverProof(f.ctx, h.Lines[0].DocID+1000); proof != distribution.Signature || none != "" || err != nil {
			t.Fatalf("the proof of the computer's issue %q, of no handover's %q (%v)", proof, none, err)
		}
		// Each handover line names a stock issue of its line, whose moves
		// took exactly the line out.
		if n := f.scalar(t, `SELECT count(*) FROM handover_lines hl JOIN stock_docs d ON d.id = hl.doc_id
			WHERE d.kind = 'issue_person' AND d.request_id = hl.request_id AND d.request_line = hl.line
			AND (SELECT -SUM(quantity) FROM stock_moves m WHERE m.doc_id = d.id) = hl.quantity`); n != 3 {
			t.Fatalf("%d handover lines match their stock documents, want 3", n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE action = 'hand_over' AND entity = 'handover'"); n != 2 {
			t.Fatalf("%d handovers audited, want 2", n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM outbox WHERE request_id = $1 AND message_key = 'requestnotice.delivered'", id); n != 1 {
			t.Fatalf("%d delivery messages to the family, want 1", n)
		}
		f.verify(t)
	})
}

// Refusals change nothing: an event not open, a line not on the list, a
// line handed over already, a device without its serial or with one
// handed over already, a signature that is not one, a request not
// allocated.
func TestHandoverRefusalsChangeNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.request(t, "Aigerim", f.computer())
		b := f.request(t, "Bolat", f.computer(), f.kit())
		_, err := f.handOver(a, distribution.LineInput{Line: 1, Serials: []string{"PC-1"}})
		must(t, err)
		sig := func(p []byte) distribution.HandoverInput {
			return distribution.HandoverInput{EventID: f.event.ID, RequestID: b, Proof: distribution.Signature,
				Signature: p, Lines: []distribution.LineInput{{Line: 2}}}
		}
		planned, err := f.d.CreateEvent(f.ctx, f.coord, distribution.EventInput{CampaignID: f.campaign.ID,
			WarehouseID: f.point.ID, Place: "Later", StartsAt: testworld.Epoch(), WholePoint: true})
		must(t, err)
		before := f.state(t)
		for _, tc := range []struct {
			name, want string
			in         distribution.HandoverInput
		}{
			{"serial handed over already", "error.stock_serial_issued", distribution.HandoverInput{EventID: f.event.ID,
				RequestID: b, Proof: distribution.Signature, Signature: signature(),
				Lines: []distribution.LineInput{{Line: 1, Serials: []string{"PC-1"}}}}},
			{"device without serial", "error.stock_serials_required", distribution.HandoverInput{EventID: f.event.ID,
				RequestID: b, Proof: distribution.Signature, Signature: signature(),
				Lines: []distribution.LineInput{{Line: 1}}}},
			{"serial unknown", "error.stock_serial_unknown", distribution.HandoverInput{EventID: f.event.ID,
				RequestID: b, Proof: distribution.Signature, Signature: signature(),
				Lines: []distribution.LineInput{{Line: 1, Serials: []string{"NOPE"}}}}},
			{"line handed over", "error.handover_done", distribution.HandoverInput{EventID: f.event.ID, RequestID: a,
				Proof: distribution.Signature, Signature: signature(), Lines: []distribution.LineInput{{Line: 1}}}},
			{"line not on the request", "error.handover_line_not_here", distribution.HandoverInput{EventID: f.event.ID,
				RequestID: b, Proof: distribution.Signature, Signature: signature(), Lines: []distribution.LineInput{{Line: 9}}}},
			{"line numbered 0", "error.handover_line_not_here", distribution.HandoverInput{EventID: f.event.ID,
				RequestID: b, Proof: distribution.Signature, Signature: signature(), Lines: []distribution.LineInput{{Line: 0}}}},
			{"line given twice", "error.handover_line_twice", distribution.HandoverInput{EventID: f.event.ID,
				RequestID: b, Proof: distribution.Signature, Signature: signature(),
				Lines: []distribution.LineInput{{Line: 2}, {Line: 2}}}},
			{"event not open", "error.event_not_open", distribution.HandoverInput{EventID: planned.ID, RequestID: b,
				Proof: distribution.Signature, Signature: signature(), Lines: []distribution.LineInput{{Line: 2}}}},
			{"no signature", "error.signature_missing", sig(nil)},
			{"not a PNG", "error.signature_not_png", sig([]byte("GIF89a not a png at all"))},
			{"no proof", "error.invalid_choice_of", distribution.HandoverInput{EventID: f.event.ID, RequestID: b,
				Lines: []distribution.LineInput{{Line: 2}}}},
			{"no lines", "error.handover_no_lines", distribution.HandoverInput{EventID: f.event.ID, RequestID: b,
				Proof: distribution.Signature, Signature: signature()}},
			{"list photo without a photo", "error.handover_no_photo", distribution.HandoverInput{EventID: f.event.ID,
				RequestID: b, Proof: distribution.ListPhoto, Lines: []distribution.LineInput{{Line: 2}}}},
		} {
			_, err := f.d.HandOver(f.ctx, f.wh, tc.in)
			if key(err) != tc.want {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.want)
			}
			if after := f.state(t); after != before {
				t.Fatalf("%s changed the database:\n%s\n%s", tc.name, before, after)
			}
		}
		// A refusal names the line's field as the form does.
		_, err = f.d.HandOver(f.ctx, f.wh, distribution.HandoverInput{EventID: f.event.ID, RequestID: b,
			Proof: distribution.Signature, Signature: signature(),
			Lines: []distribution.LineInput{{Line: 2}, {Line: 1, Serials: []string{"PC-1"}}}})
		if e := errsOf(err); e == nil || e.Fields[0].Field != "lines.1.serials" {
			t.Fatalf("a serial handed over already: %v", err)
		}
		// Sponsors and the public never hand over; a stranger's event is
		// not there.
		if _, err := f.d.HandOver(f.ctx, w.Principal(access.Sponsor), sig(signature())); key(err) != "error.forbidden" {
			t.Fatalf("a sponsor handed over: %v", err)
		}
		if _, err := f.d.HandOver(f.ctx, w.Stranger.Principal(), sig(signature())); key(err) != "error.not_found" {
			t.Fatalf("a stranger handed over: %v", err)
		}
		f.verify(t)
	})
}
