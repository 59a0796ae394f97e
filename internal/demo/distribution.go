package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/services"
)

// dayFamilies are families of Karaganda region whose requests to this
// year's Road to School are approved before the sample allocation's first
// round: the round holds kits at the central warehouse for those it
// serves, and the distribution day there hands the first DayHanded of
// its list over (by a code sent to the phone, by a signature on the
// tablet, on the signed paper list); the others are still to come.
var dayFamilies = []applicant{
	{"Әлімжанова", "Аяулым", "Әлімжанова Салтанат", "+7 701 733 18 40", "kk", requests.Approved, requests.SchoolList},
	{"Смирнов", "Егор", "Смирнова Наталья", "+7 702 455 90 12", "ru", requests.Approved, requests.SchoolList},
	{"Досанова", "Амина", "Досанов Ерлан", "+7 705 618 27 73", "kk", requests.Approved, requests.Centre},
	{"Пак", "Артур", "Пак Светлана", "+7 747 290 31 56", "ru", requests.Approved, requests.Hotline},
	{"Жұмабек", "Әли", "Жұмабекова Гүлжан", "+7 708 371 64 05", "kk", requests.Approved, requests.Reception},
}

// DayHanded is how many families have collected their kits at the
// distribution day.
const DayHanded = 3

// DayPlace is where the sample distribution day is held.
const DayPlace = "Тарату пункті, Орталық қойма, Қарағанды"

// roadDay is this year's Road to School and its central warehouse when
// the campaign takes applications and has no distribution day there yet;
// ok is false otherwise, and the day is left alone.
func roadDay(ctx context.Context, s *services.Services, today time.Time) (win requests.Window, central int64, ok bool, err error) {
	win, err = s.Requests.CampaignWindow(ctx, roadSlug(today.Year()))
	if errs.CodeOf(err) == errs.NotFound || err == nil && (win.Status != "open" || today.Before(win.From)) {
		return win, 0, false, nil
	}
	if err != nil {
		return win, 0, false, err
	}
	if central, err = centralWarehouse(ctx, s); err != nil || central == 0 {
		return win, 0, false, err
	}
	have, err := s.Distribution.Events(ctx, access.System, distribution.Filter{CampaignID: win.ID, WarehouseID: central})
	return win, central, err == nil && len(have) == 0, err
}

// seedDayRequests records the day's families' approved requests, before
// the allocation decides them.
func seedDayRequests(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	win, _, ok, err := roadDay(ctx, s, today)
	if err != nil || !ok {
		return err
	}
	offer, err := s.Requests.Offer(ctx, win.ID)
	if err != nil || len(offer) == 0 {
		return err
	}
	set := requestSet{slug: roadSlug, region: "KZ-35", org: "fund", grade: 1, status: people.Pupil, applicants: dayFamilies}
	for i := range dayFamilies {
		day := win.From.AddDate(0, 0, i)
		if day.After(today) {
			day = today
		}
		if err := seedRequest(ctx, s, ids, set, win.ID, offer[0], i, day, today); err != nil {
			return fmt.Errorf("distribution day family %d: %w", i, err)
		}
	}
	return nil
}

// seedDistribution opens today's distribution day of this year's Road
// to School at the central warehouse in Karaganda, once, after the
// allocation: its list is every kit the allocation holds there, and the
// warehouse keeper hands the first DayHanded families' over, each with
// another proof.
func seedDistribution(ctx context.Context, s *services.Services, today time.Time) error {
	win, central, ok, err := roadDay(ctx, s, today)
	if err != nil || !ok {
		return err
	}
	keeper, err := s.Accounts.LookupEmail(ctx, Email("warehouse"))
	if err != nil {
		return err
	}
	coord, err := s.Accounts.LookupEmail(ctx, Email("coordinator"))
	if err != nil {
		return err
	}
	y, m, d := today.Date()
	e, err := openDay(ctx, s, keeper.Principal(), distribution.EventInput{CampaignID: win.ID, WarehouseID: central,
		Place: DayPlace, StartsAt: time.Date(y, m, d, 3, 0, 0, 0, time.UTC), EndsAt: time.Date(y, m, d, 12, 0, 0, 0, time.UTC),
		WholePoint: true, StaffIDs: []int64{keeper.ID, coord.ID}, Note: "Жол мектепке: мектеп тізімдері бойынша жиынтықтар"})
	if err != nil {
		return err
	}
	rows, err := heldRows(ctx, s, e, DayHanded)
	if err != nil {
		return err
	}
	if len(rows) < DayHanded {
		return fmt.Errorf("distribution day: %d kits held, want at least %d", len(rows), DayHanded)
	}
	return seedDay(ctx, s, keeper.Principal(), e, rows)
}

