package distribution_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) {
	if os.Getenv(crashChild) != "" {
		os.Exit(runCrashChild())
	}
	os.Exit(storetest.Main(m))
}

// fix is a world with a distribution point of the Support centre in
// Almaty holding kits, school uniforms and computers for a campaign of
// the Foundation, an open event there whose rule takes every line held
// at the point, and a recording sender for codes.
type fix struct {
	*testworld.World
	d                    *distribution.Service
	ctx                  context.Context
	coord, wh, op, admin access.Principal
	point                stock.Warehouse
	campaign             requeststest.Campaign
	pc                   int64
	event                distribution.Event
	phone                *requests.Recorder
}

func setup(t testing.TB, w *testworld.World) *fix {
	t.Helper()
	f := &fix{World: w, d: w.Services.Distribution, ctx: t.Context(), coord: w.Principal(access.Coordinator),
		wh: w.Principal(access.Warehouse), op: w.Principal(access.Operator), admin: w.Principal(access.Admin),
		phone: requests.NewRecorder(requests.SMS)}
	f.d.SetSender(f.phone)
	f.campaign = requeststest.Open(t, w.DB, testworld.Epoch(), "road", w.Foundation.ID, w.Foundation.Path)
	f.pc = f.scalar(t, "SELECT id FROM aid_items WHERE code = 'computer'")
	f.scalar(t, "INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 10) RETURNING item_id",
		f.campaign.ID, f.pc)
	var err error
	f.point, err = w.Services.Stock.CreateWarehouse(f.ctx, f.admin, stock.WarehouseInput{Code: "ALA-P",
		Name: "Almaty point", Kind: stock.DistributionPoint, OrgID: w.Centre.ID, Active: true})
	must(t, err)
	donor, err := w.Services.Stock.CreateDonor(f.ctx, f.admin, stock.DonorInput{Name: "Steel Co",
		Kind: stock.DonorCompany, OrgID: w.Foundation.ID})
	must(t, err)
	_, err = w.Services.Stock.Receive(f.ctx, f.admin, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: f.campaign.Kit, Quantity: 300},
			{ItemID: f.campaign.Uniform, Size: "128", Quantity: 300},
			{ItemID: f.pc, Serials: []string{"PC-1", "PC-2", "PC-3"}}}})
	must(t, err)
	f.event = f.newEvent(t, distribution.EventInput{WholePoint: true})
	return f
}

// newEvent plans an event at the point with in's rule, from tomorrow
// morning, and opens it.
func (f *fix) newEvent(t testing.TB, in distribution.EventInput) distribution.Event {
	t.Helper()
	in.CampaignID, in.WarehouseID, in.Place = f.campaign.ID, f.point.ID, "School №1, gym"
	in.StartsAt = testworld.Epoch().Add(24 * time.Hour)
	e, err := f.d.CreateEvent(f.ctx, f.coord, in)
	must(t, err)
	e, err = f.d.SetStatus(f.ctx, f.coord, e.ID, e.Version, distribution.Open)
	must(t, err)
	return e
}

// line is a line a request asks for.
type line struct {
	item int64
	size string
}

// request registers a child of School №1 and files an allocated request
// for the lines, each held at the point (as allocation holds it), and
// returns its id.
func (f *fix) request(t testing.TB, name string, lines ...line) int64 {
	t.Helper()
	return f.requestOf(t, f.Person(t, f.Child("Test", name, testworld.Day(2017, 3, 1))).ID, lines...)
}

