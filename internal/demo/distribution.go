package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// dayFamilies are the families whose children's kits this year's Road to
// School hands over at the central warehouse's distribution point in
// Karaganda: the first DayHanded have collected theirs (by a code sent
// to the phone, by a signature on the tablet, on the signed paper list),
// the others are still to come.
var dayFamilies = []applicant{
	{"Әлімжанова", "Аяулым", "Әлімжанова Салтанат", "+7 701 733 18 40", "kk", requests.Allocated, requests.SchoolList},
	{"Смирнов", "Егор", "Смирнова Наталья", "+7 702 455 90 12", "ru", requests.Allocated, requests.SchoolList},
	{"Досанова", "Амина", "Досанов Ерлан", "+7 705 618 27 73", "kk", requests.Allocated, requests.Centre},
	{"Пак", "Артур", "Пак Светлана", "+7 747 290 31 56", "ru", requests.Allocated, requests.Hotline},
	{"Жұмабек", "Әли", "Жұмабекова Гүлжан", "+7 708 371 64 05", "kk", requests.Allocated, requests.Reception},
}

// DayHanded is how many of the distribution day's families have
// collected their kits; DayWaiting, how many are still to come.
const (
	DayHanded  = 3
	DayWaiting = 5 - DayHanded
)

// DayPlace is where the sample distribution day is held.
const DayPlace = "Тарату пункті, Орталық қойма, Қарағанды"

// seedDistribution opens today's distribution day of this year's Road
// to School at the central warehouse in Karaganda, once: its families'
// requests allocated and held there (with the allocated requests
// before them), and the first DayHanded kits handed over by the
// warehouse keeper, each with another proof.
func seedDistribution(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	win, err := s.Requests.CampaignWindow(ctx, roadSlug(today.Year()))
	if errs.CodeOf(err) == errs.NotFound || err == nil && (win.Status != "open" || today.Before(win.From)) {
		return nil
	}
	if err != nil {
		return err
	}
	central, err := centralWarehouse(ctx, s)
	if err != nil || central == 0 {
		return err
	}
	have, err := s.Distribution.Events(ctx, access.System, distribution.Filter{CampaignID: win.ID, WarehouseID: central})
	if err != nil || len(have) > 0 {
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
	// The day's families' requests are the campaign's latest allocated.
	list, _, err := s.Requests.List(ctx, access.System, requests.Filter{CampaignID: win.ID, Status: requests.Allocated},
		store.Page{Limit: len(dayFamilies)})
	if err != nil {
		return err
	}
	if len(list) != len(dayFamilies) {
		return fmt.Errorf("distribution day: %d requests allocated, want %d", len(list), len(dayFamilies))
	}
	slices.Reverse(list)
	if err := seedHolds(ctx, s, win.ID, central); err != nil {
		return err
	}
	return seedDay(ctx, s, today, win.ID, central, list[:DayHanded])
}

// seedDay plans and opens the day and hands the kits of handed over, one
// proof each: a code, a signature, the signed list's photo.
func seedDay(ctx context.Context, s *services.Services, today time.Time, campaign, central int64,
	handed []requests.Request) error {
	keeper, err := s.Accounts.LookupEmail(ctx, Email("warehouse"))
	if err != nil {
		return err
	}
	coord, err := s.Accounts.LookupEmail(ctx, Email("coordinator"))
	if err != nil {
		return err
	}
	p := keeper.Principal()
	y, m, d := today.Date()
	e, err := s.Distribution.CreateEvent(ctx, p, distribution.EventInput{CampaignID: campaign, WarehouseID: central,
		Place: DayPlace, StartsAt: time.Date(y, m, d, 3, 0, 0, 0, time.UTC), EndsAt: time.Date(y, m, d, 12, 0, 0, 0, time.UTC),
		WholePoint: true, StaffIDs: []int64{keeper.ID, coord.ID}, Note: "Жол мектепке: мектеп тізімдері бойынша жиынтықтар"})
	if err != nil {
		return err
	}
	if e, err = s.Distribution.SetStatus(ctx, p, e.ID, e.Version, distribution.Open); err != nil {
		return err
	}
	give := func(r requests.Request, in distribution.HandoverInput) error {
		in.EventID, in.RequestID, in.Lines, in.Via = e.ID, r.ID, []distribution.LineInput{{Line: 1}}, "web"
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
	_, err = s.Distribution.SendCode(ctx, p, e.ID, handed[0].ID)
	s.Distribution.SetSender(was)
	if err != nil {
		return err
	}
	msg, _ := phone.Last(handed[0].ID)
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
		Note: "Signed on the paper list of School №12"})
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