// openDay plans a distribution day and opens it.
func openDay(ctx context.Context, s *services.Services, p access.Principal, in distribution.EventInput) (distribution.Event, error) {
	e, err := s.Distribution.CreateEvent(ctx, p, in)
	if err != nil {
		return e, err
	}
	return s.Distribution.SetStatus(ctx, p, e.ID, e.Version, distribution.Open)
}

// heldRows are the first n lines of day e's list held there and not
// handed over, one a request, in the list's order.
func heldRows(ctx context.Context, s *services.Services, e distribution.Event, n int) ([]distribution.Row, error) {
	_, rows, err := s.Distribution.Lines(ctx, access.System, e.ID)
	if err != nil {
		return nil, err
	}
	var out []distribution.Row
	seen := map[int64]bool{}
	for _, r := range rows {
		if len(out) < n && r.HeldAt == e.WarehouseID && !r.Handed() && !seen[r.RequestID] {
			out = append(out, r)
			seen[r.RequestID] = true
		}
	}
	return out, nil
}

// seedDay hands the lines of handed over at day e, one proof each: a
// code, a signature, the signed list's photo.
func seedDay(ctx context.Context, s *services.Services, p access.Principal, e distribution.Event, handed []distribution.Row) error {
	give := func(r distribution.Row, in distribution.HandoverInput) error {
		in.EventID, in.RequestID, in.Lines, in.Via = e.ID, r.RequestID, []distribution.LineInput{{Line: r.Line}}, "web"
		if _, err := s.Distribution.HandOver(ctx, p, in); err != nil {
			return fmt.Errorf("hand over %s: %w", r.Reference, err)
		}
		return nil
	}
	// The first family gives the code sent to its phone. The demo has no
	// phones: the code goes to a recorder of this seed's own.
	phone := requests.NewRecorder(requests.SMS)
	was := s.Distribution.Sender()
	s.Distribution.SetSender(phone)
	_, err := s.Distribution.SendCode(ctx, p, e.ID, handed[0].RequestID)
	s.Distribution.SetSender(was)
	if err != nil {
		return err
	}
	msg, _ := phone.Last(handed[0].RequestID)
	if err := give(handed[0], distribution.HandoverInput{Proof: distribution.Code, Code: msg.Args["Code"]}); err != nil {
		return err
	}
	if err := give(handed[1], distribution.HandoverInput{Proof: distribution.Signature, Signature: drawnSignature()}); err != nil {
		return err
	}
	if _, err := s.Distribution.AttachPhoto(ctx, p, e.ID, "signed-list-1.png", signedList()); err != nil {
		return err
	}
	return give(handed[2], distribution.HandoverInput{Proof: distribution.ListPhoto,
		Note: "Подписи в бумажном списке школы №12"})
}

// drawnSignature is a signature as a guardian draws it on the tablet.
func drawnSignature() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 600, 200))
	ink := color.NRGBA{R: 16, G: 36, B: 62, A: 255}
	for i := range 2400 {
		t := float64(i) / 2400
		x := 60 + 480*t
		y := 100 + 45*math.Sin(t*5*math.Pi)*math.Exp(-t) + 12*math.Sin(t*31)
		for dx := range 3 {
			img.Set(int(x)+dx, int(y), ink)
		}
	}
	return encode(img)
}

// signedList is a photo of a signed paper list: a page of ruled lines
// with a scrawl on some.
func signedList() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 420, 594))
	for y := range 594 {
		for x := range 420 {
			c := color.NRGBA{R: 250, G: 248, B: 240, A: 255}
			if y > 60 && y%36 == 0 && x > 20 && x < 400 {
				c = color.NRGBA{R: 90, G: 90, B: 90, A: 255}
			}
			if y > 60 && x > 300 && x < 390 && (y/36)%2 == 0 && int(8*math.Sin(float64(x)/6))+y%36 == 18 {
				c = color.NRGBA{R: 20, G: 40, B: 120, A: 255}
			}
			img.Set(x, y, c)
		}
	}
	return encode(img)
}

func encode(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // an in-memory image always encodes
	}
	return b.Bytes()
}

// centralWarehouse is the id of the sample central warehouse, 0 when
// there is none.
func centralWarehouse(ctx context.Context, s *services.Services) (int64, error) {
	ws, err := s.Stock.Warehouses(ctx, access.System)
	for _, w := range ws {
		if w.Code == demoWarehouses[0].code {
			return w.ID, err
		}
	}
	return 0, err
}