// requestOf files the allocated request of person for the lines.
func (f *fix) requestOf(t testing.TB, person int64, lines ...line) int64 {
	t.Helper()
	var in []requests.LineInput
	for _, l := range lines {
		in = append(in, requests.LineInput{ItemID: l.item, Size: l.size})
	}
	r, err := f.Services.Requests.Submit(f.ctx, f.coord, requests.Input{CampaignID: f.campaign.ID, PersonID: person,
		ApplicantKind: requests.ByParent, ApplicantName: "Parent", ApplicantPhone: "+7 701 555 12 34",
		Channel: requests.Centre, Locale: "ru", Lines: in, Via: "web"})
	must(t, err)
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		r, err = f.Services.Requests.Transition(f.ctx, f.coord, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"})
		must(t, err)
	}
	var holds []stock.Hold
	for i, l := range lines {
		holds = append(holds, stock.Hold{RequestID: r.ID, Line: i + 1, WarehouseID: f.point.ID, ItemID: l.item,
			Size: l.size, Quantity: 1})
	}
	must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error { return f.Services.Stock.Reserve(f.ctx, tx, holds) }))
	_, err = f.Services.Requests.Transition(f.ctx, f.coord, r.ID, requests.Move{To: requests.Allocated,
		Version: r.Version, Via: "web"})
	must(t, err)
	return r.ID
}

// kit is a request line for the campaign's kit.
func (f *fix) kit() line { return line{item: f.campaign.Kit} }

// uniform is a request line for a school uniform of size 128.
func (f *fix) uniform() line { return line{item: f.campaign.Uniform, size: "128"} }

// computer is a request line for a computer.
func (f *fix) computer() line { return line{item: f.pc} }

// handOver hands lines of request over at the fixture's event with a
// signature, by the warehouse keeper.
func (f *fix) handOver(request int64, lines ...distribution.LineInput) (distribution.Handover, error) {
	return f.d.HandOver(f.ctx, f.wh, distribution.HandoverInput{EventID: f.event.ID, RequestID: request, Lines: lines,
		Proof: distribution.Signature, Signature: signature(), Locale: "en", Via: "web"})
}

// status is request id's status.
func (f *fix) status(t testing.TB, id int64) requests.Status {
	t.Helper()
	var st string
	must(t, f.DB.R.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, "SELECT status FROM requests WHERE id = $1"), id).Scan(&st))
	return requests.Status(st)
}

func (f *fix) scalar(t testing.TB, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := f.DB.W.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// state is the size of the tables a handover writes and every balance,
// to show that a refusal changed nothing.
func (f *fix) state(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	for _, tab := range []string{"stock_docs", "stock_moves", "stock_holds WHERE status = 'held'", "handovers",
		"handover_lines", "request_events", "outbox", "audit_log"} {
		fmt.Fprintf(&b, "%s=%d ", tab, f.scalar(t, "SELECT count(*) FROM "+tab))
	}
	fmt.Fprintf(&b, "on_hand=%d reserved=%d issued=%d", f.scalar(t, "SELECT COALESCE(SUM(on_hand), 0) FROM stock_balances"),
		f.scalar(t, "SELECT COALESCE(SUM(reserved), 0) FROM stock_balances"),
		f.scalar(t, "SELECT count(*) FROM stock_units WHERE state = 'issued'"))
	return b.String()
}

// verify fails t when the stock counters disagree with the ledger.
func (f *fix) verify(t testing.TB) {
	t.Helper()
	r, err := f.Services.Stock.Verify(f.ctx)
	if err != nil || len(r.Mismatches) != 0 {
		t.Fatalf("stock verify: %+v %v", r, err)
	}
}

// signature is a PNG of a short stroke, as the screen posts it.
func signature() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	for x := 20; x < 280; x++ {
		for w := range 3 {
			img.Set(x, 50+(x%40)/4+w, color.NRGBA{A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// key is the message key of err, "" when it is not a domain error; for a
// validation error, its first field's.
func key(err error) string {
	e := errs.As(err)
	switch {
	case e == nil:
		return ""
	case len(e.Fields) > 0:
		return e.Fields[0].Key
	}
	return e.Key
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// errsOf is err as a domain error, nil when it is not one.
func errsOf(err error) *errs.Error { return errs.As(err) }

// rebind is query in f's engine's parameters.
func rebind(f *fix, query string) string { return store.Rebind(f.DB.Engine, query) }
